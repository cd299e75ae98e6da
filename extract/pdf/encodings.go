package pdf

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// This file holds the byte encodings of simple fonts without a ToUnicode
// map: the named base encodings and glyph names from /Differences. Office
// suites always write ToUnicode maps, so this is the fallback path.

// baseEncoding returns the 256-entry table of a named simple-font
// encoding. Standard and PDFDoc encodings are close enough to Latin-1 for
// text extraction; quotes are fixed below.
func baseEncoding(name string) *[256]rune {
	var t [256]rune
	switch name {
	case "MacRomanEncoding":
		for i := 0; i < 256; i++ {
			t[i] = charmap.Macintosh.DecodeByte(byte(i))
		}
	case "WinAnsiEncoding":
		for i := 0; i < 256; i++ {
			t[i] = charmap.Windows1252.DecodeByte(byte(i))
		}
	default: // StandardEncoding, PDFDocEncoding, none
		for i := 0; i < 256; i++ {
			t[i] = rune(i)
		}
		if name == "StandardEncoding" || name == "" {
			t['\''] = '’'
			t['`'] = '‘'
		}
	}
	return &t
}

// glyphNames maps the common Adobe glyph names that are not a single
// character or uniXXXX form.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$",
	"percent": "%", "ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘",
	"parenleft": "(", "parenright": ")", "asterisk": "*", "plus": "+", "comma": ",",
	"hyphen": "-", "minus": "−", "period": ".", "slash": "/", "zero": "0", "one": "1",
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<", "equal": "=",
	"greater": ">", "question": "?", "at": "@", "bracketleft": "[", "backslash": "\\",
	"bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`",
	"braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~",
	"quotedblleft": "“", "quotedblright": "”", "endash": "–", "emdash": "—",
	"bullet": "•", "ellipsis": "…", "periodcentered": "·", "degree": "°",
	"fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl", "nbspace": " ",
	"copyright": "©", "registered": "®", "trademark": "™", "section": "§",
	"multiply": "×", "divide": "÷", "plusminus": "±", "dagger": "†", "daggerdbl": "‡",
}

// glyphNameText returns the text of an Adobe glyph name, or "".
func glyphNameText(n string) string {
	if s, ok := glyphNames[n]; ok {
		return s
	}
	if i := strings.IndexByte(n, '.'); i > 0 { // "a.sc", "one.oldstyle"
		n = n[:i]
		if s, ok := glyphNames[n]; ok {
			return s
		}
	}
	if len(n) == 1 {
		return n
	}
	if strings.HasPrefix(n, "uni") && len(n) >= 7 && (len(n)-3)%4 == 0 {
		b := make([]byte, 0, (len(n)-3)/2)
		for i := 3; i+4 <= len(n); i += 4 {
			v, err := strconv.ParseUint(n[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			b = append(b, byte(v>>8), byte(v))
		}
		return string(decodeUTF16BE(string(b)))
	}
	if strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7 {
		if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil && v <= 0x10FFFF {
			return string(rune(v))
		}
	}
	return ""
}
