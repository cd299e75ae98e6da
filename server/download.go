package server

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/calendar"
	"github.com/duban/duban/remind"
	"github.com/duban/duban/render"
	"github.com/duban/duban/returns"
	"github.com/duban/duban/store"
)

// download renders a document from the store as it is now and sends it:
// /download/ledger/<slug>.xlsx, /download/unit/<unit>.pdf,
// /download/bulletin/<2024Q3>.pdf|.xlsx|.docx (the quarterly 通报 with
// status), /download/quarterly/<2024Q3>.xlsx (the quarter's task summary),
// /download/return/<unit>.xlsx|.pdf (the return sheet with the unit's latest
// reports), /download/calendar/<unit>.ics
// /download/remind/<unit>.pdf|.docx (催办单, when the unit has tasks to
// chase) (?asof=YYYY-MM-DD).
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	kind, name := r.PathValue("kind"), r.PathValue("name")
	ext := strings.ToLower(filepath.Ext(name))
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	switch {
	case kind == "calendar" && ext == ".ics":
	case kind == "return" && (ext == ".xlsx" || ext == ".pdf"):
	case kind == "bulletin" && (ext == ".pdf" || ext == ".xlsx" || ext == ".docx"):
	case kind == "remind" && (ext == ".pdf" || ext == ".docx"):
	case (kind == "unit" || kind == "ledger" || kind == "quarterly") && (ext == ".pdf" || ext == ".xlsx"):
	default:
		http.Error(w, "没有这种格式", http.StatusNotFound)
		return
	}
	u := userOf(r)
	switch kind {
	case "unit", "return", "calendar", "remind":
		if !mayUnit(u, stem) {
			s.forbidden(w, r, "只能下载本单位的任务清单")
			return
		}
	case "ledger", "quarterly", "bulletin":
		if u.Role == store.RoleUnit {
			s.forbidden(w, r, "单位用户只能下载本单位的任务清单")
			return
		}
	default:
		http.NotFound(w, r)
		return
	}
	ns, slugs, err := s.notices()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tmp, err := os.MkdirTemp("", "duban-download-")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer os.RemoveAll(tmp)
	dir, err := s.directory()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_, asOf, _ := s.quarterAndDate(r)
	opt := render.Options{Formats: []string{strings.TrimPrefix(ext, ".")}, AsOf: asOf, Now: s.opt.Now(), Directory: dir, WarnDays: s.opt.WarnDays}
	var files []string
	var fileName string
	switch kind {
	case "ledger":
		var n *duban.Notice
		for i, sl := range slugs {
			if sl == stem {
				n = ns[i]
			}
		}
		if n == nil {
			http.NotFound(w, r)
			return
		}
		files, err = render.Ledger(n, tmp, opt)
		fileName = stem + "-任务分解表" + ext
	case "unit":
		// The unit's sheet as `duban run` makes it, keyed as the unit
		// list keys it (市发改委（连云港市） where two places name 市发改委):
		// the notices are sorted onto sheets all together, only this one
		// is written.
		opt.Only = []string{stem}
		files, err = render.UnitSheets(ns, tmp, opt)
		fileName = render.SafeFileName(stem) + "-任务清单" + ext
	case "return", "calendar", "remind":
		var rn []returns.Notice
		for i, n := range ns {
			rn = append(rn, returns.Notice{Slug: slugs[i], Notice: n})
		}
		ropt := returns.Options{AsOf: asOf, WarnDays: s.opt.WarnDays, SafeName: render.SafeFileName, Directory: dir}
		switch kind {
		case "return":
			files, err = writeReturn(tmp, stem, ext, rn, ropt)
			fileName = render.SafeFileName(stem) + "-填报单" + ext
		case "remind":
			files, err = writeReminder(tmp, stem, ext, rn, remind.Options{Options: ropt, Formats: []string{strings.TrimPrefix(ext, ".")}})
			fileName = render.SafeFileName(stem) + "-催办单" + ext
		default:
			files, err = calendar.Write(tmp, rn, ropt, s.opt.Now())
			fileName = render.SafeFileName(stem) + ext
			want := render.SafeFileName(stem) + ext
			var keep []string
			for _, f := range files {
				if filepath.Base(f) == want {
					keep = append(keep, f)
				}
			}
			files = keep
		}
	case "quarterly", "bulletin":
		y, q, perr := duban.ParseQuarter(stem)
		if perr != nil {
			http.Error(w, "季度应写作 2024Q3", http.StatusNotFound)
			return
		}
		quarter := duban.QuarterName(y, q)
		if kind == "bulletin" {
			if ext == ".docx" {
				opt.Formats = []string{"pdf"} // the DOCX 通报 comes with the PDF
			}
			files, err = render.Bulletin(ns, tmp, []string{quarter}, opt)
			fileName = quarter + "通报" + ext
		} else {
			files, err = render.Quarterly(ns, tmp, []string{quarter}, opt)
			fileName = quarter + "-任务汇总" + ext
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var path string
	for _, f := range files {
		if strings.EqualFold(filepath.Ext(f), ext) {
			path = f
		}
	}
	if path == "" {
		http.Error(w, "没有可下载的内容", http.StatusNotFound)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer f.Close()
	ct := "application/pdf"
	switch ext {
	case ".xlsx":
		ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".ics":
		ct = "text/calendar; charset=utf-8"
	case ".docx":
		ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(fileName))
	http.ServeContent(w, r, "", time.Time{}, f)
}

func (s *Server) downloadsPage(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	rows, err := s.noticeRows()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var units []unitCount
	if u.Role == store.RoleUnit {
		units = []unitCount{{Name: u.Unit}}
		rows = nil
	} else if units, err = s.unitNames(); err != nil {
		s.fail(w, r, err)
		return
	}
	q, asOf, _ := s.quarterAndDate(r)
	o, err := s.overview(q, asOf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "downloads", pageData{Title: "下载", Nav: "downloads", Data: map[string]any{
		"Notices": rows, "Units": units, "Quarters": o.Quarters, "AsOf": o.AsOf, "Office": u.Role != store.RoleUnit}})
}

// writeReturn writes the return sheet of unit key (as returns.Sheets keys
// it) into dir: the workbook or the printable form.
func writeReturn(dir, unit, ext string, rn []returns.Notice, opt returns.Options) ([]string, error) {
	for _, sh := range returns.Sheets(rn, opt) {
		if sh.Unit != unit {
			continue
		}
		p := filepath.Join(dir, "return"+ext)
		if ext == ".pdf" {
			return []string{p}, render.ReturnFormPDF(sh.Form(opt), p)
		}
		f, err := sh.Workbook(opt)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return []string{p}, f.SaveAs(p)
	}
	return nil, nil
}

// writeReminder writes the 催办单 of unit key into dir, none when the unit
// has nothing to chase.
func writeReminder(dir, unit, ext string, rn []returns.Notice, opt remind.Options) ([]string, error) {
	for _, l := range remind.Letters(rn, opt) {
		if l.Unit != unit {
			continue
		}
		p := filepath.Join(dir, "remind"+ext)
		if ext == ".pdf" {
			return []string{p}, l.WritePDF(p)
		}
		return []string{p}, l.WriteDOCX(p)
	}
	return nil, nil
}
