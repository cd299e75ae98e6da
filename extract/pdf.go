package extract

import "fmt"

// PDFReader reads PDF notices. (Placeholder until its reader lands.)
type PDFReader struct{}

// Read implements Reader.
func (PDFReader) Read(name string, data []byte) (*Document, error) {
	return nil, fmt.Errorf("%s: pdf reading not implemented yet", name)
}
