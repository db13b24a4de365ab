package report

import (
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

func TestAdvise_FreeText(t *testing.T) {
	const (
		men  = mentor.FormatMentoring
		rev  = mentor.FormatReverse
		peer = mentor.FormatPeer
		swap = mentor.FormatSkillSwap
		circ = mentor.FormatCircles
		rot  = mentor.FormatRotation
		fl   = mentor.FormatFlash
		sh   = mentor.FormatShadow
		adv  = mentor.FormatAdvisoryBoard
	)
	tests := []struct {
		name, text string
		want       mentor.Format
	}{
		{"senior manager AI", "I'm a senior manager and want to get comfortable with AI tools", rev},
		{"pricing second opinion", "I need a quick second opinion on one pricing question", fl},
		{"team same problems", "our team keeps hitting the same problems and I'd like to solve them together with colleagues", circ},
		{"promotion", "I want to get promoted to team lead within the next year and need guidance from someone who has done it before", men},
		{"career long term", "Long-term career growth: I'd like a mentor to guide me over the coming months", men},
		{"become a manager", "How do I become a manager? I'd love advice from someone more senior", men},
		{"expert architecture", "I want to learn software architecture from an experienced expert", men},
		{"director social media", "As a director I feel lost on social media and TikTok", rev},
		{"executive chatgpt", "I'm an executive and want to understand ChatGPT and generative AI", rev},
		{"vp digital", "VP here, my digital skills are behind; a younger colleague could help", rev},
		{"peer feedback", "I'd like quick feedback on my presentations from a peer at my level", peer},
		{"practice equals", "Practice difficult conversations with someone at the same level as me", peer},
		{"sounding board", "I want a sounding board, someone in my shoes to bounce ideas off", peer},
		{"mutual learning", "Mutual learning with a colleague; we help each other", peer},
		{"one question contract", "I have one specific question about a contract clause", fl},
		{"sanity check", "Just a sanity check on my budget plan before the deadline tomorrow", fl},
		{"quick question kubernetes", "quick question about Kubernetes networking", fl},
		{"one off advice", "a one-off session on how to price a consulting offer", fl},
		{"shadow sales", "I want to shadow a senior sales rep and watch how they handle client calls", sh},
		{"observe real work", "I'd like to observe an experienced engineer doing real work on incidents", sh},
		{"see how surgeons", "see how a surgeon plans an operation, a day in the life", sh},
		{"sit in", "sit in on negotiations to see it in action", sh},
		{"teach excel learn python", "I can teach Excel and would like to learn Python in return", swap},
		{"swap skills", "swap skills: my design for your SQL", swap},
		{"exchange skills", "Looking for a skill exchange: I'm good at public speaking and want to learn data analysis", swap},
		{"perspectives board", "I'd like several perspectives on my career from different people, like a personal board", adv},
		{"advisory", "I want a personal advisory board with diverse viewpoints", adv},
		{"network of mentors", "a network of mentors instead of just one, more than one mentor", adv},
		{"meet people", "I'm new here and want to meet people across the company", rot},
		{"coffee roulette", "something like coffee roulette to get to know colleagues from other departments", rot},
		{"broaden network", "broaden my network and meet new colleagues every month", rot},
		{"lots of people", "I'd like to talk to lots of people, not just one", rot},
		{"co-development", "a co-development group where we support each other as a group", circ},
		{"accountability", "an accountability circle to keep us on track", circ},
		{"collective", "collective problem solving for new team leads", circ},
		{"team building", "team building across our team, learning together", circ},
		{"leadership growth", "develop my leadership skills over the long term", men},
		{"role model", "I'm looking for a role model with deep knowledge of finance", men},
		{"succession", "I'm part of succession planning and want career progression", men},
		{"urgent dilemma", "urgent: one question about firing someone this week", fl},
		{"rehearse pitch", "rehearse my pitch and get feedback from peers", peer},
		{"machine learning senior", "senior partner, decades in law, and I want to understand machine learning", rev},
		{"trade", "I'd trade my photography skills for help with my CV, I can offer lessons", swap},
	}
	if len(tests) < 40 {
		t.Fatalf("%d phrasings, want at least 40", len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Advise(AdvisorInput{Text: tc.text}, nil)
			if got := a.Formats[0].Format; got != tc.want {
				t.Errorf("top %s (%.2f), want %s; second %s (%.2f)\n%s", got, a.Formats[0].Score, tc.want,
					a.Formats[1].Format, a.Formats[1].Score, strings.Join(a.Formats[0].Reasons, " "))
			}
		})
	}
}

func TestAdvise_Answers(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name string
		in   AdvisorInput
		want mentor.Format
	}{
		{"observe", AdvisorInput{ObserveWork: &yes}, mentor.FormatShadow},
		{"one question", AdvisorInput{OneQuestion: &yes, Horizon: "short"}, mentor.FormatFlash},
		{"digital gap of a senior", AdvisorInput{Text: "I am a director", DigitalGap: &yes}, mentor.FormatReverse},
		{"perspectives", AdvisorInput{SeveralPerspectives: &yes}, mentor.FormatAdvisoryBoard},
		{"teach in return", AdvisorInput{CanTeach: &yes, Source: "equals"}, mentor.FormatSkillSwap},
		{"team", AdvisorInput{Scope: "team", Source: "equals"}, mentor.FormatCircles},
		{"senior long", AdvisorInput{Source: "senior", Horizon: "long"}, mentor.FormatMentoring},
		{"equals", AdvisorInput{Source: "equals", Scope: "individual"}, mentor.FormatPeer},
		// An answer overrides the text: the person does not want to observe.
		{"answer overrides text", AdvisorInput{Text: "watch and observe", ObserveWork: &no, Source: "senior"}, mentor.FormatMentoring},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Advise(tc.in, nil)
			if got := a.Formats[0].Format; got != tc.want {
				t.Errorf("top %s, want %s", got, tc.want)
			}
		})
	}
}

func TestAdvise_Confidence(t *testing.T) {
	tests := []struct {
		text      string
		confident bool
	}{
		{"", false},
		{"I want to grow", false},
		{"help me please", false},
		{"I'm a senior manager and want to get comfortable with AI tools", true},
		{"I need a quick second opinion on one pricing question", true},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			a := Advise(AdvisorInput{Text: tc.text}, nil)
			if a.Confident != tc.confident {
				t.Errorf("confident = %v, want %v", a.Confident, tc.confident)
			}
			wantShort := 1
			if !tc.confident {
				wantShort = 2
			}
			if len(a.Shortlist) != wantShort || a.Shortlist[0] != a.Formats[0].Format {
				t.Errorf("shortlist %v, want the top %d", a.Shortlist, wantShort)
			}
		})
	}
}

func TestAdvise_Answer(t *testing.T) {
	a := Advise(AdvisorInput{Text: "I want to shadow an expert at real work"}, nil)
	if len(a.Formats) != len(mentor.Formats) {
		t.Fatalf("%d formats, want all %d", len(a.Formats), len(mentor.Formats))
	}
	for i, f := range a.Formats {
		if f.Score < 0 || f.Score > 1 || i > 0 && f.Score > a.Formats[i-1].Score {
			t.Errorf("%s score %.3f out of range or order", f.Format, f.Score)
		}
		if len(f.Reasons) == 0 || f.Label == "" {
			t.Errorf("%s without label or reasons", f.Format)
		}
		for _, r := range f.Reasons {
			if strings.Contains(r, "_") {
				t.Errorf("reason with a raw identifier: %q", r)
			}
		}
	}
	top := strings.Join(a.Formats[0].Reasons, " ")
	if !strings.Contains(top, "watching real work") || !strings.Contains(top, "“shadow”") {
		t.Errorf("reasons %q do not say what fitted", top)
	}
	last := Advise(AdvisorInput{Text: "a long-term mentor for my career"}, nil)
	for _, f := range last.Formats {
		if f.Format == mentor.FormatFlash && !strings.Contains(strings.Join(f.Reasons, " "), "Less suited to a long-term relationship") {
			t.Errorf("flash reasons %q, want a misfit for long term", f.Reasons)
		}
	}
}

func TestAdvise_Evidence(t *testing.T) {
	cmp := &Comparison{Metrics: []MetricComparison{{Metric: MetricGoalCompletion, Formats: []FormatEstimate{
		{Format: mentor.FormatMentoring, N: 84, Value: 0.71},
		{Format: mentor.FormatPeer, N: 60, Value: 0.52},
		{Format: mentor.FormatFlash, N: 4, Value: 0.9},
	}, Differences: []Difference{{A: mentor.FormatMentoring, B: mentor.FormatPeer, Verdict: VerdictAHigher}}}}}
	tests := []struct {
		name, text, want string
	}{
		{"mentoring", "career guidance from an experienced expert over the long term", "Here, people in mentoring completed 71% of their goals and people in peer mentoring 52%."},
		{"peer", "quick feedback from a peer at my level", "Here, people in peer mentoring completed 52% of their goals and people in mentoring 71%."},
		{"too few flash", "one quick question", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Advise(AdvisorInput{Text: tc.text}, cmp).Evidence; got != tc.want {
				t.Errorf("evidence %q, want %q", got, tc.want)
			}
		})
	}
	if got := Advise(AdvisorInput{Text: "career"}, nil).Evidence; got != "" {
		t.Errorf("evidence without a comparison: %q", got)
	}
}
