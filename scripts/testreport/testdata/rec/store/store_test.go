package store

import (
	"os"
	"testing"
)

func each(t *testing.T, f func(t *testing.T, backend string)) {
	for _, b := range []string{"sqlite", "postgres"} {
		t.Run(b, func(t *testing.T) {
			if b == "postgres" && os.Getenv("REC_POSTGRES") == "" {
				t.Skip("REC_POSTGRES not set")
			}
			f(t, b)
		})
	}
}

func TestStorePeople(t *testing.T) {
	each(t, func(t *testing.T, backend string) {
		t.Run("create", func(t *testing.T) {})
		t.Run("update", func(t *testing.T) {
			if backend == os.Getenv("REC_BREAK") {
				t.Errorf("%s: update lost the e-mail address", backend)
			}
		})
	})
}

func TestStoreMeetings(t *testing.T) {
	each(t, func(t *testing.T, backend string) {})
}

func TestMigrations(t *testing.T) {}
