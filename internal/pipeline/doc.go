// Package pipeline runs duban's whole job over many notices: it walks the
// input folders, extracts notices concurrently with a bounded worker pool,
// skips notices that did not change since the last run into the same output
// folder, processes duplicates once, writes each notice's records and ledger,
// and rebuilds the unit sheets and quarterly reports from every record in the
// output folder. Every file is written to a temporary name and renamed, so an
// interrupted run leaves no half-written file and the next run finishes it.
//
// The command line (cmd/duban) only turns flags into Options; this package
// is where extract and render meet.
package pipeline
