-- +goose Up
CREATE TABLE program_cycles (
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    cycle INTEGER NOT NULL,
    started_at TIMESTAMP NOT NULL,
    PRIMARY KEY (program_id, cycle)
);

-- +goose Down
DROP TABLE program_cycles;
