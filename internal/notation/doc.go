// Package notation holds what both the notice readers and the structure
// parser know of how a Chinese notice is written: character classes and
// byte-level scans of CJK text (whitespace, ideograph runs, spacing
// repair), outline markers (一、（一）1.（1）①), field labels (牵头单位：,
// 完成时限：, 【责任单位】 and coined ones), brackets, numerals and the
// header words of a task table.
//
// It is the one home of these facts: a reader that needs to know whether
// a line starts with an outline number or a field label asks here, and
// never imports the parser.
package notation
