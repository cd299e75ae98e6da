package pdf

import "testing"

// What the record-level tests (records_test.go, package pdf_test) need of
// the reader's test helpers.
var (
	EncryptedFixtures = pdfEncryptedFixtures
	EncryptedOriginal = pdfEncryptedOriginal
)

// FullWidthSamplePDF is the PDF of fullWidthSample.
func FullWidthSamplePDF(t *testing.T) []byte {
	data, _ := writeFullWidthPDF(t, fullWidthSample)
	return data
}
