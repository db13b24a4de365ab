// Package match is mentormesh's matching engine: it scores candidate partners
// and solves the matching problems of every program format exactly where the
// problem allows it (bipartite b-matching, general maximum-weight matching,
// stable matching) and with a reported gap where it does not (groups,
// rotations). It is pure: no I/O, no database, deterministic for a given seed.
package match

// Edge is a weighted candidate pair between nodes U and V. In a bipartite
// problem U is a left node (a mentee) and V a right node (a mentor); in a
// one-pool problem both are nodes of the same pool. Nodes are numbered from 0.
type Edge struct {
	U, V int
	W    float64
}
