package templates

import _ "embed"

// DefaultUnits is the default unit directory (units.yaml): empty, with
// comments showing the format. duban.ParseDirectory reads it.
//
//go:embed units.yaml
var DefaultUnits []byte
