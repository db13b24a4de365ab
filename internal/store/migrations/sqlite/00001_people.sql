-- +goose Up
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    phone TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    manager_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    seniority INTEGER NOT NULL,
    years_experience INTEGER NOT NULL DEFAULT 0,
    location TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '[]',
    background TEXT NOT NULL DEFAULT '[]',
    birth_year INTEGER NOT NULL DEFAULT 0,
    availability TEXT NOT NULL DEFAULT '[]',
    bio TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX people_department ON people(department);
CREATE INDEX people_manager ON people(manager_id);

CREATE TABLE skills (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL DEFAULT ''
);

CREATE TABLE skill_aliases (
    alias_lower TEXT PRIMARY KEY,
    alias TEXT NOT NULL,
    skill_id INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE
);

CREATE TABLE person_skills (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    level INTEGER NOT NULL,
    offers BOOLEAN NOT NULL,
    wants BOOLEAN NOT NULL,
    PRIMARY KEY (person_id, skill_id)
);
CREATE INDEX person_skills_skill ON person_skills(skill_id);

-- +goose Down
DROP TABLE person_skills;
DROP TABLE skill_aliases;
DROP TABLE skills;
DROP TABLE people;
