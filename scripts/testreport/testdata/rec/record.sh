#!/usr/bin/env bash
# record.sh: records the `go test -json` streams in testdata/ that the tests of testreport
# feed it, from the small packages beside this script. Some fail on purpose: broken does not
# build, crash panics, exits quits in the middle of a test, slow times out. Run it when a Go
# release changes the stream, then `go test -update` in scripts/testreport, and read the
# golden files' diff.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

rec() {
	local name=$1
	shift
	GOWORK=off GOFLAGS='' go test -json -count=1 "$@" >"../$name.jsonl" || true
}
rec passing ./calc ./docs
rec failed_test ./calc ./calcfail
rec build_failure ./broken ./calc
rec crash ./crash ./exits
rec timeout -timeout 3s ./slow
rec skipped ./skips
REC_POSTGRES=1 rec store_pass ./store
rec store_skip ./store
REC_POSTGRES=1 REC_BREAK=postgres rec store_fail ./store
REC_POSTGRES=1 rec store_notrun -run TestMigrations ./store
