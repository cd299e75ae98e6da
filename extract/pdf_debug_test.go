package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestPDFDebugDump(t *testing.T) {
	path := os.Getenv("PDFDUMP")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	doc, err := PDFReader{}.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Table != nil {
			fmt.Printf("[%d p%d] TABLE\n", b.Line, b.Page)
			for _, r := range b.Table.Rows {
				fmt.Print("   |")
				for _, c := range r {
					fmt.Printf(" %s |", c.Text)
				}
				fmt.Println()
			}
			continue
		}
		fmt.Printf("[%d p%d] %s\n", b.Line, b.Page, b.Text)
	}
}
