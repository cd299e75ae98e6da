package templates

import (
	"bytes"
	"io/fs"
	"regexp"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A font-size code followed directly by text that may start with digits
// ("&8{{footer}}" with a footer "2024年…") swallows those digits.
var sizeThenText = regexp.MustCompile(`&\d+[^ &\d]`)

func TestFootersKeepLeadingDigits(t *testing.T) {
	for _, name := range []string{"ledger.xlsx", "unit.xlsx", "quarterly.xlsx"} {
		data, err := fs.ReadFile(embedded, name)
		if name == QuarterlyXLSX {
			data, err = quarterlyFS.ReadFile(name)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, sh := range f.GetSheetList() {
			hf, err := f.GetHeaderFooter(sh)
			if err != nil || hf == nil {
				continue
			}
			if m := sizeThenText.FindString(hf.OddFooter); m != "" {
				t.Errorf("%s/%s: footer %q has %q: a footer text starting with digits would lose them", name, sh, hf.OddFooter, m)
			}
		}
		f.Close()
	}
}
