package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Every browser test checks each page it visits with checkPage: axe-core
// (npm axe-core, MENTORMESH_TEST_AXE; scripts/test installs it) must find no
// violation of impact serious or critical at 1280 px and at 390 px width,
// and at 390 px the page must not scroll sideways. The pages forbid inline
// script (CSP), so axe is injected through the DevTools protocol
// (Runtime.evaluate), which the page's CSP does not govern.

// viewportWidths are the widths every page is checked at: a laptop and a phone.
var viewportWidths = []int64{1280, 390}

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// testTool returns the path in the environment variable env, skipping the
// test when it is unset (failing under MENTORMESH_TEST_REQUIRE=1).
func testTool(t *testing.T, env, what string) string {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		if os.Getenv("MENTORMESH_TEST_REQUIRE") == "1" {
			t.Fatalf("%s is not set but MENTORMESH_TEST_REQUIRE=1 (scripts/test sets it)", env)
		}
		t.Skipf("%s not configured: set %s (scripts/test does)", what, env)
	}
	return path
}

// axeScript returns the source of axe.min.js (MENTORMESH_TEST_AXE), read once.
func axeScript(t *testing.T) string {
	t.Helper()
	path := testTool(t, "MENTORMESH_TEST_AXE", "axe-core")
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(path)
		axeSource = string(b)
	})
	if axeErr != nil {
		t.Fatalf("reading axe-core: %v", axeErr)
	}
	return axeSource
}

// axeViolation is one serious or critical rule violation, as axe reports it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeRun runs axe on the whole document and keeps the serious and critical violations.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\s+/g, " "))})))`

// checkPage checks the page the browser shows now, at every width of
// viewportWidths, and leaves the viewport at the first width. With
// MENTORMESH_TEST_SCREENSHOTS=DIR it also saves full-page screenshots
// DIR/NAME-WIDTH.png to look at.
func checkPage(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	src := axeScript(t)
	defer chromedp.Do(ctx, chromedp.EmulateViewport(viewportWidths[0], 900))
	for _, width := range viewportWidths {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatalf("%s: set the viewport to %d px: %v", name, width, err)
		}
		for _, v := range axeViolations(t, ctx, src) {
			t.Errorf("%s at %d px: axe %s (%s): %s\n    %s", name, width, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
		}
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if overflow > 0 {
			t.Errorf("%s at %d px: the page scrolls sideways by %d px", name, width, overflow)
		}
		screenshot(t, ctx, fmt.Sprintf("%s-%d", name, width))
	}
}

// axeViolations injects axe-core into the page unless it is there and
// returns the serious and critical violations it finds.
func axeViolations(t *testing.T, ctx context.Context, src string) []axeViolation {
	t.Helper()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		t.Fatal(err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src+"\n;undefined")); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	return found
}

var unsafeName = regexp.MustCompile(`[^a-z0-9-]+`)

// screenshot saves a full-page PNG when MENTORMESH_TEST_SCREENSHOTS names a folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("MENTORMESH_TEST_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, unsafeName.ReplaceAllString(strings.ToLower(name), "-")+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Errorf("screenshot %s: %v", name, err)
	}
}

// signIn signs in through the sign-in page (replacing any earlier sign-in)
// and waits for the navigation of the signed-in pages.
func signIn(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	// Start signed out: a signed-in browser's sign-in page already shows the navigation.
	if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
		t.Fatalf("clear cookies: %v", err)
	}
	run(t, ctx, "sign in as "+email,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, email),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Click(`#sign-in`),
		chromedp.WaitVisible(`nav[aria-label=Main]`))
}

// textOf returns the visible text of the first element matching sel.
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Text(sel))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return v
}

// run runs browser steps and fails the test on the first error.
func run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
