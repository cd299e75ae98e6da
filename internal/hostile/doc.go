// Package hostile generates the inputs an attacker (or a very unlucky
// office) sends: files small or ordinary-looking on the outside that make a
// naive reader run for minutes, take gigabytes or crash. Tests build them
// here instead of committing large files, and `genhostile` writes them to a
// folder for measuring the command line with /usr/bin/time.
//
// Every generator is deterministic. Those that damage a real notice take
// its bytes (the sample PDF or TXT) as an argument.
package hostile
