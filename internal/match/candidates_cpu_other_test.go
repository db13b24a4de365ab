//go:build !unix

package match

import "time"

// candCPUTime is not measured on this system; benchmarks report 0.
func candCPUTime() time.Duration { return 0 }
