package xls

import (
	"encoding/binary"
	"errors"
)

// Record types read (MS-XLS 2.3).
const (
	recFormula    = 0x0006
	recEOF        = 0x000a
	recDateMode   = 0x0022
	recFilePass   = 0x002f
	recContinue   = 0x003c
	recBoundSheet = 0x0085
	recMulRK      = 0x00bd
	recXF         = 0x00e0
	recMergeCells = 0x00e5
	recSST        = 0x00fc
	recLabelSST   = 0x00fd
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recNumber     = 0x0203
	recRK         = 0x027e
	recFormat     = 0x041e
	recBOF        = 0x0809
)

// record is one BIFF record: its type, its data and, for records that may
// run on (SST, STRING), the data of the CONTINUE records after it.
type record struct {
	typ   uint16
	data  []byte
	conts [][]byte
	next  int // stream offset of the record after it (and its CONTINUEs)
}

var errTruncated = errors.New("workbook stream cut short inside a record")

// readRecord reads the record at off.
func readRecord(s []byte, off int) (record, error) {
	if off < 0 || off+4 > len(s) {
		return record{}, errTruncated
	}
	typ := binary.LittleEndian.Uint16(s[off:])
	n := int(binary.LittleEndian.Uint16(s[off+2:]))
	if off+4+n > len(s) {
		return record{}, errTruncated
	}
	r := record{typ: typ, data: s[off+4 : off+4+n], next: off + 4 + n}
	for r.next+4 <= len(s) && binary.LittleEndian.Uint16(s[r.next:]) == recContinue {
		n := int(binary.LittleEndian.Uint16(s[r.next+2:]))
		if r.next+4+n > len(s) {
			return record{}, errTruncated
		}
		r.conts = append(r.conts, s[r.next+4:r.next+4+n])
		r.next += 4 + n
	}
	return r, nil
}

func u16(b []byte, i int) int {
	if i+2 > len(b) {
		return 0
	}
	return int(binary.LittleEndian.Uint16(b[i:]))
}

func u32(b []byte, i int) uint32 {
	if i+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[i:])
}
