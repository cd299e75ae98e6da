package pipeline

import "github.com/duban/duban"

// quarterly is render.Quarterly once the quarterly reports land; until then
// runs say in their warnings that quarterly reports are not available.
var quarterly func(notices []*duban.Notice, dir string, quarters []string, opt RenderOptions) ([]string, error)
