package server

import (
	"encoding/json"
	"net/http"
)

func (s *Server) apiNotices(w http.ResponseWriter, r *http.Request) {
	rows, err := s.noticeRows()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if rows == nil {
		rows = []noticeRow{}
	}
	writeJSON(w, rows)
}

func (s *Server) apiNotice(w http.ResponseWriter, r *http.Request) {
	n, conf, err := s.notice(r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if n == nil {
		jsonError(w, http.StatusNotFound, "没有这份通知")
		return
	}
	writeJSON(w, map[string]any{"notice": n, "conflicts": conf})
}

func (s *Server) apiUnitTasks(w http.ResponseWriter, r *http.Request) {
	unit := r.PathValue("unit")
	if !mayUnit(userOf(r), unit) {
		jsonError(w, http.StatusForbidden, "只能查看本单位的任务")
		return
	}
	_, asOf, _ := s.quarterAndDate(r)
	ts, err := s.unitTasks(unit, asOf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ts == nil {
		ts = []unitTask{}
	}
	writeJSON(w, ts)
}

func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) {
	var in reportIn
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&in); err != nil {
		jsonError(w, http.StatusBadRequest, "请求体应为 JSON：{\"notice\",\"task\",\"status\",\"detail\",\"problems\",\"next_steps\",\"done_date\"}")
		return
	}
	stored, code, msg := s.report(userOf(r), r.PathValue("unit"), in)
	if code != 0 {
		jsonError(w, code, msg)
		return
	}
	writeJSON(w, map[string]bool{"stored": stored})
}
