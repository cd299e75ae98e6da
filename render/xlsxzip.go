package render

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// Workbooks are zipped at flate's fastest level with compressors reused
// across parts and workbooks: the standard zip writer deflates every part
// at the default level, which was half the time of writing a workbook.
// The parts themselves are unchanged; only the archive is a little larger.

var fastFlate = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.BestSpeed) // a valid level never fails
	return w
}}

// pooledFlate returns its compressor to fastFlate when closed.
type pooledFlate struct{ w *flate.Writer }

func (p *pooledFlate) Write(b []byte) (int, error) { return p.w.Write(b) }

func (p *pooledFlate) Close() error {
	err := p.w.Close()
	fastFlate.Put(p.w)
	p.w = nil
	return err
}

// fastZip is an excelize ZipWriter deflating at the fastest level.
func fastZip(w io.Writer) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw := fastFlate.Get().(*flate.Writer)
		fw.Reset(out)
		return &pooledFlate{w: fw}, nil
	})
	return z
}
