-- Profile Gateway schema: directory, profiles, desired PBX state, history, accounts.
-- Portable SQL: the same file runs on H2 (embedded default) and PostgreSQL (production).

CREATE SEQUENCE user_group_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE team_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE workplace_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE app_user_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE api_token_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE profile_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE switch_history_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE user_group (
    id           BIGINT       NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    language     VARCHAR(16)  NOT NULL,
    time_zone    VARCHAR(64)  NOT NULL,
    office_hours VARCHAR      NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT uk_group_name UNIQUE (name)
);

CREATE TABLE team (
    id       BIGINT       NOT NULL PRIMARY KEY,
    name     VARCHAR(64)  NOT NULL,
    queue    VARCHAR(64)  NOT NULL,
    group_id BIGINT REFERENCES user_group (id),
    version  BIGINT       NOT NULL,
    CONSTRAINT uk_team_name UNIQUE (name),
    CONSTRAINT uk_team_queue UNIQUE (queue)
);

CREATE TABLE workplace (
    id       BIGINT       NOT NULL PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    device   VARCHAR(100) NOT NULL,
    group_id BIGINT REFERENCES user_group (id),
    version  BIGINT       NOT NULL,
    CONSTRAINT uk_workplace_name UNIQUE (name),
    CONSTRAINT uk_workplace_device UNIQUE (device)
);

CREATE TABLE app_user (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    extension           VARCHAR(20),
    display_name        VARCHAR(100) NOT NULL,
    email               VARCHAR(254),
    mobile              VARCHAR(32),
    entra_object_id     VARCHAR(36),
    primary_group_id    BIGINT REFERENCES user_group (id),
    role                VARCHAR(16)  NOT NULL,
    profile_personal    BOOLEAN      NOT NULL,
    vip                 BOOLEAN      NOT NULL,
    username            VARCHAR(64),
    password_hash       VARCHAR(100),
    credentials_version INTEGER      NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT uk_user_extension UNIQUE (extension),
    CONSTRAINT uk_user_email UNIQUE (email),
    CONSTRAINT uk_user_username UNIQUE (username)
);

CREATE TABLE user_group_member (
    user_id  BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES user_group (id),
    PRIMARY KEY (user_id, group_id)
);

CREATE TABLE user_device (
    user_id  BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    device   VARCHAR(100) NOT NULL,
    PRIMARY KEY (user_id, position)
);

CREATE TABLE api_token (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    user_id    BIGINT                   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name       VARCHAR(100)             NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash)
);

CREATE TABLE profile (
    id            BIGINT       NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    color         VARCHAR(7)   NOT NULL,
    icon          VARCHAR(64)  NOT NULL,
    icon_visible  BOOLEAN      NOT NULL,
    sticky        BOOLEAN      NOT NULL,
    assignment    VARCHAR(16)  NOT NULL,
    presence      VARCHAR(16)  NOT NULL,
    owner_user_id BIGINT REFERENCES app_user (id) ON DELETE CASCADE,
    scope_key     VARCHAR(32)  NOT NULL,
    triggers      VARCHAR      NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_profile_scope_name UNIQUE (scope_key, name)
);

CREATE TABLE profile_role (
    profile_id BIGINT      NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    role       VARCHAR(16) NOT NULL,
    PRIMARY KEY (profile_id, role)
);

CREATE TABLE profile_group (
    profile_id BIGINT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    group_id   BIGINT NOT NULL REFERENCES user_group (id),
    PRIMARY KEY (profile_id, group_id)
);

CREATE TABLE profile_enter_action (
    profile_id      BIGINT      NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    position        INTEGER     NOT NULL,
    type            VARCHAR(20) NOT NULL,
    enabled         BOOLEAN,
    targets         VARCHAR(1000),
    ring_seconds    INTEGER,
    team_id         BIGINT REFERENCES team (id),
    penalty         INTEGER,
    reason          VARCHAR(100),
    workplace_id    BIGINT REFERENCES workplace (id),
    redirect_kind   VARCHAR(16),
    redirect_target VARCHAR(40),
    built_in        BOOLEAN     NOT NULL,
    PRIMARY KEY (profile_id, position)
);

CREATE TABLE profile_leave_action (
    profile_id      BIGINT      NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    position        INTEGER     NOT NULL,
    type            VARCHAR(20) NOT NULL,
    enabled         BOOLEAN,
    targets         VARCHAR(1000),
    ring_seconds    INTEGER,
    team_id         BIGINT REFERENCES team (id),
    penalty         INTEGER,
    reason          VARCHAR(100),
    workplace_id    BIGINT REFERENCES workplace (id),
    redirect_kind   VARCHAR(16),
    redirect_target VARCHAR(40),
    built_in        BOOLEAN     NOT NULL,
    PRIMARY KEY (profile_id, position)
);

-- The desired PBX state of a user, with the active profile it follows from (pbx.md state table).
CREATE TABLE user_state (
    user_id               BIGINT                   NOT NULL PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    active_profile_id     BIGINT                   NOT NULL REFERENCES profile (id),
    previous_profile_id   BIGINT REFERENCES profile (id) ON DELETE SET NULL,
    active_since          TIMESTAMP WITH TIME ZONE NOT NULL,
    active_source         VARCHAR(16)              NOT NULL,
    reachable             BOOLEAN                  NOT NULL,
    redirect_always       VARCHAR(40),
    redirect_busy         VARCHAR(40),
    redirect_no_answer    VARCHAR(40),
    followme_enabled      BOOLEAN                  NOT NULL,
    followme_targets      VARCHAR(1000),
    followme_ring_seconds INTEGER                  NOT NULL,
    gsm_enabled           BOOLEAN                  NOT NULL,
    workplace_id          BIGINT REFERENCES workplace (id),
    state_version         BIGINT                   NOT NULL,
    CONSTRAINT uk_user_state_workplace UNIQUE (workplace_id)
);
CREATE INDEX ix_user_state_active_profile ON user_state (active_profile_id);

CREATE TABLE user_team_state (
    user_id      BIGINT       NOT NULL REFERENCES user_state (user_id) ON DELETE CASCADE,
    team_id      BIGINT       NOT NULL REFERENCES team (id),
    penalty      INTEGER      NOT NULL,
    paused       BOOLEAN      NOT NULL,
    pause_reason VARCHAR(100),
    PRIMARY KEY (user_id, team_id)
);

CREATE TABLE switch_history (
    id                BIGINT                   NOT NULL PRIMARY KEY,
    user_id           BIGINT                   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    at                TIMESTAMP WITH TIME ZONE NOT NULL,
    from_profile_id   BIGINT,
    from_profile_name VARCHAR(100),
    to_profile_id     BIGINT                   NOT NULL,
    to_profile_name   VARCHAR(100)             NOT NULL,
    source            VARCHAR(16)              NOT NULL,
    actor             VARCHAR(100)             NOT NULL,
    outcome           VARCHAR(16)              NOT NULL,
    detail            VARCHAR(500)
);
CREATE INDEX ix_switch_history_user ON switch_history (user_id, id);

-- The two SYSTEM profiles: Available (all endpoints on) and DND (all endpoints off), with their built-in step.
INSERT INTO profile (id, name, color, icon, icon_visible, sticky, assignment, presence, owner_user_id, scope_key, triggers, version)
VALUES (1, 'Available', '#2E7D32', 'check-circle', TRUE, FALSE, 'SYSTEM', 'AVAILABLE', NULL, 'shared', '[]', 0);
INSERT INTO profile (id, name, color, icon, icon_visible, sticky, assignment, presence, owner_user_id, scope_key, triggers, version)
VALUES (2, 'DND', '#C62828', 'minus-circle', TRUE, FALSE, 'SYSTEM', 'DND', NULL, 'shared', '[]', 0);
INSERT INTO profile_enter_action (profile_id, position, type, enabled, built_in) VALUES (1, 0, 'SET_REACHABILITY', TRUE, TRUE);
INSERT INTO profile_enter_action (profile_id, position, type, enabled, built_in) VALUES (2, 0, 'SET_REACHABILITY', FALSE, TRUE);
