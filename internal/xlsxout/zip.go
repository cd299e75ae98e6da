package xlsxout

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"

	"github.com/duban/duban/internal/atomicfile"
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

// FastZip is an excelize ZipWriter deflating at the fastest level.
func FastZip(w io.Writer) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw := fastFlate.Get().(*flate.Writer)
		fw.Reset(out)
		return &pooledFlate{w: fw}, nil
	})
	return z
}

// WriteFile saves f to path through a temporary file, zipped with FastZip.
func WriteFile(f *excelize.File, path string) error {
	var buf bytes.Buffer
	f.SetZipWriter(FastZip)
	if _, err := f.WriteTo(&buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}
