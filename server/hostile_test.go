package server

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// TestUploadHostile: the console's upload runs the pipeline as duban run
// does, so the budgets of internal/limits hold there too (issue 16): each
// hostile file of an upload is listed as failed, under the name it was
// uploaded with, with the limit it went over; the notice uploaded with
// them is extracted.
func TestUploadHostile(t *testing.T) {
	e := newEnv(t, false)
	c := e.login("office")
	notice, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	limits := map[string]string{
		"nested.docx": "table depth over the limit of 32",
		"label.docx":  "label characters over the limit of 64",
		"bomb.docx":   "bytes decompressed from one part over the limit of 67108864",
		"units.txt":   "units per clause over the limit of 2000",
		"fonts.pdf":   "resources over the limit of 4096",
		"bomb.xlsx":   "bytes decompressed from one part over the limit of 67108864",
		"cells.xlsx":  "cells of a workbook (merged cells counted in every place they cover) over the limit of 200000",
		"bomb.ofd":    "bytes decompressed from one part of an OFD package over the limit of 4194304",
	}
	files := map[string][]byte{
		"notice.txt":  notice,
		"nested.docx": hostile.NestedTablesDOCX(20000),
		"label.docx":  hostile.LongLabelDOCX(500000, 200),
		"bomb.docx":   hostile.ZipBombDOCX(100),
		"units.txt":   hostile.ManyUnitsTXT(2001),
		"fonts.pdf":   hostile.ManyFontsPDF(50000),
		"bomb.xlsx":   hostile.ZipBombXLSX(300),
		"cells.xlsx":  hostile.WideRowsXLSX(13),
		"bomb.ofd":    hostile.ZipBombOFD(1, 40),
	}
	body, ct := multipartBody(t, c.csrf, files)
	res, out := c.do("POST", "/notices/upload", ct, body.String(), map[string]string{"Accept": "application/json"})
	if res.StatusCode != 200 {
		t.Fatalf("upload: %d %s", res.StatusCode, out)
	}
	var results []uploadResult
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(results) != len(files) {
		t.Errorf("%d results for %d files", len(results), len(files))
	}
	for _, r := range results {
		if r.Name == "notice.txt" {
			if r.Status != "extracted" || r.Tasks != 58 {
				t.Errorf("the notice: %+v", r)
			}
			continue
		}
		if r.Status != "failed" || !strings.HasPrefix(r.Error, r.Name+": ") || !strings.Contains(r.Error, limits[r.Name]) {
			t.Errorf("%s: %s %q, want failed naming %s and %q", r.Name, r.Status, r.Error, r.Name, limits[r.Name])
		}
		if strings.Contains(r.Error, e.out) {
			t.Errorf("%s: the error reveals the server's paths: %s", r.Name, r.Error)
		}
	}
	if n, _, _ := e.st.Notice(sampleSlug, reparse); n == nil || len(n.Tasks) != 58 {
		t.Errorf("the notice in the store: %v", n)
	}
}
