//go:build unix

package synth

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time (user + system) the process has used, so
// that benchmarks can report it beside the wall time on a shared
// machine.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
