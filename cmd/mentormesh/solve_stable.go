package main

import (
	"fmt"
	"io"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/stable"
	"github.com/mentormesh/mentormesh/internal/match/textio"
)

// stable runs "solve stable": Gale-Shapley, proposers proposing, with
// receiver capacities.
func (s *solveRun) stable(args []string) error {
	fs := s.flags()
	proposersFile := fs.String("proposers", "", "file of `name choice1 choice2 ...` lines")
	receiversFile := fs.String("receivers", "", "file of `name choice1 choice2 ...` lines")
	capFile := fs.String("capacity", "", "file of `receiver capacity` lines")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := required(fs, "proposers", "receivers"); err != nil {
		return err
	}
	t := time.Now()
	props, err := readFile(*proposersFile, textio.ParsePreferences)
	if err != nil {
		return err
	}
	recv, err := readFile(*receiversFile, textio.ParsePreferences)
	if err != nil {
		return err
	}
	pp, err := props.Resolve(recv.People)
	if err != nil {
		return fmt.Errorf("%s: %w", *proposersFile, err)
	}
	rp, err := recv.Resolve(props.People)
	if err != nil {
		return fmt.Errorf("%s: %w", *receiversFile, err)
	}
	var capacity []int
	if *capFile != "" {
		capacity, err = readFile(*capFile, func(r io.Reader) ([]int, error) {
			return textio.ParseCapacities(r, recv.People, false)
		})
		if err != nil {
			return err
		}
	}
	s.parse = time.Since(t)
	var res stable.Result
	err = s.timeSolve(func() (err error) {
		res, err = stable.Match(pp, rp, capacity)
		return err
	})
	if err != nil {
		return err
	}
	for _, p := range res.Pairs {
		fmt.Fprintf(&s.out, "%s %s\n", props.People.Name(p[0]), recv.People.Name(p[1]))
	}
	fmt.Fprintf(&s.out, "# pairs=%d blocking=%d\n", len(res.Pairs), res.BlockingPairs)
	return nil
}
