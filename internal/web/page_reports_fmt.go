package web

import (
	"fmt"
	"html/template"
	"math"
	"net/url"

	"github.com/mentormesh/mentormesh/internal/chart"
	"github.com/mentormesh/mentormesh/internal/report"
)

// valueWriter writes a metric's values in words for its unit: a share as a
// percentage, a difference of shares in points, levels and ratings with one
// decimal, meetings as "a month".
func valueWriter(unit string, difference bool) func(float64) string {
	switch {
	case unit == report.UnitShare && difference:
		return func(v float64) string { return signed(v*100, 0) + " points" }
	case unit == report.UnitShare:
		return percent
	case unit == report.UnitPerMonth && !difference:
		return func(v float64) string { return fmt.Sprintf("%.1f a month", v) }
	case difference:
		return func(v float64) string { return signed(v, 1) }
	}
	return func(v float64) string { return fmt.Sprintf("%.1f", v) }
}

// signed writes v with a sign and the given decimals ("+3", "−0.4").
func signed(v float64, decimals int) string {
	s := fmt.Sprintf("%.*f", decimals, math.Abs(v))
	switch {
	case s == fmt.Sprintf("%.*f", decimals, 0.0):
		return s
	case v < 0:
		return "−" + s
	}
	return "+" + s
}

// estimateRow is one format's line of a metric's table.
type estimateRow struct {
	Format, Value, Interval string
	N                       int
	Coverage                string
}

// differenceRow is one pair of formats, in words.
type differenceRow struct {
	Pair, Value, Interval, Verdict, Text string
}

// metricView is one metric of the comparison page: raw and adjusted.
type metricView struct {
	ID, Label                   string
	Chart, AdjustedChart        template.HTML
	Rows, AdjustedRows          []estimateRow
	Differences, AdjustedDiffer []differenceRow
}

// verdictWords says a verdict in words.
var verdictWords = map[string]string{
	report.VerdictAHigher: "higher",
	report.VerdictBHigher: "lower",
	report.VerdictUnclear: "no clear difference",
	report.VerdictTooFew:  "too few to say",
}

// metricViews turns a comparison into what the page shows.
func metricViews(c report.Comparison) []metricView {
	var out []metricView
	for _, m := range c.Metrics {
		v := metricView{ID: m.Metric, Label: m.Label}
		v.Chart, v.Rows = estimates(m.Label, m.Unit, m.Formats)
		v.AdjustedChart, v.AdjustedRows = estimates(m.Label+", like for like", m.Unit, m.Adjusted.Formats)
		v.Differences = differences(m.Unit, m.Differences)
		v.AdjustedDiffer = differences(m.Unit, m.Adjusted.Differences)
		out = append(out, v)
	}
	return out
}

func estimates(title, unit string, list []report.FormatEstimate) (template.HTML, []estimateRow) {
	write := valueWriter(unit, false)
	bars := make([]chart.Bar, 0, len(list))
	rows := make([]estimateRow, 0, len(list))
	for _, e := range list {
		label := report.FormatName(e.Format)
		bars = append(bars, chart.Bar{Label: label, Value: e.Value, Low: e.CILow, High: e.CIHigh, HasCI: true})
		row := estimateRow{Format: label, N: e.N, Value: write(e.Value), Interval: write(e.CILow) + " to " + write(e.CIHigh)}
		if e.Coverage != nil {
			row.Coverage = percent(*e.Coverage)
		}
		rows = append(rows, row)
	}
	return chart.Bars(title, bars, write), rows
}

func differences(unit string, list []report.Difference) []differenceRow {
	write := valueWriter(unit, true)
	rows := make([]differenceRow, 0, len(list))
	for _, d := range list {
		rows = append(rows, differenceRow{Pair: report.FormatName(d.A) + " vs " + report.FormatName(d.B),
			Value: write(d.Value), Interval: write(d.CILow) + " to " + write(d.CIHigh), Verdict: verdictWords[d.Verdict], Text: d.Text})
	}
	return rows
}

// csvLink is the API address of the same report as CSV, with the page's filters.
func csvLink(path string, q url.Values) string {
	c := url.Values{}
	for k, v := range q {
		if k != "format" {
			c[k] = v
		}
	}
	c.Set("format", "csv")
	return path + "?" + c.Encode()
}
