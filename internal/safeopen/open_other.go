//go:build !unix

package safeopen

import "os"

// nonBlock is zero where opening a name cannot block on a pipe the way a
// Unix FIFO does; the type check after opening still refuses it.
const nonBlock = 0

func blocking(*os.File) error { return nil }
