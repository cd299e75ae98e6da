package calendar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/duban/duban"
	"github.com/duban/duban/returns"
)

func TestWriteAndReparse(t *testing.T) {
	n := &duban.Notice{DocNumber: "X发〔2024〕1号", Year: 2024, Tasks: []duban.Task{
		{ID: "一.1", Text: "建立台账，各单位于每季度末月25日前报送进展情况。", Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleLead}, {Name: "市财政局", Role: duban.RoleCo}},
			Deadline: &duban.Deadline{Raw: "6月底前", Date: "2024-06-30", Kind: duban.KindMonthEnd}},
		{ID: "一.2", Text: "持续推进。", Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleResponsible}},
			Deadline: &duban.Deadline{Raw: "长期坚持", Kind: duban.KindOngoing}},
	}}
	dir := t.TempDir()
	stamp := time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)
	paths, err := Write(dir, []returns.Notice{{Slug: "n1", Notice: n}}, returns.Options{AsOf: stamp}, stamp)
	if err != nil || len(paths) != 3 {
		t.Fatalf("%v %v", paths, err)
	}
	f, _ := os.Open(filepath.Join(dir, "市发改委.ics"))
	defer f.Close()
	c, err := ics.ParseCalendar(f)
	if err != nil {
		t.Fatal(err)
	}
	ev := c.Events()
	if len(ev) != 2 {
		t.Fatalf("%d events, want the deadline and the reporting date", len(ev))
	}
	d, err := ev[0].GetAllDayStartAt()
	if err != nil || d.Format(duban.DateLayout) != "2024-06-30" {
		t.Errorf("deadline event on %v %v", d, err)
	}
	if s := ev[0].GetProperty(ics.ComponentPropertySummary).Value; !strings.Contains(s, "一、1") || strings.Contains(s, "一.1") {
		t.Errorf("summary %q: want the task's number 一、1, not its id", s)
	}
	if s := ev[0].GetProperty(ics.ComponentPropertyDescription).Value; !strings.Contains(s, "一、1") || strings.Contains(s, "一.1") {
		t.Errorf("description %q: want the task's number 一、1, not its id", s)
	}
	r, _ := ev[1].GetAllDayStartAt()
	if r.Format(duban.DateLayout) != "2024-09-25" {
		t.Errorf("reporting date %v, want 2024-09-25", r)
	}
	b, _ := os.ReadFile(filepath.Join(dir, AllName+".ics"))
	if strings.Count(string(b), "BEGIN:VEVENT") != 1 {
		t.Errorf("the calendar of all lists the task once:\n%s", b)
	}
	if !strings.Contains(string(b), "DTSTART;VALUE=DATE:20240630") {
		t.Errorf("not an all-day event:\n%s", b)
	}
}
