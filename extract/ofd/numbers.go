package ofd

import (
	"math"
	"strconv"
	"strings"
)

// floats reads a space-separated list of numbers; a word that is not a
// finite number ends it.
func floats(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			break
		}
		out = append(out, v)
	}
	return out
}

// deltas reads a DeltaX or DeltaY list with its "g N d" shorthand (N
// times d), giving at most max values.
func deltas(s string, max int) []float64 {
	var out []float64
	fs := strings.Fields(s)
	for i := 0; i < len(fs) && len(out) < max; i++ {
		if fs[i] == "g" && i+2 < len(fs) {
			n, err1 := strconv.Atoi(fs[i+1])
			d, err2 := strconv.ParseFloat(fs[i+2], 64)
			if err1 != nil || err2 != nil || n < 0 || math.IsNaN(d) || math.IsInf(d, 0) {
				return out
			}
			for k := 0; k < n && len(out) < max; k++ {
				out = append(out, d)
			}
			i += 2
			continue
		}
		v, err := strconv.ParseFloat(fs[i], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return out
		}
		out = append(out, v)
	}
	return out
}

// matrix is an OFD CTM "a b c d e f": (x, y) → (a x + c y + e, b x + d y + f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func parseCTM(s string) matrix {
	v := floats(s)
	if len(v) != 6 {
		return identity
	}
	return matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// vector applies the matrix without its translation.
func (m matrix) vector(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y, m[1]*x + m[3]*y
}

// scale is how much the matrix enlarges areas, as a length factor.
func (m matrix) scale() float64 {
	return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2]))
}

// box reads a "x y w h" box.
func box(s string) ([4]float64, bool) {
	v := floats(s)
	if len(v) != 4 {
		return [4]float64{}, false
	}
	return [4]float64{v[0], v[1], v[2], v[3]}, true
}

func splitFields(s string) []string { return strings.Fields(s) }

func joinFields(f []string) string { return strings.Join(f, " ") }
