// Package extract turns a notice file into duban records.
//
// The way from a file to records is the same for duban run, duban extract
// and a library caller: Load opens the file (one of the formats of the
// registry in reader.go, at most Options.MaxSize bytes, not empty) and
// computes its checksum; Input.Extract reads it with the format's reader
// (packages txt, docx, pdf: each turns bytes into a document.Document, the
// notice's paragraphs and tables in reading order with their lines and
// pages), parses its structure and enriches the records. File does both.
//
// The structure parser finds the header, the numbered outline and each
// task's units and deadline, one construct per file, and normalisation
// turns unit lists and deadline texts into records. It is the only code
// that knows notice grammar; what readers also need of notation lives in
// internal/notation. Enrichment (unit directory, word segmenter) is
// package enrich, applied when Options.Enrich is set:
//
//	n, err := extract.File(path, extract.Options{
//		Enrich: &enrich.Enricher{Directory: dir, Mode: enrich.Auto},
//	})
//
// gives the records duban extract --units writes.
package extract
