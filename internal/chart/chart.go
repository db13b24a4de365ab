// Package chart draws the report charts as SVG on the server: horizontal
// bars with interval whiskers (a format comparison) and line series by month
// (program health). It is small and own code rather than gonum.org/v1/plot:
// the pages need two chart shapes, accessible markup (role="img", a title
// and a description, text that scales) and colours from presentation
// attributes only, since the Content-Security-Policy allows no inline style;
// a plotting library would bring fonts, a canvas abstraction and raster
// back ends for none of that.
//
// Every chart is a picture of numbers the page also shows in a table; the
// SVG's description says so. Output is deterministic: the same input gives
// the same bytes.
package chart

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Colours (AA contrast on white for text and marks).
const (
	ink    = "#1f2933"
	muted  = "#52606d"
	grid   = "#cbd2d9"
	accent = "#1d4ed8"
	second = "#b45309"
)

// Bar is one bar: a value and, when HasCI, its interval [Low, High].
type Bar struct {
	Label     string
	Value     float64
	Low, High float64
	HasCI     bool
}

// svg accumulates markup; every text goes through esc.
type svg struct{ b strings.Builder }

func (s *svg) printf(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

func esc(t string) string { return template.HTMLEscapeString(t) }

func f1(x float64) string { return fmt.Sprintf("%.1f", x) }

// open starts an accessible SVG of the given size.
func (s *svg) open(w, h float64, title, desc string) {
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="t d" class="chart">`, f1(w), f1(h))
	s.printf(`<title id="t">%s</title><desc id="d">%s</desc>`, esc(title), esc(desc))
}

// Bars draws horizontal bars with their intervals on a common scale that
// includes zero. format writes a value for the axis and the bar ends (as
// "71%" or "+0.4 levels"). An empty list gives an empty chart with a note.
func Bars(title string, bars []Bar, format func(float64) string) template.HTML {
	const labelW, plotW, rowH, top, bottom = 170.0, 420.0, 30.0, 12.0, 34.0
	width := labelW + plotW + 70
	height := top + bottom + rowH*float64(max(len(bars), 1))
	var s svg
	s.open(width, height, title, "Bars with 95% intervals; the same numbers are in the table next to the chart.")
	if len(bars) == 0 {
		s.printf(`<text x="%s" y="%s" fill="%s" font-size="14">No data for this chart.</text></svg>`, f1(labelW), f1(top+20), muted)
		return template.HTML(s.b.String())
	}
	lo, hi := 0.0, 0.0
	for _, b := range bars {
		lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Value)
		if b.HasCI {
			lo, hi = math.Min(lo, b.Low), math.Max(hi, b.High)
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	x := func(v float64) float64 { return labelW + (v-lo)/(hi-lo)*plotW }
	axisY := top + rowH*float64(len(bars))
	for _, t := range ticks(lo, hi) {
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`, f1(x(t)), f1(top), f1(x(t)), f1(axisY), grid)
		s.printf(`<text x="%s" y="%s" fill="%s" font-size="12" text-anchor="middle">%s</text>`, f1(x(t)), f1(axisY+16), muted, esc(format(t)))
	}
	s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, f1(x(0)), f1(top), f1(x(0)), f1(axisY), ink)
	for i, b := range bars {
		y := top + rowH*float64(i)
		s.printf(`<text x="%s" y="%s" fill="%s" font-size="13" text-anchor="end">%s</text>`, f1(labelW-8), f1(y+rowH/2+4), ink, esc(b.Label))
		x0, x1 := x(math.Min(0, b.Value)), x(math.Max(0, b.Value))
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, f1(x0), f1(y+7), f1(math.Max(x1-x0, 1)), f1(rowH-14), accent)
		end := b.Value
		if b.HasCI {
			cy := y + rowH/2
			s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>`, f1(x(b.Low)), f1(cy), f1(x(b.High)), f1(cy), ink)
			for _, e := range []float64{b.Low, b.High} {
				s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>`, f1(x(e)), f1(cy-6), f1(x(e)), f1(cy+6), ink)
			}
			end = b.High
		}
		s.printf(`<text x="%s" y="%s" fill="%s" font-size="12">%s</text>`, f1(x(math.Max(end, b.Value))+6), f1(y+rowH/2+4), ink, esc(format(b.Value)))
	}
	s.printf(`</svg>`)
	return template.HTML(s.b.String())
}

// ticks returns four or five round values spanning [lo, hi].
func ticks(lo, hi float64) []float64 {
	step := math.Pow(10, math.Floor(math.Log10((hi-lo)/4)))
	for _, m := range []float64{1, 2, 5, 10} {
		if (hi-lo)/(step*m) <= 5 {
			step *= m
			break
		}
	}
	var out []float64
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		out = append(out, math.Round(k*step*1e9)/1e9+0) // 3 × 0.2 is 0.6, not 0.6000000000000001; +0 turns -0 into 0
	}
	return out
}
