-- +goose Up
ALTER TABLE matches ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';

-- +goose Down
ALTER TABLE matches DROP COLUMN skills;
