package mentor

import "time"

// Momentum mark kinds: what the momentum sweep did to a match. A mark is
// claimed once per match, kind and period (Claim), so that several server
// instances sweeping at once act once.
const (
	MarkRemind = "remind"
	MarkWarn   = "warn"
	MarkPause  = "pause"
)

// Claim asks for the right to act once on a match: the store grants it to
// at most one caller per match, kind and period.
type Claim struct {
	MatchID int64
	// Kind is what is claimed, one of the Mark kinds or another name of 1 to
	// 40 characters.
	Kind string
	// Period keys the claim: one claim per match, kind and period. Zero
	// means the next number after the highest period claimed so far for this
	// match and kind, for things done repeatedly.
	Period int64
	// Quiet refuses the claim while the match has a mark of one of these
	// kinds, or an audit event with one of them as action, made at or after
	// QuietSince.
	Quiet      []string
	QuietSince time.Time
}
