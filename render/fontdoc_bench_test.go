package render

import (
	"testing"

	"github.com/duban/duban/templates"
)

// BenchmarkSmallDocBigCut: a one-page document of a few hundred
// characters, when the run's cut font already holds thousands (as in a
// batch of hundreds of notices). "own" hands fpdf a map of the document's
// own characters (trimForDoc), "run" the run's whole cut font.
func BenchmarkSmallDocBigCut(b *testing.B) {
	var many []rune
	for r := rune(0x4E00); len(many) < 4000; r += 3 {
		many = append(many, r)
	}
	d := newPDFDoc(pageSetup{}, templates.Font())
	d.Text(string(many), 10, "L")
	if _, err := d.Bytes(); err != nil {
		b.Fatal(err)
	}
	small := newPDFDoc(pageSetup{}, templates.Font())
	small.Title("市发改委任务清单", 16)
	small.Text(string(many[:300]), 10, "L")
	for _, mode := range []string{"own", "run"} {
		b.Run(mode, func(b *testing.B) {
			noDocTrim = mode == "run"
			defer func() { noDocTrim = false }()
			for b.Loop() {
				if _, err := small.Bytes(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
