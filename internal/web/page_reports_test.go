package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestReportPages_Demo: on the demo organisation the coordinator's report
// pages show every format's results with intervals and verdicts in words,
// charts with their numbers beside them, and CSV links; participants are
// refused; the advisor answers anyone.
func TestReportPages_Demo(t *testing.T) {
	f, loaded := demoServer(t)
	page := func(token, path string, want int) string {
		t.Helper()
		resp, body := f.req(token, "GET", path, nil)
		if resp.StatusCode != want || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("%s: status %d, type %q: %.300s", path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		return string(body)
	}
	formats := page(f.coordTok, "/reports/formats", 200)
	for _, want := range []string{"Which format works best?", "Goals completed", "Like for like", "peer mentoring", "95% interval",
		"<svg", `href="/api/v1/reports/formats?format=csv"`, "No clear difference between", "Too few to say"} {
		if !strings.Contains(formats, want) {
			t.Errorf("/reports/formats lacks %q", want)
		}
	}
	for _, raw := range []string{">advisory_board<", ">skill_swap<", ">self_select<"} {
		if strings.Contains(formats, raw) {
			t.Errorf("/reports/formats shows the raw value %q", raw)
		}
	}
	health := page(f.coordTok, "/reports", 200)
	for _, want := range []string{"Program health", "Matched", "target 70%", "By program", `href="/programs/`} {
		if !strings.Contains(health, want) {
			t.Errorf("/reports lacks %q", want)
		}
	}
	one := strconv.FormatInt(loaded.ProgramIDs[0], 10)
	prog := page(f.coordTok, "/programs/"+one+"/report", 200)
	for _, want := range []string{"Outcomes", "Goals completed", "Retention", "format=csv&amp;program=" + one} {
		if !strings.Contains(prog, want) {
			t.Errorf("the program report lacks %q", want)
		}
	}
	bad := page(f.coordTok, "/reports/formats?from=2026-13-01", 200)
	if !strings.Contains(bad, "from must be a date") {
		t.Error("a bad filter is not explained on the page")
	}
	var participant struct{ Token string }
	f.do("", "POST", "/api/v1/login", map[string]string{"email": loaded.Participant.Email, "password": loaded.Participant.Password}, 200, &participant)
	page(participant.Token, "/reports/formats", http.StatusForbidden)
	q := url.Values{"text": {"I'm a senior manager and want to get comfortable with AI tools"}}
	advice := page(participant.Token, "/advisor?"+q.Encode(), 200)
	first := strings.Index(advice, "<h3>")
	if first < 0 || !strings.HasPrefix(advice[first:], "<h3>reverse mentoring") {
		t.Fatalf("the advisor's first format: %.200s", advice[max(first, 0):])
	}
}
