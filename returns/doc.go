// Package returns writes the return sheet (填报表) a unit fills in and sends
// back — its tasks with a 完成状态 dropdown and free-text progress columns,
// a header block, a 合计 row and signature lines — and reads returned ones
// back, row by row, matched by the task ids the sheet carries in a hidden
// column and a hidden sheet, so rows reordered, sorted, filtered or deleted
// in Excel, WPS or LibreOffice still match.
package returns
