package mentor

import "slices"

// RotatesMentee reports whether meetings of format f take turns at being
// mentee: peer mentoring alternates the mentee each session, and a skill swap
// alternates who learns (and so who teaches).
func (f Format) RotatesMentee() bool { return f == FormatPeer || f == FormatSkillSwap }

// RotatesFacilitator reports whether meetings of format f take turns at
// facilitating: coaching circles do.
func (f Format) RotatesFacilitator() bool { return f == FormatCircles }

// AssignTurns fills in whose turn the new meeting mt of match m is, where the
// caller left it open, from the match's earlier meetings prev (in any order):
// in formats that rotate the mentee (RotatesMentee) the mentee is the member
// after the mentee of the latest meeting not cancelled that starts no later
// than mt (of meetings at the same time, the one created last); in formats that rotate the facilitator (RotatesFacilitator) the
// same holds for the facilitator, and an unset or regular kind becomes a
// circle meeting. Members follow the match's member order, wrapping around;
// with no earlier meeting the first member's turn comes first. A mentee or
// facilitator the caller set is kept.
//
// The store calls it inside the transaction that creates the meeting, with
// the match locked, so that two meetings created at once never get the same
// turn.
func AssignTurns(f Format, m *Match, prev []Meeting, mt *Meeting) {
	mentee := f.RotatesMentee() && mt.MenteeID == nil
	facilitator := f.RotatesFacilitator() && mt.FacilitatorID == nil
	if !mentee && !facilitator {
		return
	}
	var latest *Meeting
	for i := range prev {
		if prev[i].Status == MeetingCancelled || prev[i].StartsAt.After(mt.StartsAt) {
			continue
		}
		if latest == nil || prev[i].StartsAt.After(latest.StartsAt) ||
			prev[i].StartsAt.Equal(latest.StartsAt) && prev[i].ID > latest.ID {
			latest = &prev[i]
		}
	}
	var lastMentee, lastFacilitator *int64
	if latest != nil {
		lastMentee, lastFacilitator = latest.MenteeID, latest.FacilitatorID
	}
	if mentee {
		mt.MenteeID = nextMember(m, lastMentee)
	}
	if facilitator {
		mt.FacilitatorID = nextMember(m, lastFacilitator)
		if mt.Kind == "" || mt.Kind == MeetingRegular {
			mt.Kind = MeetingCircle
		}
	}
}

// nextMember returns who comes after last among the match's members, in
// member order, wrapping around; the first member when last is nil or no
// longer a member; nil for a match without members.
func nextMember(m *Match, last *int64) *int64 {
	if len(m.Members) == 0 {
		return nil
	}
	i := 0
	if last != nil {
		i = slices.IndexFunc(m.Members, func(mm MatchMember) bool { return mm.PersonID == *last }) + 1
	}
	id := m.Members[i%len(m.Members)].PersonID
	return &id
}
