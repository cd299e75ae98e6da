package render

import (
	"reflect"
	"testing"

	"github.com/duban/duban/templates"
)

// A template opened a second time gets from the cache exactly what a
// fresh scan finds, and edits to one opening do not reach the next.
func TestScanCachedMatchesScan(t *testing.T) {
	for _, name := range []string{templates.LedgerXLSX, templates.UnitXLSX} {
		warm, err := openXLSXTemplate("", name) // fills the cache
		if err != nil {
			t.Fatal(err)
		}
		warm.Close()
		first, err := openXLSXTemplate("", name)
		if err != nil {
			t.Fatal(err)
		}
		first.Keys[0] = "changed"
		first.titles[0] = nil
		first.Close()
		second, err := openXLSXTemplate("", name)
		if err != nil {
			t.Fatal(err)
		}
		fresh := &xlsxTemplate{File: second.File, Name: name}
		if err := fresh.scan(); err != nil {
			t.Fatal(err)
		}
		got, want := &xlsxTemplate{}, &xlsxTemplate{}
		got.copyFindings(second)
		want.copyFindings(fresh)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: cached scan %+v, fresh scan %+v", name, got, want)
		}
		if second.Keys[0] == "changed" || len(second.titles) == 0 || second.titles[0] == nil {
			t.Errorf("%s: an edit of the first opening reached the second: %q %q", name, second.Keys, second.titles)
		}
		second.Close()
	}
}
