// Package match is mentormesh's matching engine: it scores candidate partners
// and solves the matching problems of every program format exactly where the
// problem allows it (bipartite b-matching, general maximum-weight matching,
// stable matching) and with a reported gap where it does not (groups,
// rotations). It is pure: no I/O, no database, deterministic for a given seed.
package match
