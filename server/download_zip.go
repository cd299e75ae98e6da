package server

import (
	"archive/zip"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"

	"github.com/duban/duban/render"
	"github.com/duban/duban/store"
)

// downloadAllUnits sends every unit's task sheet (Excel and PDF, as
// render.UnitSheets writes them for `duban run`) in one zip, rendered from
// the store as it is at the moment of the request: /download/units/all.zip.
func (s *Server) downloadAllUnits(w http.ResponseWriter, r *http.Request) {
	if userOf(r).Role == store.RoleUnit {
		s.forbidden(w, r, "单位用户只能下载本单位的任务清单")
		return
	}
	ns, _, err := s.notices()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dir, err := s.directory()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tmp, err := os.MkdirTemp("", "duban-zip-")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer os.RemoveAll(tmp)
	_, asOf, _ := s.quarterAndDate(r)
	files, err := render.UnitSheets(ns, tmp, render.Options{Formats: []string{"xlsx", "pdf"}, AsOf: asOf, Now: s.opt.Now(), Directory: dir, WarnDays: s.opt.WarnDays})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(files) == 0 {
		http.Error(w, "没有可下载的内容", http.StatusNotFound)
		return
	}
	sort.Strings(files)
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape("单位任务清单-"+s.opt.Now().Format("20060102")+".zip"))
	zw := zip.NewWriter(w)
	for _, f := range files {
		rel, err := filepath.Rel(tmp, f)
		if err != nil {
			rel = filepath.Base(f)
		}
		// Names in UTF-8 with the flag set: Windows' own unzip and 7-Zip
		// show the Chinese names.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate, Modified: s.opt.Now(), Flags: 0x800})
		if err != nil {
			s.opt.Logf("zip %s: %v", rel, err)
			return
		}
		data, err := os.ReadFile(f)
		if err != nil {
			s.opt.Logf("zip %s: %v", rel, err)
			return
		}
		if _, err := fw.Write(data); err != nil {
			return // the browser went away
		}
	}
	if err := zw.Close(); err != nil {
		s.opt.Logf("zip: %v", err)
	}
}
