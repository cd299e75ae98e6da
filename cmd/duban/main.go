// Command duban turns Chinese government notices into task records, unit
// sheets, task ledgers and quarterly reports. It only wires flags to the
// extract and render packages.
package main

import (
	"fmt"
	"os"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "version" {
		fmt.Println("duban", version)
		return
	}
	fmt.Fprintln(os.Stderr, "usage: duban run|extract|render|version")
	os.Exit(2)
}
