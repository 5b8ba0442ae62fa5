package sheet

import (
	"errors"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// refuseTooLarge rejects the import, each file with data (withData) once,
// when the project it would give has more office × duty pairs than the analysis can hold
// (model.CheckSize): the file could be written but not opened again.
func (pl *planner) refuseTooLarge(files []string, withData map[string]bool) {
	newDuties := 0
	for _, pd := range pl.order {
		if pd.isNew {
			newDuties++
		}
	}
	err := model.CheckSize(len(pl.p.Offices)+len(pl.newOffs), len(pl.p.Duties)+newDuties)
	var tooLarge *model.SizeError
	if !errors.As(err, &tooLarge) {
		return
	}
	reason := words.M("sheet.import.too_large_duties", "counts", tooLarge.Counts(), "limit", tooLarge.Limit)
	if n := tooLarge.PerCopy(); n > 0 {
		reason = words.M("sheet.import.too_large", "counts", tooLarge.Counts(), "limit", tooLarge.Limit, "per_copy", n)
	}
	for _, f := range files {
		if !withData[f] {
			continue
		}
		pl.report.Entries = append(pl.report.Entries, Entry{File: f, Status: StatusRejected, Reason: reason})
	}
}
