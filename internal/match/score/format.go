package score

// Format is a program format (SPEC §2). It decides how a pair is scored and
// which participants form the two sides of a bipartite problem.
//
// Directional formats score an ordered pair (a, b) where a is the person who
// learns (the mentee, role "mentee") and b the person who leads (the mentor,
// role "mentor"); skill fit is always judged on b's offers against a's
// wants:
//   - FormatMentoring, FormatShadow: b is more senior than a;
//   - FormatReverse: b is the junior who mentors the senior a;
//   - FormatFlash: b is the expert a books for one session;
//   - FormatAdvisoryBoard: a is the board owner (role "mentee"), b an
//     adviser (role "mentor", "peer" or "member").
//
// One-pool formats (FormatPeer, FormatSkillSwap, FormatCircles,
// FormatRotation) score unordered pairs: Score(a, b) equals Score(b, a)
// and every participant is in the pool whatever their role.
type Format string

// The nine program formats.
const (
	FormatMentoring     Format = "mentoring"
	FormatReverse       Format = "reverse"
	FormatPeer          Format = "peer"
	FormatSkillSwap     Format = "skill_swap"
	FormatCircles       Format = "circles"
	FormatRotation      Format = "rotation"
	FormatFlash         Format = "flash"
	FormatShadow        Format = "shadow"
	FormatAdvisoryBoard Format = "advisory_board"
)

// Formats returns the nine formats in a fixed order (a new slice each call).
func Formats() []Format {
	return []Format{FormatMentoring, FormatReverse, FormatPeer, FormatSkillSwap,
		FormatCircles, FormatRotation, FormatFlash, FormatShadow, FormatAdvisoryBoard}
}

// Valid reports whether f is one of the nine formats.
func (f Format) Valid() bool {
	switch f {
	case FormatMentoring, FormatReverse, FormatPeer, FormatSkillSwap, FormatCircles,
		FormatRotation, FormatFlash, FormatShadow, FormatAdvisoryBoard:
		return true
	}
	return false
}

// Directional reports whether f scores ordered (mentee, mentor) pairs and
// matches them as a bipartite problem; the other valid formats are one-pool.
func (f Format) Directional() bool {
	switch f {
	case FormatMentoring, FormatReverse, FormatFlash, FormatShadow, FormatAdvisoryBoard:
		return true
	}
	return false
}

// Node sides of a format's matching problem.
const (
	sideNone  int8 = 0
	sideLeft  int8 = 1 // mentees (directional formats)
	sideRight int8 = 2 // mentors, experts, advisers
	sidePool  int8 = 3 // one-pool formats
)

// sideOf places a participant in f's matching problem by role.
func sideOf(f Format, role Role) int8 {
	if !f.Directional() {
		return sidePool
	}
	if role == RoleMentee {
		return sideLeft
	}
	if role == RoleMentor {
		return sideRight
	}
	if f == FormatAdvisoryBoard && (role == RolePeer || role == RoleMember) {
		return sideRight
	}
	return sideNone
}
