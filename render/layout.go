package render

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/duban/duban/templates"
	"gopkg.in/yaml.v3"
)

// layoutFile is the PDF layout file (templates/layout.yaml): page setup and,
// per document kind ("ledger", "unit", "quarterly"…), titles, font sizes,
// colours and table columns.
type layoutFile struct {
	Font      string               `yaml:"font"` // font file inside the template set
	Page      pageLayout           `yaml:"page"`
	Documents map[string]docLayout `yaml:"documents"`
}

// pageLayout is the paper and margins shared by every document.
type pageLayout struct {
	Size         string  `yaml:"size"`
	MarginLeft   float64 `yaml:"margin_left"`
	MarginRight  float64 `yaml:"margin_right"`
	MarginTop    float64 `yaml:"margin_top"`
	MarginBottom float64 `yaml:"margin_bottom"`
	FooterSize   float64 `yaml:"footer_size"`
}

// docLayout is the layout of one document kind.
type docLayout struct {
	Orientation string         `yaml:"orientation"` // L or P
	Title       string         `yaml:"title"`       // may hold {placeholders}
	Subtitle    string         `yaml:"subtitle"`
	TitleSize   float64        `yaml:"title_size"`
	TextSize    float64        `yaml:"text_size"`
	TableSize   float64        `yaml:"table_size"`
	HeaderSize  float64        `yaml:"header_size"`
	HeaderFill  string         `yaml:"header_fill"`
	GroupFill   string         `yaml:"group_fill"`
	Columns     []columnLayout `yaml:"columns"`
	// Labels holds further words a document kind prints (section
	// headings, captions), keyed by the renderer's name for them.
	Labels map[string]string `yaml:"labels"`
	// Colors holds further colours a document kind uses, keyed likewise.
	Colors map[string]string `yaml:"colors"`
}

// columnLayout is one table column of a document kind.
type columnLayout struct {
	Key   string  `yaml:"key"`   // what the renderer puts in it
	Label string  `yaml:"label"` // header text
	Width float64 `yaml:"width"` // relative weight
	Align string  `yaml:"align"` // L, C or R
	// HideEmpty drops the column from a table in which it would be empty
	// (e.g. 牵头单位 in a notice that names no lead units).
	HideEmpty bool `yaml:"hide_empty"`
	// Fit widens the column to its widest line when a cell would wrap
	// (set for a task's number, key id).
	Fit bool `yaml:"fit"`
}

// loadLayout reads layout.yaml from dir, or the embedded one when dir is
// "" or has none. A document kind missing from a replacement file is taken
// from the embedded file, so an old layout file keeps working when a new
// document kind is added.
func loadLayout(dir string) (*layoutFile, error) {
	b, err := templates.Open("", templates.LayoutFile)
	if err != nil {
		return nil, err
	}
	def, err := decodeLayout("embedded "+templates.LayoutFile, b)
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return def, nil
	}
	b, err = templates.Open(dir, templates.LayoutFile)
	if err != nil {
		return nil, err
	}
	l, err := decodeLayout(dir+"/"+templates.LayoutFile, b)
	if err != nil {
		return nil, err
	}
	for k, d := range def.Documents {
		if _, ok := l.Documents[k]; !ok {
			l.Documents[k] = d
		}
	}
	if l.Font == "" {
		l.Font = def.Font
	}
	return l, nil
}

func decodeLayout(name string, b []byte) (*layoutFile, error) {
	var l layoutFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if l.Documents == nil {
		l.Documents = map[string]docLayout{}
	}
	for k, d := range l.Documents {
		for i, c := range d.Columns {
			if c.Key == "" {
				return nil, fmt.Errorf("%s: %s: column %d has no key", name, k, i+1)
			}
			if c.Width < 0 {
				return nil, fmt.Errorf("%s: %s: column %s has a negative width", name, k, c.Key)
			}
			switch c.Align {
			case "", "L", "C", "R":
			default:
				return nil, fmt.Errorf("%s: %s: column %s: align must be L, C or R", name, k, c.Key)
			}
		}
	}
	return &l, nil
}

// Doc returns the layout of a document kind with defaults filled in.
func (l *layoutFile) Doc(kind string) (docLayout, error) {
	d, ok := l.Documents[kind]
	if !ok {
		return d, fmt.Errorf("layout: no document %q", kind)
	}
	if d.TitleSize <= 0 {
		d.TitleSize = 16
	}
	if d.TextSize <= 0 {
		d.TextSize = 10
	}
	if d.TableSize <= 0 {
		d.TableSize = 9
	}
	if d.HeaderSize <= 0 {
		d.HeaderSize = d.TableSize
	}
	return d, nil
}

// CheckColumns reports a column key the renderer does not know.
func (d docLayout) CheckColumns(kind string, known ...string) error {
	for _, c := range d.Columns {
		found := false
		for _, k := range known {
			if c.Key == k {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("layout: %s: unknown column key %q (known: %s)", kind, c.Key, strings.Join(known, ", "))
		}
	}
	return nil
}

// Setup is the page setup of a document kind.
func (l *layoutFile) Setup(d docLayout) pageSetup {
	return pageSetup{
		Size:        l.Page.Size,
		Orientation: d.Orientation,
		Left:        l.Page.MarginLeft,
		Right:       l.Page.MarginRight,
		Top:         l.Page.MarginTop,
		Bottom:      l.Page.MarginBottom,
		FooterSize:  l.Page.FooterSize,
	}
}

// Table starts a table with the document kind's columns, sizes and fills.
func (d docLayout) Table() *pdfTable {
	t := &pdfTable{Size: d.TableSize, HeaderSize: d.HeaderSize, HeaderFill: d.HeaderFill, GroupFill: d.GroupFill}
	for _, c := range d.Columns {
		t.Columns = append(t.Columns, tableColumn{Label: c.Label, Width: c.Width, Align: c.Align, HideEmpty: c.HideEmpty, Fit: c.Fit || c.Key == "id"})
	}
	return t
}

// Label returns d.Labels[key], or def when the layout sets none.
func (d docLayout) Label(key, def string) string {
	if v, ok := d.Labels[key]; ok {
		return v
	}
	return def
}

// FontBytes returns the font the layout names, from dir or embedded.
func (l *layoutFile) FontBytes(dir string) ([]byte, error) {
	name := l.Font
	if name == "" {
		name = templates.FontFile
	}
	return templates.Open(dir, name)
}

// expand replaces {name} placeholders with vars[name]; unknown
// placeholders are left as written. Runs of blanks left by empty values are
// trimmed at the ends.
func expand(tmpl string, vars map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			break
		}
		b.WriteString(tmpl[:i])
		key := tmpl[i+1 : i+j]
		if v, ok := vars[key]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
	return strings.Trim(b.String(), " \u3000")
}
