package score

import "math/bits"

// Role is a participant's part in a program. Bipartite formats place people
// on a side by role (see Format); one-pool formats ignore it.
type Role string

// Roles a participant may hold in a program (SPEC §3, Enrollment).
const (
	RoleMentor Role = "mentor"
	RoleMentee Role = "mentee"
	RolePeer   Role = "peer"
	RoleMember Role = "member"
)

// SkillLevel is one skill a person offers or wants. Skill is a canonical
// name: the caller resolves aliases ("golang" -> "Go") before matching;
// matching compares names case-insensitively after trimming spaces.
//
// Level is 1..5 (values outside are clamped). In Profile.Offers it is the
// person's proficiency; in Profile.Wants it is the person's current level in
// the skill they want to learn (1 = beginner), so a teacher whose offered
// level is above it has more to teach.
type SkillLevel struct {
	Skill string
	Level int
}

// Profile is everything the scorer knows about one participant of one
// program. Strings that name categories (department, location, generation,
// languages, background tags, skills) compare case-insensitively after
// trimming; an empty value means "unknown". ManagerID, Blocked,
// PastPartners and Picks hold other profiles' IDs; IDs that name nobody in
// the pool are ignored.
type Profile struct {
	ID         string
	Name       string // used in reasons; ID when empty
	Department string
	ManagerID  string
	Seniority  int // career level, e.g. 1 (entry) .. 8 (executive)
	// YearsExperience is whole years of work experience.
	YearsExperience int
	Location        string
	// UTCOffsetMinutes is the person's time-zone offset east of UTC in
	// minutes (e.g. 330 for India). The caller resolves IANA names, so
	// matching stays pure. It is rounded to whole hours (halves away from
	// zero) when it places working hours on the hour-of-week grid.
	UTCOffsetMinutes int
	// Languages the person can hold a conversation in; empty = unknown.
	Languages []string
	// Background holds free background tags (field of study, career path,
	// previous industry ...).
	Background []string
	// Generation is an optional cohort label ("Gen Z", "Boomer").
	Generation string
	Offers     []SkillLevel
	Wants      []SkillLevel
	// Availability is the person's weekly free time in UTC. When it is
	// empty the person counts as available Monday to Friday 09:00-17:00
	// local time (see WorkingHours).
	Availability WeekHours
	PastPartners []string
	Blocked      []string
	// Picks lists the partners this person chose in self-select mode.
	Picks    []string
	Role     Role
	Capacity int // a mentor's maximum number of mentees; <= 0 means 1
}

// HoursPerWeek is the number of hour slots in a WeekHours grid.
const HoursPerWeek = 7 * 24

// WeekHours is a set of hours of the week in UTC as a 168-bit set: hour h is
// day h/24 (0 = Monday) at h%24 o'clock UTC. The zero value is the empty
// set. It is a value type: copying it copies the set.
type WeekHours [3]uint64

// Set adds hour-of-week h; hours outside 0..167 wrap around the week, so a
// slot shifted by a time-zone offset past Sunday midnight lands on Monday.
func (w *WeekHours) Set(h int) {
	h = wrapHour(h)
	w[h>>6] |= 1 << uint(h&63)
}

// SetRange adds the hours from (inclusive) to (exclusive), wrapping around
// the week like Set. A range of 168 or more hours fills the week.
func (w *WeekHours) SetRange(from, to int) {
	if to-from >= HoursPerWeek {
		to = from + HoursPerWeek
	}
	for h := from; h < to; h++ {
		w.Set(h)
	}
}

// Has reports whether hour-of-week h (wrapped like Set) is in the set.
func (w WeekHours) Has(h int) bool {
	h = wrapHour(h)
	return w[h>>6]&(1<<uint(h&63)) != 0
}

// Count returns the number of hours in the set.
func (w WeekHours) Count() int {
	return bits.OnesCount64(w[0]) + bits.OnesCount64(w[1]) + bits.OnesCount64(w[2])
}

// Overlap returns the number of hours present in both sets.
func (w WeekHours) Overlap(o WeekHours) int {
	return bits.OnesCount64(w[0]&o[0]) + bits.OnesCount64(w[1]&o[1]) + bits.OnesCount64(w[2]&o[2])
}

// IsZero reports whether the set is empty.
func (w WeekHours) IsZero() bool { return w[0]|w[1]|w[2] == 0 }

// WorkingHours returns Monday to Friday 09:00-17:00 local time for a
// time-zone offset east of UTC in minutes, as UTC hours of the week (40
// hours). The offset is rounded to whole hours, halves away from zero.
func WorkingHours(utcOffsetMinutes int) WeekHours {
	var w WeekHours
	off := OffsetHours(utcOffsetMinutes)
	for d := 0; d < 5; d++ {
		w.SetRange(d*24+9-off, d*24+17-off)
	}
	return w
}

// OffsetHours rounds a time-zone offset in minutes to whole hours, halves
// away from zero (+5:30 -> 6, -3:30 -> -4), as the scorer does when it
// places working hours on the week grid.
func OffsetHours(minutes int) int {
	if minutes >= 0 {
		return (minutes + 30) / 60
	}
	return -((-minutes + 30) / 60)
}

func wrapHour(h int) int {
	h %= HoursPerWeek
	if h < 0 {
		h += HoursPerWeek
	}
	return h
}

// effectiveHours is the availability the scorer uses: the explicit slots,
// or the working hours of the person's time zone when there are none.
func effectiveHours(p *Profile) (WeekHours, bool) {
	if !p.Availability.IsZero() {
		return p.Availability, false
	}
	return WorkingHours(p.UTCOffsetMinutes), true
}

// displayName is the name used in reasons.
func displayName(p *Profile) string {
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}
