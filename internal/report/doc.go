// Package report measures programs (SPEC §5): health, outcomes, the format
// comparison and the format advisor. It is pure: functions over plain data
// (Data), no database, no HTTP, no clock, standard library only. A loader
// fills Data from the store; the web package serves the results.
//
// Every metric is defined in the doc comment of the field or function that
// holds it: its numerator, denominator, period rule and what is left out.
// Periods are half-open, [From, To); a "month" in a per-month rate is 30
// days, and a monthly series splits the period at calendar months (UTC).
//
// # Format comparison
//
// Compare puts the outcome metrics of the formats side by side. The unit
// is the relationship (a match or a circle): its goals, meetings, feedback
// and assessments are summed once into one numerator and denominator per
// metric, and a format's estimate is the ratio of the sums over its
// relationships. The bootstrap resamples whole relationships, so the
// intervals respect that goals and ratings of one relationship hang
// together; a resample costs one addition of the precomputed sums per
// relationship drawn. Intervals are 95% percentile intervals from a fixed
// seed (reproducible); a difference between formats is resampled from the
// two formats independently.
//
// # Adjusted comparison: why post-stratification
//
// Formats do not draw the same people: mentoring has more juniors, reverse
// mentoring more seniors, a department may favour peer circles. The
// adjusted comparison compares like with like by post-stratification on
// seniority band and department (of a relationship's mentees, or of its
// members in peer formats): a format's value is the mean of its per-stratum
// values weighted by the pooled number of relationships per stratum, and a
// pair's difference uses only the strata both formats have, weighted by
// their joint numbers; the relationships in strata only one of them has are
// reported as dropped. We chose it over inverse-probability weighting
// because a coordinator can check it by hand (a table of strata), it needs
// no model of how people choose among nine formats, and it does not blow
// up when a format is almost absent from a department: such a stratum is
// dropped and reported, where IPW would give a few people huge weights. The
// price is that only the two named attributes are adjusted for, and many
// thin strata widen the intervals.
package report
