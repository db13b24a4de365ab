package main

import (
	"encoding/json"
	"regexp"
)

// event is one line of `go test -json` (see `go doc test2json`); fields it does not use are
// left out.
type event struct {
	Action      string
	Package     string
	Test        string
	Elapsed     float64
	Output      string
	ImportPath  string
	FailedBuild string
}

// parseEvent decodes one input line; ok is false for a line that is not a JSON event (go
// prints some messages as plain text), which is then shown as it is.
func parseEvent(line []byte) (e event, ok bool) {
	if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
		return event{}, false
	}
	return e, true
}

// storeRe matches the store suite's backend subtests, TestStore*/sqlite/... and
// TestStore*/postgres/...; the first group is the backend.
var storeRe = regexp.MustCompile(`^TestStore[^/]*/(sqlite|postgres)(/|$)`)
