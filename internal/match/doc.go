// Package match is mentormesh's matching engine. Plan takes the people of
// one program and its format, scores every candidate pair (package score)
// and solves the format's matching problem with the solver that fits it:
// bipartite b-matching for mentoring, reverse, shadow and flash; general
// maximum-weight matching for peer and skill swap; groups for circles;
// one round of a rotation schedule for rotations; a mentor plus diverse
// peers for advisory boards. It returns proposals with their reasons.
//
// The solvers are packages of their own, each saying what it solves, its
// guarantee and its complexity: score, bipartite, general, stable, groups,
// rotation; textio reads the solve command's text formats and graph holds
// the Edge they all share. Exact solvers are exact; groups and rotation
// are heuristics that report their bound or repeats. Everything here is
// pure: no I/O, no database, deterministic for a given seed.
//
// Complexity: Plan costs one candidate search (see score.Candidates) plus
// one solve of the format's problem on at most TopK edges a person.
package match
