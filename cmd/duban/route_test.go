package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/enrich"
)

// TestSameRecordsEverywhere: duban run, duban extract and the library
// (extract.File with the enrichment the commands apply by default) give
// the same records for the sample notice in each format, with a unit
// directory.
func TestSameRecordsEverywhere(t *testing.T) {
	const units = "testdata/sample-units.yaml"
	dir, mode, err := enrichOptions(units, "auto", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"../../seeds/lianyungang-2024-22.txt",
		"../../testdata/lianyungang-2024-22.docx",
		"../../testdata/lianyungang-2024-22.pdf",
	} {
		t.Run(filepath.Ext(path), func(t *testing.T) {
			lib, err := extract.File(path, extract.Options{Enrich: &enrich.Enricher{Directory: dir, Mode: enrich.Mode(mode)}})
			if err != nil {
				t.Fatal(err)
			}

			code, stdout, stderr := cli(t, "extract", "--units", units, "--format", "json", path)
			if code != 0 {
				t.Fatalf("extract: exit %d: %s", code, stderr)
			}
			var ext duban.Notice
			if err := json.Unmarshal([]byte(stdout), &ext); err != nil {
				t.Fatal(err)
			}

			out := t.TempDir()
			if code, _, stderr := cli(t, "run", "-q", "--units", units, "--formats", "xlsx", "-o", out, path); code != 0 {
				t.Fatalf("run: exit %d: %s", code, stderr)
			}
			files, _ := filepath.Glob(filepath.Join(out, "notices", "*", "notice.json"))
			if len(files) != 1 {
				t.Fatalf("run wrote %d notice.json files", len(files))
			}
			raw, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			var run duban.Notice
			if err := json.Unmarshal(raw, &run); err != nil {
				t.Fatal(err)
			}

			want := recordsJSON(t, lib)
			if len(lib.Tasks) != 58 || lib.Tasks[0].Units[0].Canonical == "" {
				t.Errorf("library: %d tasks, first unit %+v; want 58, with a canonical name", len(lib.Tasks), lib.Tasks[0].Units[0])
			}
			if got := recordsJSON(t, &ext); got != want {
				t.Errorf("duban extract differs from the library:\n%s", firstDiff(got, want))
			}
			if got := recordsJSON(t, &run); got != want {
				t.Errorf("duban run differs from the library:\n%s", firstDiff(got, want))
			}
		})
	}
}

func recordsJSON(t *testing.T, n *duban.Notice) string {
	t.Helper()
	b, err := json.MarshalIndent(n, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// firstDiff shows the first line where two texts differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + al[i] + "\nwant " + bl[i]
		}
	}
	return "lengths differ"
}

// TestSizeLimitNamesFile: a notice file over the size limit fails in both
// commands, with a message naming the file (the limit is lowered rather
// than a 256 MB file written).
func TestSizeLimitNamesFile(t *testing.T) {
	defer func(old int64) { maxNoticeSize = old }(maxNoticeSize)
	maxNoticeSize = 1000
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	small := filepath.Join(dir, "small.txt")
	data, err := os.ReadFile("../../seeds/lianyungang-2024-22.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(small, data[:900], 0o644); err != nil {
		t.Fatal(err)
	}
	want := big + ": " // the message starts with the file
	code, _, stderr := cli(t, "extract", big)
	if code == 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "limit of 1000") {
		t.Errorf("extract: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = cli(t, "run", "--formats", "xlsx", "-o", filepath.Join(dir, "out"), big)
	if code == 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "limit of 1000") {
		t.Errorf("run: exit %d, stderr %q", code, stderr)
	}
	// A file under the limit is read (and fails for what it is, not its size).
	if _, _, stderr := cli(t, "extract", small); strings.Contains(stderr, "limit of 1000") {
		t.Errorf("a file under the limit was refused: %s", stderr)
	}
}
