// Package duban holds the task records that are the contract between the
// extract and render packages: a Notice with its Tasks, their Units and
// Deadlines. extract produces them from a notice file; render turns them into
// unit sheets, ledgers and quarterly reports. Both depend on this package and
// never on each other.
package duban
