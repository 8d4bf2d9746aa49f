-- Activations (README "Activations"): who owns the active profile (and so who ends it), when it ends by itself, and
-- the stack of activations beneath it that the user returns to. Refused switches are history rows too, and the
-- history outlives a deleted user (no foreign key: the row keeps his name and extension). A receptionist's override
-- may end by itself. Same SQL for H2 and PostgreSQL.

ALTER TABLE user_state ADD COLUMN active_kind VARCHAR(16) DEFAULT 'BASE' NOT NULL;
ALTER TABLE user_state ADD COLUMN active_until TIMESTAMP WITH TIME ZONE;
-- a Teams activation was recognised by its source until now
UPDATE user_state SET active_kind = 'TEAMS' WHERE active_source = 'TEAMS';
CREATE INDEX ix_user_state_active_until ON user_state (active_until);

CREATE TABLE user_activation (
    user_id    BIGINT                   NOT NULL REFERENCES user_state (user_id) ON DELETE CASCADE,
    position   INTEGER                  NOT NULL,
    profile_id BIGINT                   NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    kind       VARCHAR(16)              NOT NULL,
    source     VARCHAR(16)              NOT NULL,
    since      TIMESTAMP WITH TIME ZONE,
    until_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, position)
);
CREATE INDEX ix_user_activation_profile ON user_activation (profile_id);
CREATE INDEX ix_user_activation_until ON user_activation (until_at);

-- switch_history again, without the cascading foreign key on user_id, with the user's name and extension as they
-- were, and without a target profile for a refusal that named none
CREATE TABLE switch_history_v7 (
    id                BIGINT                   NOT NULL PRIMARY KEY,
    user_id           BIGINT                   NOT NULL,
    user_name         VARCHAR(100),
    user_extension    VARCHAR(20),
    at                TIMESTAMP WITH TIME ZONE NOT NULL,
    from_profile_id   BIGINT,
    from_profile_name VARCHAR(100),
    to_profile_id     BIGINT,
    to_profile_name   VARCHAR(100),
    source            VARCHAR(16)              NOT NULL,
    actor             VARCHAR(100)             NOT NULL,
    outcome           VARCHAR(16)              NOT NULL,
    detail            VARCHAR(500)
);
INSERT INTO switch_history_v7 (id, user_id, user_name, user_extension, at, from_profile_id, from_profile_name,
                               to_profile_id, to_profile_name, source, actor, outcome, detail)
SELECT h.id, h.user_id, u.display_name, u.extension, h.at, h.from_profile_id, h.from_profile_name, h.to_profile_id,
       h.to_profile_name, h.source, h.actor, h.outcome, h.detail
FROM switch_history h LEFT JOIN app_user u ON u.id = h.user_id;
DROP TABLE switch_history;
ALTER TABLE switch_history_v7 RENAME TO switch_history;
CREATE INDEX ix_switch_history_user ON switch_history (user_id, id);
CREATE INDEX ix_switch_history_at ON switch_history (at);

ALTER TABLE office_state ADD COLUMN override_until TIMESTAMP WITH TIME ZONE;
