// Package xlsxout holds what the writers of duban's workbooks share: the
// zip writer they save with and the saving itself. The large sheets are
// written row by row with excelize's StreamWriter, so a worksheet is
// neither held as structs while it is filled nor marshalled by
// encoding/xml when it is saved.
package xlsxout
