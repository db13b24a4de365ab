// Package synth generates the instances and holds the helpers that tests
// and benchmarks of several solver packages share: brute-force optima,
// generated graphs and people, the process CPU time. It is for tests
// only; nothing in the product imports it.
package synth
