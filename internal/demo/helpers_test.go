package demo

import (
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// refNow is the reference moment of the tests' organisation.
var refNow = time.Date(2026, 3, 31, 12, 0, 0, 0, time.UTC)

var testOrgOnce = sync.OnceValue(func() *Org { return Generate(7, refNow) })

// otherOrgOnce is a second organisation, so that invariants are checked on
// more than one seed.
var otherOrgOnce = sync.OnceValue(func() *Org { return Generate(2, refNow.AddDate(0, 1, 9)) })

// testOrg returns one shared generated organisation; tests must not modify it.
func testOrg(tb testing.TB) *Org {
	tb.Helper()
	return testOrgOnce()
}

// forOrgs runs check on the shared organisation and on a second one from
// another seed and reference date.
func forOrgs(t *testing.T, check func(t *testing.T, o *Org)) {
	t.Helper()
	t.Run("seed 7", func(t *testing.T) { check(t, testOrgOnce()) })
	t.Run("seed 2", func(t *testing.T) { check(t, otherOrgOnce()) })
}

// eachMatch calls fn for every match of every program.
func eachMatch(tb testing.TB, o *Org, fn func(ps *ProgramSpec, m *MatchSpec)) {
	tb.Helper()
	for pi := range o.Programs {
		ps := &o.Programs[pi]
		for mi := range ps.Matches {
			fn(ps, &ps.Matches[mi])
		}
	}
}

// program returns the program of format f.
func program(tb testing.TB, o *Org, f mentor.Format) *ProgramSpec {
	tb.Helper()
	for i := range o.Programs {
		if o.Programs[i].Program.Format == f {
			return &o.Programs[i]
		}
	}
	tb.Fatalf("no %s program", f)
	return nil
}

// enrollmentOf returns the enrollment of person p in ps, or nil.
func enrollmentOf(ps *ProgramSpec, p int) *EnrollmentSpec {
	for i := range ps.Enrollments {
		if ps.Enrollments[i].Person == p {
			return &ps.Enrollments[i]
		}
	}
	return nil
}

// lastHeld returns the start of the match's last held meeting (zero if none).
func lastHeld(m *MatchSpec) time.Time {
	var t time.Time
	for _, ms := range m.Meetings {
		if ms.Meeting.Status == "held" && ms.Meeting.StartsAt.After(t) {
			t = ms.Meeting.StartsAt
		}
	}
	return t
}

func inWindow(o *Org, t time.Time) bool {
	return !t.Before(o.Start) && !t.After(o.Now)
}

// statusAt returns when the program entered status s (zero if never).
func statusAt(ps *ProgramSpec, s mentor.Status) time.Time {
	for _, tr := range ps.Transitions {
		if tr.To == s {
			return tr.At
		}
	}
	return time.Time{}
}
