package hostile

import (
	"fmt"
	"strings"
)

// Repeat repeats sample until the result holds at least size bytes.
func Repeat(sample []byte, size int) []byte {
	if len(sample) == 0 {
		return nil
	}
	out := make([]byte, 0, size+len(sample))
	for len(out) < size {
		out = append(out, sample...)
		out = append(out, '\n')
	}
	return out
}

// ManyUnitsTXT is a notice with one task naming n responsible units.
func ManyUnitsTXT(n int) []byte {
	var b strings.Builder
	b.WriteString("关于印发测试工作计划的通知\n一、重点任务\n1. 推进道路建设。（责任单位：")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString("、")
		}
		fmt.Fprintf(&b, "第%d区人民政府", i+1)
	}
	b.WriteString("，完成时间：2024年6月底前）\n")
	return []byte(b.String())
}

// DistinctUnitsTXT is a notice whose tasks name n distinct responsible
// units in all, per to a task (at most limits.UnitsPerClause).
func DistinctUnitsTXT(n, per int) []byte {
	var b strings.Builder
	b.WriteString("关于印发测试工作计划的通知\n一、重点任务\n")
	for t, u := 1, 0; u < n; t++ {
		fmt.Fprintf(&b, "%d. 推进第%d项建设。（责任单位：", t, t)
		for i := 0; i < per && u < n; i, u = i+1, u+1 {
			if i > 0 {
				b.WriteString("、")
			}
			fmt.Fprintf(&b, "第%d区人民政府", u+1)
		}
		b.WriteString("，完成时间：2024年6月底前）\n")
	}
	return []byte(b.String())
}

// LongLineTXT is a notice whose one task line holds n characters.
func LongLineTXT(n int) []byte {
	return []byte("关于印发测试工作计划的通知\n一、重点任务\n1. " + strings.Repeat("推进", n/2) + "。（责任单位：市交通局，完成时间：2024年6月底前）\n")
}
