package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/internal/pipeline"
	"github.com/duban/duban/store"
)

// uploadResult is one file of an upload as the list shows it.
type uploadResult struct {
	Name   string `json:"name"`
	Status string `json:"status"` // extracted, unchanged, duplicate, failed
	Error  string `json:"error,omitempty"`
	Slug   string `json:"slug,omitempty"`
	Tasks  int    `json:"tasks,omitempty"`
	DocNum string `json:"doc_number,omitempty"`
}

// displayName is an uploaded file's name as shown: the last element of
// whatever path the browser sent, without control characters, bounded.
func displayName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, "�")
	}
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	if name == "" || name == "." || name == ".." {
		name = "未命名"
	}
	return name
}

// sniff checks that a file's content is what its extension says, for the
// formats whose content has a signature.
func sniff(ext string, head []byte) error {
	switch ext {
	case ".pdf":
		if !bytes.Contains(head, []byte("%PDF-")) {
			return errors.New("不是 PDF 文件（内容与扩展名不符）")
		}
	case ".docx", ".xlsx", ".ofd":
		if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
			return errors.New("不是 " + strings.TrimPrefix(ext, ".") + " 文件（内容与扩展名不符）")
		}
	case ".txt":
		if bytes.IndexByte(head, 0) >= 0 && !bytes.HasPrefix(head, []byte{0xff, 0xfe}) && !bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
			return errors.New("不是文本文件")
		}
	}
	return nil
}

func (s *Server) uploadSubmit(w http.ResponseWriter, r *http.Request) {
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
	u := userOf(r)
	var saved []savedFile
	defer func() {
		for _, f := range saved {
			if f.err != nil && f.path != "" {
				os.Remove(f.path)
			}
		}
	}()
	csrfOK := subtle.ConstantTimeCompare([]byte(r.Header.Get("X-CSRF-Token")), []byte(u.sess.CSRF)) == 1
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.tooLarge(w, lastName(saved), 0)
				return
			}
			jsonError(w, http.StatusBadRequest, "上传中断："+err.Error())
			return
		}
		switch part.FormName() {
		case "csrf":
			b, _ := io.ReadAll(io.LimitReader(part, 128))
			csrfOK = csrfOK || subtle.ConstantTimeCompare(b, []byte(u.sess.CSRF)) == 1
			continue
		case "file":
		default:
			continue
		}
		if !csrfOK { // the token comes before the files
			s.forbidden(w, r, "表单已失效（缺少 CSRF 令牌）")
			return
		}
		f, err := s.save(part, noticeType)
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.tooLarge(w, f.name, 0)
				return
			}
		}
		saved = append(saved, f)
	}
	if !csrfOK {
		s.forbidden(w, r, "表单已失效（缺少 CSRF 令牌）")
		return
	}
	if len(saved) == 0 {
		jsonError(w, http.StatusBadRequest, "没有收到文件")
		return
	}
	results := s.process(u, saved)
	if r.Header.Get("Accept") == "application/json" || isAPI(r) {
		writeJSON(w, results)
		return
	}
	http.Redirect(w, r, "/notices", http.StatusSeeOther)
}

// tooLarge answers an upload over Options.MaxUpload (413), naming the
// file being read when it went over (name) or the request's size when
// it said so before any was read.
func (s *Server) tooLarge(w http.ResponseWriter, name string, size int64) {
	msg := fmt.Sprintf("文件过大：每次上传合计不超过 %d MB", s.opt.MaxUpload>>20)
	switch {
	case name != "":
		msg = name + "：" + msg
	case size > 0:
		msg = fmt.Sprintf("本次上传 %.1f MB，%s", float64(size)/(1<<20), msg)
	}
	jsonError(w, http.StatusRequestEntityTooLarge, msg)
}

// lastName is the name of the last file of saved, "" if none.
func lastName(saved []savedFile) string {
	if len(saved) == 0 {
		return ""
	}
	return saved[len(saved)-1].name
}

type savedFile struct {
	name string // as shown
	path string // under uploads/, generated
	size int64
	err  error
}

// save writes one uploaded file under a generated name; a refused file
// comes back with err set (and nothing kept).
func (s *Server) save(part *multipart.Part, accept func(name string) error) (savedFile, error) {
	f := savedFile{name: displayName(part.FileName())}
	ext := strings.ToLower(filepath.Ext(f.name))
	if err := accept(f.name); err != nil {
		f.err = err
		io.Copy(io.Discard, part)
		return f, nil
	}
	head := make([]byte, 1024)
	n, err := io.ReadFull(part, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return f, err
	}
	head = head[:n]
	if err := sniff(ext, head); err != nil {
		f.err = err
		io.Copy(io.Discard, part)
		return f, nil
	}
	if err := os.MkdirAll(s.uploadDir(), 0o750); err != nil {
		f.err = err
		return f, nil
	}
	f.path = filepath.Join(s.uploadDir(), randomToken()[:24]+ext)
	out, err := os.OpenFile(f.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		f.err = err
		return f, nil
	}
	m, err := io.Copy(out, io.MultiReader(bytes.NewReader(head), part))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	f.size = m
	if err != nil {
		os.Remove(f.path)
		f.path = ""
		return f, err
	}
	if m == 0 {
		f.err = errors.New("空文件")
	}
	return f, nil
}

// noticeType accepts the notice formats duban reads.
func noticeType(name string) error {
	if !extract.Supported(name) {
		return fmt.Errorf("不支持的文件类型 %q：可上传 %s", strings.ToLower(filepath.Ext(name)), strings.Join(extract.Extensions(), " "))
	}
	return nil
}

// process runs the pipeline (the same route as duban run) on the saved
// files and records each in the upload list.
func (s *Server) process(u *user, files []savedFile) []uploadResult {
	var paths []string
	for _, f := range files {
		if f.err == nil {
			paths = append(paths, f.path)
		}
	}
	byPath := map[string]pipeline.Input{}
	var runErr error
	dir, dirErr := s.directory()
	if dirErr != nil {
		runErr = dirErr
	} else if len(paths) > 0 {
		s.runMu.Lock()
		sum, err := pipeline.Run(context.Background(), pipeline.Options{Inputs: paths, Out: s.opt.Out, By: u.Name, Jobs: 1, Directory: dir})
		s.runMu.Unlock()
		runErr = err
		if sum != nil {
			for _, in := range sum.Inputs {
				byPath[in.Path] = in
			}
		}
	}
	var out []uploadResult
	for _, f := range files {
		res := uploadResult{Name: f.name, Status: "failed"}
		switch in, ok := byPath[f.path]; {
		case f.err != nil:
			res.Error = f.err.Error()
		case ok:
			res.Status, res.Slug, res.Tasks, res.DocNum = string(in.Status), in.Slug, in.Tasks, in.DocNumber
			res.Error = strings.ReplaceAll(in.Error, f.path, f.name)
		case runErr != nil:
			res.Error = strings.ReplaceAll(runErr.Error(), f.path, f.name)
		default:
			res.Error = "未处理"
		}
		stored := ""
		if f.path != "" {
			stored = filepath.Base(f.path)
		}
		if res.Slug != "" && (res.Status == "extracted" || res.Status == "unchanged") {
			// Keep the text as read, for the review page once the file moves.
			if n, err := s.st.Extracted(res.Slug); err == nil && n != nil {
				if _, err := s.noticeText(n.Source.Path, n.Source.SHA256); err != nil {
					s.opt.Logf("%s: %v", f.name, err)
				}
			}
		}
		s.st.AddUpload(store.Upload{Stored: stored, Original: f.name, Size: f.size, By: u.Name, Status: res.Status, Err: res.Error, Slug: res.Slug})
		s.st.Audit(u.Name, "上传", f.name, res.Status+" "+res.Slug+" "+res.Error)
		out = append(out, res)
	}
	return out
}
