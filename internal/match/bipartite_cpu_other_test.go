//go:build !unix

package match

import "time"

// bpCPUTime is not measured on this system; benchmarks report 0.
func bpCPUTime() time.Duration { return 0 }
