-- +goose Up
-- Self-select matching: one participant's pick of another in a program.
-- A mentee's pick of a mentor waits for the mentor's answer; in one-pool
-- formats a mutual pick makes the match. Score, summary, factors and skills
-- are the engine's view of the pair when the pick was made; the match formed
-- from the pick carries them. The unique key keeps one row per ordered pair: a
-- withdrawn pick is reopened rather than repeated.
CREATE TABLE picks (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    picker_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    picked_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    score DOUBLE PRECISION NOT NULL DEFAULT 0,
    summary TEXT NOT NULL DEFAULT '',
    factors TEXT NOT NULL DEFAULT '[]',
    skills TEXT NOT NULL DEFAULT '[]',
    match_id INTEGER REFERENCES matches(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (program_id, picker_id, picked_id)
);
CREATE INDEX picks_picker ON picks(picker_id, status);
CREATE INDEX picks_picked ON picks(picked_id, status);

-- +goose Down
DROP TABLE picks;
