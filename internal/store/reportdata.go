package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
)

// ReportData reads what the reports measure (report.Data) for every program,
// in a few whole-table queries; the at-risk list is the caller's to add (it
// comes from package momentum). It reads one consistent snapshot where the
// database offers one (a read-only transaction).
//
// Two approximations, because the store keeps no separate timestamps for
// them: a relationship starts when its match was created (a proposal is
// answered within days; demo and API matches are created accepted or
// answered soon after) and stops at its last state change when it is
// completed, ended or paused. A person's cohort is their generation (from
// the birth year).
func (d *DB) ReportData(ctx context.Context) (*report.Data, error) {
	return d.reportData(ctx, true)
}

// HealthData is ReportData without what only outcomes read (goals,
// feedback, assessments, surveys): the health report needs none of them,
// and feedback alone is the largest table.
func (d *DB) HealthData(ctx context.Context) (*report.Data, error) {
	return d.reportData(ctx, false)
}

func (d *DB) reportData(ctx context.Context, outcomes bool) (*report.Data, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: d.dialect == Postgres})
	if err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	defer tx.Rollback()
	out := &report.Data{}
	steps := []func(context.Context, *sql.Tx, *report.Data) error{reportPrograms, reportEnrollments, reportMatches, reportMeetings, reportCheckIns}
	if outcomes {
		steps = append(steps, reportGoals, reportFeedback, reportAssessments, reportSurveys)
	}
	for _, step := range steps {
		if err := step(ctx, tx, out); err != nil {
			return nil, fmt.Errorf("report data: %w", err)
		}
	}
	return out, nil
}

// eachRow runs query and calls scan for every row.
func eachRow(ctx context.Context, tx *sql.Tx, query string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// dateTime reads a stored YYYY-MM-DD date as midnight UTC (zero for "").
func dateTime(s sql.NullString) time.Time {
	if !s.Valid || s.String == "" {
		return time.Time{}
	}
	t, _ := time.Parse("2006-01-02", s.String)
	return t
}

func reportPrograms(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT `+programColumns+` FROM programs ORDER BY id`, func(rows *sql.Rows) error {
		p, err := scanProgram(rows)
		if err != nil {
			return err
		}
		rp := report.Program{ID: p.ID, Name: p.Name, Format: p.Format, Cadence: p.Options.MeetingCadence}
		if p.StartDate != nil {
			rp.Start = p.StartDate.Time
		}
		if p.EndDate != nil {
			rp.End = p.EndDate.Time
		}
		out.Programs = append(out.Programs, rp)
		return nil
	})
}

func reportEnrollments(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT e.person_id, e.program_id, e.role, e.capacity, e.status, e.created_at, p.seniority, p.department, p.birth_year
		FROM enrollments e JOIN people p ON p.id = e.person_id ORDER BY e.id`, func(rows *sql.Rows) error {
		var e report.Enrollment
		var birth int
		if err := rows.Scan(&e.PersonID, &e.ProgramID, &e.Role, &e.Capacity, &e.Status, &e.JoinedAt, &e.Seniority, &e.Department, &birth); err != nil {
			return err
		}
		e.JoinedAt, e.Cohort = e.JoinedAt.UTC(), mentor.Generation(birth)
		out.Enrollments = append(out.Enrollments, e)
		return nil
	})
}

// reportMatches reads published matches as proposals and the accepted ones
// as relationships.
func reportMatches(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	type member struct {
		report.Member
		reason string
	}
	members := map[int64][]member{}
	err := eachRow(ctx, tx, `SELECT match_id, person_id, role, reason FROM match_members ORDER BY match_id, person_id`, func(rows *sql.Rows) error {
		var id int64
		var m member
		if err := rows.Scan(&id, &m.PersonID, &m.Role, &m.reason); err != nil {
			return err
		}
		members[id] = append(members[id], m)
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, tx, `SELECT id, program_id, state, created_at, updated_at FROM matches WHERE state <> $1 ORDER BY id`, func(rows *sql.Rows) error {
		var id, program int64
		var state mentor.MatchState
		var created, updated time.Time
		if err := rows.Scan(&id, &program, &state, &created, &updated); err != nil {
			return err
		}
		created, updated = created.UTC(), updated.UTC()
		p := report.Proposal{MatchID: id, ProgramID: program, ProposedAt: created, Outcome: report.OutcomeAccepted}
		rel := report.Relationship{ID: id, ProgramID: program, State: state, Started: created}
		for _, m := range members[id] {
			p.Members = append(p.Members, m.PersonID)
			rel.Members = append(rel.Members, m.Member)
			if m.reason == "expired" {
				p.Outcome = report.OutcomeExpired
			}
		}
		switch state {
		case mentor.MatchProposed:
			p.Outcome = report.OutcomePending
		case mentor.MatchDeclined:
			if p.Outcome != report.OutcomeExpired {
				p.Outcome = report.OutcomeDeclined
			}
		case mentor.MatchCompleted, mentor.MatchEnded, mentor.MatchPaused:
			rel.Stopped = updated
			fallthrough
		default:
			out.Relationships = append(out.Relationships, rel)
		}
		out.Proposals = append(out.Proposals, p)
		return nil
	}, mentor.MatchDraft)
}

func reportGoals(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT id, owner_id, program_id, match_id, due_date, status, baseline, target, current_value FROM goals ORDER BY id`,
		func(rows *sql.Rows) error {
			var g report.Goal
			var program, match sql.NullInt64
			var due sql.NullString
			var baseline, target, current float64
			if err := rows.Scan(&g.ID, &g.OwnerID, &program, &match, &due, &g.Status, &baseline, &target, &current); err != nil {
				return err
			}
			g.ProgramID, g.RelationshipID, g.Due = program.Int64, match.Int64, dateTime(due)
			mg := mentor.Goal{Baseline: &baseline, Target: &target, Current: current}
			g.Progress = mg.Progress()
			out.Goals = append(out.Goals, g)
			return nil
		})
}

func reportMeetings(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT id, match_id, starts_at, status FROM meetings ORDER BY id`, func(rows *sql.Rows) error {
		var m report.Meeting
		if err := rows.Scan(&m.ID, &m.RelationshipID, &m.At, &m.Status); err != nil {
			return err
		}
		m.At = m.At.UTC()
		out.Meetings = append(out.Meetings, m)
		return nil
	})
}

func reportFeedback(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT meeting_id, author_id, rating, style FROM feedback ORDER BY id`, func(rows *sql.Rows) error {
		var f report.Feedback
		if err := rows.Scan(&f.MeetingID, &f.AuthorID, &f.Rating, &f.Style); err != nil {
			return err
		}
		out.Feedback = append(out.Feedback, f)
		return nil
	})
}

func reportCheckIns(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT match_id, person_id, pulse, created_at FROM check_ins ORDER BY id`, func(rows *sql.Rows) error {
		var c report.CheckIn
		if err := rows.Scan(&c.RelationshipID, &c.PersonID, &c.Pulse, &c.At); err != nil {
			return err
		}
		c.At = c.At.UTC()
		out.CheckIns = append(out.CheckIns, c)
		return nil
	})
}

// reportAssessments reads assessments with their skill's name and the
// program of the match they were made in (0 for none).
func reportAssessments(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT a.person_id, m.program_id, a.match_id, s.name, a.level, a.kind, a.assessed_at
		FROM assessments a JOIN skills s ON s.id = a.skill_id LEFT JOIN matches m ON m.id = a.match_id ORDER BY a.id`,
		func(rows *sql.Rows) error {
			var a report.Assessment
			var program, match sql.NullInt64
			if err := rows.Scan(&a.PersonID, &program, &match, &a.Skill, &a.Level, &a.Kind, &a.At); err != nil {
				return err
			}
			a.ProgramID, a.RelationshipID, a.At = program.Int64, match.Int64, a.At.UTC()
			out.Assessments = append(out.Assessments, a)
			return nil
		})
}

func reportSurveys(ctx context.Context, tx *sql.Tx, out *report.Data) error {
	return eachRow(ctx, tx, `SELECT person_id, program_id, rating, recommend, created_at FROM surveys ORDER BY id`, func(rows *sql.Rows) error {
		var s report.Survey
		if err := rows.Scan(&s.PersonID, &s.ProgramID, &s.Rating, &s.Recommend, &s.At); err != nil {
			return err
		}
		s.At = s.At.UTC()
		out.Surveys = append(out.Surveys, s)
		return nil
	})
}
