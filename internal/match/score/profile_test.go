package score

import (
	"slices"
	"testing"
)

func hoursOf(w WeekHours) []int {
	var out []int
	for h := range HoursPerWeek {
		if w.Has(h) {
			out = append(out, h)
		}
	}
	return out
}

func hourRange(from, to int) []int {
	var out []int
	for h := from; h < to; h++ {
		out = append(out, h)
	}
	return out
}

func TestWeekHours_SetHasCountOverlap(t *testing.T) {
	var a, b WeekHours
	if !a.IsZero() || a.Count() != 0 {
		t.Fatalf("zero value: IsZero=%v Count=%d", a.IsZero(), a.Count())
	}
	a.SetRange(60, 70) // crosses the first 64-bit word
	b.Set(65)
	b.Set(167)
	b.Set(168) // wraps to Monday 00:00
	b.Set(-1)  // wraps to Sunday 23:00 (already set)
	if got, want := hoursOf(a), hourRange(60, 70); !slices.Equal(got, want) {
		t.Errorf("SetRange(60, 70) = %v, want %v", got, want)
	}
	if got, want := hoursOf(b), []int{0, 65, 167}; !slices.Equal(got, want) {
		t.Errorf("Set with wrapping = %v, want %v", got, want)
	}
	if a.Count() != 10 || b.Count() != 3 || a.Overlap(b) != 1 || b.Overlap(a) != 1 {
		t.Errorf("Count a=%d b=%d Overlap=%d/%d, want 10 3 1", a.Count(), b.Count(), a.Overlap(b), b.Overlap(a))
	}
	var full WeekHours
	full.SetRange(5, 500)
	if full.Count() != HoursPerWeek {
		t.Errorf("SetRange over more than a week: Count=%d, want %d", full.Count(), HoursPerWeek)
	}
}

func TestWorkingHours_Offsets(t *testing.T) {
	week := func(shift int) []int { // Mon..Fri 09-17 shifted by -shift hours
		var out []int
		for d := range 5 {
			for h := d*24 + 9 - shift; h < d*24+17-shift; h++ {
				out = append(out, wrapHour(h))
			}
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		name    string
		minutes int
		shift   int
	}{
		{"utc", 0, 0},
		{"berlin +1", 60, 1},
		{"india +5:30 rounds to +6", 330, 6},
		{"newfoundland -3:30 rounds to -4", -210, -4},
		{"nepal +5:45 rounds to +6", 345, 6},
		{"+0:29 rounds to 0", 29, 0},
		{"los angeles -8 spills into Tuesday", -480, -8},
		{"sydney +10 starts on Sunday UTC", 600, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := WorkingHours(tt.minutes)
			if got, want := hoursOf(w), week(tt.shift); !slices.Equal(got, want) {
				t.Errorf("WorkingHours(%d) = %v, want %v", tt.minutes, got, want)
			}
			if w.Count() != 40 {
				t.Errorf("Count = %d, want 40", w.Count())
			}
		})
	}
}

func TestDailyOverlap_MatchesGrid(t *testing.T) {
	// For zones whose working days do not cross a weekend boundary
	// differently, the daily figure times five is the weekly grid overlap.
	for a := -8; a <= 10; a++ {
		for b := -8; b <= 10; b++ {
			daily := dailyOverlap(int32(a), int32(b))
			grid := WorkingHours(a * 60).Overlap(WorkingHours(b * 60))
			d := a - b
			if d < 0 {
				d = -d
			}
			switch {
			case d < 8 && grid != 5*daily:
				t.Errorf("offsets %d,%d: grid %d, want 5*%d", a, b, grid, daily)
			case grid > 5*daily:
				t.Errorf("offsets %d,%d: grid %d above 5*daily %d", a, b, grid, daily)
			}
		}
	}
}
