// Command segcheck loads the segmenter and prints the words of each
// argument, one sentence a line, words separated by "/". It exists to test
// that a copied binary finds its dictionaries and to measure loading
// (`/usr/bin/time -v segcheck 句子`).
package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/duban/duban/extract/segment"
)

func main() {
	start := time.Now()
	s, err := segment.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "segcheck:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "segcheck: loaded in %d ms\n", time.Since(start).Milliseconds())
	s.AddUnits([]string{"市发改委"})
	for _, a := range os.Args[1:] {
		fmt.Println(strings.Join(s.Cut(a), "/"))
	}
}
