package render

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"slices"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// chartDPI is the resolution of a chart drawn as an image: sharp in print
// at the size it is placed.
const chartDPI = 200

// chartImage is one part of a chart drawn as a PNG, to be placed w × h mm.
type chartImage struct {
	PNG      []byte
	W, H     float64 // mm
	PxW, PxH int
	Labels   []string // the bars it shows
}

// pngParts draws the chart as PNG images in width w mm, one per part of at
// most band mm (see split), with the TrueType or OpenType font ttf, the
// same layout as the PDF's drawing.
func (c barChart) pngParts(w, band float64, ttf []byte) ([]chartImage, error) {
	c.defaults()
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("chart font: %w", err)
	}
	g, parts := c.split(w, band)
	var out []chartImage
	for _, part := range parts {
		h := g.height(len(part.Labels))
		cv := newRasterCanvas(w, h, chartDPI, f)
		part.draw(cv, g, 0, 0)
		if cv.err != nil {
			return nil, fmt.Errorf("chart: %w", cv.err)
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, paletted(cv.img)); err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		b := cv.img.Bounds()
		out = append(out, chartImage{PNG: buf.Bytes(), W: w, H: h, PxW: b.Dx(), PxH: b.Dy(), Labels: part.Labels})
	}
	return out, nil
}

// paletted is img with at most 256 colours, for PNG to encode one byte a
// pixel without its per-row filter search (which, with compression, took a
// fifth of a batch's CPU for the 通报 charts). A chart has few colours —
// white, its bars, its text — and the anti-aliased edges between them:
// with at most 256 colours in all the image is kept exactly; else the 256
// most frequent colours are kept and each rarer edge pixel takes the
// nearest of them (an edge pixel a shade off, never a bar or a letter).
func paletted(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	key := func(p []uint8) uint32 { return uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3]) }
	count := map[uint32]int{}
	for y := 0; y < b.Dy(); y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*b.Dx()]
		for x := 0; x < len(row); {
			k, run := key(row[x:x+4]), 4
			for x+run < len(row) && key(row[x+run:x+run+4]) == k {
				run += 4
			}
			count[k] += run / 4
			x += run
		}
	}
	keys := make([]uint32, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b uint32) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(keys) > 256 {
		keys = keys[:256]
	}
	pal := make(color.Palette, len(keys))
	index := make(map[uint32]uint8, len(count))
	for i, k := range keys {
		pal[i] = color.RGBA{uint8(k >> 24), uint8(k >> 16), uint8(k >> 8), uint8(k)}
		index[k] = uint8(i)
	}
	out := image.NewPaletted(image.Rect(0, 0, b.Dx(), b.Dy()), pal)
	for y := 0; y < b.Dy(); y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*b.Dx()]
		orow := out.Pix[y*out.Stride:]
		var last uint32
		var i uint8
		for x := 0; x < b.Dx(); x++ {
			k := key(row[4*x : 4*x+4])
			if x == 0 || k != last {
				var ok bool
				if i, ok = index[k]; !ok {
					i = uint8(pal.Index(color.RGBA{row[4*x], row[4*x+1], row[4*x+2], row[4*x+3]}))
					index[k] = i
				}
				last = k
			}
			orow[x] = i
		}
	}
	return out
}

// rasterCanvas draws on a white RGBA image, scale pixels a millimetre.
type rasterCanvas struct {
	img   *image.RGBA
	scale float64
	dpi   float64
	font  *opentype.Font
	faces map[float64]font.Face
	face  font.Face
	err   error // the first face that could not be made
}

func newRasterCanvas(w, h, dpi float64, f *opentype.Font) *rasterCanvas {
	scale := dpi / 25.4
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w*scale)), int(math.Ceil(h*scale))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	return &rasterCanvas{img: img, scale: scale, dpi: dpi, font: f, faces: map[float64]font.Face{}}
}

func (c *rasterCanvas) SetFontSize(pt float64) {
	if face, ok := c.faces[pt]; ok {
		c.face = face
		return
	}
	face, err := opentype.NewFace(c.font, &opentype.FaceOptions{Size: pt, DPI: c.dpi, Hinting: font.HintingNone})
	if err != nil {
		c.err = err
		return
	}
	c.faces[pt], c.face = face, face
}

func (c *rasterCanvas) TextWidth(s string) float64 {
	if c.face == nil {
		return 0
	}
	return float64(font.MeasureString(c.face, s)) / 64 / c.scale
}

func (c *rasterCanvas) Text(x, y float64, s, col string) {
	if c.face == nil {
		return
	}
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(rgb(col)), Face: c.face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * c.scale * 64)), Y: fixed.Int26_6(math.Round(y * c.scale * 64))}}
	d.DrawString(s)
}

func (c *rasterCanvas) FillRect(x, y, w, h float64, col string) {
	r := image.Rect(int(math.Round(x*c.scale)), int(math.Round(y*c.scale)), int(math.Round((x+w)*c.scale)), int(math.Round((y+h)*c.scale)))
	draw.Draw(c.img, r, image.NewUniform(rgb(col)), image.Point{}, draw.Src)
}

func (c *rasterCanvas) Line(x1, y1, x2, y2, width float64, col string) {
	t := max(width*c.scale, 1) / c.scale // at least a pixel
	x, y := min(x1, x2), min(y1, y2)
	w, h := math.Abs(x2-x1), math.Abs(y2-y1)
	if w < h { // vertical
		c.FillRect(x-t/2, y, t, h, col)
	} else {
		c.FillRect(x, y-t/2, w, t, col)
	}
}

// rgb is the colour "#RRGGBB" ("" or malformed: black).
func rgb(s string) color.RGBA {
	r, g, b, _ := parseColor(s)
	return color.RGBA{uint8(r), uint8(g), uint8(b), 0xff}
}
