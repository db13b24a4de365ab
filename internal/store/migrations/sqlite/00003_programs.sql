-- +goose Up
CREATE TABLE programs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL,
    status TEXT NOT NULL,
    mode TEXT NOT NULL,
    slug TEXT UNIQUE,
    start_date TEXT,
    end_date TEXT,
    options TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE enrollments (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    status TEXT NOT NULL,
    goals TEXT NOT NULL DEFAULT '',
    answers TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL,
    UNIQUE (program_id, person_id)
);
CREATE INDEX enrollments_person ON enrollments(person_id);

CREATE TABLE match_runs (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    seed INTEGER NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    inputs TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL,
    total DOUBLE PRECISION NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE matches (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    run_id INTEGER REFERENCES match_runs(id) ON DELETE SET NULL,
    cycle INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL DEFAULT 0,
    summary TEXT NOT NULL DEFAULT '',
    factors TEXT NOT NULL DEFAULT '[]',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX matches_program ON matches(program_id);

CREATE TABLE match_members (
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    response TEXT NOT NULL DEFAULT 'pending',
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (match_id, person_id)
);
CREATE INDEX match_members_person ON match_members(person_id);

-- +goose Down
DROP TABLE match_members;
DROP TABLE matches;
DROP TABLE match_runs;
DROP TABLE enrollments;
DROP TABLE programs;
