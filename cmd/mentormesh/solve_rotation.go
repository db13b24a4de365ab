package main

import (
	"fmt"
	"io"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/rotation"
	"github.com/mentormesh/mentormesh/internal/match/textio"
)

// rotation runs "solve rotation": --rounds rounds of groups of --size
// members in which no pair meets twice, avoiding the pairs of --history.
func (s *solveRun) rotation(args []string) error {
	fs := s.flags()
	size := fs.Int("size", 0, "group size K (2 for pairs)")
	rounds := fs.Int("rounds", 0, "number of rounds R")
	historyFile := fs.String("history", "", "file of `u v` lines: pairs that already met")
	seed := fs.Int64("seed", 1, "random seed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := required(fs, "size", "rounds"); err != nil {
		return err
	}
	if *size < 2 {
		return usageError{"--size must be at least 2"}
	}
	if *rounds < 1 {
		return usageError{"--rounds must be at least 1"}
	}
	in, err := s.parseEdges(textio.ParseOptions{Loose: true})
	if err != nil {
		return err
	}
	opt := rotation.Options{Size: *size, Rounds: *rounds, Seed: *seed}
	if *historyFile != "" {
		t := time.Now()
		unknown := 0
		opt.History, err = readFile(*historyFile, func(r io.Reader) (pairs [][2]int, err error) {
			pairs, unknown, err = textio.ParsePairs(r, in.Left)
			return pairs, err
		})
		if err != nil {
			return err
		}
		if unknown > 0 {
			fmt.Fprintf(s.stderr, "mentormesh solve rotation: %s: skipped %d pairs naming people not in the input\n", *historyFile, unknown)
		}
		s.parse += time.Since(t)
	}
	var res rotation.Result
	err = s.timeSolve(func() (err error) {
		res, err = rotation.Schedule(in.Left.Len(), in.Edges, opt)
		return err
	})
	if err != nil {
		return err
	}
	for r, groups := range res.Rounds {
		for g, members := range groups {
			for _, m := range members {
				fmt.Fprintf(&s.out, "%d %d %s\n", r+1, g+1, in.Left.Name(m))
			}
		}
	}
	fmt.Fprintf(&s.out, "# rounds=%d repeats=%d\n", len(res.Rounds), res.Repeats)
	return nil
}
