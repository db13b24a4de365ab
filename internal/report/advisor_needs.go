package report

import "github.com/mentormesh/mentormesh/internal/mentor"

// need is something a person may want from a format.
type need int

const (
	needExpertise need = iota
	needCareer
	needLongTerm
	needMutual
	needFeedback
	needTeam
	needQuestion
	needSoon
	needDigital
	needSenior
	needObserve
	needTeach
	needPerspectives
	needMeetMany
	nNeeds
)

// needWords says each need in words, for reasons.
var needWords = [nNeeds]string{
	"learning from someone with deep expertise", "career guidance", "a long-term relationship",
	"learning among equals", "quick feedback and practice", "solving problems together with colleagues",
	"one targeted question", "help soon", "digital skills", "being senior yourself",
	"watching real work", "something to teach in return", "several perspectives", "meeting many colleagues",
}

// stem is a word or phrase that points to a need. A stem matches at the
// start of a word; a trailing space makes it match a whole word only.
type stem struct {
	text   string
	need   need
	weight float64
}

var stems = []stem{
	{"expert", needExpertise, 1}, {"experienced", needExpertise, 0.8}, {"someone senior", needExpertise, 1},
	{"more senior", needExpertise, 1}, {"senior colleague", needExpertise, 0.8}, {"learn from", needExpertise, 0.6},
	{"been there", needExpertise, 0.8}, {"done it before", needExpertise, 0.8}, {"deep knowledge", needExpertise, 1},
	{"guidance", needExpertise, 0.5}, {"role model", needExpertise, 0.8}, {"master ", needExpertise, 0.6}, {"wisdom", needExpertise, 0.8},
	{"career", needCareer, 1}, {"promotion", needCareer, 1}, {"promoted", needCareer, 1}, {"next role", needCareer, 1},
	{"leadership", needCareer, 0.8}, {"become a manager", needCareer, 1}, {"become a lead", needCareer, 1}, {"grow into", needCareer, 0.7},
	{"progression", needCareer, 0.8}, {"as a leader", needCareer, 0.8}, {"professional growth", needCareer, 0.8}, {"succession", needCareer, 0.8},
	{"long term", needLongTerm, 1}, {"next year", needLongTerm, 0.8}, {"over the year", needLongTerm, 1}, {"months", needLongTerm, 0.6},
	{"ongoing", needLongTerm, 0.7}, {"over time", needLongTerm, 0.7}, {"sustained", needLongTerm, 0.6}, {"years ahead", needLongTerm, 0.8},
	{"peer", needMutual, 0.8}, {"equals", needMutual, 1}, {"same level", needMutual, 1}, {"similar level", needMutual, 1},
	{"each other", needMutual, 0.8}, {"mutual", needMutual, 1}, {"reciproc", needMutual, 0.8}, {"bounce ideas", needMutual, 0.8},
	{"like me", needMutual, 0.5}, {"in my shoes", needMutual, 0.8}, {"colleague", needMutual, 0.3}, {"exchange ideas", needMutual, 0.8},
	{"feedback", needFeedback, 0.9}, {"practice", needFeedback, 0.8}, {"practise", needFeedback, 0.8}, {"rehearse", needFeedback, 0.8},
	{"try out", needFeedback, 0.5}, {"dry run", needFeedback, 0.8}, {"sounding board", needFeedback, 0.8},
	{"team", needTeam, 0.6}, {"our team", needTeam, 1}, {"together", needTeam, 0.6}, {"collective", needTeam, 1},
	{"group", needTeam, 0.7}, {"co develop", needTeam, 1}, {"same problems", needTeam, 0.8}, {"community", needTeam, 0.6},
	{"circle", needTeam, 1}, {"support each other", needTeam, 0.6}, {"accountability", needTeam, 0.6}, {"with colleagues", needTeam, 0.5},
	{"one question", needQuestion, 1}, {"a question", needQuestion, 0.6}, {"specific question", needQuestion, 1},
	{"quick question", needQuestion, 1.2}, {"second opinion", needQuestion, 1}, {"one off", needQuestion, 1},
	{"one time", needQuestion, 0.8}, {"single question", needQuestion, 1}, {"question", needQuestion, 0.4},
	{"sanity check", needQuestion, 1}, {"one topic", needQuestion, 0.8}, {"specific problem", needQuestion, 0.6}, {"just once", needQuestion, 0.8},
	{"quick", needSoon, 0.6}, {"urgent", needSoon, 0.8}, {"this week", needSoon, 0.8}, {"tomorrow", needSoon, 0.8},
	{"asap", needSoon, 0.8}, {"soon", needSoon, 0.5}, {"deadline", needSoon, 0.5}, {"next week", needSoon, 0.7},
	{"ai ", needDigital, 1}, {"artificial intelligence", needDigital, 1}, {"chatgpt", needDigital, 1}, {"digital", needDigital, 1},
	{"social media", needDigital, 1}, {"tiktok", needDigital, 1}, {"instagram", needDigital, 0.8}, {"tools", needDigital, 0.3},
	{"app ", needDigital, 0.5}, {"apps ", needDigital, 0.5}, {"software", needDigital, 0.5}, {"technolog", needDigital, 0.6},
	{"tech ", needDigital, 0.6}, {"online", needDigital, 0.5}, {"automation", needDigital, 0.6}, {"machine learning", needDigital, 1},
	{"prompt", needDigital, 0.6}, {"gen z", needDigital, 0.6}, {"younger", needDigital, 0.6}, {"generative", needDigital, 1},
	{"senior", needSenior, 0.6}, {"senior manager", needSenior, 1}, {"executive", needSenior, 1}, {"director", needSenior, 1}, {"vp ", needSenior, 1},
	{"vice president", needSenior, 1}, {"head of", needSenior, 0.8}, {"i m a manager", needSenior, 1}, {"i am a manager", needSenior, 1},
	{"as a manager", needSenior, 0.8}, {"decades", needSenior, 0.8}, {"ceo ", needSenior, 1}, {"cfo ", needSenior, 1}, {"older", needSenior, 0.4},
	{"observe", needObserve, 1}, {"shadow", needObserve, 1.2}, {"watch", needObserve, 0.8}, {"see how", needObserve, 0.8},
	{"sit in", needObserve, 1}, {"real work", needObserve, 0.8}, {"on the job", needObserve, 0.7}, {"in action", needObserve, 0.8},
	{"day in the life", needObserve, 1}, {"accompany", needObserve, 0.8}, {"look over", needObserve, 0.6}, {"how they handle", needObserve, 0.6},
	{"teach", needTeach, 0.8}, {"in return", needTeach, 1}, {"swap", needTeach, 1}, {"exchange skills", needTeach, 1},
	{"skill exchange", needTeach, 1}, {"trade", needTeach, 0.7}, {"i can offer", needTeach, 1}, {"i could offer", needTeach, 1},
	{"in exchange", needTeach, 1}, {"good at", needTeach, 0.5}, {"share my", needTeach, 0.6},
	{"perspectives", needPerspectives, 1}, {"different views", needPerspectives, 1}, {"viewpoints", needPerspectives, 1},
	{"several", needPerspectives, 0.4}, {"multiple", needPerspectives, 0.5}, {"various", needPerspectives, 0.5},
	{"diverse", needPerspectives, 0.6}, {"network of", needPerspectives, 0.8}, {"board", needPerspectives, 0.6},
	{"advisory", needPerspectives, 1}, {"different angles", needPerspectives, 1}, {"more than one mentor", needPerspectives, 1},
	{"meet people", needMeetMany, 1}, {"meet new", needMeetMany, 1}, {"get to know", needMeetMany, 1}, {"new colleagues", needMeetMany, 0.8},
	{"many colleagues", needMeetMany, 1}, {"across the company", needMeetMany, 0.8}, {"across the organi", needMeetMany, 0.8},
	{"other departments", needMeetMany, 0.7}, {"network", needMeetMany, 0.5}, {"coffee", needMeetMany, 0.8},
	{"different people", needMeetMany, 0.6}, {"isolated", needMeetMany, 0.6}, {"new here", needMeetMany, 0.6},
	{"just joined", needMeetMany, 0.6}, {"broaden", needMeetMany, 0.5}, {"lots of people", needMeetMany, 1},
}

// fit is how much a need speaks for (or, negative, against) each format.
var fit = [nNeeds]map[mentor.Format]float64{
	needExpertise:    {mentor.FormatMentoring: 1, mentor.FormatShadow: 0.5, mentor.FormatFlash: 0.4, mentor.FormatAdvisoryBoard: 0.4, mentor.FormatPeer: -0.2},
	needCareer:       {mentor.FormatMentoring: 1, mentor.FormatAdvisoryBoard: 0.6, mentor.FormatShadow: 0.3},
	needLongTerm:     {mentor.FormatMentoring: 0.6, mentor.FormatAdvisoryBoard: 0.4, mentor.FormatPeer: 0.3, mentor.FormatCircles: 0.3, mentor.FormatFlash: -0.6, mentor.FormatRotation: -0.2},
	needMutual:       {mentor.FormatPeer: 1, mentor.FormatCircles: 0.5, mentor.FormatSkillSwap: 0.5, mentor.FormatRotation: 0.3},
	needFeedback:     {mentor.FormatPeer: 0.9, mentor.FormatFlash: 0.4, mentor.FormatCircles: 0.2},
	needTeam:         {mentor.FormatCircles: 1.1, mentor.FormatRotation: 0.3, mentor.FormatPeer: 0.2},
	needQuestion:     {mentor.FormatFlash: 1.2, mentor.FormatMentoring: -0.3},
	needSoon:         {mentor.FormatFlash: 0.5, mentor.FormatPeer: 0.2, mentor.FormatMentoring: -0.2},
	needDigital:      {mentor.FormatReverse: 0.8, mentor.FormatSkillSwap: 0.2},
	needSenior:       {mentor.FormatReverse: 0.3, mentor.FormatAdvisoryBoard: 0.3},
	needObserve:      {mentor.FormatShadow: 1.2},
	needTeach:        {mentor.FormatSkillSwap: 1.1, mentor.FormatReverse: 0.2},
	needPerspectives: {mentor.FormatAdvisoryBoard: 1.1, mentor.FormatCircles: 0.3, mentor.FormatRotation: 0.3},
	needMeetMany:     {mentor.FormatRotation: 1.1, mentor.FormatCircles: 0.2},
}

// digitalSeniorBonus is the extra weight reverse mentoring gets when a
// senior person wants digital skills: the case it exists for.
const digitalSeniorBonus = 0.8

// prior is each format's score before anything is said.
var prior = map[mentor.Format]float64{mentor.FormatMentoring: 0.15, mentor.FormatPeer: 0.12, mentor.FormatCircles: 0.08}

const defaultPrior = 0.05

// strengths says what each format is good for (SPEC §5).
var strengths = map[mentor.Format]string{
	mentor.FormatMentoring:     "deep expertise transfer, career guidance, a long-term relationship",
	mentor.FormatPeer:          "mutual learning, quick feedback, equal standing",
	mentor.FormatCircles:       "collective problem solving and team building in a small group",
	mentor.FormatFlash:         "one targeted question answered by an expert in a short session",
	mentor.FormatReverse:       "digital skills and a fresh view for seniors, from a junior colleague",
	mentor.FormatShadow:        "learning by watching an experienced colleague at real work",
	mentor.FormatSkillSwap:     "teach one thing and learn another, in a pair",
	mentor.FormatAdvisoryBoard: "a network of perspectives: a mentor plus two or three diverse peers",
	mentor.FormatRotation:      "meeting many colleagues, a new partner every cycle",
}
