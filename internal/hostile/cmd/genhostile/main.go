// Command genhostile writes the hostile inputs of package hostile into a
// folder, for measuring `duban extract` on each with /usr/bin/time:
//
//	go run ./internal/hostile/cmd/genhostile -o /tmp/hostile
//
// Run it from the repository root (it damages the sample notices of
// seeds/ and testdata/).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/duban/duban/internal/hostile"
)

func main() {
	out := flag.String("o", "hostile", "output folder")
	big := flag.Bool("big", true, "also write the 200 MB and 300 MB text files")
	flag.Parse()
	pdf, err := os.ReadFile("testdata/lianyungang-2024-22.pdf")
	check(err)
	txt, err := os.ReadFile("seeds/lianyungang-2024-22.txt")
	check(err)
	check(os.MkdirAll(*out, 0o755))
	files := map[string]func() []byte{
		"docx-nested-tables-20000.docx":    func() []byte { return hostile.NestedTablesDOCX(20000) },
		"docx-gridspan-800000x64.docx":     func() []byte { return hostile.WideSpanDOCX(800000, 64) },
		"docx-label-500000x2000.docx":      func() []byte { return hostile.LongLabelDOCX(500000, 2000) },
		"docx-label-500000x200.docx":       func() []byte { return hostile.LongLabelDOCX(500000, 200) },
		"docx-deep-xml-1000000.docx":       func() []byte { return hostile.DeepXMLDOCX(1000000) },
		"docx-many-elements-5000000.docx":  func() []byte { return hostile.ManyElementsDOCX(5000000) },
		"docx-bad-zip-end.docx":            hostile.BadZipEndDOCX,
		"docx-gbk.docx":                    hostile.GBKDOCX,
		"docx-utf16.docx":                  hostile.UTF16DOCX,
		"docx-document2.docx":              hostile.OtherMainPartDOCX,
		"txt-units-100000.txt":             func() []byte { return hostile.ManyUnitsTXT(100000) },
		"txt-long-line-10000000.txt":       func() []byte { return hostile.LongLineTXT(10000000) },
		"pdf-prev-self.pdf":                func() []byte { return hostile.PrevSelf(pdf) },
		"pdf-prev-pair.pdf":                func() []byte { return hostile.PrevPair(pdf) },
		"pdf-startxref-past-100MB.pdf":     func() []byte { return hostile.StartxrefPast(pdf, 100<<20) },
		"pdf-fonts-50000.pdf":              func() []byte { return hostile.ManyFontsPDF(50000) },
		"pdf-fonts-100000.pdf":             func() []byte { return hostile.ManyFontsPDF(100000) },
		"pdf-ops-5000000.pdf":              func() []byte { return hostile.ManyOpsPDF(5000000) },
		"pdf-xref-start-4294967295.pdf":    func() []byte { return hostile.XrefStart(pdf, 4294967295) },
		"pdf-xref-start-2147483647.pdf":    func() []byte { return hostile.XrefStart(pdf, 2147483647) },
		"pdf-xref-start-50000000.pdf":      func() []byte { return hostile.XrefStart(pdf, 50000000) },
		"pdf-xref-start-100000000.pdf":     func() []byte { return hostile.XrefStart(pdf, 100000000) },
		"pdf-xrefstm-ok.pdf":               func() []byte { return hostile.XrefStreamPDF("", "") },
		"pdf-xrefstm-size-2147483648.pdf":  func() []byte { return hostile.XrefStreamPDF("2147483648", "") },
		"pdf-xrefstm-index-4294967290.pdf": func() []byte { return hostile.XrefStreamPDF("", "[4294967290 7]") },
		"pdf-tounicode-bitflip.pdf":        func() []byte { return hostile.FlipToUnicode(pdf) },
		"pdf-page1-length0.pdf":            func() []byte { return hostile.ZeroLengthPage1(pdf) },
		// the neighbours: just under and just over each budget, and the
		// zip bombs of the other packages
		"docx-nested-tables-32.docx": func() []byte { return hostile.NestedTablesDOCX(32) },
		"docx-nested-tables-33.docx": func() []byte { return hostile.NestedTablesDOCX(33) },
		"docx-label-32x3.docx":       func() []byte { return hostile.LongLabelDOCX(32, 3) },
		"docx-label-33x3.docx":       func() []byte { return hostile.LongLabelDOCX(33, 3) },
		"docx-zipbomb-100MB.docx":    func() []byte { return hostile.ZipBombDOCX(100) },
		"txt-units-2000.txt":         func() []byte { return hostile.ManyUnitsTXT(2000) },
		"txt-units-2001.txt":         func() []byte { return hostile.ManyUnitsTXT(2001) },
		"pdf-fonts-4096.pdf":         func() []byte { return hostile.ManyFontsPDF(4096) },
		"pdf-fonts-4097.pdf":         func() []byte { return hostile.ManyFontsPDF(4097) },
		"xlsx-zipbomb-200MB.xlsx":    func() []byte { return hostile.ZipBombXLSX(200) },
		"xlsx-zipbomb-300MB.xlsx":    func() []byte { return hostile.ZipBombXLSX(300) },
		"xlsx-cells-1200000.xlsx":    func() []byte { return hostile.ManyCellsXLSX(20000, 60) },
		"xlsx-wide-rows-13.xlsx":     func() []byte { return hostile.WideRowsXLSX(13) },
		"xlsx-wide-rows-9.xlsx":      func() []byte { return hostile.WideRowsXLSX(9) },
		"ofd-zipbomb-20x30MB.ofd":    func() []byte { return hostile.ZipBombOFD(20, 30) },
		"ofd-zipbomb-1x40MB.ofd":     func() []byte { return hostile.ZipBombOFD(1, 40) },
		// issue 16, left by the fifth session: an OFD under the old
		// 160 MB bound, its neighbours and a dense one; a workbook's
		// cells refused early; the PDF's bounds named; a notice naming
		// thousands of distinct units
		"ofd-zipbomb-5x31MB.ofd":         func() []byte { return hostile.ZipBombOFD(5, 31) },
		"ofd-zipbomb-5x3MB.ofd":          func() []byte { return hostile.ZipBombOFD(5, 3) },
		"ofd-zipbomb-6x3MB.ofd":          func() []byte { return hostile.ZipBombOFD(6, 3) },
		"ofd-elements-2x300000.ofd":      func() []byte { return hostile.ManyElementsOFD(2, 300000) },
		"ofd-dense-4x3900KB.ofd":         func() []byte { return hostile.DenseOFD(4, 3900000) },
		"xlsx-cells-bare-240000.xlsx":    func() []byte { return hostile.BareCellsXLSX(4000, 60) },
		"pdf-idle-ops-4000000.pdf":       func() []byte { return hostile.IdleOpsPDF(4000000) },
		"pdf-self-form-3.pdf":            func() []byte { return hostile.SelfFormPDF(3) },
		"txt-distinct-units-2000.txt":    func() []byte { return hostile.DistinctUnitsTXT(2000, 2000) },
		"txt-distinct-units-20000.txt":   func() []byte { return hostile.DistinctUnitsTXT(20000, 2000) },
		"txt-distinct-units-2000x20.txt": func() []byte { return hostile.DistinctUnitsTXT(2000, 20) },
	}
	if *big {
		files["txt-sample-200MB.txt"] = func() []byte { return hostile.Repeat(txt, 200<<20) }
		files["txt-sample-300MB.txt"] = func() []byte { return hostile.Repeat(txt, 300<<20) }
	}
	for name, gen := range files {
		check(os.WriteFile(filepath.Join(*out, name), gen(), 0o644))
	}
	fmt.Println(len(files), "files in", *out)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "genhostile:", err)
		os.Exit(1)
	}
}
