package remind

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/returns"
)

func notice() returns.Notice {
	dl := func(d string) *duban.Deadline {
		return &duban.Deadline{Raw: d, Date: duban.NullString(d), Kind: duban.KindDate}
	}
	return returns.Notice{Slug: "n", Notice: &duban.Notice{DocNumber: "X发〔2024〕1号", IssueDate: "2024-03-01", Year: 2024, Tasks: []duban.Task{
		{ID: "一.1", Text: "已报完成的逾期任务<&>", Units: []duban.Unit{{Name: "甲局", Role: duban.RoleResponsible}}, Deadline: dl("2024-06-30"),
			Progress: []duban.Progress{{Unit: "甲局", Status: duban.StatusDone}}},
		{ID: "一.2", Text: "逾期未完成任务", Units: []duban.Unit{{Name: "甲局", Role: duban.RoleResponsible}, {Name: "乙局", Role: duban.RoleResponsible}},
			Deadline: dl("2024-09-30"), Progress: []duban.Progress{{Unit: "乙局", Status: duban.StatusDone}}},
		{ID: "一.3", Text: "临期任务", Units: []duban.Unit{{Name: "甲局", Role: duban.RoleResponsible}}, Deadline: dl("2024-10-10")},
		{ID: "一.4", Text: "远期任务", Units: []duban.Unit{{Name: "乙局", Role: duban.RoleResponsible}}, Deadline: dl("2024-12-31")},
	}}}
}

func TestLetters(t *testing.T) {
	opt := Options{Options: returns.Options{AsOf: time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC), WarnDays: 15}}
	ls := Letters([]returns.Notice{notice()}, opt)
	if len(ls) != 1 || ls[0].Unit != "甲局" {
		t.Fatalf("letters: %+v", ls)
	}
	var got []string
	for _, it := range ls[0].Items {
		got = append(got, it.ID+":"+string(it.Light))
	}
	if strings.Join(got, " ") != "一.2:逾期 一.3:临期" {
		t.Errorf("items %v", got)
	}
	if b := ls[0].Body(); !strings.Contains(b, "已逾期未完成 1 项，1 项临近完成时限") || !strings.Contains(b, "督查室") {
		t.Errorf("body %q", b)
	}

	d, err := ls[0].DOCX()
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(d), int64(len(d)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, _ := f.Open()
		x, _ := io.ReadAll(r)
		if err := xml.Unmarshal(x, new(struct{})); err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		for _, s := range []string{"主送：甲局", "一、2", "2024-09-30", "2024-03-01", Title} {
			if !bytes.Contains(x, []byte(s)) {
				t.Errorf("docx lacks %q", s)
			}
		}
		if bytes.Contains(x, []byte("一.2")) {
			t.Error("docx prints the record id 一.2, not the task's number 一、2")
		}
	}

	b, err := ls[0].PDF()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, b, 0o644)
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	var text strings.Builder
	text.WriteString(strings.Join(strings.Fields(string(out)), ""))
	for _, s := range []string{"主送：甲局", "逾期未完成任务", "临期任务", "一、2", "一、3"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("pdf lacks %q", s)
		}
	}
	if strings.Contains(text.String(), "一.2") || strings.Contains(text.String(), "一.3") {
		t.Error("pdf prints record ids, not the tasks' numbers")
	}
	if strings.Contains(text.String(), "已报完成") {
		t.Error("a task reported 已完成 is on the reminder")
	}
}
