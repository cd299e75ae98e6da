package duban

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Notice is one government notice with every task extracted from it.
type Notice struct {
	DocNumber string     `json:"doc_number"`
	Issuer    string     `json:"issuer"`
	IssueDate NullString `json:"issue_date"` // YYYY-MM-DD, null when the notice states none
	Title     string     `json:"title"`
	PlanTitle NullString `json:"plan_title"`
	Year      int        `json:"year"`
	// CC lists the 抄送 recipients; Publicity is the 公开属性 line ("此件公开发布").
	CC        []string  `json:"cc,omitempty"`
	Publicity string    `json:"publicity,omitempty"`
	Source    Source    `json:"source"`
	Tasks     []Task    `json:"tasks"`
	Warnings  []Warning `json:"warnings,omitempty"`
	// Attachments are the files the notice links to (a web page's 附件),
	// listed for the clerk; duban does not fetch them.
	Attachments []Attachment `json:"attachments,omitempty"`
}

// Attachment is a file a notice links to: the name it shows and the
// address as the page writes it.
type Attachment struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Source says which file a notice was read from.
type Source struct {
	Path   string `json:"path"`
	Format string `json:"format"` // txt, pdf, docx, doc, ofd, html, xlsx, xls, jpg, …
	SHA256 string `json:"sha256,omitempty"`
	Pages  int    `json:"pages,omitempty"`
	OCR    bool   `json:"ocr,omitempty"` // the text was recognised from a scan
}

// Task is one numbered task of a notice.
type Task struct {
	// ID joins Path with "."; the second and later tasks sharing a path get
	// "#2", "#3"….
	ID         string     `json:"id"`
	Path       []string   `json:"path"`
	Section    NullString `json:"section"`
	Subsection NullString `json:"subsection"`
	Text       string     `json:"text"`
	Units      []Unit     `json:"units"`
	UnitsOpen  bool       `json:"units_open"`
	Deadline   *Deadline  `json:"deadline"`
	Source     Location   `json:"source"`
	// Leader names the people a notice makes answerable for the task
	// (责任领导/分管领导 column): people, never units.
	Leader    string   `json:"leader,omitempty"`
	Keywords  []string `json:"keywords,omitempty"`
	Mentioned []string `json:"mentioned,omitempty"`
	// Progress is the latest report of each unit on this task (from the
	// store; extraction never sets it).
	Progress []Progress `json:"progress,omitempty"`
}

// Location is where a task starts in its notice file: the 1-based line of
// the reader's text and, for paged formats, the 1-based page.
type Location struct {
	Line int `json:"line"`
	Page int `json:"page,omitempty"`
}

// Role is a unit's part in a task.
type Role string

// The roles a unit can have.
const (
	RoleLead        Role = "lead"        // 牵头
	RoleCo          Role = "co"          // 配合/参与/会同
	RoleResponsible Role = "responsible" // 责任单位, no lead/co distinction
)

// Label is the Chinese word clerks use for the role.
func (r Role) Label() string {
	switch r {
	case RoleLead:
		return "牵头"
	case RoleCo:
		return "配合"
	default:
		return "责任"
	}
}

// Unit is one responsible unit of a task, named as the notice writes it.
type Unit struct {
	Name      string `json:"name"`
	Role      Role   `json:"role"`
	Canonical string `json:"canonical,omitempty"`
	Inferred  bool   `json:"inferred,omitempty"`
}

// DeadlineKind classifies how a deadline was written.
type DeadlineKind string

// The deadline kinds. Date is the day the deadline falls on: the day
// written (date), the month's last day (month_end; 12月底前 too), the 10th,
// 20th or last day of the month for 上旬/中旬/下旬 (month_part), the
// quarter's last day (quarter_end: 三季度末, 二季度), June 30 (half_year_end:
// 上半年, 年中), December 31 (year_end: 年底前, 年内, 全年), or the issue
// date plus the period (relative: 印发之日起30日内). Recurring (每季度,
// 每月) and ongoing (长期坚持) deadlines have no date. The year is the
// plan's (its title's year, else the issue date's); a date before the
// issue date is kept, and warned about, not moved to another year. With
// two stages ("上半年启动，年底前完成") the completion counts; a task with
// no deadline at all has a nil Deadline.
const (
	KindDate        DeadlineKind = "date"          // 6月30日前
	KindMonthEnd    DeadlineKind = "month_end"     // 5月底前
	KindMonthPart   DeadlineKind = "month_part"    // 7月中旬
	KindQuarterEnd  DeadlineKind = "quarter_end"   // 三季度末
	KindHalfYearEnd DeadlineKind = "half_year_end" // 上半年
	KindYearEnd     DeadlineKind = "year_end"      // 年底前
	KindRelative    DeadlineKind = "relative"      // 印发之日起30日内
	KindRecurring   DeadlineKind = "recurring"     // 每季度 (no date)
	KindOngoing     DeadlineKind = "ongoing"       // 长期坚持 (no date)
	KindUnknown     DeadlineKind = "unknown"       // not understood; Raw is kept
)

// Deadline is a task's completion time, as written and normalised.
type Deadline struct {
	Raw     string       `json:"raw"`
	Date    NullString   `json:"date"` // YYYY-MM-DD
	Kind    DeadlineKind `json:"kind"`
	Quarter NullString   `json:"quarter"` // YYYYQn of Date (see SetDate)
}

// DateLayout is the layout of every date in the records.
const DateLayout = "2006-01-02"

// Time returns the deadline's date and whether it has one.
func (d *Deadline) Time() (time.Time, bool) {
	if d == nil || d.Date == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(DateLayout, string(d.Date))
	return t, err == nil
}

// SetDate sets the deadline's date (YYYY-MM-DD; "" for none) and, with
// it, the quarter the date falls in.
func (d *Deadline) SetDate(date string) {
	d.Date, d.Quarter = NullString(date), ""
	if t, ok := d.Time(); ok {
		d.Quarter = NullString(QuarterOf(t))
	}
}

// DueQuarter is the quarter ("2024Q3") a deadline falls in: that of its
// date, else its Quarter when that names one; "" when it has neither.
func (d *Deadline) DueQuarter() string {
	if d == nil {
		return ""
	}
	if t, ok := d.Time(); ok {
		return QuarterOf(t)
	}
	if y, q, err := ParseQuarter(string(d.Quarter)); err == nil {
		return QuarterName(y, q)
	}
	return ""
}

// QuarterOf gives the YYYYQn of a date.
func QuarterOf(t time.Time) string {
	return t.Format("2006") + "Q" + string(rune('1'+(int(t.Month())-1)/3))
}

// QuarterName writes a year and quarter number as "2024Q3".
func QuarterName(year, q int) string { return strconv.Itoa(year) + "Q" + strconv.Itoa(q) }

// ParseQuarter reads "2024Q3" (also "2024q3", surrounding blanks allowed)
// into its year and quarter number.
func ParseQuarter(s string) (year, q int, err error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	i := strings.IndexByte(s, 'Q')
	if i != 4 || len(s) != 6 {
		return 0, 0, fmt.Errorf("quarter %q: want YYYYQn, e.g. 2024Q3", s)
	}
	year, err = strconv.Atoi(s[:4])
	if err != nil || year < 1000 {
		return 0, 0, fmt.Errorf("quarter %q: bad year", s)
	}
	q = int(s[5] - '0')
	if q < 1 || q > 4 {
		return 0, 0, fmt.Errorf("quarter %q: quarter must be 1 to 4", s)
	}
	return year, q, nil
}

// QuartersOfYear returns "YYYYQ1".."YYYYQ4".
func QuartersOfYear(year int) []string {
	y := strconv.Itoa(year)
	return []string{y + "Q1", y + "Q2", y + "Q3", y + "Q4"}
}

// Warning is something a person should look at in the records.
type Warning struct {
	Task    string `json:"task,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Warning codes.
const (
	WarnDeadlineBeforeIssue = "deadline_before_issue"
	WarnNoUnit              = "no_unit"
	WarnNoDeadline          = "no_deadline"
	WarnDeadlineUnknown     = "deadline_not_understood"
	WarnUnknownUnit         = "unknown_unit"
	// WarnDamagedSource: the notice file is damaged where the reader read
	// past it (a font's character map or a stream that did not decode, a
	// stream length recovered); the text there may differ from the
	// original.
	WarnDamagedSource = "damaged_source"
	WarnOCR           = "ocr" // the notice was a scan: its text needs a look
	// WarnManyUnits: the notice names more distinct units than
	// limits.UnitsPerNotice; those past it get no documents of their own
	// (UnitAssignments).
	WarnManyUnits = "many_units"
)

// NullString is a string that is null in JSON when empty.
type NullString string

// MarshalJSON writes null for the empty string.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON reads null as the empty string.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// String returns the plain string.
func (s NullString) String() string { return string(s) }
