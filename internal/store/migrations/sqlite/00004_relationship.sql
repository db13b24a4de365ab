-- +goose Up
CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    match_id INTEGER REFERENCES matches(id) ON DELETE SET NULL,
    program_id INTEGER REFERENCES programs(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    metric TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    baseline DOUBLE PRECISION NOT NULL,
    target DOUBLE PRECISION NOT NULL,
    current_value DOUBLE PRECISION NOT NULL,
    plan TEXT NOT NULL,
    skill_id INTEGER REFERENCES skills(id) ON DELETE SET NULL,
    relevance TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX goals_owner ON goals(owner_id);
CREATE INDEX goals_match ON goals(match_id);

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    due_date TEXT,
    done BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX milestones_goal ON milestones(goal_id);

CREATE TABLE progress_updates (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    value DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX progress_updates_goal ON progress_updates(goal_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    minutes INTEGER NOT NULL,
    kind TEXT NOT NULL,
    agenda TEXT NOT NULL DEFAULT '',
    mentee_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    dilemma TEXT NOT NULL DEFAULT '',
    facilitator_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    shared_notes TEXT NOT NULL DEFAULT '',
    attendance TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX meetings_match ON meetings(match_id);

CREATE TABLE meeting_notes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    private BOOLEAN NOT NULL,
    text TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX meeting_notes_meeting ON meeting_notes(meeting_id);

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL,
    style TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    UNIQUE (meeting_id, author_id)
);

CREATE TABLE check_ins (
    id INTEGER PRIMARY KEY,
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    pulse INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX check_ins_match ON check_ins(match_id);

CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    assessor_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    phase TEXT NOT NULL,
    level INTEGER NOT NULL,
    match_id INTEGER REFERENCES matches(id) ON DELETE SET NULL,
    assessed_at TIMESTAMP NOT NULL
);
CREATE INDEX assessments_person ON assessments(person_id);

CREATE TABLE office_hours (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    minutes INTEGER NOT NULL,
    topics TEXT NOT NULL DEFAULT '[]',
    booked_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL
);

-- +goose Down
DROP TABLE office_hours;
DROP TABLE assessments;
DROP TABLE check_ins;
DROP TABLE feedback;
DROP TABLE meeting_notes;
DROP TABLE meetings;
DROP TABLE progress_updates;
DROP TABLE milestones;
DROP TABLE goals;
