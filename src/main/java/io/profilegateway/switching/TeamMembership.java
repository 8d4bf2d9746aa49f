package io.profilegateway.switching;

import io.profilegateway.directory.team.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** The desired membership of a user in one team (queue): penalty, paused and why. */
@Embeddable
public class TeamMembership {

    @ManyToOne
    @JoinColumn(name = "team_id")
    public Team team;

    public int penalty;

    public boolean paused;

    @Column(name = "pause_reason")
    public String pauseReason;

    protected TeamMembership() {
    }

    TeamMembership(Team team, int penalty) {
        this.team = team;
        this.penalty = penalty;
    }
}
