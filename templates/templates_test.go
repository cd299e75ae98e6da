package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestFontReadOnce(t *testing.T) {
	a, b := Font(), Font()
	if len(a) < 1<<20 || &a[0] != &b[0] {
		t.Fatalf("font: %d bytes, same backing array: %v", len(a), &a[0] == &b[0])
	}
	if !bytes.HasPrefix(a, []byte{0, 1, 0, 0}) {
		t.Error("font is not a TrueType file")
	}
	for _, lic := range []string{"fonts/LICENSE-Apache-2.0.txt", "fonts/wqy-microhei.COPYRIGHT"} {
		if b, err := Open("", lic); err != nil || len(b) == 0 {
			t.Errorf("licence %s not embedded: %v", lic, err)
		}
	}
}

func TestOpenFallsBack(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, LayoutFile), []byte("custom"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Open(dir, LayoutFile)
	if err != nil || string(b) != "custom" {
		t.Errorf("override: %q %v", b, err)
	}
	emb, _ := Embedded().Open(LedgerXLSX)
	if emb == nil {
		t.Fatal("ledger.xlsx not embedded")
	}
	b, err = Open(dir, LedgerXLSX)
	if err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("fallback to embedded ledger.xlsx: %v", err)
	}
	if _, err := Open(dir, "nope.txt"); err == nil {
		t.Error("missing file gave no error")
	}
}
