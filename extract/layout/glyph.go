package layout

// Glyph is one shown character as a reader places it on the page: the
// origin on the baseline and the glyph's own advance, in points, with y
// growing upwards (PDF user space; other formats convert to it).
type Glyph struct {
	X, Y   float64 // origin on the baseline
	AX, AY float64 // advance of the glyph itself (without character or word spacing)
	Size   float64 // font size
	Text   string
	Space  bool // a space character
	Art    bool // marked as an artefact (running header or footer)
}

// Segment is a straight painted line (a table ruling), in the glyphs' space.
type Segment struct{ X0, Y0, X1, Y1 float64 }

// glyph and segment are the layout code's own forms of Glyph and Segment.
type glyph struct {
	x, y   float64
	ax, ay float64
	size   float64
	text   string
	space  bool
	art    bool
}

type segment struct{ x0, y0, x1, y1 float64 }
