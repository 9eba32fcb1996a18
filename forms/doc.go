// Package forms is the domain of Tuijian in pure Go: the measures of a campaign and
// their indicators, criteria and outlines (versioned by campaign year), eligibility of
// units, the one-city-per-measure rule and the pre-flight check of a submission.
//
// It imports the standard library only and does no I/O; data/ loads and stores what
// it checks.
package forms
