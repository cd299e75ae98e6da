package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// This file rebuilds the cross-reference table of a PDF whose table is
// missing or points to the wrong offsets (files cut short at the end, or
// rewritten by tools that moved the objects), as other readers do: every
// "N G obj" in the file is indexed, the catalog is taken from the last
// trailer or found by its /Type, and a fresh table and trailer are
// appended. Objects inside object streams cannot be indexed this way, so
// such files are left alone.

const repairMaxObjects = 1 << 20

var (
	objRE     = regexp.MustCompile(`(?:^|[\r\n\t \f\x00])(\d{1,7})[\r\n\t \f\x00]+(\d{1,5})[\r\n\t \f\x00]+obj\b`)
	rootRE    = regexp.MustCompile(`/Root[\r\n\t \f\x00]*(\d{1,7})[\r\n\t \f\x00]+(\d{1,5})[\r\n\t \f\x00]+R`)
	catalogRE = regexp.MustCompile(`/Type[\r\n\t \f\x00]*/Catalog\b`)
)

// repair returns data with a rebuilt cross-reference table appended,
// or false when the file cannot be repaired that way.
func repair(data []byte) ([]byte, bool) {
	if bytes.Contains(data, []byte("/ObjStm")) || bytes.Contains(data, []byte("/Encrypt")) {
		return nil, false
	}
	type entry struct {
		off int
		gen int
	}
	objs := map[int]entry{}
	maxObj := 0
	var order []int // object numbers by offset
	var offs []int
	for _, m := range objRE.FindAllSubmatchIndex(data, -1) {
		num, err1 := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		if err1 != nil || err2 != nil || num <= 0 || num >= repairMaxObjects {
			continue
		}
		objs[num] = entry{m[2], gen} // a later definition wins
		maxObj = max(maxObj, num)
		order = append(order, num)
		offs = append(offs, m[2])
	}
	if len(objs) == 0 {
		return nil, false
	}
	root, rootGen := 0, 0
	if ms := rootRE.FindAllSubmatch(data, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		root, _ = strconv.Atoi(string(m[1]))
		rootGen, _ = strconv.Atoi(string(m[2]))
		if e, ok := objs[root]; !ok || e.gen != rootGen {
			root = 0
		}
	}
	if root == 0 {
		for i, num := range order {
			end := len(data)
			if i+1 < len(offs) {
				end = offs[i+1]
			}
			if objs[num].off == offs[i] && catalogRE.Match(data[offs[i]:end]) {
				root, rootGen = num, objs[num].gen
			}
		}
	}
	if root == 0 {
		return nil, false
	}
	var b bytes.Buffer
	b.Grow(len(data) + 20*(maxObj+1) + 128)
	b.Write(data)
	b.WriteString("\n")
	start := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", maxObj+1)
	for n := 1; n <= maxObj; n++ {
		if e, ok := objs[n]; ok {
			fmt.Fprintf(&b, "%010d %05d n \n", e.off, e.gen)
		} else {
			b.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d %d R >>\nstartxref\n%d\n%%%%EOF\n", maxObj+1, root, rootGen, start)
	return b.Bytes(), true
}
