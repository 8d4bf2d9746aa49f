package io.profilegateway.profile;

import io.profilegateway.directory.team.Team;
import io.profilegateway.directory.workplace.Workplace;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Arrays;
import java.util.List;

/** One step of a profile chain as stored: the action type and the parameters that type uses (others are null). */
@Embeddable
public class ActionRow {

    /** The "fill in when switching" marker for a parameter (api.md). */
    public static final String ASK = "ask";

    @Enumerated(EnumType.STRING)
    public ActionType type;

    public Boolean enabled;

    /** FollowMe targets joined by ','. */
    public String targets;

    @Column(name = "ring_seconds")
    public Integer ringSeconds;

    /** FOLLOW_ME: seconds the user's own phones ring before the list (FreePBX's "Initial Ring Time"). */
    @Column(name = "pre_ring_seconds")
    public Integer preRingSeconds;

    @ManyToOne
    @JoinColumn(name = "team_id")
    public Team team;

    public Integer penalty;

    public String reason;

    @ManyToOne
    @JoinColumn(name = "workplace_id")
    public Workplace workplace;

    @Enumerated(EnumType.STRING)
    @Column(name = "redirect_kind")
    public RedirectKind redirectKind;

    @Column(name = "redirect_target")
    public String redirectTarget;

    /** The reachability step of a SYSTEM profile, which cannot be removed. */
    @Column(name = "built_in")
    public boolean builtIn;

    public List<String> targetList() {
        return targets == null || targets.isEmpty() ? List.of() : Arrays.asList(targets.split(","));
    }

    public boolean asksForRedirectTarget() {
        return type == ActionType.SET_REDIRECT && ASK.equals(redirectTarget);
    }
}
