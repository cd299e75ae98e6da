package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"strconv"
)

// This file opens PDFs encrypted by the standard security handler whose
// user password is empty (permission-only files: any viewer opens them
// without asking). The library's own decryption is not used: its
// per-object RC4 key is not cut to the key length plus 5 bytes (so 40-bit
// files decrypt to garbage), it keeps AES padding, it ignores
// /EncryptMetadata false and it has no AES-256; nor does it let us hook in.
// Instead we decrypt a copy of the file in place, every string and stream
// at the offset it was at, so that the cross-reference data stays valid,
// and hide the trailer's /Encrypt from the library.
//
// Key derivation follows ISO 32000-2 §7.6.4: algorithm 2 (revisions 2-4),
// 2.A and 2.B (revision 6; revision 5 is the same with a single SHA-256),
// with the user password checked by algorithms 4-5 and 11.

// errPDFPassword is returned for a PDF that needs a password to open.
var errPDFPassword = errors.New("encrypted with a password; duban cannot read it")

// crypt is the cipher of a crypt filter.
type crypt uint8

const (
	cryptNone crypt = iota
	cryptRC4
	cryptAESV2 // AES-128, key per object
	cryptAESV3 // AES-256, the file key
)

// security is the standard security handler of one file, opened with
// the empty user password.
type security struct {
	key             []byte
	stm, str        crypt // ciphers of streams and of strings
	encryptMetadata bool
}

// passwordPad pads a password to 32 bytes (algorithm 2, step a).
var passwordPad = []byte{
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
	0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
}

// decrypt returns data itself when it is not encrypted, a decrypted
// copy when its user password is empty, and an error otherwise.
func decrypt(data []byte) ([]byte, error) {
	if !bytes.Contains(data, []byte("/Encrypt")) {
		return data, nil
	}
	f := scanObjects(data)
	var trailer *raw
	for _, t := range f.trailers {
		if t.key("Encrypt") != nil {
			trailer = t
		}
	}
	if trailer == nil {
		return data, nil
	}
	enc := trailer.key("Encrypt")
	var encObj *rawObject
	if enc.kind == rawRef {
		encObj = f.object(enc.num, enc.gen)
		if encObj == nil {
			return nil, errors.New("encrypted PDF without its encryption dictionary")
		}
		enc = encObj.val
	}
	if enc.kind != rawDict {
		return nil, errors.New("encrypted PDF without its encryption dictionary")
	}
	var id []byte
	for _, t := range append([]*raw{trailer}, f.trailers...) {
		if ids := t.key("ID"); ids != nil && ids.kind == rawArray && len(ids.arr) > 0 {
			id = ids.arr[0].bytes()
			break
		}
	}
	sec, err := openSecurity(enc, id)
	if err != nil {
		return nil, err
	}
	out := bytes.Clone(data)
	for _, o := range f.objects {
		if o == encObj || o.val.key("Type").name() == "XRef" {
			continue // neither is encrypted
		}
		for _, s := range o.strings {
			putString(out[s.start:s.end], sec.decrypt(sec.str, o, s.str))
		}
		if o.hasStream {
			sec.decryptStream(out, f, o)
		}
	}
	for _, t := range f.trailers {
		hideEncrypt(out[t.start:t.end])
	}
	return out, nil
}

// openSecurity reads the encryption dictionary and derives the file key
// for the empty user password.
func openSecurity(enc *raw, id []byte) (*security, error) {
	if h := enc.key("Filter").name(); h != "Standard" {
		return nil, fmt.Errorf("encrypted with the %q security handler; duban cannot read it", h)
	}
	v, r := enc.key("V").int(0), enc.key("R").int(0)
	o, u := enc.key("O").bytes(), enc.key("U").bytes()
	sec := &security{encryptMetadata: true}
	if em := enc.key("EncryptMetadata"); em != nil && em.kind == rawKeyword && string(em.str) == "false" {
		sec.encryptMetadata = false
	}
	unsupported := func() error {
		return fmt.Errorf("encrypted with an unsupported method (V %d, R %d); duban cannot read it", v, r)
	}
	keyLen := 16
	switch v {
	case 1, 2:
		sec.stm, sec.str = cryptRC4, cryptRC4
		keyLen = 5
		if v == 2 {
			keyLen = int(enc.key("Length").int(40) / 8)
		}
	case 4, 5:
		var err error
		if sec.stm, err = cryptFilter(enc, "StmF"); err != nil {
			return nil, err
		}
		if sec.str, err = cryptFilter(enc, "StrF"); err != nil {
			return nil, err
		}
		if v == 4 && (sec.stm == cryptRC4 || sec.str == cryptRC4) {
			keyLen = int(enc.key("Length").int(128) / 8)
		}
	default:
		return nil, unsupported()
	}
	switch {
	case v < 5 && r >= 2 && r <= 4:
		if keyLen < 5 || keyLen > 16 || len(o) < 32 || len(u) < 32 {
			return nil, errors.New("encrypted PDF with a malformed encryption dictionary")
		}
		sec.key = keyR4(o[:32], uint32(enc.key("P").int(0)), id, int(r), keyLen, sec.encryptMetadata)
		if !bytes.Equal(userCheckR4(sec.key, id, int(r)), u[:userCheckLen(int(r))]) {
			return nil, errPDFPassword
		}
	case v == 5 && (r == 5 || r == 6):
		ue := enc.key("UE").bytes()
		if len(u) < 48 || len(ue) < 32 {
			return nil, errors.New("encrypted PDF with a malformed encryption dictionary")
		}
		hash := hashR6
		if r == 5 {
			hash = hashR5
		}
		if !bytes.Equal(hash(nil, u[32:40]), u[:32]) {
			return nil, errPDFPassword
		}
		block, err := aes.NewCipher(hash(nil, u[40:48]))
		if err != nil {
			return nil, err
		}
		sec.key = make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, aes.BlockSize)).CryptBlocks(sec.key, ue[:32])
	default:
		return nil, unsupported()
	}
	return sec, nil
}

// cryptFilter returns the cipher the crypt filter named by entry (StmF
// or StrF) uses.
func cryptFilter(enc *raw, entry string) (crypt, error) {
	name := enc.key(entry).name()
	if name == "" || name == "Identity" {
		return cryptNone, nil
	}
	switch m := enc.key("CF").key(name).key("CFM").name(); m {
	case "None":
		return cryptNone, nil
	case "V2":
		return cryptRC4, nil
	case "AESV2":
		return cryptAESV2, nil
	case "AESV3":
		return cryptAESV3, nil
	default:
		return 0, fmt.Errorf("encrypted with an unsupported crypt filter %q; duban cannot read it", m)
	}
}

// keyR4 is algorithm 2 for the empty password: the file key of
// revisions 2 to 4.
func keyR4(o []byte, p uint32, id []byte, r, n int, encryptMetadata bool) []byte {
	h := md5.New()
	h.Write(passwordPad)
	h.Write(o)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	if r >= 4 && !encryptMetadata {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			sum := md5.Sum(key[:n])
			key = sum[:]
		}
	}
	return key[:n]
}

// userCheckLen is how many bytes of /U the user password check compares.
func userCheckLen(r int) int {
	if r == 2 {
		return 32
	}
	return 16
}

// userCheckR4 is algorithms 4 and 5: what /U holds (its first bytes)
// when key is the right file key for the empty user password.
func userCheckR4(key, id []byte, r int) []byte {
	if r == 2 {
		out := make([]byte, 32)
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(out, passwordPad)
		return out
	}
	h := md5.New()
	h.Write(passwordPad)
	h.Write(id)
	out := h.Sum(nil)
	k := make([]byte, len(key))
	for i := range 20 {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(out, out)
	}
	return out
}

// hashR5 is the password hash of revision 5: one SHA-256.
func hashR5(pw, salt []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	return h.Sum(nil)
}

// hashR6 is algorithm 2.B for a user password (no owner key data).
func hashR6(pw, salt []byte) []byte {
	first := sha256.Sum256(append(append([]byte{}, pw...), salt...))
	k := first[:]
	var round []byte
	for i := 0; ; {
		// K1: the password and K, 64 times; E: K1 AES-128-CBC encrypted
		// with K's first half as key and its second as IV.
		round = round[:0]
		for range 64 {
			round = append(round, pw...)
			round = append(round, k...)
		}
		block, err := aes.NewCipher(k[:16])
		if err != nil {
			return nil
		}
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(round, round)
		// E's first 16 bytes as a number mod 3: 256 ≡ 1 (mod 3), so the
		// sum of the bytes mod 3.
		sum := 0
		for _, b := range round[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(round)
			k = s[:]
		case 1:
			s := sha512.Sum384(round)
			k = s[:]
		default:
			s := sha512.Sum512(round)
			k = s[:]
		}
		i++
		if i >= 64 && int(round[len(round)-1]) <= i-32 {
			break
		}
	}
	return k[:32]
}

// objectKey is algorithm 1: the key of one object's strings and streams.
func (s *security) objectKey(c crypt, o *rawObject) []byte {
	if c == cryptAESV3 {
		return s.key
	}
	h := md5.New()
	h.Write(s.key)
	h.Write([]byte{byte(o.num), byte(o.num >> 8), byte(o.num >> 16), byte(o.gen), byte(o.gen >> 8)})
	if c == cryptAESV2 {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(s.key)+5, 16)]
}

// decrypt returns the plain bytes of a string or stream of object o.
func (s *security) decrypt(c crypt, o *rawObject, data []byte) []byte {
	switch c {
	case cryptRC4:
		out := make([]byte, len(data))
		rc, _ := rc4.NewCipher(s.objectKey(c, o))
		rc.XORKeyStream(out, data)
		return out
	case cryptAESV2, cryptAESV3:
		// a 16-byte IV, then CBC blocks ending in PKCS#5 padding
		if len(data) < 2*aes.BlockSize {
			return nil
		}
		block, err := aes.NewCipher(s.objectKey(c, o))
		if err != nil {
			return nil
		}
		body := data[aes.BlockSize:]
		out := make([]byte, len(body)-len(body)%aes.BlockSize)
		cipher.NewCBCDecrypter(block, data[:aes.BlockSize]).CryptBlocks(out, body[:len(out)])
		if pad := int(out[len(out)-1]); pad >= 1 && pad <= aes.BlockSize {
			out = out[:len(out)-pad]
		}
		return out
	}
	return data
}

// decryptStream decrypts the stream data of o in out, in place: the plain
// bytes where the encrypted ones were, the rest blanked, and /Length
// rewritten (padded with spaces) when the new length fits where the old
// one was written.
func (s *security) decryptStream(out []byte, f *rawFile, o *rawObject) {
	c := s.stm
	if o.val.key("Type").name() == "Metadata" && !s.encryptMetadata {
		c = cryptNone
	}
	if filter := o.val.key("Filter"); filter.name() == "Crypt" || filter != nil && filter.kind == rawArray && len(filter.arr) > 0 && filter.arr[0].name() == "Crypt" {
		c = cryptNone // its own crypt filter, only ever Identity here
	}
	if c == cryptNone {
		return
	}
	area := out[o.dataStart:o.dataEnd]
	plain := s.decrypt(c, o, area)
	n := copy(area, plain)
	for i := n; i < len(area); i++ {
		area[i] = ' '
	}
	if n == len(area) {
		return
	}
	length := o.val.key("Length")
	if length != nil && length.kind == rawRef {
		lo := f.object(length.num, length.gen)
		if lo == nil || lo.val.kind != rawInt || lo.hasStream {
			return
		}
		length = lo.val
	}
	if length == nil || length.kind != rawInt {
		return
	}
	digits := strconv.Itoa(n)
	if len(digits) > length.end-length.start {
		return
	}
	w := out[length.start:length.end]
	copy(w, digits)
	for i := len(digits); i < len(w); i++ {
		w[i] = ' '
	}
}

// putString writes a string's plain bytes over dst, its encrypted form:
// as hex when that fits, else as a literal, else empty; the rest blanked.
func putString(dst, plain []byte) {
	if len(dst) < 2 {
		return
	}
	var enc []byte
	if 2*len(plain)+2 <= len(dst) {
		const hexDigits = "0123456789abcdef"
		enc = append(enc, '<')
		for _, b := range plain {
			enc = append(enc, hexDigits[b>>4], hexDigits[b&15])
		}
		enc = append(enc, '>')
	} else {
		enc = append(enc, '(')
		for _, b := range plain {
			switch b {
			case '(', ')', '\\':
				enc = append(enc, '\\', b)
			case '\r':
				enc = append(enc, '\\', 'r')
			default:
				enc = append(enc, b)
			}
		}
		enc = append(enc, ')')
		if len(enc) > len(dst) {
			enc = []byte("()")
		}
	}
	n := copy(dst, enc)
	for i := n; i < len(dst); i++ {
		dst[i] = ' '
	}
}

// hideEncrypt renames a trailer's /Encrypt key (same length, so offsets
// hold) once the file is decrypted.
func hideEncrypt(dict []byte) {
	for i := 0; ; {
		j := bytes.Index(dict[i:], []byte("/Encrypt"))
		if j < 0 {
			return
		}
		at := i + j
		i = at + len("/Encrypt")
		if i == len(dict) || isWhite(dict[i]) || isDelim(dict[i]) {
			copy(dict[at:], "/Decrypt")
		}
	}
}
