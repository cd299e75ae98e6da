package render_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

// statusNotice is the sample with three reports, seen on 2024-11-15.
func statusNotice(t *testing.T) *duban.Notice {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	report(t, n, "一.8", "市发改委", duban.StatusBehind, "已完成前期调研。", "资金尚未到位。")
	report(t, n, "一.6", "无锡工作队", duban.StatusDone, "已建立工作机制。", "")
	report(t, n, "一.7", "市发改委", duban.StatusOnTrack, "", "")
	return n
}

var statusDay = time.Date(2024, 11, 15, 0, 0, 0, 0, time.UTC)

// Unit sheets show the unit's reported status and the task's light in
// 进展情况, in the workbook (coloured) and the PDF.
func TestUnitSheetStatus(t *testing.T) {
	n := statusNotice(t)
	dir := outDir(t, "unit-status")
	if _, err := render.UnitSheets([]*duban.Notice{n}, dir, render.Options{Now: testNow, AsOf: statusDay, WarnDays: 15}); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"市发改委":  {"一、1": "逾期", "一、8": "滞后\n正常", "一、7": "按时推进\n正常", "一、4": "逾期"},
		"无锡工作队": {"一、6": "已完成"},
	}
	fills := map[string]string{"逾期": "F4B6B6", "已完成": "C6EFCE", "正常": ""}
	for unit, cells := range want {
		path := filepath.Join(dir, unit+".xlsx")
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		rows, _ := f.GetRows(sheet)
		got := map[string]string{}
		for r, row := range rows {
			if len(row) >= 8 && cells[row[1]] != "" {
				got[row[1]] = row[7]
				cell, _ := excelize.CoordinatesToCellName(8, r+1)
				id, _ := f.GetCellStyle(sheet, cell)
				st, _ := f.GetStyle(id)
				fill := ""
				if st != nil && len(st.Fill.Color) > 0 {
					fill = strings.TrimPrefix(st.Fill.Color[0], "#")
				}
				lines := strings.Split(row[7], "\n")
				if w := fills[lines[len(lines)-1]]; !strings.EqualFold(fill, w) {
					t.Errorf("%s %s: 进展情况 %q filled %q, want %q", path, row[1], row[7], fill, w)
				}
			}
		}
		f.Close()
		for id, w := range cells {
			if got[id] != w {
				t.Errorf("%s %s: 进展情况 %q, want %q", path, id, got[id], w)
			}
		}
		doc := readPDF(t, filepath.Join(dir, unit+".pdf"))
		found := 0
		for _, b := range doc.Blocks {
			if b.Table == nil {
				continue
			}
			for _, r := range b.Table.Rows {
				if len(r) < 8 {
					continue
				}
				if w, ok := cells[squeeze(r[1].Text)]; ok {
					found++
					if g := squeeze(r[len(r)-1].Text); g != squeeze(w) {
						t.Errorf("%s.pdf %s: 进展情况 %q, want %q", unit, r[1].Text, g, w)
					}
				}
			}
		}
		if found != len(cells) {
			t.Errorf("%s.pdf: %d of %d tasks found", unit, found, len(cells))
		}
	}
}

// The ledger says how each task stands: a 落实情况 column in the PDF, a
// 落实情况 sheet in the workbook with the units' words; its records still
// read back whole.
func TestLedgerStatus(t *testing.T) {
	n := statusNotice(t)
	dir := outDir(t, "ledger-status")
	if _, err := render.Ledger(n, dir, render.Options{Now: testNow, AsOf: statusDay, WarnDays: 15}); err != nil {
		t.Fatal(err)
	}
	doc := readPDF(t, filepath.Join(dir, render.LedgerName+".pdf"))
	want := map[string]string{"一、1": "逾期", "一、8": "正常市发改委：滞后", "一、6": "已完成无锡工作队：已完成", "一、7": "正常市发改委：按时推进"}
	got := map[string]string{}
	for _, b := range doc.Blocks {
		if b.Table == nil || len(b.Table.Rows) == 0 || squeeze(b.Table.Rows[0][len(b.Table.Rows[0])-1].Text) != "落实情况" {
			continue
		}
		for _, r := range b.Table.Rows[1:] {
			got[squeeze(r[0].Text)] = squeeze(r[len(r)-1].Text)
		}
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("ledger PDF %s: 落实情况 %q, want %q", id, got[id], w)
		}
	}
	path := filepath.Join(dir, render.LedgerName+".xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("落实情况")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(rows, func(r []string) bool {
		return len(r) >= 8 && r[0] == "一、8" && r[3] == "正常" && r[4] == "市发改委" && r[5] == "滞后" && r[6] == "已完成前期调研。" && r[7] == "资金尚未到位。"
	}) {
		t.Errorf("%s: 落实情况 lacks 一.8 as 市发改委 reported it", path)
	}
	if !slices.ContainsFunc(rows, func(r []string) bool {
		return len(r) >= 6 && r[0] == "一、1" && r[3] == "逾期" && r[5] == "未报送"
	}) {
		t.Errorf("%s: 落实情况 lacks 一.1 逾期 未报送", path)
	}
	back, err := render.ReadLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Tasks) != len(n.Tasks) {
		t.Errorf("ReadLedger: %d tasks, want %d", len(back.Tasks), len(n.Tasks))
	}
}
