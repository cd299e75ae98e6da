package extract

import "fmt"

// DOCXReader reads DOCX notices. (Placeholder until its reader lands.)
type DOCXReader struct{}

// Read implements Reader.
func (DOCXReader) Read(name string, data []byte) (*Document, error) {
	return nil, fmt.Errorf("%s: docx reading not implemented yet", name)
}
