package demo

// Counts says how many values of each kind an organisation holds (or Load stored).
type Counts struct {
	Skills, People, Users, Programs, Enrollments, Runs, Matches int
	Meetings, Notes, Feedback, Goals, Progress, CheckIns        int
	Assessments, OfficeHours, Bookings                          int
}

// Counts counts the values of o, two users included.
func (o *Org) Counts() Counts {
	c := Counts{Skills: len(o.Skills), People: len(o.People), Users: 2, Programs: len(o.Programs)}
	for _, ps := range o.Programs {
		c.Enrollments += len(ps.Enrollments)
		c.Runs += len(ps.Runs)
		c.Matches += len(ps.Matches)
		c.OfficeHours += len(ps.OfficeHours)
		for _, oh := range ps.OfficeHours {
			if oh.BookedBy >= 0 {
				c.Bookings++
			}
		}
		for _, m := range ps.Matches {
			c.Meetings += len(m.Meetings)
			for _, ms := range m.Meetings {
				c.Notes += len(ms.Notes)
				c.Feedback += len(ms.Feedback)
			}
			c.Goals += len(m.Goals)
			for _, g := range m.Goals {
				c.Progress += len(g.Progress)
			}
			c.CheckIns += len(m.CheckIns)
			c.Assessments += len(m.Assessments)
		}
	}
	return c
}
