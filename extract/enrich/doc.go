// Package enrich adds to extracted records what the parser cannot know
// from the notice alone: the canonical names of a unit directory, and,
// with the word segmenter (gojieba, package segment), units inferred from
// task texts that name them without a unit clause, keywords and the units
// a task mentions. The parser (package extract) applies it when its
// Options carry an Enricher.
package enrich
