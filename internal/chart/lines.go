package chart

import (
	"html/template"
	"math"
)

// Point is one value of a series; Valid false leaves a gap (no data).
type Point struct {
	Value float64
	Valid bool
}

// Series is one line.
type Series struct {
	Label  string
	Points []Point
}

// Lines draws up to two series over the same labelled steps (months), with
// an optional dashed target line, on a scale from zero. format writes a
// value for the axis.
func Lines(title string, steps []string, series []Series, target *float64, format func(float64) string) template.HTML {
	const left, plotW, plotH, top, bottom = 56.0, 540.0, 180.0, 14.0, 54.0
	width, height := left+plotW+20, top+plotH+bottom
	var s svg
	s.open(width, height, title, "A line by month; the same numbers are in the table next to the chart.")
	hi := 0.0
	for _, se := range series {
		for _, p := range se.Points {
			if p.Valid {
				hi = math.Max(hi, p.Value)
			}
		}
	}
	if target != nil {
		hi = math.Max(hi, *target)
	}
	if hi == 0 {
		hi = 1
	}
	n := max(len(steps), 1)
	x := func(i int) float64 { return left + (float64(i)+0.5)*plotW/float64(n) }
	y := func(v float64) float64 { return top + plotH - v/hi*plotH }
	for _, t := range ticks(0, hi) {
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`, f1(left), f1(y(t)), f1(left+plotW), f1(y(t)), grid)
		s.printf(`<text x="%s" y="%s" fill="%s" font-size="12" text-anchor="end">%s</text>`, f1(left-6), f1(y(t)+4), muted, esc(format(t)))
	}
	every := max(1, n/8)
	for i, st := range steps {
		if i%every == 0 {
			s.printf(`<text x="%s" y="%s" fill="%s" font-size="12" text-anchor="middle">%s</text>`, f1(x(i)), f1(top+plotH+16), muted, esc(st))
		}
	}
	if target != nil {
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="6 4"/>`, f1(left), f1(y(*target)), f1(left+plotW), f1(y(*target)), second)
		s.printf(`<text x="%s" y="%s" fill="%s" font-size="12" text-anchor="end">target %s</text>`, f1(left+plotW), f1(y(*target)-4), second, esc(format(*target)))
	}
	colours := []string{accent, ink}
	for k, se := range series {
		c := colours[k%len(colours)]
		var path []byte
		pen := false
		for i, p := range se.Points {
			if !p.Valid {
				pen = false
				continue
			}
			cmd := "L"
			if !pen {
				cmd = "M"
			}
			path = append(path, (cmd + f1(x(i)) + " " + f1(y(p.Value)) + " ")...)
			pen = true
			s.printf(`<circle cx="%s" cy="%s" r="3" fill="%s"/>`, f1(x(i)), f1(y(p.Value)), c)
		}
		s.printf(`<path d="%s" fill="none" stroke="%s" stroke-width="2"/>`, string(path), c)
		s.printf(`<text x="%s" y="%s" fill="%s" font-size="12">%s</text>`, f1(left+float64(k)*200), f1(top+plotH+40), c, esc("— "+se.Label))
	}
	s.printf(`</svg>`)
	return template.HTML(s.b.String())
}
