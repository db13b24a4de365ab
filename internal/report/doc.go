// Package report measures programs (SPEC §5): health, outcomes, the format
// comparison and the format advisor. It is pure: functions over plain data
// (Data), no database, no HTTP, no clock, standard library only. A loader
// fills Data from the store; the web package serves the results.
//
// Every metric is defined in the doc comment of the field or function that
// holds it: its numerator, denominator, period rule and what is left out.
// Periods are half-open, [From, To); a "month" in a per-month rate is 30
// days, and a monthly series splits the period at calendar months (UTC).
package report
