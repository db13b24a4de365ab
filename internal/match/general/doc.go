// Package general finds maximum-weight matchings in general (non-bipartite)
// graphs: pairs within one pool of people, as peer mentoring and skill
// swaps need. Match maximises the total weight, or with
// Options.MaxCardinality first the number of pairs and then the weight.
//
// Method: Edmonds' primal-dual blossom algorithm in the multiple-tree form
// (all alternating trees grow under one global dual change, as in LEMON's
// MaxWeightedMatching), with lazy duals, one monotone event queue and a
// greedy start with feasible duals (see solver.go).
//
// Guarantees: exact. Weights are scaled by a power of ten to int64 (see
// Match), so integer and decimal weights give the true optimum; the
// result depends only on the input and its order.
//
// Complexity: at most n/2 augmentations, each a stage of O(n) label and
// blossom events that rescan the edges of relabelled vertices, so O(n^2 m)
// time in the worst case and O(n + m) memory. Measured close to linear on
// random and structured graphs: 100,000 nodes and 500,000 edges in about a
// second.
package general
