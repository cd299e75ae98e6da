package server

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A unit user may send its filled return sheet instead of the form: its
// rows become reports as `duban import` makes them; another unit's sheet
// and a workbook that is no return sheet are refused.
func TestReturnUpload(t *testing.T) {
	e := newEnv(t, true)
	u := e.login("edu")
	res, sheet := u.get("/download/return/" + esc("市教育局") + ".xlsx")
	if res.StatusCode != 200 {
		t.Fatalf("return sheet: %d", res.StatusCode)
	}
	f, err := excelize.OpenReader(strings.NewReader(sheet))
	if err != nil {
		t.Fatal(err)
	}
	sh := f.GetSheetList()[0]
	filled := 0
	rows, _ := f.GetRows(sh)
	for r := 6; r <= len(rows); r++ {
		if id, _ := f.GetCellValue(sh, fmt.Sprintf("B%d", r)); id == "四（三）3" {
			f.SetCellValue(sh, fmt.Sprintf("I%d", r), "已完成")
			f.SetCellValue(sh, fmt.Sprintf("J%d", r), "填报单上的进展")
			filled++
		}
	}
	if filled != 1 {
		t.Fatalf("row of 四（三）3 not found in the return sheet")
	}
	var buf bytes.Buffer
	f.Write(&buf)
	send := func(c *client, unit, name string, data []byte) (*http.Response, string) {
		body, ct := multipartBody(t, c.csrf, map[string][]byte{name: data})
		return c.do("POST", "/units/"+esc(unit)+"/returns", ct, body.String(), map[string]string{"Accept": "application/json"})
	}
	res, out := send(u, "市教育局", "市教育局填报单.xlsx", buf.Bytes())
	if res.StatusCode != 200 || !strings.Contains(out, `"imported": 1`) {
		t.Fatalf("upload: %d %s", res.StatusCode, out)
	}
	rs, _ := e.st.Reports(sampleSlug)
	if len(rs) != 1 || rs[0].Detail != "填报单上的进展" || rs[0].Unit != "市教育局" || rs[0].By != "edu" {
		t.Errorf("reports: %+v", rs)
	}
	// 市发改委's sheet sent by 市教育局's user, and to 市发改委's address.
	_, other := e.login("office").get("/download/return/" + esc("市发改委") + ".xlsx")
	if res, out := send(u, "市教育局", "x.xlsx", []byte(other)); res.StatusCode != http.StatusForbidden || !strings.Contains(out, "市发改委") {
		t.Errorf("another unit's sheet: %d %s", res.StatusCode, out)
	}
	if res, _ := send(u, "市发改委", "x.xlsx", []byte(other)); res.StatusCode != http.StatusForbidden {
		t.Errorf("upload to another unit: %d", res.StatusCode)
	}
	// A ledger is no return sheet: no corrections through this door.
	_, ledger := e.login("office").get("/download/ledger/" + esc(sampleSlug) + ".xlsx")
	if res, out := send(u, "市教育局", "任务分解表.xlsx", []byte(ledger)); res.StatusCode != http.StatusBadRequest || !strings.Contains(out, "不是 duban 生成的填报单") {
		t.Errorf("ledger as a return sheet: %d %s", res.StatusCode, out)
	}
	if res, _ := send(u, "市教育局", "a.pdf", []byte("%PDF-1.4")); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a PDF as a return sheet: %d", res.StatusCode)
	}
	if cs, _ := e.st.History(sampleSlug); len(cs) != 0 {
		t.Errorf("corrections made: %+v", cs)
	}
	// Without the CSRF token.
	body, ct := multipartBody(t, "", map[string][]byte{"x.xlsx": buf.Bytes()})
	if res, _ := u.do("POST", "/units/"+esc("市教育局")+"/returns", ct, body.String(), nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("return sheet without CSRF: %d", res.StatusCode)
	}
}
