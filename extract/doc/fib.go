package doc

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// fib holds what the reader uses of the File Information Block at the
// start of the WordDocument stream.
type fib struct {
	whichTable bool   // the table stream is 1Table (else 0Table)
	ccpText    uint32 // characters of the main document text
	fcClx      uint32 // piece table (CLX) in the table stream
	lcbClx     uint32
	fcPapx     uint32 // PlcBtePapx: paragraph property pages
	lcbPapx    uint32
	fcPlfLst   uint32 // PlfLst: list definitions (their LVLs follow it)
	lcbPlfLst  uint32
	fcPlfLfo   uint32 // PlfLfo: list instances
	lcbPlfLfo  uint32
}

// Word's FIB identifiers and versions.
const (
	wIdentWord  = 0xA5EC // Word 97 and later (also Word 6/95 with nFib < 0xC1)
	wIdentWord6 = 0xA5DC // Word 6/95
	nFibWord97  = 0xC1
)

// Offsets inside the FIB: the FibBase is 32 bytes, then counted arrays.
const (
	fibBaseSize    = 32
	fibFlagComplex = 0x0004
	fibFlagEncrypt = 0x0100
	fibFlagTable1  = 0x0200
	rgLwCcpText    = 3  // index of ccpText in fibRgLw
	rgFcLcbPapx    = 13 // index of fcPlcfBtePapx in fibRgFcLcb
	rgFcLcbClx     = 33 // index of fcClx in fibRgFcLcb
	rgFcLcbPlfLst  = 73 // index of fcPlfLst in fibRgFcLcb
	rgFcLcbPlfLfo  = 74 // index of fcPlfLfo in fibRgFcLcb
)

func parseFIB(w []byte) (*fib, error) {
	if len(w) < fibBaseSize+2 {
		return nil, errors.New("WordDocument stream too short for a file information block")
	}
	le := binary.LittleEndian
	ident, nFib, flags := le.Uint16(w), le.Uint16(w[2:]), le.Uint16(w[10:])
	switch {
	case ident == wIdentWord6 || (ident == wIdentWord && nFib < nFibWord97 && nFib != 0):
		return nil, fmt.Errorf("a Word 6/95 document; %w", errOldFormat)
	case ident != wIdentWord:
		return nil, fmt.Errorf("not a Word 97–2003 document (identifier %#04x); %w", ident, errOldFormat)
	}
	if flags&fibFlagEncrypt != 0 {
		return nil, errors.New("encrypted with a password; duban cannot read it")
	}
	f := &fib{whichTable: flags&fibFlagTable1 != 0}
	p := fibBaseSize
	csw := int(le.Uint16(w[p:]))
	p += 2 + 2*csw
	if p+2 > len(w) {
		return nil, errors.New("file information block cut short")
	}
	cslw := int(le.Uint16(w[p:]))
	p += 2
	if cslw <= rgLwCcpText || p+4*cslw > len(w) {
		return nil, errors.New("file information block cut short")
	}
	f.ccpText = le.Uint32(w[p+4*rgLwCcpText:])
	p += 4 * cslw
	if p+2 > len(w) {
		return nil, errors.New("file information block cut short")
	}
	cb := int(le.Uint16(w[p:]))
	p += 2
	if cb <= rgFcLcbClx || p+8*cb > len(w) {
		return nil, errors.New("file information block cut short")
	}
	pair := func(i int) (uint32, uint32) { return le.Uint32(w[p+8*i:]), le.Uint32(w[p+8*i+4:]) }
	f.fcClx, f.lcbClx = pair(rgFcLcbClx)
	f.fcPapx, f.lcbPapx = pair(rgFcLcbPapx)
	if cb > rgFcLcbPlfLfo {
		f.fcPlfLst, f.lcbPlfLst = pair(rgFcLcbPlfLst)
		f.fcPlfLfo, f.lcbPlfLfo = pair(rgFcLcbPlfLfo)
	}
	return f, nil
}
