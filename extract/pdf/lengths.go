package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// This file recovers streams whose /Length disagrees with where their data
// ends. The library reads exactly /Length bytes: a content stream written
// with /Length 0 (by a tool that rewrote the dictionary) lost its page
// without a word. As pdftotext does, such a stream is read up to its
// "endstream": the length is rewritten in a copy of the file, in place when
// the true length fits where the old value stood, else with the objects'
// table rebuilt.

// fixLengths returns data with every stream's /Length made true, and a
// warning for each one that was not (nil when all were).
func fixLengths(data []byte) ([]byte, []string) {
	if !bytes.Contains(data, []byte("stream")) || bytes.Contains(data, []byte("/ObjStm")) {
		// Objects in object streams cannot be found by scanning, so a
		// length held there cannot be checked (nor a table rebuilt).
		return data, nil
	}
	f := scanObjects(data)
	type edit struct {
		start, end int // the /Length value's bytes
		length     int
	}
	var edits []edit
	ends := endstreams{from: -1}
	for _, o := range f.objects {
		if !o.hasStream {
			continue
		}
		lv := o.val.key("Length")
		declared := lv.int(-1)
		if lv != nil && lv.kind == rawRef {
			if lo := f.object(lv.num, lv.gen); lo != nil {
				declared = lo.val.int(-1)
			}
		}
		if lv == nil || lengthTrue(data, o.dataStart, declared) {
			continue
		}
		end, ok := streamEnd(data, o.dataStart, -1, &ends)
		if !ok {
			continue
		}
		edits = append(edits, edit{lv.start, lv.end, end - o.dataStart})
	}
	if len(edits) == 0 {
		return data, nil
	}
	out := make([]byte, 0, len(data)+16*len(edits))
	shifted := false
	at := 0
	for _, e := range edits {
		out = append(out, data[at:e.start]...)
		v := strconv.Itoa(e.length)
		if w := e.end - e.start; len(v) <= w {
			v += string(bytes.Repeat([]byte{' '}, w-len(v)))
		} else {
			shifted = true
		}
		out = append(out, v...)
		at = e.end
	}
	out = append(out, data[at:]...)
	if shifted {
		fixed, ok := repair(out)
		if !ok {
			return data, nil
		}
		out = fixed
	}
	warn := fmt.Sprintf("%d个数据流的长度（/Length）与实际不符，已读到 endstream 为止，请与原件核对", len(edits))
	return out, []string{warn}
}

// lengthTrue reports whether length bytes of stream data from s are
// followed by nothing but white space and "endstream" (decryption leaves
// blanks behind the shorter plain text).
func lengthTrue(data []byte, s int, length int64) bool {
	if length < 0 || length > int64(len(data)-s) {
		return false
	}
	k := s + int(length)
	for k < len(data) && isWhite(data[k]) {
		k++
	}
	return bytes.HasPrefix(data[k:], []byte("endstream"))
}
