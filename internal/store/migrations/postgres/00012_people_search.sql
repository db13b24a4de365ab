-- +goose Up
-- Name, title and e-mail folded to lower case by the application (Unicode,
-- not only ASCII as SQLite's lower()), so that search works alike on both
-- databases. Existing rows are filled in by store.DB.Migrate.
ALTER TABLE people ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE people DROP COLUMN search_text;
