package pdf

import "testing"

// What the record-level tests (records_test.go, package pdf_test) need of
// the reader's test helpers.
var (
	EncryptedFixtures = encryptedFixtures
	EncryptedOriginal = encryptedOriginal
)

// FullWidthSamplePDF is the PDF of fullWidthSample.
func FullWidthSamplePDF(t *testing.T) []byte {
	data, _ := writeFullWidthPDF(t, fullWidthSample)
	return data
}
