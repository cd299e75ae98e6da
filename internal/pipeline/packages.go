package pipeline

import (
	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/render"
)

// Default returns the backend wired to the real extract and render packages.
func Default() *Backend {
	return &Backend{
		Supported: extract.Supported,
		Extract: func(name string, data []byte, year int) (*duban.Notice, error) {
			return extract.Bytes(name, data, extract.Options{Year: year})
		},
		WriteCSV: duban.WriteCSV,
		Ledger: func(n *duban.Notice, dir string, opt RenderOptions) ([]string, error) {
			return render.Ledger(n, dir, renderOptions(opt))
		},
		UnitSheets: func(ns []*duban.Notice, dir string, opt RenderOptions) ([]string, error) {
			return render.UnitSheets(ns, dir, renderOptions(opt))
		},
		Quarterly: func(ns []*duban.Notice, dir string, quarters []string, opt RenderOptions) ([]string, error) {
			return render.Quarterly(ns, dir, quarters, renderOptions(opt))
		},
		ReadLedger:   render.ReadLedger,
		SafeFileName: render.SafeFileName,
	}
}

func renderOptions(o RenderOptions) render.Options {
	return render.Options{Formats: o.Formats, Templates: o.Templates, AsOf: o.AsOf, Now: o.Now}
}
