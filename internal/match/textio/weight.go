package textio

import (
	"math"
	"strconv"
)

// MaxDecimals caps the decimal precision ParseEdges reports: weights written
// with more digits than this are rounded to it only when totals are printed.
const MaxDecimals = 15

var exactPow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// parseWeight parses a decimal number ("12", "-0.5", ".25", "3e-2") and
// returns it with its number of decimal places (capped at MaxDecimals). It
// rejects anything else: hexadecimal, "inf", "nan", digit separators, and
// values beyond the float64 range.
func parseWeight(tok []byte) (float64, int, bool) {
	// Fast path: [sign] digits [. digits] with at most 15 digits. The
	// mantissa and the power of ten are exact float64 values, so their
	// quotient is the correctly rounded value, exactly what ParseFloat gives.
	i, neg := 0, false
	if len(tok) > 0 && (tok[0] == '-' || tok[0] == '+') {
		neg = tok[0] == '-'
		i = 1
	}
	var mant uint64
	digits, frac, dot := 0, 0, false
	for ; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return parseWeightSlow(tok)
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	if digits > 15 {
		return parseWeightSlow(tok)
	}
	w := float64(mant) / exactPow10[frac]
	if neg {
		w = -w
	}
	return w, frac, true
}

// parseWeightSlow handles exponents and long mantissas with ParseFloat,
// after checking that the token is a plain decimal number.
func parseWeightSlow(tok []byte) (float64, int, bool) {
	i := 0
	if i < len(tok) && (tok[i] == '-' || tok[i] == '+') {
		i++
	}
	digits, frac, dot := 0, 0, false
	for ; i < len(tok); i++ {
		c := tok[i]
		if c >= '0' && c <= '9' {
			digits++
			if dot {
				frac++
			}
		} else if c == '.' && !dot {
			dot = true
		} else {
			break
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	exp := 0
	if i < len(tok) {
		if tok[i] != 'e' && tok[i] != 'E' {
			return 0, 0, false
		}
		i++
		sign := 1
		if i < len(tok) && (tok[i] == '-' || tok[i] == '+') {
			if tok[i] == '-' {
				sign = -1
			}
			i++
		}
		if i == len(tok) {
			return 0, 0, false
		}
		for ; i < len(tok); i++ {
			c := tok[i]
			if c < '0' || c > '9' {
				return 0, 0, false
			}
			if exp < 100000 {
				exp = exp*10 + int(c-'0')
			}
		}
		exp *= sign
	}
	w, err := strconv.ParseFloat(string(tok), 64)
	if err != nil || math.IsInf(w, 0) || math.IsNaN(w) {
		return 0, 0, false
	}
	dec := min(max(frac-exp, 0), MaxDecimals)
	return w, dec, true
}
