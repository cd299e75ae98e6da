package pdfw

import (
	"bytes"
	"compress/zlib"
	"strconv"
	"sync"
)

// A new zlib writer allocates about 1 MB of tables; a batch writes tens of
// thousands of streams, so writers are pooled and reset.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflate compresses b into dst (zlib, best speed).
func deflate(dst *bytes.Buffer, b []byte) error {
	w := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(w)
	w.Reset(dst)
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Close()
}

// appendFixed writes v with prec decimals.
func appendFixed(b []byte, v float64, prec int) []byte {
	return strconv.AppendFloat(b, v, 'f', prec, 64)
}
