package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/duban/duban/returns"
	"github.com/xuri/excelize/v2"
)

// fillReturnSheet fills every task row of a return sheet as a unit would
// (完成状态 and 具体进展, the text naming the copy so each copy is a new
// report) and saves it as dst. It returns the rows filled.
func fillReturnSheet(src, dst string, copyNo int) (int, error) {
	f, err := excelize.OpenFile(src)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rows, err := f.GetRows(returns.SheetName)
	if err != nil {
		return 0, err
	}
	statusCol, detailCol, header := -1, -1, -1
	for r, row := range rows {
		for c, v := range row {
			switch v {
			case "完成状态":
				statusCol, header = c, r
			case "具体进展":
				detailCol = c
			}
		}
		if header >= 0 {
			break
		}
	}
	if statusCol < 0 || detailCol < 0 {
		return 0, fmt.Errorf("%s: no 完成状态/具体进展 header", src)
	}
	form, err := returns.Read(src)
	if err != nil {
		return 0, err
	}
	filled := 0
	for _, row := range form.Rows {
		if row.Err != nil || row.Task == "" {
			continue
		}
		sc, _ := excelize.CoordinatesToCellName(statusCol+1, row.Row)
		dc, _ := excelize.CoordinatesToCellName(detailCol+1, row.Row)
		f.SetCellValue(returns.SheetName, sc, "按时推进")
		f.SetCellValue(returns.SheetName, dc, fmt.Sprintf("第%d次报送：%s已按计划推进。", copyNo, row.Task))
		filled++
	}
	return filled, f.SaveAs(dst)
}

// BenchmarkImport imports returned sheets into a store: the return sheets
// of a run over generated notices (DUBAN_BENCH_NOTICES, default 100, TXT),
// each unit's filled again and again until there are DUBAN_BENCH_SHEETS
// (default 1,000) files, each a new report for every row. Every row must
// be stored and none refused. It reports sheets and reports per second,
// CPU time per sheet and the most memory the runtime held; each iteration
// imports into a fresh copy of the run's output folder.
//
//	go test -run '^$' -bench BenchmarkImport -benchtime 1x ./internal/pipeline
func BenchmarkImport(b *testing.B) {
	notices, sheets := 100, 1000
	if v, err := strconv.Atoi(os.Getenv("DUBAN_BENCH_NOTICES")); err == nil && v > 0 {
		notices = v
	}
	if v, err := strconv.Atoi(os.Getenv("DUBAN_BENCH_SHEETS")); err == nil && v > 0 {
		sheets = v
	}
	in := benchNoticesN(b, []string{"txt"}, notices)
	b.Cleanup(func() {
		for _, d := range benchDirs {
			os.RemoveAll(d)
		}
	})
	base := filepath.Join(b.TempDir(), "out")
	if _, err := Run(context.Background(), Options{Inputs: []string{in}, Out: base, Jobs: 2, Now: fixedNow, Formats: []string{"xlsx"}}); err != nil {
		b.Fatal(err)
	}
	srcs, err := filepath.Glob(filepath.Join(base, ReturnsDir, "*.xlsx"))
	if err != nil || len(srcs) == 0 {
		b.Fatalf("no return sheets in %s: %v", base, err)
	}
	returned := b.TempDir()
	rows := 0
	for i := range sheets {
		n, err := fillReturnSheet(srcs[i%len(srcs)], filepath.Join(returned, fmt.Sprintf("%04d.xlsx", i)), i/len(srcs)+1)
		if err != nil {
			b.Fatal(err)
		}
		rows += n
	}
	b.Logf("%d notices, %d units' return sheets, %d returned files, %d rows filled", notices, len(srcs), sheets, rows)
	runtime.GC()
	peak, _ := startPeak()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), strconv.Itoa(i))
		if err := os.CopyFS(out, os.DirFS(base)); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := Import(context.Background(), Options{Inputs: []string{returned}, Out: out, Now: fixedNow, Formats: []string{"xlsx"}})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Counts.Rejected != 0 || sum.Counts.Imported != rows {
			b.Fatalf("imported %d of %d rows, %d rejected; first warnings %v", sum.Counts.Imported, rows, sum.Counts.Rejected, firstWarnings(sum))
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(sheets*b.N)/b.Elapsed().Seconds(), "sheets/s")
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "reports/s")
	b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(sheets*b.N), "cpu-ms/sheet")
	b.ReportMetric(float64(peak())/(1<<20), "peak-MB")
}

func firstWarnings(sum *Summary) []string {
	var out []string
	for _, w := range sum.Warnings {
		if len(out) == 3 {
			break
		}
		out = append(out, w.Message)
	}
	return out
}
