// Package calendar writes the deadlines of the tasks as iCalendar files:
// one per unit and one for all, every dated deadline an all-day event (and
// each unit's reporting date), so a unit can import its deadlines into
// Outlook, WPS or a phone.
package calendar

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/duban/duban"
	"github.com/duban/duban/returns"
)

// AllName is the file name (without .ics) of the calendar of every unit.
const AllName = "全部单位"

// Write writes dir/<unit>.ics and dir/全部单位.ics for the notices' tasks
// and returns their paths. stamp is the DTSTAMP of every event (the
// generation time), so unchanged records give identical files.
func Write(dir string, ns []returns.Notice, opt returns.Options, stamp time.Time) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// The calendar of all units holds every dated task of the run: its
	// events are written to its file as they are made (as the library
	// would write them), neither held as objects — 30,000 of those were 78
	// of the 191 MB live at the peak of a 2,000-notice run — nor as text
	// (that and its copy made to write it were 40 MB at the peak of the
	// calendar phase).
	p := filepath.Join(dir, AllName+".ics")
	all, err := createFile(p)
	if err != nil {
		return nil, err
	}
	defer all.abort()
	if _, err := all.WriteString(strings.TrimSuffix(newCal(AllName).Serialize(serialConfig), calendarEnd)); err != nil {
		return nil, all.fail(err)
	}
	var out []string
	used := map[string]bool{AllName: true}
	sheets := returns.Sheets(ns, opt)
	sort.Slice(sheets, func(i, j int) bool { return sheets[i].Unit < sheets[j].Unit })
	seenAll := map[string]bool{}
	for _, s := range sheets {
		c := newCal(s.Unit)
		for _, a := range s.Rows {
			d, ok := a.Task.Deadline.Time()
			if !ok {
				continue
			}
			slug := s.Slugs[a.Notice]
			e := deadlineEvent(slug, a, d, stamp)
			c.AddVEvent(e(s.Unit))
			if k := slug + "\x00" + a.Task.ID; !seenAll[k] {
				seenAll[k] = true
				if err := e("").SerializeTo(all, serialConfig); err != nil {
					return out, all.fail(err)
				}
			}
		}
		if !s.ReportBy.IsZero() {
			ev := ics.NewEvent(fmt.Sprintf("report-%s-%s@duban", s.ReportBy.Format("20060102"), uidPart(s.Unit)))
			ev.SetDtStampTime(stamp)
			ev.SetAllDayStartAt(s.ReportBy)
			ev.SetAllDayEndAt(s.ReportBy.AddDate(0, 0, 1))
			ev.SetSummary("【报送】" + s.Unit + "报送重点任务进展情况")
			ev.SetDescription("报送截止日期：" + s.ReportBy.Format(duban.DateLayout) + "。请填写任务进展情况填报表并报送。")
			c.AddVEvent(ev)
		}
		name := s.Unit
		if opt.SafeName != nil {
			name = opt.SafeName(name)
		}
		for k := 2; used[name]; k++ {
			name = fmt.Sprintf("%s-%d", strings.TrimSuffix(name, fmt.Sprintf("-%d", k-1)), k)
		}
		used[name] = true
		p := filepath.Join(dir, name+".ics")
		if err := writeCal(p, c); err != nil {
			return out, err
		}
		out = append(out, p)
	}
	if _, err := all.WriteString(calendarEnd); err != nil {
		return out, all.fail(err)
	}
	if err := all.commit(); err != nil {
		return out, err
	}
	return append(out, p), nil
}

// tmpFile is a file written through a temporary file beside it, renamed
// into place when whole.
type tmpFile struct {
	*bufio.Writer
	f    *os.File
	path string
	done bool
}

func createFile(path string) (*tmpFile, error) {
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &tmpFile{Writer: bufio.NewWriterSize(f, 64<<10), f: f, path: path}, nil
}

// fail is err about the file.
func (t *tmpFile) fail(err error) error { return fmt.Errorf("%s: %w", t.path, err) }

// commit writes the rest and puts the file in place.
func (t *tmpFile) commit() error {
	t.done = true
	err := t.Flush()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(t.f.Name(), t.path)
	}
	if err != nil {
		os.Remove(t.f.Name())
		return t.fail(err)
	}
	return nil
}

// abort removes the temporary file of a calendar not committed.
func (t *tmpFile) abort() {
	if !t.done {
		t.f.Close()
		os.Remove(t.f.Name())
	}
}

// serialConfig is the library's default way of writing a calendar (lines
// folded at 75 octets, CRLF), named so that events written one by one are
// written as the calendar would write them.
var serialConfig = &ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: string(ics.NewLine)}

// calendarEnd closes a calendar written with serialConfig.
var calendarEnd = "END:VCALENDAR" + string(ics.NewLine)

func newCal(name string) *ics.Calendar {
	c := ics.NewCalendarFor("duban")
	c.SetMethod(ics.MethodPublish)
	c.SetName(name + "重点任务截止日期")
	c.SetProductId("-//duban//duban//ZH")
	return c
}

// deadlineEvent builds the all-day event of a task's deadline; the unit
// ("" for the calendar of all) makes the UID distinct per calendar.
func deadlineEvent(slug string, a duban.Assignment, d, stamp time.Time) func(unit string) *ics.VEvent {
	return func(unit string) *ics.VEvent {
		t := a.Task
		uid := fmt.Sprintf("%s-%s-%s@duban", uidPart(slug), uidPart(t.ID), uidPart(unit))
		ev := ics.NewEvent(uid)
		ev.SetDtStampTime(stamp)
		ev.SetAllDayStartAt(d)
		ev.SetAllDayEndAt(d.AddDate(0, 0, 1))
		ev.SetSummary(fmt.Sprintf("【截止】%s %s", t.Number(), short(t.Text, 30)))
		var units []string
		for _, u := range t.Units {
			units = append(units, u.Name)
		}
		ev.SetDescription(fmt.Sprintf("%s %s\n%s\n责任单位：%s\n完成时限：%s", a.Notice.DocNumber, t.Number(), t.Text,
			strings.Join(units, "、"), t.Deadline.Raw))
		return ev
	}
}

func uidPart(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '@' || r < 0x20 {
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func short(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

func writeCal(path string, c *ics.Calendar) error {
	return writeFile(path, []byte(c.Serialize(serialConfig)))
}

// writeFile writes the parts to path through a temporary file.
func writeFile(path string, parts ...[]byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, bytes.Join(parts, nil), 0o644); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
