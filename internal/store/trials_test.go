package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// trialProgram creates a program of format f and moves it to status.
func trialProgram(tb testing.TB, db *store.DB, name string, f mentor.Format, status mentor.Status, opts func(*mentor.Program)) int64 {
	tb.Helper()
	ctx := context.Background()
	p := &mentor.Program{Name: name, Format: f}
	if opts != nil {
		opts(p)
	}
	if err := db.CreateProgram(ctx, p); err != nil {
		tb.Fatal(err)
	}
	for _, s := range []mentor.Status{mentor.StatusEnrolling, mentor.StatusMatching} {
		if p.Status == status {
			break
		}
		if _, err := db.SetProgramStatus(ctx, p.ID, s); err != nil {
			tb.Fatal(err)
		}
		p.Status = s
	}
	return p.ID
}

func TestStore_CreateTrial(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mentoring := trialProgram(t, db, "Mentoring", mentor.FormatMentoring, mentor.StatusEnrolling, nil)
		peer := trialProgram(t, db, "Peer", mentor.FormatPeer, mentor.StatusMatching, nil)
		peer2 := trialProgram(t, db, "Peer again", mentor.FormatPeer, mentor.StatusEnrolling, nil)
		circles := trialProgram(t, db, "Circles draft", mentor.FormatCircles, mentor.StatusDraft, nil)
		peer3 := trialProgram(t, db, "Peer once more", mentor.FormatPeer, mentor.StatusEnrolling, nil)
		shadow := trialProgram(t, db, "Shadow for Sales", mentor.FormatShadow, mentor.StatusEnrolling, func(p *mentor.Program) {
			p.Options.CohortDepartments = []string{"Sales"}
		})
		tr := &mentor.Trial{Name: "Mentor or peer?", Seed: 42}
		if err := db.CreateTrial(ctx, tr, []int64{peer, mentoring}); err != nil {
			t.Fatal(err)
		}
		if tr.ID == 0 || tr.Status != mentor.TrialOpen || len(tr.Arms) != 2 || tr.Arms[0].ProgramID != mentoring || tr.Arms[1].Format != mentor.FormatPeer {
			t.Fatalf("created %+v", tr)
		}
		got, err := db.Trial(ctx, tr.ID)
		if err != nil || got.Seed != 42 || got.Name != "Mentor or peer?" || len(got.Arms) != 2 || got.Arms[1].Name != "Peer" {
			t.Fatalf("read back %+v, %v", got, err)
		}
		for _, tc := range []struct {
			name    string
			ids     []int64
			message string
		}{
			{"a draft program", []int64{peer2, circles}, "draft"},
			{"already in a trial", []int64{mentoring, peer2}, "already an arm"},
			{"unknown program", []int64{peer2, peer2 + 1000}, "does not exist"},
			{"cohorts differ", []int64{peer2, shadow}, "cohort"},
			{"same format", []int64{peer2, peer3}, "different formats"},
		} {
			err := db.CreateTrial(ctx, &mentor.Trial{Name: tc.name}, tc.ids)
			fields := mentor.ErrorFields(err)
			if mentor.ErrorCode(err) != mentor.EINVALID || len(fields) == 0 || fields[0].Field != "program_ids" ||
				!strings.Contains(fmt.Sprint(fields), tc.message) {
				t.Errorf("%s: %v %v, want EINVALID on program_ids saying %q", tc.name, err, fields, tc.message)
			}
		}
		random := &mentor.Trial{Name: "No seed given"}
		if err := db.CreateTrial(ctx, random, []int64{peer2, trialProgram(t, db, "Flash", mentor.FormatFlash, mentor.StatusEnrolling, nil)}); err != nil {
			t.Fatal(err)
		}
		if random.Seed < 1 || random.Seed > mentor.MaxTrialSeed {
			t.Errorf("random seed %d out of range", random.Seed)
		}
		list, _, err := db.Trials(ctx, store.Page{})
		if err != nil || len(list) != 2 || list[0].ID != tr.ID {
			t.Fatalf("list %+v, %v", list, err)
		}
		if ids, err := db.TrialProgramIDs(ctx); err != nil || len(ids) != 4 || slices.Contains(ids, peer3) {
			t.Errorf("trial programs %v, %v", ids, err)
		}
		if _, err := db.CloseTrial(ctx, tr.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CloseTrial(ctx, tr.ID); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Errorf("closing twice: %v", err)
		}
		if _, err := db.CloseTrial(ctx, 999); mentor.ErrorCode(err) != mentor.ENOTFOUND {
			t.Errorf("closing an unknown trial: %v", err)
		}
	})
}

// TestStore_TrialVolunteersConcurrent sends 48 volunteers of four strata at
// once into a trial of three arms and checks that every stratum is balanced
// to within one, that each assignment is the rule's arm for its stratum and
// position, and that each volunteer is enrolled in their arm.
func TestStore_TrialVolunteersConcurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		arms := []int64{
			trialProgram(t, db, "Mentoring", mentor.FormatMentoring, mentor.StatusEnrolling, nil),
			trialProgram(t, db, "Peer", mentor.FormatPeer, mentor.StatusEnrolling, nil),
			trialProgram(t, db, "Circles", mentor.FormatCircles, mentor.StatusEnrolling, nil),
		}
		tr := &mentor.Trial{Name: "Three ways", Seed: 7}
		if err := db.CreateTrial(ctx, tr, arms); err != nil {
			t.Fatal(err)
		}
		var people []int64
		for i := range 48 {
			p := &mentor.Person{Name: fmt.Sprintf("Volunteer %d", i), Email: fmt.Sprintf("v%d@example.com", i),
				Seniority: 1 + 4*(i%2), Department: []string{"Data", "Sales"}[i/2%2]}
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			people = append(people, p.ID)
		}
		var wg sync.WaitGroup
		errs := make(chan error, len(people))
		for w := range 8 {
			wg.Go(func() {
				for i := w; i < len(people); i += 8 {
					if _, err := db.Volunteer(ctx, tr.ID, people[i]); err != nil {
						errs <- fmt.Errorf("volunteer %d: %w", people[i], err)
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		list, err := db.TrialAssignments(ctx, tr.ID)
		if err != nil || len(list) != len(people) {
			t.Fatalf("%d assignments, %v", len(list), err)
		}
		checkTrialAssignments(t, db, tr, list)
		got, _ := db.Trial(ctx, tr.ID)
		if got.Assigned != len(people) || got.Arms[0].Assigned+got.Arms[1].Assigned+got.Arms[2].Assigned != len(people) {
			t.Errorf("counts %+v", got)
		}
	})
}

// checkTrialAssignments checks balance per stratum, the rule and the enrollments.
func checkTrialAssignments(t *testing.T, db *store.DB, tr *mentor.Trial, list []mentor.TrialAssignment) {
	t.Helper()
	counts := map[string][]int{}
	positions := map[string][]int{}
	for _, a := range list {
		i := slices.IndexFunc(tr.Arms, func(arm mentor.TrialArm) bool { return arm.ProgramID == a.ProgramID })
		if want := report.TrialArm(tr.Seed, a.Stratum, a.Position, len(tr.Arms)); i != want {
			t.Errorf("person %d at %s #%d is in arm %d, the rule says %d", a.PersonID, a.Stratum, a.Position, i, want)
		}
		if counts[a.Stratum] == nil {
			counts[a.Stratum] = make([]int, len(tr.Arms))
		}
		counts[a.Stratum][i]++
		positions[a.Stratum] = append(positions[a.Stratum], a.Position)
		e, err := db.Enrollment(context.Background(), a.EnrollmentID)
		if err != nil || e.PersonID != a.PersonID || e.ProgramID != a.ProgramID || e.Role != mentor.TrialRole(tr.Arms[i].Format) {
			t.Errorf("enrollment of %+v: %+v, %v", a, e, err)
		}
	}
	if len(counts) != 4 {
		t.Errorf("strata %v, want 4", counts)
	}
	for s, c := range counts {
		if slices.Max(c)-slices.Min(c) > 1 {
			t.Errorf("stratum %s has arms %v, more than one apart", s, c)
		}
		if p := slices.Sorted(slices.Values(positions[s])); p[0] != 0 || p[len(p)-1] != len(p)-1 || len(slices.Compact(p)) != len(positions[s]) {
			t.Errorf("stratum %s positions %v, want 0..%d once each", s, p, len(p)-1)
		}
	}
}

func TestStore_VolunteerRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mentoring := trialProgram(t, db, "Mentoring", mentor.FormatMentoring, mentor.StatusEnrolling, nil)
		peer := trialProgram(t, db, "Peer", mentor.FormatPeer, mentor.StatusEnrolling, nil)
		tr := &mentor.Trial{Name: "Rules"}
		if err := db.CreateTrial(ctx, tr, []int64{mentoring, peer}); err != nil {
			t.Fatal(err)
		}
		person := func(email string) int64 {
			p := &mentor.Person{Name: "P " + email, Email: email, Seniority: 3, Department: "Data"}
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			return p.ID
		}
		ana, ben := person("ana@example.com"), person("ben@example.com")
		a, err := db.Volunteer(ctx, tr.ID, ana)
		if err != nil || a.Stratum != "mid-level|Data" || a.Position != 0 || a.Seniority != 3 {
			t.Fatalf("assignment %+v, %v", a, err)
		}
		wantCode := func(name string, err error, code, field string) {
			t.Helper()
			fields := mentor.ErrorFields(err)
			if mentor.ErrorCode(err) != code || (field != "" && (len(fields) == 0 || fields[0].Field != field)) {
				t.Errorf("%s: %v %v, want %s on %q", name, err, fields, code, field)
			}
		}
		_, err = db.Volunteer(ctx, tr.ID, ana)
		wantCode("again", err, mentor.ECONFLICT, "person_id")
		if err := db.CreateEnrollment(ctx, &mentor.Enrollment{ProgramID: peer, PersonID: ben, Role: mentor.RolePeer}); err != nil {
			t.Fatal(err)
		}
		_, err = db.Volunteer(ctx, tr.ID, ben)
		wantCode("enrolled in an arm", err, mentor.ECONFLICT, "person_id")
		_, err = db.Volunteer(ctx, tr.ID, 9999)
		wantCode("unknown person", err, mentor.EINVALID, "person_id")
		_, err = db.Volunteer(ctx, 9999, ana)
		wantCode("unknown trial", err, mentor.ENOTFOUND, "")
		if _, err := db.CloseTrial(ctx, tr.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.Volunteer(ctx, tr.ID, person("cai@example.com"))
		wantCode("closed", err, mentor.ECONFLICT, "")
	})
}
