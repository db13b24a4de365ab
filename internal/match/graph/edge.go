// Package graph defines Edge, the weighted pair that every solver of the
// matching engine reads and returns, so that one parsed or scored edge
// list feeds any solver. It holds no algorithm.
package graph

// Edge is a weighted candidate pair between nodes U and V. In a bipartite
// problem U is a left node (a mentee) and V a right node (a mentor); in a
// one-pool problem both are nodes of the same pool. Nodes are numbered from 0.
type Edge struct {
	U, V int
	W    float64
}
