// Package gen makes realistic notices for tests and benchmarks. It mines
// task texts, section titles and unit names from the sample notice and the
// style samples, and varies them: issuer, 文号 and its brackets, issue date
// (Arabic or Chinese numerals), numbering depth, how units and deadlines
// are attached (trailing clause, labelled lines, inline assignment,
// semicolon fields, DOCX table), deadline forms and bracket and colon
// styles. Each notice is written as TXT (UTF-8 or GB18030 with CRLF), PDF
// or DOCX. The same seed always gives the same notices.
package gen
