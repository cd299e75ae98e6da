package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeFileName(t *testing.T) {
	cases := map[string]string{
		"市发改委":                  "市发改委",
		"海州区（连云港高新区）":           "海州区（连云港高新区）",
		"a/b\\c:d*e?f\"g<h>i|j": "a_b_c_d_e_f_g_h_i_j",
		"..":                    "_",
		"../etc/passwd":         "_._etc_passwd",
		"x..y":                  "x_.y",
		".hidden":               "_hidden",
		"trail. . ":             "trail",
		"CON":                   "CON_",
		"con.txt":               "con.txt_",
		"LPT1":                  "LPT1_",
		"COM9.pdf":              "COM9.pdf_",
		"COMA":                  "COMA",
		"":                      "_",
		"  ":                    "_",
		"tab\there\n":           "tab_here_",
		"bad\xffutf8":           "bad_utf8",
	}
	for in, want := range cases {
		if got := SafeFileName(in); got != want {
			t.Errorf("SafeFileName(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("很长的单位名称", 40)
	got := SafeFileName(long)
	if len(got) > maxNameBytes || !utf8.ValidString(got) || !strings.HasPrefix(long, got) {
		t.Errorf("long name: %d bytes %q", len(got), got)
	}
}

func FuzzSafeFileName(f *testing.F) {
	for _, s := range []string{"市发改委", "../x", "CON", "a\x00b", "各县(市、区)住建局", "x. "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SafeFileName(s)
		if got == "" || len(got) > maxNameBytes+1 || !utf8.ValidString(got) {
			t.Fatalf("SafeFileName(%q) = %q", s, got)
		}
		if strings.ContainsAny(got, "/\\:*?\"<>|") || strings.Contains(got, "..") || got == "." {
			t.Fatalf("SafeFileName(%q) = %q: unsafe", s, got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("SafeFileName(%q) = %q: control character", s, got)
			}
		}
		if strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") || strings.HasPrefix(got, ".") {
			t.Fatalf("SafeFileName(%q) = %q: bad ends", s, got)
		}
		if isReservedName(got) {
			t.Fatalf("SafeFileName(%q) = %q: reserved", s, got)
		}
	})
}

func TestUniqueNames(t *testing.T) {
	names := []string{"a/b", "a:b", "A_B", "a_b-2", "市局", "市局"}
	got := uniqueNames(names)
	seen := map[string]string{}
	for _, n := range names {
		f := strings.ToLower(got[n])
		if prev, ok := seen[f]; ok && prev != n {
			t.Errorf("%q and %q share file name %q", prev, n, got[n])
		}
		seen[f] = n
	}
	if got["a/b"] != "a_b" || got["a:b"] != "a_b-2" || got["A_B"] != "A_B-3" || got["a_b-2"] != "a_b-2-2" {
		t.Errorf("names %v", got)
	}
}

// Bidirectional controls and other format characters never reach a file
// name (issue 17 item 10): "‮gpj.exe.pdf" displayed as "…exe.pdf".
func TestSafeFileNameBidi(t *testing.T) {
	for _, r := range []rune{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200D, 0x2060, 0xFEFF} {
		in := "市" + string(r) + "gpj.exe"
		got := SafeFileName(in)
		if got != "市_gpj.exe" {
			t.Errorf("SafeFileName(%U in %q) = %q", r, in, got)
		}
	}
}
