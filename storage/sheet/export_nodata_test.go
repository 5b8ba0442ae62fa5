package sheet

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// A workbook written WithoutDataSheet has no data sheet and no word of
// one: it is not taken for a project file, its visible sheets still
// import (the three lists as the same duties, the matrix as the
// catalogue), while the same workbook with its data sheet still comes
// back whole (TestWorkbookRoundTrip holds every field to it).
func TestWithoutDataSheet(t *testing.T) {
	p := demoProject(t)
	res := model.Analyze(p)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, ...Option) error
	}{
		{workbookMatrix, func(b *bytes.Buffer, opts ...Option) error { return WriteXLSX(b, p, res, "", "zh", opts...) }},
		{workbookLists, func(b *bytes.Buffer, opts ...Option) error { return WriteListsXLSX(b, p, res, "", "zh", opts...) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var with, without bytes.Buffer
			if err := tc.write(&with); err != nil {
				t.Fatal(err)
			}
			if err := tc.write(&without, WithoutDataSheet()); err != nil {
				t.Fatal(err)
			}
			if path := writeTemp(t, "with.xlsx", with.Bytes()); !IsProjectFile(path) {
				t.Fatal("with its data sheet: not recognised as a project workbook")
			}
			path := writeTemp(t, "without.xlsx", without.Bytes())
			if IsProjectFile(path) {
				t.Error("without its data sheet: recognised as a project workbook")
			}
			if _, err := ReadProjectFile(path); !errors.Is(err, ErrNoProjectData) {
				t.Errorf("ReadProjectFile: %v, want ErrNoProjectData", err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(without.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			legendNote := words.Say("zh", "sheet.legend.data_sheet", "sheet", dataSheetName)
			for _, name := range f.GetSheetList() {
				if strings.HasPrefix(name, dataSheetName) {
					t.Errorf("sheet %s written", name)
				}
				rows, _ := f.GetRows(name)
				for _, r := range rows {
					for _, c := range r {
						if c == legendNote {
							t.Errorf("sheet %s speaks of the data sheet", name)
						}
					}
				}
			}
			if without.Len() >= with.Len() {
				t.Errorf("without the data sheet %d bytes, with it %d", without.Len(), with.Len())
			}

			q, _ := importExport(t, "without.xlsx", without.Bytes())
			if tc.name == workbookLists {
				got, want := listDutiesOf(q, q.DutyList()), listDutiesOf(p, p.DutyList())
				if len(got) != len(want) {
					t.Fatalf("%d duties imported, want %d", len(got), len(want))
				}
				for i := range want {
					if got[i] != want[i] {
						t.Errorf("duty\n %+v, want\n %+v", got[i], want[i])
					}
				}
			} else if len(q.Duties) != len(p.Duties) {
				t.Errorf("%d duties imported from the office sheets, want %d", len(q.Duties), len(p.Duties))
			}
		})
	}
}
