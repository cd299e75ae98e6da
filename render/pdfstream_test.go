package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/templates"
)

// WriteFile streams the very bytes Bytes returns, and a document that
// cannot be written leaves no file behind.
func TestWriteFileStreams(t *testing.T) {
	d := newPDFDoc(pageSetup{}, templates.Font())
	d.Now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	d.Footer = "流式写出"
	d.Title("流式写出测试", 16)
	for i := range 200 {
		d.Text(strings.Repeat("第"+itoa(i)+"段，任务内容。", 5), 10, "L")
	}
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	pages := d.Pages()
	dir := t.TempDir()
	path := filepath.Join(dir, "s.pdf")
	if err := d.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	disk, _ := os.ReadFile(path)
	if !bytes.Equal(disk, b) || pages < 3 || d.Pages() != pages {
		t.Errorf("WriteFile: %d bytes, %d pages; Bytes: %d bytes, %d pages", len(disk), d.Pages(), len(b), pages)
	}

	bad := newPDFDoc(pageSetup{Size: "B9"}, templates.Font())
	bad.Text("x", 10, "L")
	err = bad.WriteFile(filepath.Join(dir, "bad.pdf"))
	if err == nil || !strings.Contains(err.Error(), "bad.pdf") || !strings.Contains(err.Error(), "B9") {
		t.Errorf("unknown paper: err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}
