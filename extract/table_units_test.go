package extract

import (
	"testing"

	"github.com/duban/duban/extract/document"
)

func TestUnitCellText(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"区教育局\n区卫健委", "区教育局、区卫健委"},
		{"各县区\n市直各部门", "各县区、市直各部门"},
		{"市财政局、\n市商务局", "市财政局、市商务局"},
		// a name wrapped inside stays whole
		{"市财政局、市商\n务局", "市财政局、市商务局"},
		{"市财政局、各县（区）人民\n政府", "市财政局、各县（区）人民政府"},
		{"市财政局、各县（区）\n人民政府", "市财政局、各县（区）人民政府"},
		{"市委办\n公室", "市委办公室"},
		{"市公安局\n交警支队", "市公安局交警支队"},
		{"市\n发改委", "市发改委"},
		{"市发改委", "市发改委"},
		{"县市场监督管\n理局\n各乡镇人民政府", "县市场监督管理局、各乡镇人民政府"},
	}
	for _, tt := range tests {
		if got := unitCellText([]document.Cell{{Text: tt.cell}}, 0); got != tt.want {
			t.Errorf("unitCellText(%q) = %q, want %q", tt.cell, got, tt.want)
		}
	}
}
