-- +goose Up
-- A person's secret calendar-feed address; only a SHA-256 hash of the token is kept.
CREATE TABLE calendar_tokens (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

-- What the momentum sweep has done to a match (remind, warn, pause), one row
-- per match, kind and period. The primary key is the guard that lets only one
-- of several concurrent sweeps (or server instances) act.
CREATE TABLE momentum_marks (
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    period BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (match_id, kind, period)
);

-- A member's report about another member of the same match.
CREATE TABLE abuse_reports (
    id INTEGER PRIMARY KEY,
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    reported_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP
);
CREATE INDEX abuse_reports_status ON abuse_reports(status);

-- +goose Down
DROP TABLE abuse_reports;
DROP TABLE momentum_marks;
DROP TABLE calendar_tokens;
