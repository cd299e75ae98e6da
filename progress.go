package duban

import "time"

// Progress is what a unit reported on one task in a returned sheet.
type Progress struct {
	Unit      string `json:"unit"`
	Status    Status `json:"status"`
	Detail    string `json:"detail,omitempty"`     // 具体进展
	Problems  string `json:"problems,omitempty"`   // 存在问题
	NextSteps string `json:"next_steps,omitempty"` // 下步打算
	DoneDate  string `json:"done_date,omitempty"`  // 完成日期, YYYY-MM-DD
	Note      string `json:"note,omitempty"`       // 备注
	Round     string `json:"round,omitempty"`      // reporting round, YYYYQn
	Reported  string `json:"reported,omitempty"`   // when it was imported (RFC 3339)
	File      string `json:"file,omitempty"`       // the returned file it came from
}

// Status is a task's completion status as a unit reports it.
type Status string

// The statuses a return sheet offers (its 完成状态 dropdown).
const (
	StatusDone       Status = "已完成"
	StatusOnTrack    Status = "按时推进"
	StatusBehind     Status = "滞后"
	StatusNotStarted Status = "未启动"
	StatusCannot     Status = "无法完成"
)

// Statuses lists the reportable statuses in dropdown order.
var Statuses = []Status{StatusDone, StatusOnTrack, StatusBehind, StatusNotStarted, StatusCannot}

// ParseStatus returns the status written as s, and whether it is one.
func ParseStatus(s string) (Status, bool) {
	for _, v := range Statuses {
		if string(v) == s {
			return v, true
		}
	}
	return "", false
}

// Light is a task's standing for one unit on a day: what the ledger, the
// sheets and the 通报 colour.
type Light string

// Lights.
const (
	LightDone    Light = "已完成"
	LightOverdue Light = "逾期" // due by then and not reported 已完成
	LightNear    Light = "临期" // due within the warning days
	LightNormal  Light = "正常"
	LightNone    Light = "" // no dated deadline
)

// LatestProgress is unit's report on t (by name or canonical name), nil
// when it reported nothing.
func (t *Task) LatestProgress(unit string) *Progress {
	for i := range t.Progress {
		if t.Progress[i].Unit == unit {
			return &t.Progress[i]
		}
	}
	return nil
}

// LightOf is task t's light for unit on day asOf, warnDays before the
// deadline counting as near.
func LightOf(t *Task, unit string, asOf time.Time, warnDays int) Light {
	if p := t.LatestProgress(unit); p != nil && p.Status == StatusDone {
		return LightDone
	}
	d, ok := t.Deadline.Time()
	if !ok {
		return LightNone
	}
	day := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case d.Before(day):
		return LightOverdue
	case !d.After(day.AddDate(0, 0, warnDays)):
		return LightNear
	}
	return LightNormal
}

// Reported is the latest report on t of unit u (by its name as written or
// its canonical name), nil when none.
func (t *Task) Reported(u Unit) *Progress {
	if p := t.LatestProgress(SheetKey(u)); p != nil {
		return p
	}
	return t.LatestProgress(u.Name)
}

// Done reports whether the task is reported 已完成: by every lead unit
// when it has one, else by every unit it names.
func (t *Task) Done() bool {
	if len(t.Progress) == 0 || len(t.Units) == 0 {
		return false
	}
	var who []Unit
	for _, u := range t.Units {
		if u.Role == RoleLead {
			who = append(who, u)
		}
	}
	if len(who) == 0 {
		who = t.Units
	}
	for _, u := range who {
		if p := t.Reported(u); p == nil || p.Status != StatusDone {
			return false
		}
	}
	return true
}
