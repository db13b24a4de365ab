package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// pickWorld is a self-select program in the matching stage with enrolled people.
type pickWorld struct {
	db      *store.DB
	program *mentor.Program
	ids     []int64 // person ids in the order of the roles given
	names   []string
}

// newPickWorld stores a self-select program of format f with options o and
// one person per role, enrolled with the program's default capacity, and
// moves the program to matching.
func newPickWorld(tb testing.TB, db *store.DB, f mentor.Format, o mentor.ProgramOptions, roles ...mentor.Role) *pickWorld {
	tb.Helper()
	ctx := context.Background()
	w := &pickWorld{db: db, program: &mentor.Program{Name: "Self-select " + string(f), Format: f, Mode: mentor.ModeSelfSelect,
		Status: mentor.StatusEnrolling, Options: o}}
	if err := db.CreateProgram(ctx, w.program); err != nil {
		tb.Fatal(err)
	}
	for i, role := range roles {
		name := fmt.Sprintf("%s%d", role, i)
		p := newPerson(name, fmt.Sprintf("%s-%d-%d@example.com", role, w.program.ID, i))
		if err := db.CreatePerson(ctx, p); err != nil {
			tb.Fatal(err)
		}
		if err := db.CreateEnrollment(ctx, &mentor.Enrollment{ProgramID: w.program.ID, PersonID: p.ID, Role: role}); err != nil {
			tb.Fatal(err)
		}
		w.ids = append(w.ids, p.ID)
		w.names = append(w.names, name)
	}
	p, err := db.SetProgramStatus(ctx, w.program.ID, mentor.StatusMatching)
	if err != nil {
		tb.Fatal(err)
	}
	w.program = p
	return w
}

// pick makes person i pick person j and returns the pick or the error.
func (w *pickWorld) pick(i, j int) (*mentor.Pick, error) {
	k := &mentor.Pick{ProgramID: w.program.ID, PickerID: w.ids[i], PickedID: w.ids[j], Score: float64(50 + i + j),
		Summary: fmt.Sprintf("%s and %s fit", w.names[i], w.names[j]),
		Factors: []mentor.MatchFactor{{Name: "skill", Score: 0.5, Weight: 40, Reason: "shared skills"}},
		Skills:  []mentor.SkillExchange{{FromID: w.ids[j], ToID: w.ids[i], Skill: "Go", Level: 4}}}
	err := w.db.CreatePick(context.Background(), k)
	return k, err
}

// mustPick is pick that fails the test on an error.
func (w *pickWorld) mustPick(tb testing.TB, i, j int) *mentor.Pick {
	tb.Helper()
	k, err := w.pick(i, j)
	if err != nil {
		tb.Fatalf("%s picks %s: %v", w.names[i], w.names[j], err)
	}
	return k
}

// status returns the stored status of a pick.
func (w *pickWorld) status(tb testing.TB, id int64) mentor.PickStatus {
	tb.Helper()
	k, err := w.db.Pick(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return k.Status
}

// liveMatches returns the program's accepted matches of person i.
func (w *pickWorld) liveMatches(tb testing.TB, i int) []mentor.Match {
	tb.Helper()
	ms, _, err := w.db.Matches(context.Background(), store.MatchFilter{ProgramID: w.program.ID, PersonID: w.ids[i], Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		tb.Fatal(err)
	}
	return ms
}

func TestStore_CreatePick_Rules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// 0, 1 mentees; 2, 3 mentors; 4 waitlisted mentee; 5 outside the program.
		w := newPickWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{}, mentor.RoleMentee, mentor.RoleMentee, mentor.RoleMentor, mentor.RoleMentor)
		late := newPerson("Late", "late@example.com")
		outsider := newPerson("Out", "out@example.com")
		for _, p := range []*mentor.Person{late, outsider} {
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.CreateEnrollment(ctx, &mentor.Enrollment{ProgramID: w.program.ID, PersonID: late.ID, Role: mentor.RoleMentee}); err != nil {
			t.Fatal(err)
		}
		w.ids, w.names = append(w.ids, late.ID, outsider.ID), append(w.names, "Late", "Out")
		first := w.mustPick(t, 0, 2)
		if first.Status != mentor.PickPending || first.PickerName != "mentee0" || first.PickedName != "mentor2" || first.Score != 52 ||
			len(first.Factors) != 1 || first.MatchID != nil || first.CreatedAt.IsZero() {
			t.Fatalf("first pick: %+v", first)
		}
		if got, err := db.Pick(ctx, first.ID); err != nil || got.Summary != first.Summary || got.Status != mentor.PickPending {
			t.Fatalf("stored pick: %+v %v", got, err)
		}

		review := &mentor.Program{Name: "Review mode", Format: mentor.FormatMentoring, Status: mentor.StatusMatching}
		circles := &mentor.Program{Name: "Circles", Format: mentor.FormatCircles, Mode: mentor.ModeSelfSelect, Status: mentor.StatusMatching}
		enrolling := &mentor.Program{Name: "Enrolling", Format: mentor.FormatPeer, Mode: mentor.ModeSelfSelect, Status: mentor.StatusEnrolling}
		for _, p := range []*mentor.Program{review, circles, enrolling} {
			if err := db.CreateProgram(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name          string
			program       int64
			picker, pick  int
			code          string
			field, phrase string
		}{
			{"a mentor picks", w.program.ID, 2, 0, mentor.ECONFLICT, "", "mentees pick their mentors"},
			{"a mentee picks a mentee", w.program.ID, 0, 1, mentor.EINVALID, "person_id", ""},
			{"oneself", w.program.ID, 0, 0, mentor.EINVALID, "person_id", ""},
			{"the same mentor twice", w.program.ID, 0, 2, mentor.ECONFLICT, "person_id", "already picked"},
			{"a waitlisted mentee picks", w.program.ID, 4, 3, mentor.ECONFLICT, "", "waitlist"},
			{"somebody outside the program picks", w.program.ID, 5, 3, mentor.ECONFLICT, "", "not enrolled"},
			{"a mentee picks somebody outside", w.program.ID, 1, 5, mentor.EINVALID, "person_id", ""},
			{"a program in review mode", review.ID, 0, 2, mentor.ECONFLICT, "", "review mode"},
			{"a circles program", circles.ID, 0, 2, mentor.ECONFLICT, "", "not matched by picks"},
			{"a program still enrolling", enrolling.ID, 0, 2, mentor.ECONFLICT, "", "enrolling"},
			{"a missing program", 9999, 0, 2, mentor.ENOTFOUND, "", ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				k := &mentor.Pick{ProgramID: tc.program, PickerID: w.ids[tc.picker], PickedID: w.ids[tc.pick]}
				err := db.CreatePick(ctx, k)
				if mentor.ErrorCode(err) != tc.code || !strings.Contains(err.Error(), tc.phrase) {
					t.Fatalf("want %s mentioning %q, got %v", tc.code, tc.phrase, err)
				}
				if tc.field != "" && (len(mentor.ErrorFields(err)) == 0 || mentor.ErrorFields(err)[0].Field != tc.field) {
					t.Fatalf("want field %s, got %v", tc.field, err)
				}
			})
		}
		err := db.CreatePick(ctx, &mentor.Pick{ProgramID: w.program.ID, PickerID: w.ids[0], PickedID: 99999})
		wantInvalid(t, err, "person_id")
		err = db.CreatePick(ctx, &mentor.Pick{Message: strings.Repeat("x", 1001)})
		wantInvalid(t, err, "program_id", "picker_id", "person_id", "message")
		list, _, err := db.Picks(ctx, store.PickFilter{ProgramID: w.program.ID})
		if err != nil || len(list) != 1 || list[0].ID != first.ID {
			t.Fatalf("refused picks must store nothing: %+v %v", list, err)
		}
		_, _, err = db.Picks(ctx, store.PickFilter{Status: "maybe"})
		wantInvalid(t, err, "status")
	})
}

func TestStore_CreatePick_PendingCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newPickWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{MaxPendingRequests: 2},
			mentor.RoleMentee, mentor.RoleMentor, mentor.RoleMentor, mentor.RoleMentor)
		a := w.mustPick(t, 0, 1)
		w.mustPick(t, 0, 2)
		_, err := w.pick(0, 3)
		if mentor.ErrorCode(err) != mentor.ECONFLICT || !strings.Contains(err.Error(), "max_pending_requests = 2") {
			t.Fatalf("a third pick over a cap of 2: %v", err)
		}
		if _, err := db.WithdrawPick(ctx, a.ID, w.ids[1]); mentor.ErrorCode(err) != mentor.EFORBIDDEN {
			t.Fatalf("the picked person withdraws: %v", err)
		}
		if _, err := db.WithdrawPick(ctx, a.ID, w.ids[3]); mentor.ErrorCode(err) != mentor.ENOTFOUND {
			t.Fatalf("a stranger withdraws: %v", err)
		}
		got, err := db.WithdrawPick(ctx, a.ID, w.ids[0])
		if err != nil || got.Status != mentor.PickWithdrawn {
			t.Fatalf("withdraw: %+v %v", got, err)
		}
		if _, err := db.WithdrawPick(ctx, a.ID, w.ids[0]); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("withdraw twice: %v", err)
		}
		w.mustPick(t, 0, 3)
		if _, err := w.pick(0, 1); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("reopening a withdrawn pick must respect the cap: %v", err)
		}
		if _, err := db.WithdrawPick(ctx, w.mustPickID(t, 0, 3), w.ids[0]); err != nil {
			t.Fatal(err)
		}
		again := w.mustPick(t, 0, 1)
		if again.ID != a.ID || again.Status != mentor.PickPending || again.Reason != "" {
			t.Fatalf("a withdrawn pick is reopened in place: %+v (was %d)", again, a.ID)
		}
		pending, _, _ := db.Picks(ctx, store.PickFilter{PickerID: w.ids[0], Status: mentor.PickPending})
		if len(pending) != 2 {
			t.Fatalf("%d pending picks, want 2", len(pending))
		}
	})
}

// mustPickID returns the id of person i's pick of person j.
func (w *pickWorld) mustPickID(tb testing.TB, i, j int) int64 {
	tb.Helper()
	list, _, err := w.db.Picks(context.Background(), store.PickFilter{ProgramID: w.program.ID, PickerID: w.ids[i], PickedID: w.ids[j]})
	if err != nil || len(list) != 1 {
		tb.Fatalf("pick of %d by %d: %v %v", j, i, list, err)
	}
	return list[0].ID
}

func TestStore_RespondToPick_Mentoring(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// Mentors 3 and 4 take one mentee each.
		w := newPickWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{DefaultCapacity: 1},
			mentor.RoleMentee, mentor.RoleMentee, mentor.RoleMentee, mentor.RoleMentor, mentor.RoleMentor)
		a03 := w.mustPick(t, 0, 3)
		a04 := w.mustPick(t, 0, 4)
		a13 := w.mustPick(t, 1, 3)
		a24 := w.mustPick(t, 2, 4)
		if _, err := db.RespondToPick(ctx, a03.ID, w.ids[0], true, ""); mentor.ErrorCode(err) != mentor.EFORBIDDEN {
			t.Fatalf("the picker accepts: %v", err)
		}
		if _, err := db.RespondToPick(ctx, a03.ID, w.ids[4], true, ""); mentor.ErrorCode(err) != mentor.ENOTFOUND {
			t.Fatalf("another mentor accepts: %v", err)
		}
		if _, err := db.RespondToPick(ctx, 9999, w.ids[3], true, ""); mentor.ErrorCode(err) != mentor.ENOTFOUND {
			t.Fatalf("a missing pick: %v", err)
		}
		if _, err := db.RespondToPick(ctx, a03.ID, w.ids[3], true, strings.Repeat("x", 2001)); mentor.ErrorCode(err) != mentor.EINVALID {
			t.Fatalf("a long reason: %v", err)
		}
		got, err := db.RespondToPick(ctx, a03.ID, w.ids[3], true, "")
		if err != nil || got.Status != mentor.PickAccepted || got.MatchID == nil {
			t.Fatalf("accept: %+v %v", got, err)
		}
		m, err := db.Match(ctx, *got.MatchID)
		if err != nil {
			t.Fatal(err)
		}
		if m.State != mentor.MatchAccepted || m.Score != a03.Score || m.Summary != a03.Summary || len(m.Factors) != 1 || len(m.Members) != 2 ||
			!reflect.DeepEqual(m.Skills, a03.Skills) || len(m.Skills) != 1 ||
			m.Members[0].PersonID != w.ids[3] || m.Members[0].Role != mentor.RoleMentor || m.Members[1].Role != mentor.RoleMentee ||
			m.Members[0].Response != "accepted" || m.Members[1].Response != "accepted" {
			t.Fatalf("match from an accepted pick: %+v", m)
		}
		// Mentee 0 is matched: her other pick closes. Mentor 3 is full: mentee 1's pick closes.
		for _, tc := range []struct {
			name string
			id   int64
			want mentor.PickStatus
		}{{"matched mentee's other pick", a04.ID, mentor.PickWithdrawn}, {"pick of a full mentor", a13.ID, mentor.PickWithdrawn},
			{"unrelated pick", a24.ID, mentor.PickPending}} {
			if got := w.status(t, tc.id); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
		}
		if k, _ := db.Pick(ctx, a13.ID); !strings.Contains(k.Reason, "no room") {
			t.Errorf("closing reason: %q", k.Reason)
		}
		if _, err := db.RespondToPick(ctx, a03.ID, w.ids[3], false, ""); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("answer twice: %v", err)
		}
		for _, tc := range []struct {
			name         string
			picker, pick int
			phrase       string
		}{{"a matched mentee picks again", 0, 4, "already have a match"}, {"a full mentor is picked", 1, 3, "no room left"}} {
			if _, err := w.pick(tc.picker, tc.pick); mentor.ErrorCode(err) != mentor.ECONFLICT || !strings.Contains(err.Error(), tc.phrase) {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		declined, err := db.RespondToPick(ctx, a24.ID, w.ids[4], false, " not my field ")
		if err != nil || declined.Status != mentor.PickDeclined || declined.Reason != "not my field" || declined.MatchID != nil {
			t.Fatalf("decline: %+v %v", declined, err)
		}
		if _, err := w.pick(2, 4); mentor.ErrorCode(err) != mentor.ECONFLICT || !strings.Contains(err.Error(), "declined") {
			t.Fatalf("picking again after a decline: %v", err)
		}
		if n := len(w.liveMatches(t, 4)); n != 0 {
			t.Fatalf("a decline made %d matches", n)
		}
		made, _, _ := db.Picks(ctx, store.PickFilter{PersonID: w.ids[3]})
		if len(made) != 2 {
			t.Fatalf("picks received by mentor 3: %d, want 2", len(made))
		}
	})
}

func TestStore_CreatePick_Mutual(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newPickWorld(t, db, mentor.FormatPeer, mentor.ProgramOptions{MaxPendingRequests: 1},
			mentor.RolePeer, mentor.RolePeer, mentor.RolePeer, mentor.RolePeer)
		ab := w.mustPick(t, 0, 1)
		cb := w.mustPick(t, 2, 1)
		dc := w.mustPick(t, 3, 2)
		// Peer 1 is at the cap of one pending pick, yet picking peer 0 back is mutual.
		bd := w.mustPick(t, 1, 3)
		ba := w.mustPick(t, 1, 0)
		if ba.Status != mentor.PickAccepted || ba.MatchID == nil {
			t.Fatalf("a mutual pick makes the match at once: %+v", ba)
		}
		first, _ := db.Pick(ctx, ab.ID)
		if first.Status != mentor.PickAccepted || first.MatchID == nil || *first.MatchID != *ba.MatchID {
			t.Fatalf("the first pick of a mutual pair: %+v", first)
		}
		m, err := db.Match(ctx, *ba.MatchID)
		if err != nil || m.State != mentor.MatchAccepted || !m.HasMember(w.ids[0]) || !m.HasMember(w.ids[1]) || m.Members[0].Role != mentor.RolePeer {
			t.Fatalf("mutual match: %+v %v", m, err)
		}
		for _, tc := range []struct {
			name string
			id   int64
			want mentor.PickStatus
		}{{"a pick of a matched peer", cb.ID, mentor.PickWithdrawn}, {"a matched peer's pick", bd.ID, mentor.PickWithdrawn},
			{"picks between others", dc.ID, mentor.PickPending}} {
			if got := w.status(t, tc.id); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
		}
		// Accepting a pick is the other way to make a mutual match.
		got, err := db.RespondToPick(ctx, dc.ID, w.ids[2], true, "")
		if err != nil || got.Status != mentor.PickAccepted || got.MatchID == nil {
			t.Fatalf("accept a peer's pick: %+v %v", got, err)
		}
		if _, err := w.pick(3, 0); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("a matched peer picks: %v", err)
		}
	})
}

// TestStore_CreatePick_ConcurrentCap has one mentee pick eight mentors at
// once under a cap of three pending picks: exactly three picks succeed.
func TestStore_CreatePick_ConcurrentCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		roles := []mentor.Role{mentor.RoleMentee, mentor.RoleMentee}
		for range 8 {
			roles = append(roles, mentor.RoleMentor)
		}
		w := newPickWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{MaxPendingRequests: 3}, roles...)
		for mentee := range 2 {
			won := bookAtOnce(t, db, 8, func(i int) error {
				_, err := w.pick(mentee, 2+i)
				return err
			})
			if len(won) != 3 {
				t.Fatalf("mentee %d: %d concurrent picks passed a cap of 3: %v", mentee, len(won), won)
			}
			pending, _, _ := db.Picks(ctx, store.PickFilter{PickerID: w.ids[mentee], Status: mentor.PickPending})
			if len(pending) != 3 {
				t.Fatalf("mentee %d: %d pending picks stored", mentee, len(pending))
			}
		}
	})
}

// TestStore_RespondToPick_ConcurrentCapacity has a mentor of capacity two
// accept six picks at once (exactly two matches), and three mentors accept
// one mentee at once (exactly one match).
func TestStore_RespondToPick_ConcurrentCapacity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		roles := []mentor.Role{mentor.RoleMentor, mentor.RoleMentor, mentor.RoleMentor, mentor.RoleMentor}
		for range 7 {
			roles = append(roles, mentor.RoleMentee)
		}
		w := newPickWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{DefaultCapacity: 2, MaxPendingRequests: 3}, roles...)
		var picks []int64
		for mentee := 4; mentee < 10; mentee++ {
			picks = append(picks, w.mustPick(t, mentee, 0).ID)
		}
		won := bookAtOnce(t, db, len(picks), func(i int) error {
			_, err := db.RespondToPick(ctx, picks[i], w.ids[0], true, "")
			return err
		})
		if len(won) != 2 || len(w.liveMatches(t, 0)) != 2 {
			t.Fatalf("a mentor of capacity 2 accepted %d picks at once and holds %d matches", len(won), len(w.liveMatches(t, 0)))
		}
		for _, id := range picks {
			if s := w.status(t, id); s == mentor.PickPending {
				t.Fatalf("pick %d still pending after the mentor filled up", id)
			}
		}
		last := 10
		var toMentors []int64
		for m := 1; m <= 3; m++ {
			toMentors = append(toMentors, w.mustPick(t, last, m).ID)
		}
		won = bookAtOnce(t, db, 3, func(i int) error {
			_, err := db.RespondToPick(ctx, toMentors[i], w.ids[1+i], true, "")
			return err
		})
		if len(won) != 1 || len(w.liveMatches(t, last)) != 1 {
			t.Fatalf("three mentors accepted one mentee at once: %d succeeded, %d matches", len(won), len(w.liveMatches(t, last)))
		}
	})
}

// TestStore_CreatePick_ConcurrentMutual has pairs of peers pick each other
// at the same moment: every pair ends with exactly one match.
func TestStore_CreatePick_ConcurrentMutual(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		roles := make([]mentor.Role, 8)
		for i := range roles {
			roles[i] = mentor.RolePeer
		}
		w := newPickWorld(t, db, mentor.FormatSkillSwap, mentor.ProgramOptions{}, roles...)
		for pair := 0; pair < len(roles); pair += 2 {
			won := bookAtOnce(t, db, 2, func(i int) error {
				_, err := w.pick(pair+i, pair+1-i)
				return err
			})
			if len(won) != 2 {
				t.Fatalf("pair %d: %d of two mutual picks succeeded", pair, len(won))
			}
			ms := w.liveMatches(t, pair)
			if len(ms) != 1 || !ms[0].HasMember(w.ids[pair+1]) || ms[0].State != mentor.MatchAccepted {
				t.Fatalf("pair %d: matches %+v", pair, ms)
			}
			for i := range 2 {
				if s := w.status(t, w.mustPickID(t, pair+i, pair+1-i)); s != mentor.PickAccepted {
					t.Fatalf("pair %d: pick by %d is %s", pair, i, s)
				}
			}
		}
	})
}

// TestStore_WithdrawPick_RacesAnswers has pickers withdraw while the picked
// mentors accept or decline at the same moment: exactly one of the two wins
// and the stored pick and matches agree with the winner.
func TestStore_WithdrawPick_RacesAnswers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const pairs = 6
		var roles []mentor.Role
		for range pairs {
			roles = append(roles, mentor.RoleMentee, mentor.RoleMentor)
		}
		w := newPickWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{}, roles...)
		for pair := range pairs {
			mentee, mentorAt := 2*pair, 2*pair+1
			k := w.mustPick(t, mentee, mentorAt)
			accept := pair%2 == 0
			won := bookAtOnce(t, db, 2, func(i int) error {
				if i == 0 {
					_, err := db.WithdrawPick(ctx, k.ID, w.ids[mentee])
					return err
				}
				_, err := db.RespondToPick(ctx, k.ID, w.ids[mentorAt], accept, "")
				return err
			})
			if len(won) != 1 {
				t.Fatalf("pair %d: %d of withdraw and answer succeeded", pair, len(won))
			}
			want := mentor.PickWithdrawn
			if won[0] == 1 {
				want = mentor.PickDeclined
				if accept {
					want = mentor.PickAccepted
				}
			}
			if got := w.status(t, k.ID); got != want {
				t.Fatalf("pair %d: pick %s, the winner wants %s", pair, got, want)
			}
			if matched := len(w.liveMatches(t, mentee)) == 1; matched != (want == mentor.PickAccepted) {
				t.Fatalf("pair %d: pick %s but matched = %v", pair, want, matched)
			}
		}
	})
}
