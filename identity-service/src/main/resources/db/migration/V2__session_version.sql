-- Revoking every session of a user increments this; access tokens carry it as claim "sv" and anything that sees a
-- token with an older version (this service, the gateway after the sessions-revoked event) rejects it.
alter table users add column session_version integer not null default 0;
