package extract

import "fmt"

// TXTReader reads TXT notices. (Placeholder until its reader lands.)
type TXTReader struct{}

// Read implements Reader.
func (TXTReader) Read(name string, data []byte) (*Document, error) {
	return nil, fmt.Errorf("%s: txt reading not implemented yet", name)
}
