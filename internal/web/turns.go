package web

import (
	"context"
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// nextTurn returns who comes after last among the match's members, in
// member order, wrapping around; the first member when last is nil.
func nextTurn(m *mentor.Match, last *int64) *int64 {
	if len(m.Members) == 0 {
		return nil
	}
	i := 0
	if last != nil {
		i = slices.IndexFunc(m.Members, func(mm mentor.MatchMember) bool { return mm.PersonID == *last }) + 1
	}
	id := m.Members[i%len(m.Members)].PersonID
	return &id
}

// assignTurns fills in whose turn a new meeting is, when the caller left it
// open: in peer programs the mentee role alternates each session, in skill
// swaps the learning (and so the teaching) direction alternates, and in
// circles the facilitator rotates through the members.
func (s *Server) assignTurns(ctx context.Context, m *mentor.Match, mt *mentor.Meeting) error {
	p, err := s.DB.Program(ctx, m.ProgramID)
	if err != nil {
		return err
	}
	rotatesMentee := p.Format == mentor.FormatPeer || p.Format == mentor.FormatSkillSwap
	rotatesFacilitator := p.Format == mentor.FormatCircles
	if !(rotatesMentee && mt.MenteeID == nil || rotatesFacilitator && mt.FacilitatorID == nil) {
		return nil
	}
	prev, _, err := s.DB.Meetings(ctx, store.MeetingFilter{MatchID: m.ID, Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		return err
	}
	var lastMentee, lastFacilitator *int64
	var latest *mentor.Meeting
	for i := range prev {
		if prev[i].Status == "cancelled" || prev[i].StartsAt.After(mt.StartsAt) {
			continue
		}
		if latest == nil || prev[i].StartsAt.After(latest.StartsAt) {
			latest = &prev[i]
		}
	}
	if latest != nil {
		lastMentee, lastFacilitator = latest.MenteeID, latest.FacilitatorID
	}
	if rotatesMentee && mt.MenteeID == nil {
		mt.MenteeID = nextTurn(m, lastMentee)
	}
	if rotatesFacilitator && mt.FacilitatorID == nil {
		mt.FacilitatorID = nextTurn(m, lastFacilitator)
		if mt.Kind == "" || mt.Kind == mentor.MeetingRegular {
			mt.Kind = mentor.MeetingCircle
		}
	}
	return nil
}
