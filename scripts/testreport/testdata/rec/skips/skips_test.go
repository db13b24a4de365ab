package skips

import (
	"os"
	"testing"
)

func TestBrowser(t *testing.T) {
	if os.Getenv("REC_CHROMIUM") == "" {
		t.Skip("REC_CHROMIUM not set: no browser")
	}
}

func TestFormats(t *testing.T) {
	t.Run("csv", func(t *testing.T) {})
	t.Run("xlsx", func(t *testing.T) { t.Skip("xlsx export not written yet") })
}

func TestPlain(t *testing.T) {}
