package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// pageTimeout bounds one page's rendering or recognition.
const pageTimeout = 5 * time.Minute

// lookPath is exec.LookPath (tests replace it to play a machine without
// the tools).
var lookPath = execLookPath

var execLookPath = exec.LookPath

// errNoTesseract says what to install.
var errNoTesseract = errors.New("scanned; reading scans needs tesseract: install tesseract-ocr and tesseract-ocr-chi-sim (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim)")

// listLangs asks tesseract for its installed languages, one a line.
func listLangs() (string, error) {
	path, err := lookPath("tesseract")
	if err != nil {
		return "", errNoTesseract
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--list-langs").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("tesseract --list-langs: %v: %s", err, firstLine(out))
	}
	return strings.ReplaceAll(string(out), "\r", ""), nil
}

// command runs a tool with OpenMP held to one thread (pages run in
// parallel instead) and returns its standard output.
func command(ctx context.Context, name string, args ...string) ([]byte, error) {
	path, err := lookPath(name)
	if err != nil {
		if name == "tesseract" {
			return nil, errNoTesseract
		}
		return nil, fmt.Errorf("%s not found: install poppler-utils", name)
	}
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: %w", name, ctx.Err())
		}
		return nil, fmt.Errorf("%s: %v: %s", name, err, firstLine(stderr.Bytes()))
	}
	return stdout.Bytes(), nil
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return s
}

// pdfPageCount reads a PDF's page count with pdfinfo.
func pdfPageCount(ctx context.Context, pdf string) (int, error) {
	out, err := command(ctx, "pdfinfo", pdf)
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 {
				break
			}
			return n, nil
		}
	}
	return 0, errors.New("pdfinfo gives no page count")
}

// renderPage renders one PDF page as a grey PNG and returns its path.
func renderPage(ctx context.Context, dir, pdf string, page int) (string, error) {
	p := strconv.Itoa(page)
	root := filepath.Join(dir, "page-"+p)
	if _, err := command(ctx, "pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-png", "-singlefile",
		"-f", p, "-l", p, pdf, root); err != nil {
		return "", err
	}
	return root + ".png", nil
}

// recognise runs tesseract on an image and parses its word boxes.
func recognise(ctx context.Context, img, lang string) (*TSV, error) {
	out, err := command(ctx, "tesseract", img, "stdout", "-l", lang, "--psm", "3", "tsv")
	if err != nil {
		return nil, err
	}
	return ParseTSV(out)
}
