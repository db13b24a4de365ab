// Package matchrun carries a program through matching: it turns enrolled
// people into the engine's profiles, runs the engine for the program's
// format, stores the run as a reproducible snapshot with its proposals, and
// publishes, edits and re-runs it.
package matchrun

import (
	"strconv"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
)

// idString and idOf convert person ids to the engine's string ids.
func idString(id int64) string { return strconv.FormatInt(id, 10) }

func idOf(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// utcOffset returns the zone's offset east of UTC in minutes at t (0 when
// the zone is unknown or empty).
func utcOffset(zone string, t time.Time) int {
	if zone == "" {
		return 0
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return 0
	}
	_, off := t.In(loc).Zone()
	return off / 60
}

// weekHours turns local weekly slots into the engine's UTC hour grid; an
// hour counts when the slot covers at least its first half.
func weekHours(slots []mentor.WeeklySlot, offsetMinutes int) score.WeekHours {
	var w score.WeekHours
	for _, s := range slots {
		from := (s.Day*24*60 + s.Start - offsetMinutes + 30) / 60
		to := (s.Day*24*60 + s.End - offsetMinutes + 30) / 60
		if from < 0 {
			from, to = from+score.HoursPerWeek, to+score.HoursPerWeek
		}
		w.SetRange(from, to)
	}
	return w
}

// Profile builds the engine's view of one enrolled person. past lists the
// people they were matched with before.
func Profile(p *mentor.Person, e *mentor.Enrollment, past []int64, now time.Time) score.Profile {
	off := utcOffset(p.TimeZone, now)
	mp := score.Profile{
		ID: idString(p.ID), Name: p.Name, Department: p.Department, Seniority: p.Seniority,
		YearsExperience: p.YearsExperience, Location: p.Location, UTCOffsetMinutes: off,
		Languages: p.Languages, Background: p.Background, Generation: mentor.Generation(p.BirthYear),
		Availability: weekHours(p.Availability, off), Role: score.Role(e.Role), Capacity: e.Capacity,
	}
	if p.ManagerID != nil {
		mp.ManagerID = idString(*p.ManagerID)
	}
	for _, s := range p.Skills {
		if s.Offers {
			mp.Offers = append(mp.Offers, score.SkillLevel{Skill: s.Skill, Level: s.Level})
		}
		if s.Wants {
			mp.Wants = append(mp.Wants, score.SkillLevel{Skill: s.Skill, Level: s.Level})
		}
	}
	for _, id := range past {
		mp.PastPartners = append(mp.PastPartners, idString(id))
	}
	return mp
}

// Weights returns the program's factor weights: the format's defaults with
// the program's own weights laid over them.
func Weights(p *mentor.Program) score.Weights {
	w := score.DefaultWeights(score.Format(p.Format))
	for k, v := range p.Options.Weights {
		switch k {
		case "skill":
			w.Skill = v
		case "experience":
			w.Experience = v
		case "diversity":
			w.Diversity = v
		case "availability":
			w.Availability = v
		case "language":
			w.Language = v
		case "preference":
			w.Preference = v
		}
	}
	return w
}

// Rules returns the program's hard constraints: the format's defaults with
// the program's options (cross-functional, seniority gap, overlap) applied.
func Rules(p *mentor.Program) score.Rules {
	r := score.DefaultRules(score.Format(p.Format))
	o := p.Options
	r.CrossFunctional = o.CrossFunctional
	if o.MaxSeniorityGap > 0 {
		r.MinSeniorityGap, r.MaxSeniorityGap = o.MinSeniorityGap, o.MaxSeniorityGap
	}
	if o.MinOverlapHours != nil { // 0 is "no minimum", not "the default"
		r.MinOverlapHours = *o.MinOverlapHours
	}
	return r
}
