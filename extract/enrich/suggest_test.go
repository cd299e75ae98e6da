package enrich

import (
	"strings"
	"testing"

	"github.com/duban/duban"
)

// A unit name one character off a directory name asks "did you mean".
func TestUnknownUnitDidYouMean(t *testing.T) {
	dir := &duban.Directory{Units: []duban.DirUnit{{Name: "市发展改革委", Aliases: []string{"市发改委"}}, {Name: "市财政局"}}}
	n := &duban.Notice{Tasks: []duban.Task{{ID: "一.1", Units: []duban.Unit{{Name: "市发改伟", Role: duban.RoleLead}, {Name: "市交通局", Role: duban.RoleCo}}}}}
	ws := Apply(n, dir, nil)
	var msgs []string
	for _, w := range ws {
		if w.Code == duban.WarnUnknownUnit {
			msgs = append(msgs, w.Message)
		}
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "did you mean 市发改委") || strings.Contains(msgs[1], "did you mean") {
		t.Errorf("%q", msgs)
	}
}
