package web

import (
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// labels maps the enum values the domain stores (formats, roles, states,
// kinds, modes, cadences) to the words people read. It is the one place
// where a page turns "advisory_board" into "Personal advisory board"; a
// value missing here is shown with its underscores replaced, never raw.
var labels = map[string]string{
	// program statuses
	string(mentor.StatusDraft):     "Draft",
	string(mentor.StatusEnrolling): "Open for sign-up",
	string(mentor.StatusMatching):  "Matching",
	string(mentor.StatusRunning):   "Running",
	string(mentor.StatusClosed):    "Closed",
	// matching modes
	string(mentor.ModeAuto):       "Automatic matching",
	string(mentor.ModeReview):     "Matching reviewed by a coordinator",
	string(mentor.ModeSelfSelect): "Self-select: you pick",
	// roles
	string(mentor.RoleMentor): "Mentor",
	string(mentor.RoleMentee): "Mentee",
	string(mentor.RolePeer):   "Peer",
	string(mentor.RoleMember): "Circle member",
	// match states (draft and active share words with other enums)
	string(mentor.MatchProposed):  "Proposed",
	string(mentor.MatchAccepted):  "Accepted",
	string(mentor.MatchDeclined):  "Declined",
	string(mentor.MatchActive):    "Active",
	string(mentor.MatchPaused):    "Paused",
	string(mentor.MatchCompleted): "Completed",
	string(mentor.MatchEnded):     "Ended",
	// meeting statuses
	string(mentor.MeetingScheduled): "Scheduled",
	string(mentor.MeetingHeld):      "Held",
	string(mentor.MeetingCancelled): "Cancelled",
	// goal states
	string(mentor.GoalOpen):      "Open",
	string(mentor.GoalAchieved):  "Achieved",
	string(mentor.GoalAbandoned): "Abandoned",
	// cadences
	string(mentor.CadenceWeekly):      "Weekly",
	string(mentor.CadenceFortnightly): "Every two weeks",
	string(mentor.CadenceMonthly):     "Monthly",
	// user roles
	string(mentor.UserAdmin):       "Admin",
	string(mentor.UserCoordinator): "Coordinator",
	string(mentor.UserParticipant): "Participant",
	// answers, enrollment and pick states, assessment kinds and phases
	"pending":    "Waiting for an answer",
	"waitlisted": "On the waitlist",
	"withdrawn":  "Withdrawn",
	"expired":    "Expired",
	"directive":  "Directive (advice and direction)",
	"reflective": "Reflective (questions)",
	"self":       "Self-assessment",
	"partner":    "By a partner",
	"start":      "At the start",
	"end":        "At the end",
	"mid":        "Midway",
	"gen_alpha":  "Generation Alpha",
	"gen_z":      "Generation Z",
	"millennial": "Millennials",
	"gen_x":      "Generation X",
	"boomer":     "Baby boomers",
}

// formatLabels and kindLabels name the formats and meeting kinds, whose
// values overlap with roles ("peer") and with each other ("flash").
var formatLabels = map[mentor.Format]string{
	mentor.FormatMentoring:     "Mentoring",
	mentor.FormatReverse:       "Reverse mentoring",
	mentor.FormatPeer:          "Peer mentoring",
	mentor.FormatSkillSwap:     "Skill swap",
	mentor.FormatCircles:       "Peer coaching circles",
	mentor.FormatRotation:      "Rotational pairings",
	mentor.FormatFlash:         "Flash mentoring",
	mentor.FormatShadow:        "Shadow mentoring",
	mentor.FormatAdvisoryBoard: "Personal advisory board",
}

var kindLabels = map[mentor.MeetingKind]string{
	mentor.MeetingRegular: "Regular session",
	mentor.MeetingFlash:   "Flash session",
	mentor.MeetingShadow:  "Shadowing session",
	mentor.MeetingCircle:  "Circle session",
	mentor.MeetingCheckIn: "Check-in",
}

// formatLines explains each format in one line, for people choosing a program.
var formatLines = map[mentor.Format]string{
	mentor.FormatMentoring:     "A more experienced mentor guides you over several months.",
	mentor.FormatReverse:       "A junior colleague teaches a senior one a skill they hold, often a digital one.",
	mentor.FormatPeer:          "Two colleagues of similar level take turns bringing a dilemma to each other.",
	mentor.FormatSkillSwap:     "You teach your partner one skill and learn another from them.",
	mentor.FormatCircles:       "A small group of 3 to 8 meets regularly to solve problems together.",
	mentor.FormatRotation:      "A new partner every cycle, never the same person twice.",
	mentor.FormatFlash:         "One focused session with an expert, booked from their office hours.",
	mentor.FormatShadow:        "You watch a mentor at real work, note what you see and talk it through.",
	mentor.FormatAdvisoryBoard: "A mentor plus two or three diverse peers who advise you together.",
}

// label returns the words for an enum value (any string-like value).
func label(v any) string {
	switch x := v.(type) {
	case mentor.Format:
		if l, ok := formatLabels[x]; ok {
			return l
		}
	case mentor.MeetingKind:
		if l, ok := kindLabels[x]; ok {
			return l
		}
	}
	s := fmt.Sprint(v)
	if l, ok := labels[s]; ok {
		return l
	}
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// formatLine returns the one-line explanation of a format.
func formatLine(f mentor.Format) string { return formatLines[f] }
