package main

import (
	"fmt"
	"io"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/bipartite"
	"github.com/mentormesh/mentormesh/internal/match/general"
	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/textio"
)

// bipartite runs "solve bipartite": mentees (u) to mentors (v) with mentor
// capacities, exact.
func (s *solveRun) bipartite(args []string) error {
	fs := s.flags()
	capFile := fs.String("capacity", "", "file of `node capacity` lines for the right nodes")
	var opt bipartite.Options
	fs.BoolVar(&opt.MaxCardinality, "max-cardinality", false, "match as many pairs as possible first")
	fs.BoolVar(&opt.Fair, "fair", false, "maximise the worst pair first")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	in, err := s.parseEdges(textio.ParseOptions{Bipartite: true})
	if err != nil {
		return err
	}
	var capacity []int
	if *capFile != "" {
		t := time.Now()
		capacity, err = readFile(*capFile, func(r io.Reader) ([]int, error) {
			return textio.ParseCapacities(r, in.Right, true)
		})
		if err != nil {
			return err
		}
		s.parse += time.Since(t)
	}
	var res bipartite.Result
	err = s.timeSolve(func() (err error) {
		res, err = bipartite.Match(in.Left.Len(), in.Right.Len(), in.Edges, capacity, opt)
		return err
	})
	if err != nil {
		return err
	}
	s.writePairs(in, res.Pairs, res.Total)
	return nil
}

// general runs "solve general": maximum-weight matching in one pool.
func (s *solveRun) general(args []string) error {
	fs := s.flags()
	var opt general.Options
	fs.BoolVar(&opt.MaxCardinality, "max-cardinality", false, "match as many pairs as possible first")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	in, err := s.parseEdges(textio.ParseOptions{})
	if err != nil {
		return err
	}
	var res general.Result
	err = s.timeSolve(func() (err error) {
		res, err = general.Match(in.Left.Len(), in.Edges, opt)
		return err
	})
	if err != nil {
		return err
	}
	s.writePairs(in, res.Pairs, res.Total)
	return nil
}

// writePairs writes "u v w" per pair and the summary line.
func (s *solveRun) writePairs(in *textio.EdgeInput, pairs []graph.Edge, total float64) {
	for _, p := range pairs {
		fmt.Fprintf(&s.out, "%s %s %s\n", in.Left.Name(p.U), in.Right.Name(p.V), formatWeight(p.W))
	}
	fmt.Fprintf(&s.out, "# total=%s pairs=%d\n", formatSum(total, in.Decimals), len(pairs))
}
