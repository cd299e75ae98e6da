// Command realscore scores the extractor on case files with hand-written
// records (extract/testdata/real by default): task, unit, role and
// deadline F1 per file and over all.
//
//	go run ./internal/realscore [DIR|FILE…]
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/score"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		args = []string{"extract/testdata/real"}
	}
	var files []string
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			m, _ := filepath.Glob(filepath.Join(a, "*.txt"))
			files = append(files, m...)
		} else {
			files = append(files, a)
		}
	}
	sort.Strings(files)
	var total score.Result
	failed := false
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "realscore:", err)
			failed = true
			continue
		}
		c, err := score.ParseCase(f, data)
		if err != nil {
			fmt.Fprintln(os.Stderr, "realscore:", err)
			failed = true
			continue
		}
		n, err := extract.Bytes(filepath.Base(f), []byte(c.Notice), extract.Options{Year: c.Year})
		var got []duban.Task
		switch {
		case err == nil:
			got = n.Tasks
		case !errors.Is(err, extract.ErrNoTasks):
			fmt.Fprintln(os.Stderr, "realscore:", err)
		}
		r := score.Compare(c.Want.Tasks, got)
		total.Add(r)
		fmt.Printf("%-50s %s\n", filepath.Base(f), r)
	}
	fmt.Printf("%-50s %s\n", "OVERALL", total)
	if failed {
		os.Exit(1)
	}
}
