// Package render turns task records (duban.Notice) into the documents a
// clerk hands out: the task ledger of a notice (任务分解表), one task sheet
// per unit (单位任务清单) and, in quarterly*.go, quarterly summaries — each
// as PDF and as an Excel workbook.
//
// PDFs are laid out by one shared engine (pdfDoc in pdfdoc.go, pdfTable in
// table.go, CJK line breaking in cjkwrap.go) configured from the layout
// file templates/layout.yaml (layout.go) and written page by page by
// internal/pdfw, with the font parsed once per process (pdffont.go); workbooks are filled from the
// Excel templates in templates/. Options.Templates names a directory whose
// files replace the embedded ones, file by file.
package render
