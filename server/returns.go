package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/pipeline"
	"github.com/duban/duban/returns"
	"github.com/duban/duban/store"
)

// returnType accepts a workbook.
func returnType(name string) error {
	if !strings.EqualFold(filepath.Ext(name), ".xlsx") {
		return errors.New("填报单应为 .xlsx 文件（下载的填报单填好后原样上传）")
	}
	return nil
}

// returnResult is what became of an uploaded return sheet.
type returnResult struct {
	Name     string   `json:"name"`
	Imported int      `json:"imported"`
	Rejected []string `json:"rejected,omitempty"`
	Error    string   `json:"error,omitempty"`
}

// returnUpload takes a unit's filled return sheet (填报单) instead of the
// form: only a return sheet of that unit is taken, through the same import
// as `duban import`; rows it refuses are listed with sheet and row.
func (s *Server) returnUpload(w http.ResponseWriter, r *http.Request) {
	unit := r.PathValue("unit")
	u := userOf(r)
	if !mayUnit(u, unit) {
		s.forbidden(w, r, "只能上传本单位的填报单")
		return
	}
	if r.ContentLength > s.opt.MaxUpload {
		s.tooLarge(w, "", r.ContentLength)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		jsonError(w, http.StatusBadRequest, "应以 multipart/form-data 上传")
		return
	}
	csrfOK := subtle.ConstantTimeCompare([]byte(r.Header.Get("X-CSRF-Token")), []byte(u.sess.CSRF)) == 1
	var f *savedFile
	for f == nil {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.tooLarge(w, "", 0)
				return
			}
			jsonError(w, http.StatusBadRequest, "上传中断")
			return
		}
		switch part.FormName() {
		case "csrf":
			b, _ := io.ReadAll(io.LimitReader(part, 128))
			csrfOK = csrfOK || subtle.ConstantTimeCompare(b, []byte(u.sess.CSRF)) == 1
		case "file":
			if !csrfOK {
				s.forbidden(w, r, "表单已失效（缺少 CSRF 令牌）")
				return
			}
			sf, err := s.save(part, returnType)
			if err != nil {
				s.tooLarge(w, sf.name, 0)
				return
			}
			f = &sf
		}
	}
	if !csrfOK {
		s.forbidden(w, r, "表单已失效（缺少 CSRF 令牌）")
		return
	}
	if f == nil {
		jsonError(w, http.StatusBadRequest, "没有收到文件")
		return
	}
	if f.path != "" {
		defer os.Remove(f.path)
	}
	res := returnResult{Name: f.name}
	code := http.StatusOK
	if f.err != nil {
		res.Error, code = f.err.Error(), http.StatusBadRequest
	} else if form, err := returns.Read(f.path); err != nil {
		res.Error, code = strings.ReplaceAll(err.Error(), f.path, f.name), http.StatusBadRequest
		if errors.Is(err, returns.ErrNotReturnSheet) {
			res.Error = f.name + "：不是 duban 生成的填报单"
		}
	} else if form.Unit != unit {
		res.Error, code = fmt.Sprintf("%s 是 %s 的填报单，不是 %s 的", f.name, form.Unit, unit), http.StatusForbidden
	} else if dir, err := s.directory(); err != nil {
		res.Error, code = err.Error(), http.StatusInternalServerError
	} else if msg, err := s.foreignRows(unit, form, dir); err != nil || msg != "" {
		res.Error, code = f.name+"："+msg, http.StatusForbidden
		if err != nil {
			res.Error, code = err.Error(), http.StatusInternalServerError
		}
	} else {
		s.runMu.Lock()
		sum, err := pipeline.Import(context.Background(), pipeline.Options{Inputs: []string{f.path}, Out: s.opt.Out, By: u.Name, AsOf: s.opt.Now(), Jobs: 1, Directory: dir})
		s.runMu.Unlock()
		switch {
		case err != nil:
			res.Error, code = strings.ReplaceAll(err.Error(), f.path, f.name), http.StatusInternalServerError
		default:
			res.Imported = sum.Counts.Imported
			for _, in := range sum.Inputs {
				if in.Error != "" {
					res.Error, code = strings.ReplaceAll(in.Error, f.path, f.name), http.StatusBadRequest
				}
			}
			for _, w := range sum.Warnings {
				if w.Code == pipeline.WarnImportRejected {
					res.Rejected = append(res.Rejected, strings.ReplaceAll(strings.ReplaceAll(w.Message, f.path, f.name), filepath.Base(f.path), f.name))
				}
			}
		}
	}
	s.st.AddUpload(store.Upload{Original: f.name, Size: f.size, By: u.Name, Status: "return", Err: res.Error, Slug: unit})
	s.st.Audit(u.Name, "上传填报单", unit, fmt.Sprintf("%s：导入 %d 行，拒收 %d 行 %s", f.name, res.Imported, len(res.Rejected), res.Error))
	if r.Header.Get("Accept") == "application/json" || isAPI(r) || code != http.StatusOK || len(res.Rejected) > 0 {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(code)
		writeJSONBody(w, res)
		return
	}
	http.Redirect(w, r, "/units/"+url.PathEscape(unit)+"?ok=imported", http.StatusSeeOther)
}

// foreignRows finds rows of a return sheet keyed unit that name a task of a
// same-name unit of another place: the import matches a sheet's unit by
// its name, with or without the place (duban.SheetUnit), so a sheet of
// the plain name 市发改委 would be taken for the tasks of 市发改委（连云港市）
// and 市发改委（无锡市） alike. The console takes rows only for the tasks it
// lists for unit; such a sheet is refused whole, naming its rows. Rows of
// tasks no longer in the store, or not the unit's at all, are left to the
// import, which rejects them one by one.
func (s *Server) foreignRows(unit string, form *returns.Form, dir *duban.Directory) (string, error) {
	ts, err := s.unitTasks(unit, s.opt.Now())
	if err != nil {
		return "", err
	}
	mine := map[string]bool{}
	for _, t := range ts {
		mine[t.Slug+"\x00"+t.Task] = true
	}
	var bad []string
	for _, row := range form.Rows {
		if row.Notice == "" || mine[row.Notice+"\x00"+row.Task] {
			continue
		}
		n, _, err := s.notice(row.Notice)
		if err != nil {
			return "", err
		}
		if n == nil {
			continue
		}
		for i := range n.Tasks {
			if n.Tasks[i].ID != row.Task {
				continue
			}
			if _, ok := duban.SheetUnit(n, &n.Tasks[i], unit, dir); ok {
				bad = append(bad, fmt.Sprintf("工作表 %s 第 %d 行（任务 %s）", form.Sheet, row.Row, row.Task))
			}
		}
	}
	if len(bad) == 0 {
		return "", nil
	}
	msg := strings.Join(bad, "、") + " 是另一地区同名单位的任务，不属于 " + unit
	if placed, err := s.placedKeys(unit); err == nil && len(placed) > 0 {
		msg += "（“" + unit + "”现分为 " + strings.Join(placed, "、") + "，请下载本单位的填报单重新填写）"
	}
	return msg, nil
}
