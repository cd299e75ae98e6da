package duban

import "testing"

func TestSuggest(t *testing.T) {
	d := &Directory{Units: []DirUnit{{Name: "市发展改革委", Aliases: []string{"市发改委"}}, {Name: "市财政局"}, {Name: "市商务局"}}}
	for name, want := range map[string]string{"市发改伟": "市发改委", "市财正局": "市财政局", "市发展改革委员": "市发展改革委", "市交通局": "", "市公安局": ""} {
		got, ok := d.Suggest(name)
		if (want != "") != ok || got != want && ok {
			t.Errorf("Suggest(%q) = %q %v, want %q", name, got, ok, want)
		}
	}
}
