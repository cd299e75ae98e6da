// Package extract turns a notice file (TXT, PDF, DOCX) into duban records.
//
// A Reader turns the file's bytes into a Document: the notice's paragraphs
// and tables in reading order, each with the line (and page) it came from.
// The structure parser then finds the header, the numbered outline and each
// task's units and deadline, one construct per file, and normalisation turns
// unit lists and deadline texts into records.
package extract
