package extract

import "testing"

// TestBracketLabelFields reads the fields of labels written in 【】.
func TestBracketLabelFields(t *testing.T) {
	fs, ok := parseFields("【牵头单位】省市场监管局【配合单位】省税务局、省财政厅【完成时限】2025年12月底前")
	if !ok || len(fs) != 3 || fs[0].value != "省市场监管局" || fs[1].value != "省税务局、省财政厅" || fs[2].value != "2025年12月底前" {
		t.Errorf("parseFields(【…】…) = %+v, %v", fs, ok)
	}
}
