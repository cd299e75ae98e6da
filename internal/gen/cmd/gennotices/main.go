// Command gennotices writes generated notices into a folder, for trying
// and measuring duban on many notices:
//
//	go run ./internal/gen/cmd/gennotices -n 1000 -o /tmp/notices
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/duban/duban/internal/gen"
	"github.com/duban/duban/templates"
)

func main() {
	n := flag.Int("n", 100, "number of notices")
	seed := flag.Int64("seed", 1, "series seed (same seed, same notices)")
	out := flag.String("o", "generated", "output folder")
	formats := flag.String("formats", "txt,pdf,docx", "formats to draw from")
	sources := flag.String("from", "seeds/lianyungang-2024-22.txt,testdata/styles/haichuan-2025-7.txt,testdata/styles/dongling-2025-19.txt",
		"comma-separated UTF-8 notices to mine for tasks, sections and units")
	flag.Parse()
	if err := run(*n, *seed, *out, strings.Split(*formats, ","), strings.Split(*sources, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "gennotices:", err)
		os.Exit(1)
	}
}

func run(n int, seed int64, out string, formats, sources []string) error {
	var texts []string
	for _, p := range sources {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
	}
	c := gen.LoadCorpus(texts...)
	if len(c.Tasks) == 0 || len(c.Units) == 0 || len(c.Sections) == 0 {
		return fmt.Errorf("%s: no tasks, units or sections found to vary", strings.Join(sources, ", "))
	}
	files, err := c.Files(seed, n, formats, templates.Font())
	if err != nil {
		return err
	}
	return gen.WriteDir(out, files)
}
