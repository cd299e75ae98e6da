// Package ocr reads scanned notices — PDF pages without a text layer and
// page images (.jpg, .png, .tif) — through the tesseract command: word
// boxes (TSV) per page, pages in parallel, then lines and paragraphs
// rebuilt from the boxes and the usual OCR damage to Chinese text
// repaired. PDF pages are rendered with pdftoppm (poppler-utils).
//
// Text read this way needs a person's look: the Document says it came
// from OCR, and the records say so too.
package ocr

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/layout"
	"github.com/duban/duban/internal/limits"
)

// Reader reads scans. The zero value is ready to use.
type Reader struct {
	// Jobs is the number of pages recognised at once (default: the
	// number of CPUs). Each tesseract runs on one thread.
	Jobs int
	// Lang is tesseract's language (default "chi_sim").
	Lang string
}

const (
	maxPages = 500
	// dpi at which PDF pages are rendered: scans are mostly 200–300 dpi.
	dpi = 200
)

// Formats are the formats (as document.Sniff names them) Reader reads.
var Formats = []string{"pdf", "jpg", "png", "tif"}

// Read recognises the text of a scanned PDF or a page image.
func (r Reader) Read(name string, data []byte) (*document.Document, error) {
	return r.ReadContext(context.Background(), name, data)
}

// ReadContext is Read stopping early when ctx is done.
func (r Reader) ReadContext(ctx context.Context, name string, data []byte) (*document.Document, error) {
	format := document.Sniff(name, data)
	if format != "pdf" && format != "jpg" && format != "png" && format != "tif" {
		return nil, fmt.Errorf("%s: not a scan (a PDF or a JPEG, PNG or TIFF image)", name)
	}
	lang := r.Lang
	if lang == "" {
		lang = "chi_sim"
	}
	if err := checkTools(format == "pdf", lang); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dir, err := os.MkdirTemp("", "duban-ocr-")
	if err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", name, err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in."+format)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", name, err)
	}
	var pages []pageWords
	if format == "pdf" {
		pages, err = r.pdfPages(ctx, dir, in, lang)
	} else {
		var tsv *TSV
		if tsv, err = recognise(ctx, in, lang); err == nil {
			pages = splitPages(tsv)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", name, err)
	}
	return buildDocument(format, pages), nil
}

// pageWords is the words of one page image and its size in pixels.
type pageWords struct {
	width, height int
	words         []Word
}

// splitPages splits a (multi-page) image's words by page.
func splitPages(t *TSV) []pageWords {
	var out []pageWords
	at := map[int]int{}
	for _, p := range t.Pages {
		if _, ok := at[p.Page]; !ok {
			at[p.Page] = len(out)
			out = append(out, pageWords{width: p.Width, height: p.Height})
		}
	}
	for _, w := range t.Words {
		i, ok := at[w.Page]
		if !ok {
			i = len(out)
			at[w.Page] = i
			out = append(out, pageWords{})
		}
		out[i].words = append(out[i].words, w)
	}
	return out
}

// buildDocument lays out the pages' words as the PDF reader lays out
// glyphs, then repairs what OCR does to Chinese text.
func buildDocument(format string, pages []pageWords) *document.Document {
	laid := make([]*layout.Page, 0, len(pages))
	for i, p := range pages {
		gs, box := pageGlyphs(pageLines(p.words), p.width, p.height)
		laid = append(laid, layout.LayoutPage(gs, nil, box, i+1))
	}
	d := layout.Assemble(laid)
	d.Format, d.OCR, d.Pages = format, true, len(pages)
	for i := range d.Blocks {
		RepairBlock(&d.Blocks[i])
	}
	return d
}

// RepairBlock repairs what OCR does to Chinese text in a paragraph or a
// table's cells (see repair): lines joined into a paragraph show what a
// line alone did not, such as a label's colon at the line break.
func RepairBlock(b *document.Block) {
	b.Text = repair(b.Text)
	if b.Table != nil {
		for _, row := range b.Table.Rows {
			for j := range row {
				row[j].Text = repair(row[j].Text)
			}
		}
	}
}

// pdfPages renders and recognises a PDF's pages, Jobs at a time.
func (r Reader) pdfPages(ctx context.Context, dir, pdf, lang string) ([]pageWords, error) {
	n, err := pdfPageCount(ctx, pdf)
	if err != nil {
		return nil, err
	}
	if n > maxPages {
		return nil, fmt.Errorf("%d pages: %w", n, limits.Over("scanned pages", maxPages))
	}
	nums := make([]int, n)
	for i := range nums {
		nums[i] = i + 1
	}
	return r.recognisePages(ctx, dir, pdf, lang, nums)
}

// PDFPages recognises the given pages (1-based) of a PDF whose other
// pages have a text layer, and lays each out for layout.Assemble: the
// PDF reader's pages that hold only an image. Lines are repaired as in
// Read; the paragraphs they join into need RepairBlock once assembled.
func (r Reader) PDFPages(ctx context.Context, data []byte, nums []int) (map[int]*layout.Page, error) {
	lang := r.Lang
	if lang == "" {
		lang = "chi_sim"
	}
	if len(nums) > maxPages {
		return nil, fmt.Errorf("%d pages: %w", len(nums), limits.Over("scanned pages", maxPages))
	}
	if err := checkTools(true, lang); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "duban-ocr-")
	if err != nil {
		return nil, fmt.Errorf("OCR: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("OCR: %w", err)
	}
	pages, err := r.recognisePages(ctx, dir, in, lang, nums)
	if err != nil {
		return nil, fmt.Errorf("OCR: %w", err)
	}
	out := make(map[int]*layout.Page, len(nums))
	for i, p := range pages {
		gs, box := pageGlyphs(pageLines(p.words), p.width, p.height)
		out[nums[i]] = layout.LayoutPage(gs, nil, box, nums[i])
	}
	return out, nil
}

// recognisePages renders and recognises the given pages of a PDF, Jobs
// at a time.
func (r Reader) recognisePages(ctx context.Context, dir, pdf, lang string, nums []int) ([]pageWords, error) {
	n := len(nums)
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pages := make([]pageWords, n)
	errs := make([]error, n)
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				errs[i] = ctx.Err()
				return
			}
			img, err := renderPage(ctx, dir, pdf, nums[i])
			if err == nil {
				var tsv *TSV
				if tsv, err = recognise(ctx, img, lang); err == nil {
					if ps := splitPages(tsv); len(ps) > 0 {
						pages[i] = ps[0]
					}
				}
				os.Remove(img)
			}
			if err != nil {
				errs[i] = fmt.Errorf("page %d: %w", nums[i], err)
				cancel()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pages, nil
}

// Missing tools are named with the Debian packages that bring them.
var (
	toolsOnce sync.Once
	langs     string
	toolsErr  error
)

func checkTools(pdf bool, lang string) error {
	toolsOnce.Do(func() {
		langs, toolsErr = listLangs()
	})
	if toolsErr != nil {
		return toolsErr
	}
	for _, l := range strings.Split(lang, "+") {
		if !strings.Contains("\n"+langs+"\n", "\n"+l+"\n") {
			return fmt.Errorf("scanned; tesseract has no %s language data: install tesseract-ocr-%s", l, strings.ReplaceAll(l, "_", "-"))
		}
	}
	if pdf {
		for _, t := range []string{"pdftoppm", "pdfinfo"} {
			if _, err := lookPath(t); err != nil {
				return fmt.Errorf("scanned; reading a scanned PDF needs %s: install poppler-utils", t)
			}
		}
	}
	return nil
}
