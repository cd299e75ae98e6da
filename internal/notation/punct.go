package notation

import "strings"

// Punctuation classes the structure parser asks about again and again.
// They are switches rather than strings.ContainsRune over a set, which
// for a Chinese character searches the set as a string.

// IsClauseSep reports whether r separates the parts of a clause or two
// sentences: ，,；;。
func IsClauseSep(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '。':
		return true
	}
	return false
}

// IsSentenceEnd reports whether r ends a sentence or a clause that stands
// on its own: 。；;
func IsSentenceEnd(r rune) bool {
	switch r {
	case '。', '；', ';':
		return true
	}
	return false
}

// ClosesParagraph reports whether a paragraph ending in r is complete:
// sentence ends, colons, exclamation and question marks, closing brackets
// and quotes, an ellipsis.
func ClosesParagraph(r rune) bool {
	switch r {
	case '。', '；', ';', '：', ':', '！', '!', '？', '?', '）', ')', '〕', ']', '】', '」', '”', '》', '…':
		return true
	}
	return false
}

// ContainsAnyRune reports whether s holds any character of set. Each
// character is looked for with strings.ContainsRune, which scans long
// texts far faster than decoding s character by character as
// strings.ContainsAny does when set is not ASCII.
func ContainsAnyRune(s, set string) bool {
	for _, r := range set {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}
