package pipeline

import (
	"github.com/duban/duban"
	"github.com/duban/duban/extract"
)

// Default returns the backend wired to the real extract and render packages.
func Default() *Backend {
	return &Backend{
		Supported: extract.Supported,
		Extract: func(name string, data []byte, year int) (*duban.Notice, error) {
			return extract.Bytes(name, data, extract.Options{Year: year})
		},
		WriteCSV: duban.WriteCSV,
	}
}
