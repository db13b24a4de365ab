package demo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// personInfo is what the generator knows about a person beyond the domain value.
type personInfo struct {
	dept   *department
	office *office
	offers map[string]int // skill -> level
	wants  map[string]int // skill -> current level
	gen    string         // generation
	age    int
	// week is the person's weekly availability in UTC minutes of the week.
	week     []span
	programs int // programs the person is enrolled in
}

// draft is a person before the company-wide order is fixed.
type draft struct {
	spec    PersonSpec
	info    *personInfo
	manager int // index into the department's drafts, or -1
	reports int
	role    string
	area    string
}

// seniorityWeights is the pyramid of levels 1..7 below a department head.
var seniorityWeights = []float64{16, 24, 24, 17, 10, 6, 2.5}

func (g *gen) people() {
	r := newRnd(g.seed, "people")
	emails := map[string]bool{}
	var all []*draft
	var deptOf [][]*draft
	for di, size := range departmentSizes(PeopleCount) {
		d := &departments[di]
		head := 7
		if size >= 45 {
			head = 8
		}
		ds := make([]*draft, size)
		for i := range ds {
			s := head
			if i > 0 {
				s = min(head-1, 1+r.weighted(seniorityWeights))
			}
			ds[i] = g.newDraft(r, d, s, emails)
		}
		slices.SortStableFunc(ds[1:], func(a, b *draft) int { return b.spec.Person.Seniority - a.spec.Person.Seniority })
		assignManagers(r, ds)
		for _, x := range ds {
			x.spec.Person.Title = title(d, x.role, x.spec.Person.Seniority, x.reports > 0, x.area)
		}
		deptOf = append(deptOf, ds)
		all = append(all, ds...)
	}
	// A random order in which every manager comes before their reports.
	index := map[*draft]int{}
	var ready []*draft
	for _, ds := range deptOf {
		ready = append(ready, ds[0])
	}
	children := map[*draft][]*draft{}
	for _, ds := range deptOf {
		for _, x := range ds {
			if x.manager >= 0 {
				m := ds[x.manager]
				children[m] = append(children[m], x)
			}
		}
	}
	managerOf := map[*draft]*draft{}
	for m, cs := range children {
		for _, c := range cs {
			managerOf[c] = m
		}
	}
	for len(ready) > 0 {
		i := r.IntN(len(ready))
		x := ready[i]
		ready[i] = ready[len(ready)-1]
		ready = ready[:len(ready)-1]
		index[x] = len(g.org.People)
		x.spec.Manager = -1
		if m, ok := managerOf[x]; ok {
			x.spec.Manager = index[m]
		}
		g.org.People = append(g.org.People, x.spec)
		g.info = append(g.info, x.info)
		ready = append(ready, children[x]...)
	}
	if len(g.org.People) != len(all) {
		panic("demo: the manager hierarchy is not a forest") // a bug in assignManagers
	}
}

// departmentSizes splits n people over the departments by weight (largest remainder).
func departmentSizes(n int) []int {
	var total float64
	for _, d := range departments {
		total += d.Weight
	}
	sizes := make([]int, len(departments))
	rem := make([]float64, len(departments))
	left := n
	for i, d := range departments {
		exact := float64(n) * d.Weight / total
		sizes[i] = int(exact)
		rem[i] = exact - float64(sizes[i])
		left -= sizes[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		sizes[best]++
		rem[best] = -1
	}
	return sizes
}

// assignManagers gives everyone but the head (ds[0]) a more senior manager
// in the department: preferably two levels up, a people manager (level 4+)
// for juniors, and nobody with more than eight reports while others have room.
func assignManagers(r rnd, ds []*draft) {
	ds[0].manager = -1
	for i := 1; i < len(ds); i++ {
		s := ds[i].spec.Person.Seniority
		best, bestCost := -1, 0.0
		for j := 0; j < i; j++ {
			ms := ds[j].spec.Person.Seniority
			if ms <= s {
				continue
			}
			cost := float64(abs(ms-s-2)) + float64(ds[j].reports)/4 + r.Float64()*0.5
			if ms < 4 {
				cost += 2
			}
			if ds[j].reports >= 8 {
				cost += 10
			}
			if best < 0 || cost < bestCost {
				best, bestCost = j, cost
			}
		}
		ds[i].manager = best
		ds[best].reports++
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

var (
	educationTags = []string{"computer_science", "engineering_degree", "business_degree", "economics_degree", "humanities_degree",
		"law_degree", "design_school", "self_taught", "bootcamp", "phd", "mba"}
	industryTags = []string{"fintech", "consulting", "retail", "healthcare", "public_sector", "startup", "agency", "telecom",
		"manufacturing", "academia", "nonprofit", "media"}
)

// educationFor returns a plausible education tag for the department.
func educationFor(r rnd, d *department) string {
	switch d.Name {
	case "Engineering", "Data":
		return pick(r, []string{"computer_science", "computer_science", "engineering_degree", "self_taught", "bootcamp", "phd"})
	case "Legal":
		return pick(r, []string{"law_degree", "law_degree", "humanities_degree"})
	case "Design":
		return pick(r, []string{"design_school", "design_school", "humanities_degree", "bootcamp"})
	case "Finance":
		return pick(r, []string{"economics_degree", "business_degree", "mba"})
	}
	return pick(r, educationTags)
}

func (g *gen) newDraft(r rnd, d *department, s int, emails map[string]bool) *draft {
	o := &offices[r.weighted(officeWeights())]
	reg := o.Region
	if r.chance(0.2) {
		reg = pick(r, regionNames)
	}
	first, last := pick(r, regions[reg].first), pick(r, regions[reg].last)
	email := uniqueEmail(first, last, emails)

	lo, hi := experienceRange(s)
	years := r.between(lo, hi)
	age := 21 + years + r.between(0, 7)
	if s >= 5 && r.chance(0.2) {
		age += r.between(6, 16) // a long career before reaching this level
	}
	var bg []string
	bg = append(bg, educationFor(r, d), pick(r, industryTags))
	if r.chance(0.1) && s >= 2 {
		bg = append(bg, "career_changer")
		age += r.between(5, 12)
	}
	if r.chance(0.12) {
		bg = append(bg, "first_generation_graduate")
	}
	if r.chance(0.05) && s >= 3 {
		bg = append(bg, "returner")
	}
	if reg != o.Region {
		bg = append(bg, "international_hire")
	}
	birth := g.now.Year() - age

	info := &personInfo{dept: d, office: o, offers: map[string]int{}, wants: map[string]int{}, gen: mentor.Generation(birth), age: age}
	p := mentor.Person{
		Name:            first + " " + last,
		Email:           email,
		Department:      d.Name,
		Seniority:       s,
		YearsExperience: years,
		Location:        o.Location,
		TimeZone:        o.TimeZone,
		Languages:       languages(r, o, reg),
		Background:      bg,
		BirthYear:       birth,
		Availability:    availability(r),
		CreatedAt:       g.start,
		UpdatedAt:       g.start,
	}
	p.Skills = personSkills(r, d, s, age, info)
	p.Bio = fmt.Sprintf("Based in %s. Before joining I worked in %s.", o.Location, strings.ReplaceAll(bg[1], "_", " "))
	info.week = weekUTC(p.Availability, g.utcOffsetMinutes(o.TimeZone))
	return &draft{spec: PersonSpec{Person: p}, info: info, role: pick(r, d.Roles), area: pick(r, d.Areas)}
}

func officeWeights() []float64 {
	ws := make([]float64, len(offices))
	for i, o := range offices {
		ws[i] = o.Weight
	}
	return ws
}

func uniqueEmail(first, last string, taken map[string]bool) string {
	base := fold(first) + "." + fold(last)
	email := base + "@" + EmailDomain
	for n := 2; taken[email]; n++ {
		email = fmt.Sprintf("%s%d@%s", base, n, EmailDomain)
	}
	taken[email] = true
	return email
}

// experienceRange is the usual span of years of experience at a seniority.
func experienceRange(s int) (int, int) {
	ranges := [][2]int{{0, 2}, {1, 4}, {4, 8}, {6, 12}, {8, 15}, {10, 20}, {14, 25}, {18, 32}}
	x := ranges[clamp(s, 1, 8)-1]
	return x[0], x[1]
}

// languages gives English to nearly everyone, the office's languages to
// locals and the home language to people from elsewhere.
func languages(r rnd, o *office, reg string) []string {
	var out []string
	if !r.chance(o.NoEnglish) {
		out = append(out, "English")
	}
	for i, l := range o.Languages {
		if reg == o.Region && r.chance([]float64{0.85, 0.4}[min(i, 1)]) {
			out = append(out, l)
		}
	}
	if reg != o.Region {
		for _, other := range offices {
			if other.Region == reg && len(other.Languages) > 0 && r.chance(0.7) {
				out = append(out, other.Languages[0])
				break
			}
		}
	}
	if r.chance(0.15) {
		out = append(out, pick(r, secondLanguages))
	}
	if len(out) == 0 {
		out = append(out, "English")
	}
	return cleanLanguages(out)
}

func cleanLanguages(in []string) []string {
	var out []string
	for _, l := range in {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// availabilityWindows are the local weekday windows people offer (minutes after midnight).
var availabilityWindows = [][2]int{{540, 720}, {600, 780}, {780, 960}, {840, 1020}, {900, 1080}}

func availability(r rnd) []mentor.WeeklySlot {
	k := r.between(3, 5)
	ds := sample(r, []int{0, 1, 2, 3, 4}, k)
	slices.Sort(ds)
	out := make([]mentor.WeeklySlot, k)
	for i, d := range ds {
		w := pick(r, availabilityWindows)
		out[i] = mentor.WeeklySlot{Day: d, Start: w[0], End: w[1]}
	}
	return out
}

// personSkills gives 2-5 offered skills with levels by seniority and 1-3
// wanted skills at a low current level, never both for one skill.
func personSkills(r rnd, d *department, s, age int, info *personInfo) []mentor.PersonSkill {
	offer := func(name string, level int) {
		if _, ok := info.offers[name]; !ok && len(info.offers) < 5 {
			info.offers[name] = clamp(level, 1, 5)
		}
	}
	var order []string // offered skills in the order given
	add := func(name string, level int) {
		before := len(info.offers)
		offer(name, level)
		if len(info.offers) > before {
			order = append(order, name)
		}
	}
	coreN := clamp(1+s/3+r.between(0, 1), 1, 3)
	for _, c := range sample(r, d.Core, coreN) {
		add(c, iround(1.5+0.45*float64(s)+r.normal(0, 0.5)))
	}
	if s >= 4 {
		n := 1
		if s >= 6 {
			n = 2
		}
		for _, c := range sample(r, leadershipSkills, n) {
			add(c, iround(1+0.5*float64(s)+r.normal(0, 0.5)))
		}
	}
	if (age < 30 && r.chance(0.65)) || (s <= 3 && r.chance(0.25)) {
		add(pick(r, digitalSkills), r.between(3, 5))
	}
	for len(info.offers) < 2 {
		add(pick(r, d.Core), iround(1.5+0.45*float64(s)))
	}

	var wantOrder []string
	want := func(name string, level int) {
		if _, ok := info.offers[name]; ok {
			return
		}
		if _, ok := info.wants[name]; ok || len(info.wants) >= 3 {
			return
		}
		info.wants[name] = level
		wantOrder = append(wantOrder, name)
	}
	switch {
	case s <= 3:
		want(pick(r, earlyCareerWants), r.between(1, 2))
		if r.chance(0.6) {
			want(pick(r, crossSkills), r.between(1, 2))
		}
	case s <= 5:
		want(pick(r, midCareerWants), r.between(1, 2))
		if r.chance(0.5) {
			want(pick(r, crossSkills), r.between(1, 2))
		}
	default:
		if r.chance(0.8) {
			want(pick(r, digitalSkills), 1)
		}
		if r.chance(0.5) {
			want(pick(r, []string{"Executive Presence", "Change Management", "Coaching", "Strategic Thinking"}), 2)
		}
	}
	if r.chance(0.3) {
		want(pick(r, d.Core), r.between(1, 2))
	}
	for len(info.wants) == 0 {
		want(pick(r, crossSkills), 1)
	}

	out := make([]mentor.PersonSkill, 0, len(order)+len(wantOrder))
	for _, n := range order {
		out = append(out, mentor.PersonSkill{Skill: n, Level: info.offers[n], Offers: true})
	}
	for _, n := range wantOrder {
		out = append(out, mentor.PersonSkill{Skill: n, Level: info.wants[n], Wants: true})
	}
	return out
}
