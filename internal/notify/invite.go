package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// InviteMessage is the invitation to a meeting: one e-mail to every attendee
// with an address, with a plain-text summary and the meeting's iCalendar
// (MeetingICS, organizer the mailer's sender) attached as invite.ics of type
// text/calendar. A cancelled meeting gives a cancellation. link may be empty.
func (m *Mailer) InviteMessage(mt mentor.Meeting, attendees []Attendee, link string) Message {
	organizer := Attendee{Name: m.FromName(), Email: m.From()}
	var to, names []string
	for _, a := range attendees {
		if a.Email != "" {
			to = append(to, a.Email)
		}
		if a.Name != "" {
			names = append(names, a.Name)
		}
	}
	title := MeetingTitle(mt.Kind, names)
	when := mt.StartsAt.UTC().Format("Mon 2 Jan 2006 15:04 MST")
	method, verb := "REQUEST", "Invitation"
	if mt.Status == mentor.MeetingCancelled {
		method, verb = "CANCEL", "Cancelled"
	}
	var text strings.Builder
	fmt.Fprintf(&text, "%s\n\nWhen: %s (%d minutes)\n", title, when, mt.Minutes)
	if a := strings.TrimSpace(mt.Agenda); a != "" {
		fmt.Fprintf(&text, "\nAgenda:\n%s\n", a)
	}
	if d := strings.TrimSpace(mt.Dilemma); d != "" {
		fmt.Fprintf(&text, "\nDilemma:\n%s\n", d)
	}
	if link != "" {
		fmt.Fprintf(&text, "\nDetails: %s\n", link)
	}
	text.WriteString("\nThe attached invite.ics adds the meeting to your calendar.\n")
	return Message{
		To:      to,
		Subject: fmt.Sprintf("%s: %s, %s", verb, title, when),
		Text:    text.String(),
		Attachments: []Attachment{{Name: "invite.ics", ContentType: "text/calendar; method=" + method + "; charset=utf-8",
			Data: MeetingICS(mt, attendees, organizer, link, m.now())}},
	}
}

// Invite e-mails the invitation of InviteMessage. Attendees without an
// address are named in the title but get no mail; with no address at all it
// sends nothing and returns an error.
func (m *Mailer) Invite(ctx context.Context, mt mentor.Meeting, attendees []Attendee, link string) error {
	msg := m.InviteMessage(mt, attendees, link)
	if len(msg.To) == 0 {
		return fmt.Errorf("invite to meeting %d: no attendee has an e-mail address", mt.ID)
	}
	ctx, cancel := context.WithTimeout(ctx, 2*m.cfg.Timeout+5*time.Second)
	defer cancel()
	return m.Send(ctx, msg)
}
