-- +goose Up
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL,
    recommend BOOLEAN NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    UNIQUE (program_id, person_id)
);

-- +goose Down
DROP TABLE surveys;
