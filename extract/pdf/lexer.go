package pdf

// lexer reads what PDF objects (decryption, repair) and CMap programs
// (ToUnicode) write alike: white space and comments, runs of regular
// characters, (literal) and <hex> strings.
type lexer struct {
	data []byte
	pos  int
}

// skipSpace skips white space and comments.
func (p *lexer) skipSpace() {
	p.pos = skipWhite(p.data, p.pos)
}

// word reads a run of regular characters (a number, keyword or name body).
func (p *lexer) word() []byte {
	s := p.pos
	for p.pos < len(p.data) && !isWhite(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
		p.pos++
	}
	return p.data[s:p.pos]
}

// appendLiteral appends to out the (string) at pos, escapes resolved; an
// end of line in it reads as \n.
func (p *lexer) appendLiteral(out []byte) []byte {
	p.pos++ // (
	depth := 1
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		p.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\r': // an end of line is read as \n
			if p.pos < len(p.data) && p.data[p.pos] == '\n' {
				p.pos++
			}
			c = '\n'
		case '\\':
			if p.pos >= len(p.data) {
				return out
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r': // a line continuation
				if p.pos < len(p.data) && p.data[p.pos] == '\n' {
					p.pos++
				}
				continue
			case '\n':
				continue
			default:
				if '0' <= e && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && p.pos < len(p.data) && '0' <= p.data[p.pos] && p.data[p.pos] <= '7'; k++ {
						n = n*8 + int(p.data[p.pos]-'0')
						p.pos++
					}
					c = byte(n)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// appendHex appends to out the bytes of the <hex string> at pos; a
// missing last digit is 0.
func (p *lexer) appendHex(out []byte) []byte {
	p.pos++ // <
	var hi byte
	half := false
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		p.pos++
		if c == '>' {
			break
		}
		d, ok := hexDigit(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|d)
		} else {
			hi = d
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// isWhite reports whether c is PDF white space.
func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// skipWhite returns the index of the first byte at or after i that is
// neither white space nor inside a comment (% to the end of the line).
func skipWhite(b []byte, i int) int {
	for i < len(b) {
		switch c := b[i]; {
		case isWhite(c):
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// isDelim reports whether c is a PDF delimiter.
func isDelim(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// hexDigit gives the value of a hexadecimal digit.
func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
