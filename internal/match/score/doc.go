// Package score says how well two participants of a program fit: Score
// rates a pair on six factors (skill, experience, diversity, availability,
// language, preference) under a program's Format, Weights and Rules,
// removes pairs that break a hard constraint, and explains the result in
// plain words. Candidates finds every person's best-scoring partners, the
// edge list the solvers take (CandidateSet.Graph).
//
// The candidate search lives here, not in a package of its own, because
// its pruning is built from the scorer's internals: it compiles the pool
// once into the scorer's compact profiles and bounds each bucket of people
// with the same factor formulas Score uses, so that the bounds are never
// below a score. Splitting them would mean exporting those internals.
//
// Guarantees: Score is pure and deterministic, and Candidates reports
// exactly the scores Score gives (bit for bit). Candidate lists are the
// exact top K unless CandidateOptions.MaxScoredPerPerson cuts a person's
// search short (CandidateSet.Truncated counts them); even then a person
// with any compatible partner gets one.
//
// Complexity: Score is linear in the sizes of the two profiles. Candidates
// scores every pair of a pool of up to 2,000 people (O(n^2)); larger pools
// use an index of buckets (seniority, time zone, and department in very
// large pools) with skill posting lists, visited in order of an upper
// bound, and stop at the K-th best score or after at most 40K + 2,000
// evaluations a person by default: 20,000 people take 0.4 to 1.9 s on two
// cores, depending on the format (bench/RESULTS.md).
package score
