package enrich

// What the tests that read notices through the parser (package
// enrich_test) need of this package's test helpers.
var (
	EnrSegmenter    = enrSegmenter
	EnrContains     = enrContains
	EnrUnits        = enrUnits
	NoticeUnitNames = noticeUnitNames
)
