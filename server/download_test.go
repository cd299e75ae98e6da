package server

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The 通报 and the printable return sheet download as what they claim to
// be: a PDF whose text names the quarter and the unit, and a DOCX that
// opens as a zip with its document part.
func TestDownloadBulletinAndReturnPDF(t *testing.T) {
	e := newEnv(t, true)
	office := e.login("office")
	res, pdf := office.get("/download/bulletin/2024Q4.pdf?asof=2024-12-31")
	if res.StatusCode != 200 || !strings.HasPrefix(pdf, "%PDF-") {
		t.Fatalf("通报 PDF: %d %.40q", res.StatusCode, pdf)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "2024年第4季度") || !strings.Contains(text, "市教育局") {
		t.Errorf("通报 PDF text lacks the quarter or 市教育局: %.300s", text)
	}
	res, docx := office.get("/download/bulletin/2024Q4.docx?asof=2024-12-31")
	if res.StatusCode != 200 {
		t.Fatalf("通报 DOCX: %d", res.StatusCode)
	}
	zr, err := zip.NewReader(strings.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("通报 DOCX is no zip: %v", err)
	}
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "word/document.xml"
	}
	if !found {
		t.Error("通报 DOCX has no word/document.xml")
	}
	u := e.login("edu")
	res, ret := u.get("/download/return/" + esc("市教育局") + ".pdf")
	if res.StatusCode != 200 || !strings.HasPrefix(ret, "%PDF-") {
		t.Fatalf("return sheet PDF: %d %.40q", res.StatusCode, ret)
	}
	if text := pdfText(t, ret); !strings.Contains(text, "市教育局") || !strings.Contains(text, "四（三）3") {
		t.Errorf("return sheet PDF text lacks the unit or its task: %s", text)
	}
	if res, _ := u.get("/download/bulletin/2024Q4.pdf"); res.StatusCode != 403 {
		t.Errorf("unit user downloading the 通报: %d, want 403", res.StatusCode)
	}
}

// pdfText is the text of a PDF as pdftotext reads it.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext not installed")
		}
		t.Skip("pdftotext not installed")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, []byte(pdf), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}
