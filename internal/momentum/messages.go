package momentum

import (
	"context"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/notify"
)

// message is an e-mail to one person.
type message struct {
	person int64
	msg    notify.Message
}

// reminders writes one reminder per person concerned, each naming only what
// concerns them: members of a silent match hear about the silence, members
// who have not answered a proposal about the proposal, and the author of a
// low check-in about their own check-in (pulses stay private: partners never
// learn of each other's).
func (sw *sweeper) reminders(ctx context.Context, n nudge) ([]message, error) {
	m := n.match.Match
	concerns := map[int64][]string{}
	var order []int64
	add := func(id int64, code string) {
		if _, ok := concerns[id]; !ok {
			order = append(order, id)
		}
		concerns[id] = append(concerns[id], code)
	}
	for _, mm := range m.Members {
		if n.as.Has(ReasonNoMeeting) {
			add(mm.PersonID, ReasonNoMeeting)
		}
		if n.as.Has(ReasonUnanswered) && mm.Response == "pending" {
			add(mm.PersonID, ReasonUnanswered)
		}
		if n.as.Has(ReasonLowPulse) && mm.PersonID == n.match.LatestPulseBy {
			add(mm.PersonID, ReasonLowPulse)
		}
	}
	var out []message
	for _, id := range order {
		p, err := sw.person(ctx, id)
		if err != nil {
			return nil, err
		}
		if p.Email == "" {
			continue
		}
		var body strings.Builder
		fmt.Fprintf(&body, "Hello %s,\n\n", p.Name)
		for _, code := range concerns[id] {
			switch code {
			case ReasonNoMeeting:
				fmt.Fprintf(&body, "It has been %d days since your last meeting with %s (or since your match began). %s suggests meeting every %d days: how about scheduling the next one now?\n\n",
					days(n.as.Silence), partners(m, id), n.program.Name, days(n.rules.Cadence))
			case ReasonUnanswered:
				fmt.Fprintf(&body, "A proposed match with %s is waiting for your answer. Please accept or decline it; unanswered proposals expire after %d days.\n\n",
					partners(m, id), days(n.rules.Expiry))
			case ReasonLowPulse:
				body.WriteString("Your latest check-in said the match is not going well. It can help to talk it through with your partner, or to ask your program coordinator for support; ending a match that does not work is fine too.\n\n")
			}
		}
		sw.footer(&body)
		out = append(out, message{person: id, msg: notify.Message{To: []string{p.Email},
			Subject: "A nudge about your match in " + n.program.Name, Text: body.String()}})
	}
	return out, nil
}

// toMembers writes build's message to every member with an e-mail address.
func (sw *sweeper) toMembers(ctx context.Context, n nudge, build func(n nudge, p *mentor.Person, with string) (string, string)) ([]message, error) {
	var out []message
	for _, mm := range n.match.Match.Members {
		p, err := sw.person(ctx, mm.PersonID)
		if err != nil {
			return nil, err
		}
		if p.Email == "" {
			continue
		}
		subject, text := build(n, p, partners(n.match.Match, p.ID))
		var body strings.Builder
		body.WriteString(text)
		sw.footer(&body)
		out = append(out, message{person: p.ID, msg: notify.Message{To: []string{p.Email}, Subject: subject, Text: body.String()}})
	}
	return out, nil
}

func warningMessage(n nudge, p *mentor.Person, with string) (string, string) {
	left := days(3*n.rules.Cadence - n.as.Silence)
	if min := days(WarningNotice); left < min {
		left = min
	}
	return "Your match in " + n.program.Name + " will be paused soon",
		fmt.Sprintf("Hello %s,\n\nYou and %s have not met for %d days. If no meeting is held or scheduled within about %d days, the match will be paused; your program coordinator can resume it.\n\n",
			p.Name, with, days(n.as.Silence), left)
}

func pauseMessage(n nudge, p *mentor.Person, with string) (string, string) {
	return "Your match in " + n.program.Name + " has been paused",
		fmt.Sprintf("Hello %s,\n\nYour match with %s has been paused after %d days without a meeting. If you would like to continue, ask your program coordinator to resume it.\n\n",
			p.Name, with, days(n.as.Silence))
}

func (sw *sweeper) footer(b *strings.Builder) {
	if sw.BaseURL != "" {
		fmt.Fprintf(b, "Open mentormesh: %s/\n\n", strings.TrimRight(sw.BaseURL, "/"))
	}
	b.WriteString("-- \nmentormesh sends this reminder at most once per meeting cadence.\n")
}

// partners names the other members of a match, as in "Ben Mentor and Cai".
func partners(m mentor.Match, self int64) string {
	var names []string
	for _, mm := range m.Members {
		if mm.PersonID != self {
			names = append(names, mm.Name)
		}
	}
	switch len(names) {
	case 0:
		return "your partner"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
