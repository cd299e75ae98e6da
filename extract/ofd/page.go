package ofd

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/extract/layout"
)

// page reads one page's content: its glyphs and rulings in points with y
// growing upwards, and its box.
func (k *pkg) page(ref pageRef) ([]layout.Glyph, []layout.Segment, [4]float64, error) {
	n, _, err := k.part(ref.dir, ref.loc)
	if err != nil {
		return nil, nil, [4]float64{}, err
	}
	area, ok := ref.area, ref.hasArea
	if a := n.child("Area"); a != nil {
		if pb := a.child("PhysicalBox"); pb != nil {
			if b, ok2 := box(pb.text.String()); ok2 {
				area, ok = b, true
			}
		}
	}
	if !ok || area[2] <= 0 || area[3] <= 0 {
		area = [4]float64{0, 0, 210, 297} // A4
	}
	w := &walker{height: area[3]}
	if c := n.child("Content"); c != nil {
		for _, l := range c.children {
			if l.name == "Layer" {
				w.objects(l, 0)
			}
		}
	}
	return w.glyphs, w.segs, [4]float64{0, 0, area[2] * mmToPt, area[3] * mmToPt}, nil
}

// walker collects a page's glyphs and rulings.
type walker struct {
	height float64 // page height in mm, to turn y upwards
	glyphs []layout.Glyph
	segs   []layout.Segment
}

// point converts a page position in mm (y down) to points (y up).
func (w *walker) point(x, y float64) (float64, float64) {
	return x * mmToPt, (w.height - y) * mmToPt
}

// objects reads the page objects of a layer or page block.
func (w *walker) objects(n *node, depth int) {
	if depth > maxDepth {
		return
	}
	for _, o := range n.children {
		switch o.name {
		case "TextObject":
			w.text(o)
		case "PathObject":
			w.path(o)
		case "PageBlock":
			w.objects(o, depth+1)
		}
	}
}

// text places the characters of a text object.
func (w *walker) text(o *node) {
	if o.attr("Visible") == "false" {
		return
	}
	bnd, _ := box(o.attr("Boundary"))
	ctm := parseCTM(o.attr("CTM"))
	size := 0.0
	if v := floats(o.attr("Size")); len(v) == 1 && v[0] > 0 {
		size = v[0]
	}
	x, y := 0.0, 0.0
	for _, tc := range o.children {
		if tc.name != "TextCode" {
			continue
		}
		s := tc.text.String()
		n := utf8.RuneCountInString(s)
		if v := floats(tc.attr("X")); len(v) == 1 {
			x = v[0]
		}
		if v := floats(tc.attr("Y")); len(v) == 1 {
			y = v[0]
		}
		dx := deltas(tc.attr("DeltaX"), n)
		dy := deltas(tc.attr("DeltaY"), n)
		i := 0
		for _, r := range s {
			adv, width := defaultAdvance(r, size), defaultAdvance(r, size)
			if i < len(dx) {
				adv = dx[i]
				width = glyphWidth(r, size, adv)
			}
			if len(w.glyphs) < maxGlyphs {
				px, py := ctm.apply(x, y)
				ax, ay := ctm.vector(width, 0)
				gx, gy := w.point(px+bnd[0], py+bnd[1])
				w.glyphs = append(w.glyphs, layout.Glyph{
					X: gx, Y: gy, AX: ax * mmToPt, AY: -ay * mmToPt,
					Size: size * ctm.scale() * mmToPt, Text: string(r), Space: unicode.IsSpace(r),
				})
			}
			x += adv
			if i < len(dy) {
				y += dy[i]
			}
			i++
		}
	}
}

// defaultAdvance is a character's advance when DeltaX gives none: a full
// em for CJK, half for the rest.
func defaultAdvance(r rune, size float64) float64 {
	if r >= 0x2E80 {
		return size
	}
	return size / 2
}

// glyphWidth is the width of a glyph followed by another of its text
// code: its advance, unless that is far wider than a full em (letter-
// spaced text), then its natural width.
func glyphWidth(r rune, size, adv float64) float64 {
	if adv <= 0 || adv > 1.5*size {
		return defaultAdvance(r, size)
	}
	return adv
}

// path reads the straight pieces of a path object as rulings: every
// piece of a stroked path, and filled shapes only when thin (a rule drawn
// as a filled rectangle). Other filled shapes — characters drawn as
// outlines, backgrounds — and invisible ones are no rulings.
func (w *walker) path(o *node) {
	if o.attr("Visible") == "false" || o.attr("Alpha") == "0" {
		return
	}
	stroked := o.attr("Stroke") != "false"
	if !stroked && o.attr("Fill") != "true" {
		return
	}
	ad := o.child("AbbreviatedData")
	if ad == nil {
		return
	}
	bnd, _ := box(o.attr("Boundary"))
	ctm := parseCTM(o.attr("CTM"))
	pt := func(x, y float64) (float64, float64) {
		px, py := ctm.apply(x, y)
		return w.point(px+bnd[0], py+bnd[1])
	}
	var cx, cy, sx, sy float64
	var segs []layout.Segment
	add := func(x0, y0, x1, y1 float64) {
		if len(segs) < maxSegments && (x0 != x1 || y0 != y1) {
			segs = append(segs, layout.Segment{X0: x0, Y0: y0, X1: x1, Y1: y1})
		}
	}
	defer func() {
		if !stroked && !thin(segs) {
			return
		}
		if len(w.segs)+len(segs) <= maxSegments {
			w.segs = append(w.segs, segs...)
		}
	}()
	f := splitFields(ad.text.String())
	for i := 0; i < len(f); {
		op := f[i]
		i++
		args := func(n int) ([]float64, bool) {
			if i+n > len(f) {
				return nil, false
			}
			v := floats(joinFields(f[i : i+n]))
			i += n
			return v, len(v) == n
		}
		switch op {
		case "S", "M":
			if v, ok := args(2); ok {
				cx, cy = pt(v[0], v[1])
				sx, sy = cx, cy
			}
		case "L":
			if v, ok := args(2); ok {
				x, y := pt(v[0], v[1])
				add(cx, cy, x, y)
				cx, cy = x, y
			}
		case "Q":
			if v, ok := args(4); ok {
				cx, cy = pt(v[2], v[3])
			}
		case "B":
			if v, ok := args(6); ok {
				cx, cy = pt(v[4], v[5])
			}
		case "A":
			if v, ok := args(7); ok {
				cx, cy = pt(v[5], v[6])
			}
		case "C":
			add(cx, cy, sx, sy)
			cx, cy = sx, sy
		default:
			// a stray number or an unknown operator: skip it
		}
		if math.IsNaN(cx) || math.IsNaN(cy) {
			return
		}
	}
}

// thinRule is the most a filled rule may measure across, in points.
const thinRule = 3

// thin reports whether segments span a thin box: a horizontal or
// vertical rule.
func thin(segs []layout.Segment) bool {
	if len(segs) == 0 {
		return false
	}
	x0, y0, x1, y1 := segs[0].X0, segs[0].Y0, segs[0].X0, segs[0].Y0
	for _, s := range segs {
		x0, x1 = min(x0, s.X0, s.X1), max(x1, s.X0, s.X1)
		y0, y1 = min(y0, s.Y0, s.Y1), max(y1, s.Y0, s.Y1)
	}
	return x1-x0 <= thinRule || y1-y0 <= thinRule
}
