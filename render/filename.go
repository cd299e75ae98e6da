package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes bounds a file name before its extension; with ".xlsx", a
// uniqueness suffix and the temporary-file decoration it stays well under
// the 255-byte limit of common file systems.
const maxNameBytes = 150

// SafeFileName makes a unit or slug name safe as a file name on Linux and
// Windows: characters Windows forbids (/ \ : * ? " < > |), control
// characters and format characters (bidirectional controls, zero-width
// characters, the byte order mark) become "_", ".." becomes "_.", a
// leading dot becomes "_", trailing dots and spaces are dropped, reserved
// device names (CON, NUL, COM1…) get a "_" appended, and the result is at
// most 150 bytes of valid UTF-8. It never returns "".
func SafeFileName(name string) string {
	name = strings.ToValidUTF8(name, "_")
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteByte('_')
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteByte('_')
		case r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r):
			// Format characters, among them the bidirectional controls
			// (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) that make
			// "‮gpj.exe.pdf" display as a harmless name, and zero-width
			// characters that make two names look alike.
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimSpace(b.String())
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", "_.")
	}
	if strings.HasPrefix(s, ".") {
		s = "_" + s[1:]
	}
	if len(s) > maxNameBytes {
		cut := maxNameBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.TrimRight(s, ". ")
	if s == "" {
		return "_"
	}
	if isReservedName(s) {
		s += "_"
	}
	return s
}

// isReservedName reports Windows device names, which are reserved with any
// extension and in any case.
func isReservedName(s string) bool {
	base := strings.ToUpper(s)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.TrimRight(base, " ")
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		c := base[3]
		return c >= '0' && c <= '9'
	}
	// COM¹ and friends are reserved too
	if strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT") {
		switch base[3:] {
		case "¹", "²", "³":
			return true
		}
	}
	return false
}

// uniqueNames maps each name to a distinct safe file name. Names are
// considered in the given order; a name whose safe form (compared without
// case, as Windows and macOS do) is taken gets "-2", "-3"….
func uniqueNames(names []string) map[string]string {
	out := make(map[string]string, len(names))
	taken := map[string]bool{}
	for _, n := range names {
		if _, ok := out[n]; ok {
			continue
		}
		base := SafeFileName(n)
		s := base
		for i := 2; taken[strings.ToLower(s)]; i++ {
			s = base + "-" + strconv.Itoa(i)
		}
		taken[strings.ToLower(s)] = true
		out[n] = s
	}
	return out
}
