// Package textio reads the text formats of the "mentormesh solve" command:
// weighted edge lists with node names (ParseEdges), capacities
// (ParseCapacities), meeting history as pairs (ParsePairs) and preference
// lists (ParsePreferences), and keeps node names apart from node numbers
// (Names).
//
// Guarantees: every error names the offending line (*LineError); weights
// are read exactly as decimals (up to MaxDecimals places) into float64, so
// the solvers can scale them back to integers without loss.
//
// Complexity: one pass over the input, O(size of the text) time; the
// common short line is parsed straight from the read buffer.
package textio
