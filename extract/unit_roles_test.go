package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
)

func TestFieldUnitRoles(t *testing.T) {
	const (
		L = duban.RoleLead
		C = duban.RoleCo
		R = duban.RoleResponsible
	)
	u := func(name string, role duban.Role) duban.Unit { return duban.Unit{Name: name, Role: role} }
	tests := []struct {
		value string
		role  duban.Role
		want  []duban.Unit
	}{
		// no role words: split as written
		{"市发改委、市财政局", R, []duban.Unit{u("市发改委", R), u("市财政局", R)}},
		{"市发改委、市财政局", C, []duban.Unit{u("市发改委", C), u("市财政局", C)}},
		// a marker after a name, full- or half-width brackets
		{"市卫健委（牵头）、市医保局", R, []duban.Unit{u("市卫健委", L), u("市医保局", C)}},
		{"市卫健委(牵头),市民政局(配合)", R, []duban.Unit{u("市卫健委", L), u("市民政局", C)}},
		{"市卫健委（牵头单位）、市医保局（参与）", R, []duban.Unit{u("市卫健委", L), u("市医保局", C)}},
		// a bracket that is no marker stays in the name
		{"市公安局（交警支队）、市城管局", R, []duban.Unit{u("市公安局（交警支队）", R), u("市城管局", R)}},
		{"市住建局（牵头）、市公安局（交警支队）", R, []duban.Unit{u("市住建局", L), u("市公安局（交警支队）", C)}},
		// a marker alone is not a unit name to cut
		{"（牵头）", R, []duban.Unit{u("（牵头）", R)}},
		// role verbs closing parts
		{"市文旅局牵头，市财政局、各区人民政府配合", R, []duban.Unit{u("市文旅局", L), u("市财政局", C), u("各区人民政府", C)}},
		{"市发改委会同市财政局负责", R, []duban.Unit{u("市发改委", L), u("市财政局", C)}},
		// a qualifier closing the list takes the field's role
		{"县商务局、县发改局按职责分工负责", R, []duban.Unit{u("县商务局", R), u("县发改局", R)}},
		{"县商务局、县发改局按职责分工负责", C, []duban.Unit{u("县商务局", C), u("县发改局", C)}},
		// a name that holds a role word but is no role part stays whole
		{"市重大项目实施中心", R, []duban.Unit{u("市重大项目实施中心", R)}},
	}
	for _, tt := range tests {
		st := &parseState{}
		names, _ := st.splitUnits(tt.value)
		got := st.addFieldUnits(nil, tt.value, names, tt.role)
		coUnderLead(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("addFieldUnits(%q, %s) = %v, want %v", tt.value, tt.role, got, tt.want)
		}
	}
}

func TestImplementPart(t *testing.T) {
	tests := []struct {
		part  string
		names []string
		ok    bool
	}{
		{"各市州人民政府落实", []string{"各市州人民政府"}, true},
		{"县住建局、县城管局组织实施", []string{"县住建局", "县城管局"}, true},
		{"由各乡镇人民政府具体落实", []string{"各乡镇人民政府"}, true},
		// plain text ending in the verb is no assignment
		{"分步实施", nil, false},
		{"抓好落实", nil, false},
		{"认真贯彻落实", nil, false},
	}
	for _, tt := range tests {
		main, _, _, ok := implementPart(tt.part)
		if ok != tt.ok || (ok && !reflect.DeepEqual(main.names, tt.names)) {
			t.Errorf("implementPart(%q) = %q, %v; want %q, %v", tt.part, main.names, ok, tt.names, tt.ok)
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	for _, s := range []string{"无", " / ", "—", "——", "－", "暂无", "无。", ""} {
		if !isPlaceholder(s) {
			t.Errorf("isPlaceholder(%q) = false", s)
		}
	}
	for _, s := range []string{"市发改委", "无锡市", "6月底前", "无线电管理局"} {
		if isPlaceholder(s) {
			t.Errorf("isPlaceholder(%q) = true", s)
		}
	}
	// a placeholder in a units field names no unit
	st := &parseState{}
	names, _ := st.splitUnits("无")
	if got := st.addFieldUnits(nil, "无", names, "co"); len(got) != 0 {
		t.Errorf("addFieldUnits(无) = %v, want none", got)
	}
}

// The quick test of addFieldUnits knows the first character of every hint.
func TestRoleHintFirsts(t *testing.T) {
	for _, h := range roleWordHints {
		r := []rune(h)[0]
		if !strings.ContainsRune(roleHintFirsts, r) || !hasRoleHintFirst(h) {
			t.Errorf("roleHintFirsts lacks %q of %q", r, h)
		}
	}
}

func FuzzHasRoleHintFirst(f *testing.F) {
	for _, s := range []string{"市发改委（牵头）", "市财政局配合", "（，", "\xe7\x89", "会同"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasRoleHintFirst(s), strings.ContainsAny(s, "牵配参协负落实会"); got != want {
			t.Fatalf("hasRoleHintFirst(%q) = %v, want %v", s, got, want)
		}
	})
}
