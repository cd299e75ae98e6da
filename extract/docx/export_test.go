package docx

// The DOCX builders of the tests, for the tests that read records through
// the parser (records_test.go, package docx_test).
var (
	MakeDOCX    = makeDOCX
	P           = p
	NumPr       = numPr
	TC          = tc
	TR          = tr
	LevelXML    = levelXML
	AbstractXML = abstractXML
	NumXML      = numXML
	OverrideXML = overrideXML
	StyleXML    = styleXML
	NumIDXML    = numIDXML
	PStyleXML   = pStyleXML
	CheckTexts  = checkTexts
	ReadDOCX    = readDOCX
	BlockTexts  = blockTexts
)

const TestNumbering = testNumbering
