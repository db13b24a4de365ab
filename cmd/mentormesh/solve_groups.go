package main

import (
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/groups"
	"github.com/mentormesh/mentormesh/internal/match/textio"
)

// groups runs "solve groups": partition one pool into groups of --size
// members maximising the weight of the pairs inside groups.
func (s *solveRun) groups(args []string) error {
	fs := s.flags()
	size := fs.Int("size", 0, "group size K (2..50)")
	seconds := fs.Float64("seconds", 0, "cap on the search time in seconds (0: the solver's default)")
	seed := fs.Int64("seed", 1, "random seed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := required(fs, "size"); err != nil {
		return err
	}
	if *size < 2 {
		return usageError{"--size must be at least 2"}
	}
	if *seconds < 0 || *seconds > 1e6 {
		return usageError{"--seconds must be from 0 to 1000000"}
	}
	in, err := s.parseEdges(textio.ParseOptions{})
	if err != nil {
		return err
	}
	opt := groups.Options{Size: *size, Seed: *seed, Budget: time.Duration(*seconds * float64(time.Second))}
	if s.tty {
		opt.Progress = s.progress()
	}
	var res groups.Result
	err = s.timeSolve(func() (err error) {
		res, err = groups.Partition(in.Left.Len(), in.Edges, opt)
		return err
	})
	if err != nil {
		return err
	}
	for g, members := range res.Groups {
		for _, m := range members {
			fmt.Fprintf(&s.out, "%d %s\n", g+1, in.Left.Name(m))
		}
	}
	fmt.Fprintf(&s.out, "# total=%s groups=%d bound=%s\n",
		formatSum(res.Total, in.Decimals), len(res.Groups), formatSum(res.Bound, in.Decimals))
	return nil
}

// progress returns a callback that redraws a percentage on the terminal at
// most every 100 ms; the line is ended by timeSolve's closing message.
func (s *solveRun) progress() func(done, total float64) {
	var last time.Time
	return func(done, total float64) {
		if total <= 0 || time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(s.stderr, "\rmentormesh solve %s: %3.0f%%", s.name, min(100, 100*done/total))
	}
}
