package sheet

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Paper sizes in the OOXML numbering.
const (
	paperA4 = 9
	paperA3 = 8
)

// setPrintLayout makes a sheet print landscape, one page wide, on A3 when
// it has many columns, with the rows up to headerRow repeated on every page:
// the matrix is printed and filed (DESIGN §1).
func setPrintLayout(f *excelize.File, sheet string, columns, headerRow int) error {
	landscape, one, any := "landscape", 1, 0
	size := paperA4
	if columns > 24 {
		size = paperA3
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margin := 0.4
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin}); err != nil {
		return err
	}
	if headerRow <= 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, headerRow)})
}
