package demo

import (
	"fmt"
	"strings"
)

// goalText is the wording of a S.M.A.R.T. goal.
type goalText struct {
	title, description, metric, unit string
	baseline, target                 float64
	plan, relevance                  string
	milestones                       []string
}

// countGoals are goals counted in occurrences, for skills where a level is
// a poor measure: %d is the target count.
var countGoals = map[string]struct{ title, metric, unit string }{
	"Public Speaking":        {"Give %d talks to audiences beyond my own team", "talks given", "talks"},
	"Giving Feedback":        {"Hold %d structured feedback conversations using the SBI model", "feedback conversations held", "conversations"},
	"People Management":      {"Run %d one-on-ones with agendas my reports set", "one-on-ones held", "one-on-ones"},
	"Coaching":               {"Coach %d colleagues through a real problem without giving the answer", "colleagues coached", "colleagues"},
	"Generative AI":          {"Use generative AI to speed up %d recurring tasks of my week", "tasks with an AI-assisted workflow", "tasks"},
	"Prompt Engineering":     {"Build a library of %d tested prompts my team can reuse", "tested prompts", "prompts"},
	"Social Media":           {"Publish %d posts about our work on LinkedIn", "posts published", "posts"},
	"Short-form Video":       {"Produce %d short videos that explain what my team does", "videos published", "videos"},
	"No-Code Automation":     {"Automate %d manual workflows with no-code tools", "workflows automated", "workflows"},
	"Negotiation":            {"Prepare and lead %d negotiations with a written plan", "negotiations led", "negotiations"},
	"Stakeholder Management": {"Hold %d alignment meetings with the stakeholders of my project", "alignment meetings held", "meetings"},
	"Executive Presence":     {"Present %d times to the leadership team", "leadership presentations", "presentations"},
	"Business Writing":       {"Write %d decision documents that get approved without a rewrite", "documents approved", "documents"},
	"Hiring & Interviewing":  {"Run %d structured interviews with a scorecard", "interviews run", "interviews"},
	"Storytelling":           {"Tell %d customer stories in team or company meetings", "stories told", "stories"},
	"Collaboration Tools":    {"Move %d recurring meetings to async updates", "meetings replaced", "meetings"},
}

var relevanceTexts = []string{
	"Needed for my next promotion step.",
	"Part of the development plan I agreed with my manager.",
	"My team will rely on this more next quarter.",
	"Builds towards my career aim of leading a team.",
	"Closes the biggest gap in my last performance review.",
	"I want to contribute beyond my own role.",
}

// goalFor words a goal about skill for a learner at level now.
func goalFor(r rnd, skill string, now int) goalText {
	gt := goalText{relevance: pick(r, relevanceTexts)}
	if c, ok := countGoals[skill]; ok && r.chance(0.8) {
		n := r.between(3, 8)
		gt.title = fmt.Sprintf(c.title, n)
		gt.metric, gt.unit = c.metric, c.unit
		gt.baseline, gt.target = 0, float64(n)
		gt.milestones = []string{"Agree what good looks like with my partner", fmt.Sprintf("First %s done and reviewed", strings.TrimSuffix(c.unit, "s")), fmt.Sprintf("All %d %s done", n, c.unit)}
	} else if now <= 3 && r.chance(0.6) {
		target := min(5, now+2)
		gt.title = fmt.Sprintf("Grow my %s from level %d to level %d", skill, now, target)
		gt.metric, gt.unit = fmt.Sprintf("%s level, assessed by my partner", skill), "level (1-5)"
		gt.baseline, gt.target = float64(now), float64(target)
		gt.milestones = []string{"Agree a learning path", fmt.Sprintf("Use %s on a real task with feedback", skill), fmt.Sprintf("Reach level %d in a partner assessment", target)}
	} else {
		n := r.between(3, 6)
		gt.title = fmt.Sprintf("Apply %s in %d real pieces of work", skill, n)
		gt.metric, gt.unit = fmt.Sprintf("pieces of work where I applied %s", skill), "pieces of work"
		gt.baseline, gt.target = 0, float64(n)
		gt.milestones = []string{"Pick the pieces of work", "Halfway: review what worked", "Share what I learned with my team"}
	}
	gt.description = fmt.Sprintf("I want to get confident with %s. %s", skill, pick(r, goalWhys))
	gt.plan = strings.Join([]string{
		"1. " + pick(r, planFirst),
		"2. " + fmt.Sprintf(pick(r, planMiddle), skill),
		"3. " + pick(r, planLast),
	}, " ")
	return gt
}

var goalWhys = []string{
	"Right now I avoid situations that need it.",
	"I get by, but it takes me far longer than it should.",
	"People keep asking me for it and I want to say yes.",
	"It is the skill my manager and I agreed matters most this year.",
	"I have read about it; now I want to practise it on real work.",
}

var (
	planFirst = []string{
		"Agree a learning plan and a cadence with my partner.",
		"Write down where I stand today and what good looks like.",
		"Pick real tasks from my backlog to practise on.",
	}
	planMiddle = []string{
		"Practise %s on a real task every fortnight and debrief it in our session.",
		"Shadow an expert using %s, then try it myself with feedback.",
		"Read one resource on %s a month and apply one idea from it.",
	}
	planLast = []string{
		"Ask my partner for an assessment at the midpoint and at the end.",
		"Share what I learned with my team in a short session.",
		"Review the metric monthly and adjust the plan.",
	}
)

// sharedCircleGoal is the goal a circle sets for itself.
func sharedCircleGoal(r rnd, focus string) goalText {
	n := r.between(5, 6)
	return goalText{
		title:       fmt.Sprintf("Work through %d real leadership cases together", n),
		description: "Every member brings at least one live case; the circle helps with questions, not answers.",
		metric:      "cases worked through in the circle", unit: "cases",
		baseline: 0, target: float64(n),
		plan:       "1. Agree the case clinic format in the first session. 2. One member brings a case each month and facilitates in turn. 3. Review at the end what we changed because of the circle.",
		relevance:  "Our circle's shared aim: become more confident leaders in " + strings.ToLower(focus) + ".",
		milestones: []string{"Agree how we work together", "Every member has brought a case", "Retrospective on what changed"},
	}
}

func progressNote(r rnd, frac float64) string {
	switch {
	case frac >= 1:
		return pick(r, []string{"Done: target reached.", "Reached the target, earlier than I expected.", "Achieved. Next: keep it up without the program."})
	case frac >= 0.6:
		return pick(r, []string{"Most of the way there.", "Good momentum after the last session.", "Two more to go."})
	case frac >= 0.3:
		return pick(r, []string{"Steady progress.", "Slower month, but moving.", "First results; the plan works."})
	}
	return pick(r, []string{"Just getting started.", "Planned the steps, first one done.", "Busy month at work; small step only."})
}
