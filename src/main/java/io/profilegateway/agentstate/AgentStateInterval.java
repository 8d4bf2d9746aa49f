package io.profilegateway.agentstate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stretch of time a user spent in one state in one team; {@code endedAt == null}: it still lasts. */
@Entity
@Table(name = "agent_state_interval")
public class AgentStateInterval extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "agent_state_interval_seq")
    @SequenceGenerator(name = "agent_state_interval_seq", sequenceName = "agent_state_interval_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    @Column(name = "team_id")
    public long teamId;

    @Enumerated(EnumType.STRING)
    public AgentState state;

    public String reason;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
