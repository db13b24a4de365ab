package chart

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// elements parses svg as XML and counts its elements by name.
func elements(tb testing.TB, svg string) map[string]int {
	tb.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	out := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			tb.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			out[se.Name.Local]++
		}
	}
}

func pct(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }

func TestBars_WellFormedAccessibleAndEscaped(t *testing.T) {
	svg := string(Bars("Goals completed <by format>", []Bar{
		{Label: "Mentoring", Value: 0.71, Low: 0.62, High: 0.79, HasCI: true},
		{Label: `<script>alert("x")</script>`, Value: 0.52, Low: 0.4, High: 0.6, HasCI: true},
		{Label: "Peer − difference", Value: -0.12, Low: -0.2, High: -0.03, HasCI: true},
	}, pct))
	el := elements(t, svg)
	if el["rect"] != 3 || el["title"] != 1 || el["desc"] != 1 || !strings.Contains(svg, `role="img"`) {
		t.Fatalf("elements %v", el)
	}
	if strings.Contains(svg, "<script>") || !strings.Contains(svg, "&lt;script&gt;") {
		t.Fatal("a label is not escaped")
	}
	if strings.Contains(svg, "style=") {
		t.Fatal("inline style is refused by the Content-Security-Policy")
	}
	if svg != string(Bars("Goals completed <by format>", []Bar{
		{Label: "Mentoring", Value: 0.71, Low: 0.62, High: 0.79, HasCI: true},
		{Label: `<script>alert("x")</script>`, Value: 0.52, Low: 0.4, High: 0.6, HasCI: true},
		{Label: "Peer − difference", Value: -0.12, Low: -0.2, High: -0.03, HasCI: true},
	}, pct)) {
		t.Fatal("the same input gave different output")
	}
	if el := elements(t, string(Bars("Empty", nil, pct))); el["rect"] != 0 || el["text"] != 1 {
		t.Fatalf("an empty chart: %v", el)
	}
}

func TestLines_GapsAndTarget(t *testing.T) {
	svg := string(Lines("Matched share by month", []string{"2026-01", "2026-02", "2026-03", "2026-04"},
		[]Series{{Label: "matched", Points: []Point{{0.4, true}, {0, false}, {0.6, true}, {0.7, true}}}}, ptr(0.7), pct))
	el := elements(t, svg)
	if el["circle"] != 3 || el["path"] != 1 {
		t.Fatalf("elements %v", el)
	}
	if strings.Count(svg, " M") != 0 && strings.Count(svg, `d="M`) != 1 || strings.Count(svg, "M") < 2 {
		t.Fatalf("a gap must start a new stroke:\n%s", svg)
	}
	if !strings.Contains(svg, "stroke-dasharray") || !strings.Contains(svg, "target 70%") {
		t.Fatal("no target line")
	}
}

func TestTicks_Round(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   string
	}{{0, 1, "[0 0.2 0.4 0.6 0.8 1]"}, {-0.3, 0.5, "[-0.2 0 0.2 0.4]"}, {0, 4.6, "[0 1 2 3 4]"}} {
		if got := fmt.Sprint(ticks(tc.lo, tc.hi)); got != tc.want {
			t.Errorf("ticks(%v, %v) = %s, want %s", tc.lo, tc.hi, got, tc.want)
		}
	}
}

func ptr(f float64) *float64 { return &f }
