package groups

import "math"

// polyak is the step control that both Lagrangian bounds share: it keeps
// the smallest bound seen and a step factor theta, halved after 10 rounds
// without a new smallest bound.
type polyak struct {
	best      float64
	theta     float64
	sinceBest int
}

func newPolyak(start float64) *polyak { return &polyak{best: start, theta: 1} }

// step records value, this round's bound with subgradient sub, and returns
// the Polyak step size theta*(value-lower)/|sub|^2 towards lower, the best
// known total; false means stop: the subgradient is zero, the gap is
// closed or theta has run out.
func (p *polyak) step(value, lower float64, sub []float64) (float64, bool) {
	if value < p.best {
		p.best = value
		p.sinceBest = 0
	} else if p.sinceBest++; p.sinceBest >= 10 {
		p.theta /= 2
		p.sinceBest = 0
	}
	norm := 0.0
	for _, s := range sub {
		norm += s * s
	}
	gap := value - lower
	if norm == 0 || gap <= 1e-12*math.Max(1, math.Abs(value)) || p.theta < 1e-6 {
		return 0, false
	}
	return p.theta * gap / norm, true
}
