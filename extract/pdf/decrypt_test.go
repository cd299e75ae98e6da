package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"
)

// The encrypted fixtures in testdata/encrypted were made by qpdf 11 from
// the two PDF samples, with an empty user password and the owner password
// "ownerpw":
//
//	qinghe-rc4-40.pdf              --encrypt "" ownerpw 40 (V1 R2)
//	qinghe-rc4-128.pdf             128 --use-aes=n (V2 R3)
//	qinghe-aes-128.pdf             128 --use-aes=y (V4 R4 AESV2)
//	qinghe-aes-128-clearmeta.pdf   the same with --cleartext-metadata
//	qinghe-aes-128-objstm.pdf      the same with --object-streams=generate
//	qinghe-aes-128-qdf.pdf         the same with --qdf: uncompressed
//	                               streams, each /Length an object after it
//	qinghe-aes-256.pdf             256 (V5 R6 AESV3)
//	lianyungang-aes-256.pdf        256
//
// and two that need the user password "userpw": qinghe-userpw.pdf (256)
// and qinghe-userpw-40.pdf (40).

// encryptedOriginal names the unencrypted sample and gold of a fixture.
func encryptedOriginal(fixture string) (plain, gold string) {
	if strings.HasPrefix(filepath.Base(fixture), "lianyungang-") {
		return "../../testdata/lianyungang-2024-22.pdf", "../../testdata/lianyungang-2024-22.gold.json"
	}
	return "../../testdata/styles/qinghe-2025-12.pdf", "../../testdata/styles/qinghe-2025-12.gold.json"
}

func encryptedFixtures(t testing.TB) []string {
	fs, err := filepath.Glob("testdata/encrypted/*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		if !strings.Contains(f, "userpw") {
			out = append(out, f)
		}
	}
	if len(out) < 8 {
		t.Fatalf("%d encrypted fixtures, want 8", len(out))
	}
	return out
}

// TestPDFEncryptedStrings: strings outside content streams (the document
// information) decrypt to the original's, padding removed.
func TestPDFEncryptedStrings(t *testing.T) {
	info := func(data []byte) map[string]string {
		r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		if r.Trailer().Key("Encrypt").Kind() != lpdf.Null {
			t.Fatal("the decrypted copy still names an encryption dictionary")
		}
		out := map[string]string{}
		d := r.Trailer().Key("Info")
		for _, k := range d.Keys() {
			out[k] = d.Key(k).Text()
		}
		return out
	}
	for _, f := range encryptedFixtures(t) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		plainFile, _ := encryptedOriginal(f)
		orig, err := os.ReadFile(plainFile)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := decrypt(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got, want := info(dec), info(orig)
		if len(want) < 2 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: info\n got  %q\n want %q", f, got, want)
		}
	}
}

// TestPDFEncryptedPassword: a PDF that needs a user password is refused by
// name, with the reason.
func TestPDFEncryptedPassword(t *testing.T) {
	for _, f := range []string{"qinghe-userpw.pdf", "qinghe-userpw-40.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata/encrypted", f))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Reader{}.Read(f, data)
		if want := f + ": encrypted with a password; duban cannot read it"; err == nil || err.Error() != want {
			t.Errorf("err = %v, want %q", err, want)
		}
	}
}

// TestPDFEncryptedCut: an encrypted file cut short anywhere gives a
// document or an error naming the file, never a panic.
func TestPDFEncryptedCut(t *testing.T) {
	for _, f := range []string{"qinghe-rc4-40.pdf", "qinghe-aes-128-qdf.pdf", "qinghe-aes-256.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata/encrypted", f))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{100, 700, len(data) / 3, len(data) / 2, len(data) - 300, len(data) - 20} {
			if _, err := (Reader{}).Read("cut.pdf", data[:n]); err != nil && !strings.HasPrefix(err.Error(), "cut.pdf: ") {
				t.Errorf("%s cut at %d: %v", f, n, err)
			}
		}
	}
}

// TestPDFPutString: a decrypted string goes where the encrypted one was,
// as hex when it fits, else as an escaped literal, and reads back.
func TestPDFPutString(t *testing.T) {
	cases := []struct {
		width int
		plain string
		want  string
	}{
		{10, "ab", "<6162>    "},
		{6, "a(b", `(a\(b)`},
		{7, "x\r\\", `(x\r\\)`},
		{4, "a(b", "()  "},
		{2, "", "<>"},
	}
	for _, c := range cases {
		dst := bytes.Repeat([]byte{'#'}, c.width)
		putString(dst, []byte(c.plain))
		if string(dst) != c.want {
			t.Errorf("%q in %d: %q, want %q", c.plain, c.width, dst, c.want)
		}
		p := &rawParser{lexer: lexer{data: dst}}
		if v, ok := p.value(0); !ok || v.kind != rawString || (c.want[1] != ')' && string(v.str) != c.plain) {
			t.Errorf("%q reads back as %+v", dst, v)
		}
	}
}

// TestPDFRawLiteral: literal strings with escapes, nesting and line ends.
func TestPDFRawLiteral(t *testing.T) {
	cases := map[string]string{
		`(a(b)c)`:       "a(b)c",
		`(\101\12z\\)`:  "A\nz\\",
		"(x\\\r\ny)":    "xy",
		"(l\r\nm)":      "l\nm",
		`(\(\)\t)`:      "()\t",
		`<41 4 >`:       "A@",
		"(unterminated": "unterminated",
	}
	for in, want := range cases {
		p := &rawParser{lexer: lexer{data: []byte(in)}}
		v, ok := p.value(0)
		if !ok || string(v.bytes()) != want || v.end != len(in) {
			t.Errorf("%q: %+v, want %q", in, v, want)
		}
	}
}

// BenchmarkPDFEncrypted compares reading an encrypted PDF with reading its
// unencrypted original, and times the decryption alone.
func BenchmarkPDFEncrypted(b *testing.B) {
	for _, f := range []string{
		"../../testdata/styles/qinghe-2025-12.pdf",
		"testdata/encrypted/qinghe-rc4-40.pdf",
		"testdata/encrypted/qinghe-aes-128.pdf",
		"testdata/encrypted/qinghe-aes-256.pdf",
		"../../testdata/lianyungang-2024-22.pdf",
		"testdata/encrypted/lianyungang-aes-256.pdf",
	} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := (Reader{}).Read("b.pdf", data); err != nil {
					b.Fatal(err)
				}
			}
		})
		if strings.Contains(f, "encrypted") {
			b.Run(filepath.Base(f)+"/decrypt-only", func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := decrypt(data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestPDFEncryptedNoEndstream: many streams with no usable length and no
// "endstream" are scanned in one pass, not one pass each.
func TestPDFEncryptedNoEndstream(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	for i := 1; i <= 100_000; i++ {
		fmt.Fprintf(&b, "%d 0 obj <</Length 99999999>> stream\nxx\n", i)
	}
	b.WriteString("trailer << /Encrypt 1 0 R >>\n%%EOF\n")
	done := make(chan error, 1)
	go func() {
		_, err := decrypt(b.Bytes())
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("no error for a file without an encryption dictionary")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("scanning took more than 20s")
	}
}
