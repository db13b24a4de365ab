package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/score"
)

// Deterministic synthetic organisations for candidate tests and benchmarks:
// 60 skills with a skewed popularity, 8 departments of different sizes,
// 8 time zones with matching cities and second languages, seniority 1..8,
// a quarter of people with explicit weekly slots, managers, blocks, past
// partners and picks.

var skillNames = []string{
	"Go", "Kubernetes", "SQL", "Python", "Public speaking", "Negotiation", "Java", "Terraform",
	"Product discovery", "Figma", "Data modelling", "Machine learning", "Statistics", "Excel",
	"Budgeting", "Hiring", "Coaching", "Accessibility", "React", "TypeScript", "Rust", "Security",
	"Incident response", "Observability", "Technical writing", "Roadmapping", "User research",
	"Storytelling", "Facilitation", "Conflict resolution", "Time management", "Delegation",
	"Sales forecasting", "Account management", "Pricing", "Brand strategy", "SEO", "Copywriting",
	"Financial modelling", "Tax", "Procurement", "Contract law", "Employment law", "Payroll",
	"Onboarding design", "Learning design", "Change management", "OKRs", "Agile delivery",
	"Scrum", "Kanban", "System design", "APIs", "Mobile development", "Cloud cost", "Spark",
	"dbt", "Tableau", "Prompt engineering", "Leadership",
}

var departments = []struct {
	name   string
	weight float64
}{
	{"Engineering", 30}, {"Data", 12}, {"Product", 10}, {"Design", 6},
	{"Sales", 16}, {"Marketing", 10}, {"Finance", 8}, {"People", 8},
}

var zones = []struct {
	offset    int // minutes east of UTC
	weight    float64
	cities    []string
	languages []string // local languages besides English
}{
	{-480, 10, []string{"San Francisco", "Seattle"}, []string{"Spanish"}},
	{-300, 15, []string{"New York", "Toronto"}, []string{"Spanish", "French"}},
	{0, 20, []string{"London", "Lisbon"}, []string{"Portuguese"}},
	{60, 20, []string{"Berlin", "Madrid", "Paris"}, []string{"German", "Spanish", "French"}},
	{120, 8, []string{"Helsinki", "Athens"}, []string{"Finnish", "Greek"}},
	{330, 15, []string{"Bangalore", "Pune"}, []string{"Hindi"}},
	{480, 7, []string{"Singapore", "Shanghai"}, []string{"Mandarin"}},
	{600, 5, []string{"Sydney"}, nil},
}

var tags = []string{
	"computer science", "economics", "arts", "law", "physics", "self-taught", "bootcamp",
	"startup", "consulting", "public sector", "military", "career changer", "first generation",
	"parent", "international", "mba", "phd", "athlete", "music", "nonprofit",
}

var seniority = []float64{10, 18, 20, 18, 14, 10, 6, 4} // levels 1..8

func pick(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// skill draws a skill with a skewed popularity (low indexes common).
func skill(r *rand.Rand) int {
	return int(float64(len(skillNames)) * math.Pow(r.Float64(), 1.6))
}

// role gives format f's role for a person of seniority sen.
func role(r *rand.Rand, f score.Format, sen int) score.Role {
	switch f {
	case score.FormatMentoring, score.FormatShadow, score.FormatFlash:
		if sen >= 4 && r.Float64() < 0.5 {
			return score.RoleMentor
		}
		return score.RoleMentee
	case score.FormatReverse:
		if sen <= 3 && r.Float64() < 0.5 {
			return score.RoleMentor
		}
		if sen >= 5 {
			return score.RoleMentee
		}
		return score.RoleMember // takes part in the program but is not matched
	case score.FormatAdvisoryBoard:
		if r.Float64() < 0.3 {
			return score.RoleMentee
		}
		if sen >= 5 {
			return score.RoleMentor
		}
		return score.RolePeer
	}
	return score.RolePeer
}

// People returns n deterministic profiles for format f.
//
// It is long because it fills one person's fields in order from one random
// source; split up, every part would only pass the source along.
func People(tb testing.TB, n int, seed uint64, f score.Format) []score.Profile {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	deptW := make([]float64, len(departments))
	for i, d := range departments {
		deptW[i] = d.weight
	}
	zoneW := make([]float64, len(zones))
	for i, z := range zones {
		zoneW[i] = z.weight
	}
	ps := make([]score.Profile, n)
	byDept := make([][]int, len(departments))
	for i := range ps {
		p := &ps[i]
		p.ID = fmt.Sprintf("p%05d", i)
		p.Name = fmt.Sprintf("Person %d", i)
		d := pick(r, deptW)
		p.Department = departments[d].name
		p.Seniority = 1 + pick(r, seniority)
		p.YearsExperience = 2*p.Seniority - 2 + r.IntN(5)
		z := zones[pick(r, zoneW)]
		p.UTCOffsetMinutes = z.offset
		p.Location = z.cities[r.IntN(len(z.cities))]
		if r.Float64() < 0.95 {
			p.Languages = append(p.Languages, "English")
		}
		if len(z.languages) > 0 && (len(p.Languages) == 0 || r.Float64() < 0.5) {
			p.Languages = append(p.Languages, z.languages[r.IntN(len(z.languages))])
		}
		if len(p.Languages) == 0 {
			p.Languages = []string{"English"}
		}
		for range 1 + r.IntN(3) {
			p.Background = append(p.Background, tags[r.IntN(len(tags))])
		}
		if r.Float64() < 0.8 {
			p.Generation = []string{"Gen Z", "Millennial", "Gen X", "Boomer"}[min(3, (p.YearsExperience+r.IntN(6))/10)]
		}
		offered := map[int]bool{}
		for range 2 + r.IntN(3) {
			s := skill(r)
			offered[s] = true
			p.Offers = append(p.Offers, score.SkillLevel{Skill: skillNames[s], Level: min(5, 2+r.IntN(3)+p.Seniority/4)})
		}
		for range 1 + r.IntN(3) {
			s := skill(r)
			if offered[s] {
				continue
			}
			p.Wants = append(p.Wants, score.SkillLevel{Skill: skillNames[s], Level: 1 + r.IntN(3)})
		}
		if r.Float64() < 0.25 {
			start := 7 + r.IntN(5)
			length := 5 + r.IntN(5)
			off := score.OffsetHours(p.UTCOffsetMinutes)
			for day := range 5 {
				if r.Float64() < 0.8 {
					p.Availability.SetRange(day*24+start-off, day*24+start+length-off)
				}
			}
			p.Availability.SetRange(5*24+10-off, 5*24+12-off) // Saturday morning
		}
		if bosses := byDept[d]; len(bosses) > 0 && r.Float64() < 0.7 {
			b := bosses[r.IntN(len(bosses))]
			if ps[b].Seniority > p.Seniority {
				p.ManagerID = ps[b].ID
			}
		}
		byDept[d] = append(byDept[d], i)
		p.Role = role(r, f, p.Seniority)
		if p.Role == score.RoleMentor {
			p.Capacity = 1 + r.IntN(4)
		}
	}
	for i := range ps {
		if i == 0 {
			continue
		}
		if r.Float64() < 0.01 {
			ps[i].Blocked = append(ps[i].Blocked, ps[r.IntN(i)].ID)
		}
		if r.Float64() < 0.2 {
			for range 1 + r.IntN(3) {
				j := r.IntN(n)
				if j != i {
					ps[i].PastPartners = append(ps[i].PastPartners, ps[j].ID)
					ps[j].PastPartners = append(ps[j].PastPartners, ps[i].ID)
				}
			}
		}
		if r.Float64() < 0.1 {
			for range 1 + r.IntN(3) {
				ps[i].Picks = append(ps[i].Picks, ps[r.IntN(n)].ID)
			}
		}
	}
	return ps
}
