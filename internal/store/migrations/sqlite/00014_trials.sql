-- +goose Up
-- Format trials: programs of different formats run as one randomised
-- comparison. A program is an arm of at most one trial; a person is
-- assigned once per trial, with what the assignment was computed from
-- (stratum and position in it) and their seniority and department then.
CREATE TABLE trials (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE trial_arms (
    trial_id INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
    program_id INTEGER NOT NULL UNIQUE REFERENCES programs(id) ON DELETE CASCADE,
    PRIMARY KEY (trial_id, program_id)
);

CREATE TABLE trial_assignments (
    trial_id INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    program_id INTEGER NOT NULL,
    stratum TEXT NOT NULL,
    position INTEGER NOT NULL,
    seniority INTEGER NOT NULL,
    department TEXT NOT NULL,
    enrollment_id INTEGER REFERENCES enrollments(id) ON DELETE SET NULL,
    role TEXT NOT NULL,
    assigned_at TIMESTAMP NOT NULL,
    PRIMARY KEY (trial_id, person_id),
    UNIQUE (trial_id, stratum, position),
    FOREIGN KEY (trial_id, program_id) REFERENCES trial_arms(trial_id, program_id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE trial_assignments;
DROP TABLE trial_arms;
DROP TABLE trials;
