package slow

import (
	"testing"
	"time"
)

func TestQuick(t *testing.T) {}

func TestWaitsForever(t *testing.T) {
	t.Log("waiting for the server")
	time.Sleep(time.Minute)
}
