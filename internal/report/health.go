package report

import (
	"slices"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// DefaultSilentDays is the N of "no meeting in the last N days" unless HealthOptions says otherwise.
const DefaultSilentDays = 30

// monthDays is the length of the "month" in per-month rates.
const monthDays = 30.0

// HealthOptions tune the health report.
type HealthOptions struct {
	// SilentDays is N in "active matches with no meeting in the last N
	// days"; 0 means DefaultSilentDays.
	SilentDays int
}

// HealthReport is the health of the organisation and of each program in
// the filter, as a total over the period and as a monthly series.
type HealthReport struct {
	From         time.Time       `json:"from"`
	To           time.Time       `json:"to"`
	Organisation ProgramHealth   `json:"organisation"`
	Programs     []ProgramHealth `json:"programs"`
}

// ProgramHealth is the health of one program (ProgramID 0: all programs).
type ProgramHealth struct {
	ProgramID int64           `json:"program_id"`
	Name      string          `json:"name"`
	Format    mentor.Format   `json:"format,omitempty"`
	Total     HealthFigures   `json:"total"`
	Monthly   []HealthFigures `json:"monthly"`
	// AtRisk lists the at-risk matches of the programs, as given in Data.AtRisk.
	AtRisk []Risk `json:"at_risk"`
}

// HealthFigures are the health metrics over the period [From, To). "At the
// end" means at To. A ratio whose denominator is zero is nil (null in JSON).
type HealthFigures struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// Enrolled counts the enrollments with status active that began before
	// the end (waitlisted and withdrawn ones are not enrolled; the status
	// is the current one, as the history of withdrawals is not kept).
	Enrolled int `json:"enrolled"`
	// Matched counts the enrolled people who belong to a relationship of
	// the same program that started before the end; MatchedShare is
	// Matched / Enrolled, to be read against MatchTarget (the programs'
	// targets weighted by their enrolled counts).
	Matched      int      `json:"matched"`
	MatchedShare *float64 `json:"matched_share"`
	MatchTarget  float64  `json:"match_target"`
	// Proposals counts the proposals made in the period by their outcome.
	Proposals ProposalCounts `json:"proposals"`
	// MedianDaysToMatch is the median, over people whose first relationship
	// in a program started in the period, of the days from enrollment to that start.
	MedianDaysToMatch *float64 `json:"median_days_to_match"`
	// MeetingsPerMatchMonth is the meetings held in the period divided by
	// the active relationship-months in it (the days each relationship was
	// active in the period, over 30). ExpectedPerMatchMonth is what the
	// programs' cadences ask for over the same months (30 / cadence days,
	// weighted by active days).
	MeetingsPerMatchMonth *float64 `json:"meetings_per_match_month"`
	ExpectedPerMatchMonth *float64 `json:"expected_per_match_month"`
	// ActiveMatches counts the relationships active at the end, and
	// SilentMatches those of them with no meeting held in the SilentDays
	// before the end; SilentShare is SilentMatches / ActiveMatches.
	ActiveMatches int      `json:"active_matches"`
	SilentMatches int      `json:"silent_matches"`
	SilentDays    int      `json:"silent_days"`
	SilentShare   *float64 `json:"silent_share"`
	Pulse         Pulse    `json:"pulse"`
	// AtRiskCount is the length of the programs' at-risk list (it is the
	// list as of now, so it is the same in every month of the series).
	AtRiskCount int `json:"at_risk_count"`
	// Waitlist counts the waitlisted enrollments that began before the end.
	Waitlist int `json:"waitlist"`
	// Mentors and Mentees count the enrolled people in those roles;
	// MenteesPerMentor is Mentees / Mentors (the ratio 1 : x).
	Mentors          int      `json:"mentors"`
	Mentees          int      `json:"mentees"`
	MenteesPerMentor *float64 `json:"mentees_per_mentor"`
	// CapacityTotal sums the enrolled mentors' capacities; CapacityUsed
	// counts the mentor-mentee pairs in relationships active at the end;
	// CapacityShare is CapacityUsed / CapacityTotal.
	CapacityTotal int      `json:"capacity_total"`
	CapacityUsed  int      `json:"capacity_used"`
	CapacityShare *float64 `json:"capacity_share"`
}

// ProposalCounts are proposals by outcome. AcceptanceRate is Accepted /
// (Accepted + Declined + Expired); pending proposals are left out.
type ProposalCounts struct {
	Accepted       int      `json:"accepted"`
	Declined       int      `json:"declined"`
	Expired        int      `json:"expired"`
	Pending        int      `json:"pending"`
	AcceptanceRate *float64 `json:"acceptance_rate"`
}

// Pulse summarises the check-ins made in the period: their number, the
// mean pulse (1..5), and the trend, the least-squares slope of pulse
// against time in pulse points per 30 days (nil with fewer than two
// distinct times).
type Pulse struct {
	Count int      `json:"count"`
	Mean  *float64 `json:"mean"`
	Trend *float64 `json:"trend_per_month"`
}

// Health computes the health report of the data the filter selects. The
// at-risk list is taken as given (Data.AtRisk) and not recomputed.
func Health(d *Data, f Filter, o HealthOptions) HealthReport {
	d = f.Apply(d)
	p := f.resolve(d)
	if o.SilentDays <= 0 {
		o.SilentDays = DefaultSilentDays
	}
	rep := HealthReport{From: p.from, To: p.to, Organisation: programHealth(d, p, o), Programs: []ProgramHealth{}}
	rep.Organisation.Name = "All programs"
	for _, pr := range d.Programs {
		ph := programHealth(Filter{Programs: []int64{pr.ID}}.Apply(d), p, o)
		ph.ProgramID, ph.Name, ph.Format = pr.ID, pr.Name, pr.Format
		rep.Programs = append(rep.Programs, ph)
	}
	return rep
}

func programHealth(d *Data, p period, o HealthOptions) ProgramHealth {
	ix := newIndex(d)
	hx := newHealthIndex(ix)
	ph := ProgramHealth{Total: healthFigures(ix, hx, p, o), Monthly: []HealthFigures{}, AtRisk: slices.Clone(d.AtRisk)}
	if ph.AtRisk == nil {
		ph.AtRisk = []Risk{}
	}
	for _, m := range months(p) {
		ph.Monthly = append(ph.Monthly, healthFigures(ix, hx, m, o))
	}
	return ph
}

// months splits p at calendar month boundaries (UTC).
func months(p period) []period {
	var out []period
	for start := p.from; start.Before(p.to); {
		y, m, _ := start.UTC().Date()
		next := time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC)
		if next.After(p.to) {
			next = p.to
		}
		out = append(out, period{start, next})
		start = next
	}
	return out
}

func healthFigures(ix *index, hx *healthIndex, p period, o HealthOptions) HealthFigures {
	h := HealthFigures{From: p.from, To: p.to, SilentDays: o.SilentDays, AtRiskCount: len(ix.d.AtRisk)}
	enrollmentFigures(ix, hx, p, &h)
	h.Proposals = proposalCounts(ix.d.Proposals, p)
	h.MedianDaysToMatch = hx.daysToMatchIn(p)
	meetingFigures(ix, hx, p, &h)
	h.Pulse = pulse(ix.d.CheckIns, p)
	return h
}
