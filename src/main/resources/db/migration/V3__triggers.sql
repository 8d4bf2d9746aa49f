-- Triggers: per-user opt-outs, fired occurrences (exactly once per occurrence, across nodes and restarts),
-- and each group's office state (for transitions and the receptionist's override).

CREATE TABLE trigger_opt_out (
    user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    profile_id BIGINT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, profile_id)
);

CREATE TABLE trigger_firing (
    firing_key VARCHAR(300)             NOT NULL PRIMARY KEY,
    fired_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE office_state (
    group_id       BIGINT                   NOT NULL PRIMARY KEY REFERENCES user_group (id) ON DELETE CASCADE,
    state          VARCHAR(8)               NOT NULL,
    since          TIMESTAMP WITH TIME ZONE NOT NULL,
    override_state VARCHAR(8),
    override_by    VARCHAR(100),
    override_at    TIMESTAMP WITH TIME ZONE
);
