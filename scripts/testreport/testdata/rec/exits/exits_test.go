package exits

import (
	"os"
	"testing"
)

func TestCleanup(t *testing.T) {
	t.Log("closing the pool")
	os.Exit(3)
}
