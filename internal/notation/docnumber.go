package notation

import "regexp"

// A 文号 (document number) such as 连政办发〔2024〕22号: the issuer's
// prefix, the year in brackets (〔〕, or the brackets typists put in its
// place), the number and 号.
const (
	docYearOpen  = `[〔\[［【(（]`
	docYearClose = `[〕\]］】)）]`
)

var (
	// DocNumberRe finds a 文号 in a line of a notice's header; group 1 is
	// its year.
	DocNumberRe = regexp.MustCompile(`[\p{Han}]{1,16}` + docYearOpen + `\s*((?:19|20)\d{2})\s*` + docYearClose + `\s*\d{1,4}\s*号`)

	docNumberParts = regexp.MustCompile(`^(.*?)` + docYearOpen + `\s*(\d{4})\s*` + docYearClose + `\s*第?\s*(\d+)\s*号?$`)
)

// SplitDocNumber splits a whole 文号 into its prefix, year and number,
// whatever its brackets (连政办发〔2024〕22号, 连政办发[2024]第22号); ok is
// false when s is not one.
func SplitDocNumber(s string) (prefix, year, number string, ok bool) {
	m := docNumberParts.FindStringSubmatch(s)
	if m == nil {
		return "", "", "", false
	}
	return m[1], m[2], m[3], true
}
