// Package stable computes stable many-to-one matchings from preference
// lists: proposers (mentees) rank receivers (mentors) and receivers rank
// proposers, each receiver takes up to its capacity, and no acceptable
// pair would both rather be matched together.
//
// Method: deferred acceptance (Gale-Shapley) with receiver capacities;
// each receiver holds its proposers in a heap ordered by its ranks.
//
// Guarantees: exact. The result is the proposer-optimal stable matching
// (every proposer gets the best receiver it has in any stable matching),
// and Result.BlockingPairs recounts blocking pairs by a separate check
// (always 0).
//
// Complexity: O(L log c) time for L preference entries in all and the
// largest capacity c; ranks take O(proposers x receivers) memory up to
// 4M entries, one map per receiver beyond that.
package stable
