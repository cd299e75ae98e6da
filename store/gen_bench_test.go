package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/duban/duban"
)

// BenchmarkGenerations reads the generations of a store of 200 notices of
// 60 tasks each, as the console does on every request.
func BenchmarkGenerations(b *testing.B) {
	s, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	n := &duban.Notice{Title: "t"}
	for i := range 60 {
		n.Tasks = append(n.Tasks, duban.Task{ID: fmt.Sprint(i), Text: strings.Repeat("加强统筹协调，", 40)})
	}
	for i := range 200 {
		if err := s.PutExtracted(fmt.Sprint("n", i), nil, n); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, _, err := s.Generations(); err != nil {
			b.Fatal(err)
		}
	}
}
