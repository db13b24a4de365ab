//go:build unix

package report

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used, to
// report beside wall time on a machine shared with other work.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
