package extract

import (
	"reflect"
	"testing"

	"github.com/duban/duban/internal/notation"
)

func TestParseFieldsGlued(t *testing.T) {
	type f struct {
		kind  notation.FieldKind
		value string
	}
	tests := []struct {
		in   string
		want []f
	}{
		{"牵头单位：市发改委配合单位：市财政局完成时限：6月底前",
			[]f{{notation.FieldUnits, "市发改委"}, {notation.FieldUnits, "市财政局"}, {notation.FieldDeadline, "6月底前"}}},
		{"责任单位：市发改委、市财政局完成时间：年底前",
			[]f{{notation.FieldUnits, "市发改委、市财政局"}, {notation.FieldDeadline, "年底前"}}},
		// short labels and labels of other fields stay inside a value
		{"责任单位：市发改委时间：年底前",
			[]f{{notation.FieldUnits, "市发改委时间：年底前"}}},
		{"牵头单位：市发改委责任领导：张三",
			[]f{{notation.FieldUnits, "市发改委责任领导：张三"}}},
		// separated fields as before
		{"牵头单位：市发改委；配合单位：市财政局；完成时限：6月底前",
			[]f{{notation.FieldUnits, "市发改委"}, {notation.FieldUnits, "市财政局"}, {notation.FieldDeadline, "6月底前"}}},
	}
	for _, tt := range tests {
		fs, ok := parseFields(tt.in)
		var got []f
		for _, x := range fs {
			got = append(got, f{x.kind, x.value})
		}
		if !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseFields(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
