package render

import (
	"slices"
	"sync"
)

// What scan finds in a template depends only on the template's bytes and
// the sheet asked for, and reading it (excelize writes the sheet out and
// parses it again to list its rows) is most of opening a template. A run
// opens the same few templates once per workbook, so the findings are
// kept per process, keyed by the bytes themselves: an edited template in
// a --templates folder is a new key.

type scanKey struct {
	name, sheet, content string
}

var scans sync.Map // scanKey → *xlsxTemplate (findings only, no File)

// scanCached is scan for a template opened from content, reusing the
// findings of an earlier scan of the same bytes and sheet.
func (x *xlsxTemplate) scanCached(content []byte) error {
	key := scanKey{x.Name, x.Sheet, string(content)}
	if v, ok := scans.Load(key); ok {
		x.copyFindings(v.(*xlsxTemplate))
		return nil
	}
	if err := x.scan(); err != nil {
		return err
	}
	keep := &xlsxTemplate{}
	keep.copyFindings(x)
	scans.Store(key, keep)
	return nil
}

// copyFindings copies what scan sets from src into x; slices are cloned,
// so neither side's edits reach the other.
func (x *xlsxTemplate) copyFindings(src *xlsxTemplate) {
	x.Sheet = src.Sheet
	x.HeaderRow, x.FirstRow = src.HeaderRow, src.FirstRow
	x.Keys = slices.Clone(src.Keys)
	x.styles = slices.Clone(src.styles)
	x.groupSt, x.hasGroup = src.groupSt, src.hasGroup
	x.widths = slices.Clone(src.widths)
	x.fontSize, x.groupSize, x.protoRows = src.fontSize, src.groupSize, src.protoRows
	x.titles = make([][]string, len(src.titles))
	for i, r := range src.titles {
		x.titles[i] = slices.Clone(r)
	}
	x.above = make([]tplRow, len(src.above))
	for i, r := range src.above {
		x.above[i] = tplRow{styles: slices.Clone(r.styles), height: r.height}
	}
	x.aboveMerges = slices.Clone(src.aboveMerges)
}
