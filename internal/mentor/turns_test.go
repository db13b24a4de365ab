package mentor

import (
	"testing"
	"time"
)

func TestAssignTurns_Cases(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2026, 3, day, 9, 0, 0, 0, time.UTC) }
	id := func(v int64) *int64 { return &v }
	pair := &Match{Members: []MatchMember{{PersonID: 10}, {PersonID: 20}}}
	circle := &Match{Members: []MatchMember{{PersonID: 1}, {PersonID: 2}, {PersonID: 3}}}
	tests := []struct {
		name            string
		format          Format
		match           *Match
		prev            []Meeting
		in              Meeting
		wantMentee      *int64
		wantFacilitator *int64
		wantKind        MeetingKind
	}{
		{name: "peer first meeting: first member", format: FormatPeer, match: pair,
			in: Meeting{StartsAt: at(1)}, wantMentee: id(10)},
		{name: "peer alternates after the latest", format: FormatPeer, match: pair,
			prev: []Meeting{{ID: 1, StartsAt: at(1), MenteeID: id(10)}, {ID: 2, StartsAt: at(8), MenteeID: id(20)}},
			in:   Meeting{StartsAt: at(15)}, wantMentee: id(10)},
		{name: "order of prev does not matter", format: FormatSkillSwap, match: pair,
			prev: []Meeting{{ID: 2, StartsAt: at(8), MenteeID: id(20)}, {ID: 1, StartsAt: at(1), MenteeID: id(10)}},
			in:   Meeting{StartsAt: at(15)}, wantMentee: id(10)},
		{name: "cancelled meetings do not count", format: FormatPeer, match: pair,
			prev: []Meeting{{ID: 1, StartsAt: at(1), MenteeID: id(10)}, {ID: 2, StartsAt: at(8), MenteeID: id(20), Status: MeetingCancelled}},
			in:   Meeting{StartsAt: at(15)}, wantMentee: id(20)},
		{name: "later meetings do not count", format: FormatPeer, match: pair,
			prev: []Meeting{{ID: 1, StartsAt: at(1), MenteeID: id(10)}, {ID: 2, StartsAt: at(20), MenteeID: id(20)}},
			in:   Meeting{StartsAt: at(15)}, wantMentee: id(20)},
		{name: "same start: the one created last counts", format: FormatPeer, match: pair,
			prev: []Meeting{{ID: 5, StartsAt: at(1), MenteeID: id(20)}, {ID: 4, StartsAt: at(1), MenteeID: id(10)}},
			in:   Meeting{StartsAt: at(1)}, wantMentee: id(10)},
		{name: "a mentee set by the caller is kept", format: FormatPeer, match: pair,
			prev: []Meeting{{ID: 1, StartsAt: at(1), MenteeID: id(20)}},
			in:   Meeting{StartsAt: at(8), MenteeID: id(20)}, wantMentee: id(20)},
		{name: "a former member's turn passes to the first", format: FormatPeer, match: pair,
			prev: []Meeting{{ID: 1, StartsAt: at(1), MenteeID: id(99)}},
			in:   Meeting{StartsAt: at(8)}, wantMentee: id(10)},
		{name: "mentoring takes no turns", format: FormatMentoring, match: pair,
			prev: []Meeting{{ID: 1, StartsAt: at(1), MenteeID: id(10)}}, in: Meeting{StartsAt: at(8)}},
		{name: "circle facilitator rotates and wraps", format: FormatCircles, match: circle,
			prev: []Meeting{{ID: 1, StartsAt: at(1), FacilitatorID: id(3)}},
			in:   Meeting{StartsAt: at(8), Kind: MeetingRegular}, wantFacilitator: id(1), wantKind: MeetingCircle},
		{name: "circle keeps a non-regular kind", format: FormatCircles, match: circle,
			prev: []Meeting{{ID: 1, StartsAt: at(1), FacilitatorID: id(1)}},
			in:   Meeting{StartsAt: at(8), Kind: MeetingCheckIn}, wantFacilitator: id(2), wantKind: MeetingCheckIn},
		{name: "a match without members gets no turn", format: FormatPeer, match: &Match{}, in: Meeting{StartsAt: at(1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mt := tt.in
			AssignTurns(tt.format, tt.match, tt.prev, &mt)
			if !samePtr(mt.MenteeID, tt.wantMentee) {
				t.Errorf("mentee %v, want %v", deref(mt.MenteeID), deref(tt.wantMentee))
			}
			if !samePtr(mt.FacilitatorID, tt.wantFacilitator) {
				t.Errorf("facilitator %v, want %v", deref(mt.FacilitatorID), deref(tt.wantFacilitator))
			}
			if tt.wantKind != "" && mt.Kind != tt.wantKind {
				t.Errorf("kind %q, want %q", mt.Kind, tt.wantKind)
			}
		})
	}
}

func samePtr(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func deref(p *int64) any {
	if p == nil {
		return "none"
	}
	return *p
}
