package demo

import "fmt"

var actionNotes = []string{
	"Action items: draft the proposal by Friday; share it before our next session.",
	"Next steps: book time with the team lead to discuss the reorg; try the SBI model in Thursday's review.",
	"Agreed: I will shadow the next customer call and write down three observations.",
	"Follow-up: send the article on decision logs; compare notes next time.",
	"Action items: set up a focus block every morning; report back on what broke it.",
	"To do: rewrite the project update in the pyramid structure we discussed.",
	"Agreed homework: one small experiment with the new tool on a real task.",
	"Next session: bring the draft slides; we will rehearse the first five minutes.",
	"Links shared: the internal wiki page on promotions and the leadership principles.",
	"Action items: ask two peers for feedback on the last presentation; collect it in writing.",
}

var privateNotes = []string{
	"Felt nervous today; the conversation on pay went better than I feared.",
	"Remember to ask about the secondment option next time.",
	"I talk too much in these sessions: ask more questions.",
	"They seem stretched; maybe suggest a shorter cadence.",
	"Good energy today. The idea about the side project is worth pursuing.",
	"Not sure the goal is still the right one; revisit it.",
	"Keep this between us: thinking about an internal move in spring.",
	"Try to summarise the takeaways myself next time instead of waiting for them.",
}

var feedbackTexts = map[string][][]string{
	"directive": {
		{"Too much telling and not enough listening; I did not get to my question."},
		{"Useful pointers but it felt rushed.", "Lots of advice, some of it did not fit my situation."},
		{"Clear advice on what to try next.", "Solid session with concrete next steps."},
		{"Very practical: I left with a clear plan for the week.", "Great concrete examples from their own experience."},
		{"Exactly the expert advice I needed; saved me weeks.", "Brilliant: specific, honest and immediately useful."},
	},
	"reflective": {
		{"We went round in circles and I left without anything to act on."},
		{"Good questions, but I would have liked a bit more direction.", "Pleasant chat; not sure what I take away."},
		{"Helpful questions made me rethink my approach.", "Good conversation, a few ideas to try."},
		{"The questions helped me find my own answer.", "Made me see the problem from the other side."},
		{"Best session so far: I worked out the answer myself and it stuck.", "Really thoughtful listening; I feel much clearer now."},
	},
}

func feedbackText(r rnd, rating int, style string) string {
	return pick(r, feedbackTexts[style][clamp(rating, 1, 5)-1])
}

var quietNotes = []string{
	"We have not managed to meet for weeks; our calendars never line up.",
	"My mentor keeps cancelling. Not sure this is working.",
	"Busy quarter on both sides; the sessions have stalled.",
	"I would like a new match if this does not pick up.",
}

func pulseNote(r rnd, pulse int) string {
	switch {
	case pulse >= 5:
		return pick(r, []string{"Thriving: the best part of my month.", "Really valuable, keep it going!", "Making real progress on my goal."})
	case pulse == 4:
		return pick(r, []string{"Going well.", "Good sessions, a bit irregular.", "Useful, I always take something away."})
	case pulse == 3:
		return pick(r, []string{"Fine, but we need more focus.", "OK. Hard to find time this month.", "Could be more structured."})
	}
	return pick(r, []string{"Struggling to make this work.", "Not getting much out of it right now.", "We need to talk about expectations."})
}

var dilemmas = []string{
	"My manager wants me to take on a second project; how do I say no without hurting my chances?",
	"A teammate keeps taking credit for shared work. Do I raise it, and how?",
	"I was offered a move to another team. Stay and grow, or move and start over?",
	"I am the youngest person in my meetings and rarely speak up. How do I get heard?",
	"My first performance review is next month. How do I prepare for it?",
	"I disagree with a decision my lead made. Push back or commit?",
	"I have too many small requests and no time for deep work.",
	"I want to ask for a raise but do not know what is realistic.",
	"A customer was rude to me on a call and I froze. What should I have done?",
	"I am bored with my tasks but do not want to look ungrateful.",
	"Should I specialise or stay a generalist for the next two years?",
	"How do I give feedback to a more senior colleague?",
	"Remote work makes me feel invisible to leadership.",
	"I made a mistake that cost the team a day. How do I own it?",
	"Should I do a part-time master's degree next to work?",
	"I keep saying yes to everything and I am exhausted.",
}

var circleCases = []string{
	"How do I give feedback to a former peer I now manage?",
	"Two people on my team do not get along and it affects delivery.",
	"My team is overloaded and leadership keeps adding priorities.",
	"A strong performer wants a promotion I cannot give this year.",
	"How do I lead a change I do not fully agree with?",
	"I have to let someone go after a failed probation.",
	"My remote team members feel left out of decisions.",
	"How do I delegate without losing quality?",
	"I inherited a team with low trust in management.",
	"How much should I share with my team about the restructuring?",
	"One of my reports is struggling with their mental health.",
	"I am stuck between my own manager and my team on a deadline.",
}

var (
	shadowSituations = []string{
		"the quarterly business review with the leadership team", "a difficult negotiation with a key supplier",
		"a hiring panel debrief", "a one-on-one with a struggling team lead", "a customer escalation call",
		"the budget planning workshop", "an all-hands Q&A", "a board preparation session",
		"a post-incident review", "a skip-level meeting with new joiners", "a partner pitch",
	}
	shadowInsights = []string{
		"they asked questions first and shared their view only at the end",
		"they summarised every decision and its owner before moving on",
		"they named the tension in the room instead of avoiding it",
		"they prepared a one-page brief and stuck to it",
		"they gave credit to the team in front of the executives",
		"they said no to a request and offered an alternative in the same breath",
		"silence did a lot of the work: they let people finish",
		"they reframed the problem in the customer's words",
	}
)

func shadowObservation(r rnd, mentor string) string {
	return fmt.Sprintf("Observed %s in %s. What I noticed: %s. Debrief: what I would try myself next time.",
		mentor, pick(r, shadowSituations), pick(r, shadowInsights))
}

var mentoringTopics = []string{
	"career path and the next step", "how to prepare for the promotion panel", "a tricky stakeholder situation",
	"prioritising when everything is urgent", "building visibility beyond the team", "the feedback from the last review",
	"how decisions really get made here", "balancing delivery and learning", "what the next-level role looks like day to day",
}

var takeaways = []string{
	"Takeaway: write the decision down before the meeting, not after.",
	"Takeaway: ask for the outcome, not the task.",
	"Takeaway: say no to one thing a week.",
	"Takeaway: visibility comes from sharing progress early.",
	"Takeaway: practise the opening two minutes until they are boring.",
	"Takeaway: the goal needs a clearer metric; we rewrote it.",
	"Takeaway: book the follow-up before leaving the room.",
}

var flashQuestions = []string{
	"how should I structure my first project plan?", "is my approach to this problem sane?",
	"what should I read first?", "how do I review this design?", "how do I estimate this?",
	"what would you do differently?", "which tool fits our case?", "how do I explain this to non-experts?",
}

var (
	declineReasons = []string{
		"Our working hours barely overlap.",
		"I would prefer a partner closer to my field.",
		"I do not have the capacity this quarter.",
		"I am going on parental leave next month.",
		"We already work closely together; I would like someone new.",
	}
	endReasons = []string{
		"Moved to a new role and can no longer make the time.",
		"Our goals turned out not to fit.",
		"Left the company.",
		"Long-term leave; we agreed to stop.",
		"We met twice and then could not find a rhythm.",
	}
)

var enrollmentGoals = []string{
	"I want to grow into a leadership role within two years.",
	"Get an outside view on my career options.",
	"Learn from someone who has done the job I want.",
	"Build confidence presenting to senior people.",
	"Understand how other departments work.",
	"Share what I know and learn something new in return.",
	"Get better at giving and receiving feedback.",
	"Meet people outside my team.",
	"Pick up digital skills I never had time for.",
	"Give back: I had a great mentor early in my career.",
}
