package duban

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
