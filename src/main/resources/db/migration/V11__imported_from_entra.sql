-- V11: the mark of users a directory import brought in (or matched) from Entra ID (app_user.imported_from_entra).
-- An Entra import deletes as GONE only portal-only users it marked itself. Same SQL for H2 and PostgreSQL.
ALTER TABLE app_user ADD COLUMN imported_from_entra BOOLEAN DEFAULT FALSE NOT NULL;
