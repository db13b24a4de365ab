package main

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
)

// FuzzMatchFile feeds arbitrary people files to `match --people`: a file it
// refuses is an EINVALID error (exit status 2, naming the file), and a file
// it accepts gives matches whose members are people of the file, each
// person matched or listed as unmatched, and finite scores.
func FuzzMatchFile(f *testing.F) {
	seeds := []string{
		`[{"id":"ana","name":"Ana","role":"mentee","seniority":2,"wants":[{"skill":"SQL","level":1}]},{"id":"cy","name":"Cy","role":"mentor","capacity":1,"seniority":5,"offers":[{"skill":"SQL","level":5}]}]`,
		`[{"id":"a","role":"peer","offers":[{"skill":"Go","level":4}],"wants":[{"skill":"SQL","level":1}]},{"id":"b","role":"peer","offers":[{"skill":"SQL","level":4}],"wants":[{"skill":"Go","level":1}]},{"id":"c","role":"peer"}]`,
		`[{"id":"a","blocked":["b"]},{"id":"b","past_partners":["a"]},{"id":"c","time_zone":"Mars/Base","capacity":-3}]`,
		`[{"id":"a"},{"id":"a"}]`,
		`[{"id":"a","colour":"red"}]`,
		`[{"id":""}]`,
		`{"id":"a"}`,
		`[]`,
		`[{"id":"m","role":"mentor","capacity":1000000000,"seniority":-5,"years_experience":99},{"id":"n","role":"boss","languages":["English"]}]`,
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i))
	}
	formats := score.Formats()
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		var people []personJSON
		if json.Unmarshal(data, &people) == nil && len(people) > 12 {
			return // the solvers are exact; keep each run short
		}
		fm := formats[int(format)%len(formats)]
		out, err := matchFile("-", bytes.NewReader(data), fm, match.PlanOptions{GroupSize: 2 + int(format/16)%3, Seed: 1, MaxCardinality: true})
		if err != nil {
			if mentor.ErrorCode(err) != mentor.EINVALID {
				t.Fatalf("%s: a bad people file must be EINVALID (exit 2), got %v", fm, err)
			}
			return
		}
		names := map[string]int{}
		for _, p := range people {
			name := p.Name
			if name == "" {
				name = p.ID
			}
			names[name]++
		}
		seen := map[string]bool{}
		for _, m := range out.Matches {
			if len(m.Members) < 2 || len(m.Roles) != len(m.Members) || math.IsNaN(m.Score) || math.IsInf(m.Score, 0) {
				t.Fatalf("%s: match %+v", fm, m)
			}
			for _, n := range m.Members {
				if names[n] == 0 {
					t.Fatalf("%s: match member %q is not in the file", fm, n)
				}
				seen[n] = true
			}
		}
		for _, n := range out.Unmatched {
			if names[n] == 0 || (seen[n] && names[n] == 1) {
				t.Fatalf("%s: unmatched %q is unknown or also matched", fm, n)
			}
			seen[n] = true
		}
		for n := range names {
			if !seen[n] {
				t.Fatalf("%s: %q is neither matched nor unmatched", fm, n)
			}
		}
	})
}
