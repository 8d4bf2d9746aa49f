-- V8: the agent-state history (agent_state_interval), the feature-code favourites (favourite_profile) and the mark
-- of users a directory import brought from the PBX (app_user.imported_from_pbx).

-- Agent-state history (seed 003's agent add-on): per user and team, time-stamped intervals of LOGGED_OUT /
-- AVAILABLE / PAUSED (with the pause reason). The open interval of a user in a team has ended_at NULL; there is at
-- most one, written in the same transaction as the change of the user's desired PBX state that caused it.
-- Same SQL for H2 and PostgreSQL.

CREATE SEQUENCE agent_state_interval_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE agent_state_interval (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    user_id    BIGINT                   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    team_id    BIGINT                   NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    state      VARCHAR(16)              NOT NULL,
    reason     VARCHAR(100),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_agent_state_open ON agent_state_interval (user_id, ended_at);
CREATE INDEX ix_agent_state_started ON agent_state_interval (started_at);
CREATE INDEX ix_agent_state_team ON agent_state_interval (team_id, started_at);

-- The profiles a user cycles through with the feature code *55 (FastAGI), in his order.
CREATE TABLE favourite_profile (
    user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    position   INT    NOT NULL,
    profile_id BIGINT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, position)
);

-- Users a directory import read from the PBX (FreePBX AstDB); hand-made users stay FALSE.
ALTER TABLE app_user ADD COLUMN imported_from_pbx BOOLEAN DEFAULT FALSE NOT NULL;
