-- +goose Up
-- Failed sign-ins per key ("account:EMAIL" or "client:ADDRESS") in the
-- current window, so that throttling holds across server instances.
CREATE TABLE signin_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start TIMESTAMP NOT NULL
);
CREATE INDEX auth_sessions_expires ON auth_sessions(expires_at);

-- +goose Down
DROP INDEX auth_sessions_expires;
DROP TABLE signin_failures;
