-- Several Asterisk servers: each user lives on one (null = gateway.ami.default-server).
ALTER TABLE app_user ADD COLUMN pbx_server VARCHAR(64);
