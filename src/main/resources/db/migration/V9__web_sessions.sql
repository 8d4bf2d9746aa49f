-- The web page's sign-in sessions (local accounts). The cookie pgw_session carries a random id; only its SHA-256 is
-- stored. A session counts while the user's credentials_version is the one it was made with (a password change ends
-- it), until expires_at, and while it was seen within the idle timeout; deleting the user deletes it.
-- In the database, so that every node of a cluster knows every session. Same SQL for H2 and PostgreSQL.

CREATE TABLE web_session (
    id_hash             VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id             BIGINT                   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    credentials_version INTEGER                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_web_session_user ON web_session (user_id);
CREATE INDEX ix_web_session_expires ON web_session (expires_at);
