-- Relationships (product.md §5): what a viewer may see of, or do to, an owner.
-- Server paths: each group's defaults, a team's level among its members, monitoring groups' rules between their
-- sub-groups; the owner's personal levels beat them all. Every change is recorded (relationship_change).
-- Same SQL for H2 and PostgreSQL.

ALTER TABLE user_group ADD COLUMN rel_same_group VARCHAR(16) DEFAULT 'EMPLOYEE' NOT NULL;
ALTER TABLE user_group ADD COLUMN rel_other_groups VARCHAR(16) DEFAULT 'EMPLOYEE' NOT NULL;
ALTER TABLE user_group ADD COLUMN rel_outside VARCHAR(16) DEFAULT 'UNKNOWN' NOT NULL;

-- the level the members of a team (users whose desired state holds the queue) have on each other; NULL = none
ALTER TABLE team ADD COLUMN member_relationship VARCHAR(16);

CREATE TABLE personal_relationship (
    owner_id   BIGINT                   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    viewer_id  BIGINT                   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    rel_level  VARCHAR(16)              NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(100)             NOT NULL,
    PRIMARY KEY (owner_id, viewer_id)
);
CREATE INDEX ix_personal_relationship_viewer ON personal_relationship (viewer_id);

CREATE SEQUENCE monitoring_group_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE monitoring_group (
    id       BIGINT       NOT NULL PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    group_id BIGINT REFERENCES user_group (id),
    version  BIGINT       NOT NULL,
    CONSTRAINT uk_monitoring_group_name UNIQUE (name)
);

CREATE TABLE monitoring_member (
    monitoring_group_id BIGINT       NOT NULL REFERENCES monitoring_group (id) ON DELETE CASCADE,
    sub_group           VARCHAR(64)  NOT NULL,
    user_id             BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (monitoring_group_id, sub_group, user_id)
);
CREATE INDEX ix_monitoring_member_user ON monitoring_member (user_id);

CREATE TABLE monitoring_rule (
    monitoring_group_id BIGINT       NOT NULL REFERENCES monitoring_group (id) ON DELETE CASCADE,
    position            INTEGER      NOT NULL,
    viewers             VARCHAR(64)  NOT NULL,
    owners              VARCHAR(64)  NOT NULL,
    rel_level           VARCHAR(16)  NOT NULL,
    PRIMARY KEY (monitoring_group_id, position)
);

-- The record of every change: kept when the users or objects it names are gone (no foreign keys).
CREATE SEQUENCE relationship_change_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE relationship_change (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(100)             NOT NULL,
    subject    VARCHAR(24)              NOT NULL,
    subject_id BIGINT,
    owner_id   BIGINT,
    viewer_id  BIGINT,
    old_value  VARCHAR(1000),
    new_value  VARCHAR(1000)
);
CREATE INDEX ix_relationship_change_owner ON relationship_change (owner_id, id);
