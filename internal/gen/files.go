package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// File is one generated notice file.
type File struct {
	Name   string // e.g. notice-0007.pdf
	Data   []byte
	Notice *Notice
}

// Formats are the file formats the generator writes.
var Formats = []string{"txt", "pdf", "docx"}

// Encode writes notice n in format ("txt", "pdf", "docx").
func Encode(n *Notice, format string, font []byte) ([]byte, error) {
	switch format {
	case "txt":
		return n.TXT()
	case "pdf":
		return n.PDF(font)
	case "docx":
		return n.DOCX()
	}
	return nil, fmt.Errorf("gen: unknown format %q", format)
}

// Files makes count notices of the series seed, each in a format drawn
// from formats (all three when empty). font is needed for PDF.
func (c *Corpus) Files(seed int64, count int, formats []string, font []byte) ([]File, error) {
	if len(formats) == 0 {
		formats = Formats
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0xd0c))
	out := make([]File, 0, count)
	for i := range count {
		n := c.New(seed, i)
		f := formats[rng.IntN(len(formats))]
		data, err := Encode(n, f, font)
		if err != nil {
			return nil, fmt.Errorf("notice %d: %w", i, err)
		}
		out = append(out, File{Name: fmt.Sprintf("notice-%04d.%s", i, f), Data: data, Notice: n})
	}
	return out, nil
}

// WriteDir writes files into dir.
func WriteDir(dir string, files []File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
