package report

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// AdvisorInput is what a person tells the format advisor: their goal in
// their own words and, optionally, answers to short questions. An empty
// answer (or nil) means "not answered".
type AdvisorInput struct {
	Text string `json:"text"`
	// Horizon is "short" (help soon) or "long" (a long-term relationship).
	Horizon string `json:"horizon,omitempty"`
	// Source is "senior" (expertise from someone senior) or "equals" (practice among equals).
	Source string `json:"source,omitempty"`
	// Scope is "individual" or "team".
	Scope               string `json:"scope,omitempty"`
	OneQuestion         *bool  `json:"one_question,omitempty"`
	ObserveWork         *bool  `json:"observe_work,omitempty"`
	DigitalGap          *bool  `json:"digital_gap,omitempty"`
	SeveralPerspectives *bool  `json:"several_perspectives,omitempty"`
	CanTeach            *bool  `json:"can_teach,omitempty"`
}

// Advice is the advisor's answer: every format, best first.
type Advice struct {
	Formats []FormatAdvice `json:"formats"`
	// Confident is false when the input says too little to pick one
	// format; Shortlist then holds the top two instead of the top one.
	Confident bool            `json:"confident"`
	Shortlist []mentor.Format `json:"shortlist"`
	// Evidence is a sentence from the organisation's own format comparison
	// about the top format, when it has enough data ("" otherwise).
	Evidence string `json:"evidence,omitempty"`
}

// FormatAdvice is one format's fit: a score 0..1 and the reasons in words.
type FormatAdvice struct {
	Format  mentor.Format `json:"format"`
	Label   string        `json:"label"`
	Score   float64       `json:"score"`
	Reasons []string      `json:"reasons"`
}

// signal is how strongly the input asks for a need, and the words that said so.
type signal struct {
	strength float64
	said     []string
}

// maxStrength caps a need's strength, however many stems match.
const maxStrength = 1.2

// Advise ranks the formats for a person's goal. Each stem found in the text
// adds its weight to a need (longest stems first; the words a stem matched
// are not matched again), each answer sets a need, and each need adds its
// strength times its fit to every format's score (see fit). The score is
// 1 - e^-raw, rounded to three decimals. It is confident when some need is said clearly (strength 0.8
// or more) and the top format leads the second by 0.25 raw points or more.
// comparison may be nil; when given, Evidence quotes its goal completion.
func Advise(in AdvisorInput, comparison *Comparison) Advice {
	sig := readText(in.Text)
	applyAnswers(in, &sig)
	type scored struct {
		FormatAdvice
		raw float64
	}
	var all []scored
	for _, f := range mentor.Formats {
		raw, reasons := scoreFormat(f, &sig)
		all = append(all, scored{FormatAdvice{Format: f, Label: FormatName(f), Score: math.Round(1000*(1-math.Exp(-max(0, raw)))) / 1000, Reasons: reasons}, raw})
	}
	slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(b.raw, a.raw) })
	adv := Advice{}
	for _, s := range all {
		adv.Formats = append(adv.Formats, s.FormatAdvice)
	}
	strongest := 0.0
	for _, s := range sig {
		strongest = max(strongest, s.strength)
	}
	adv.Confident = strongest >= 0.8 && all[0].raw-all[1].raw >= 0.25
	adv.Shortlist = []mentor.Format{all[0].Format}
	if !adv.Confident {
		adv.Shortlist = append(adv.Shortlist, all[1].Format)
	}
	adv.Evidence = evidence(comparison, all[0].Format, all[1].Format)
	return adv
}

// sortedStems are the stems, longest first.
var sortedStems = func() []stem {
	s := slices.Clone(stems)
	slices.SortStableFunc(s, func(a, b stem) int { return cmp.Compare(len(b.text), len(a.text)) })
	return s
}()

// readText finds the stems in text.
func readText(text string) [nNeeds]signal {
	var sig [nNeeds]signal
	t := " " + normalise(text) + " "
	for _, st := range sortedStems {
		key := " " + st.text
		if !strings.Contains(t, key) {
			continue
		}
		s := &sig[st.need]
		s.strength = min(maxStrength, s.strength+st.weight)
		s.said = append(s.said, "“"+strings.TrimSpace(st.text)+"”")
		// Blank the matched words, keeping the spaces, so a shorter stem
		// ("question" inside "quick question") does not count them again.
		t = strings.ReplaceAll(t, key, " "+strings.Repeat("_", len(st.text)-1)+key[len(key)-1:])
	}
	return sig
}

// normalise lower-cases text and turns everything but letters and digits into single spaces.
func normalise(text string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(text) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// applyAnswers sets the needs the answers speak to.
func applyAnswers(in AdvisorInput, sig *[nNeeds]signal) {
	set := func(n need, strength float64) {
		sig[n].strength = strength
		if strength > 0 {
			sig[n].said = append(sig[n].said, "your answer")
		}
	}
	switch in.Horizon {
	case "short":
		set(needSoon, 1)
		set(needLongTerm, 0)
	case "long":
		set(needLongTerm, 1)
	}
	switch in.Source {
	case "senior":
		set(needExpertise, 1)
	case "equals":
		set(needMutual, 1)
	}
	switch in.Scope {
	case "team":
		set(needTeam, 1)
	case "individual":
		set(needTeam, 0)
	}
	for _, a := range []struct {
		v *bool
		n need
	}{{in.OneQuestion, needQuestion}, {in.ObserveWork, needObserve}, {in.DigitalGap, needDigital},
		{in.SeveralPerspectives, needPerspectives}, {in.CanTeach, needTeach}} {
		if a.v != nil {
			set(a.n, b2f(*a.v))
		}
	}
}
