package sheet

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// assessValueWords are the words assessment cells are read with, folded,
// in every language at once.
type assessValueWords struct {
	yes, no, unassessed, blank, zero, units []string
	sources                                 map[string]assessField // a fund source's words → its part; assessNone for "none"
}

var assessValues = sync.OnceValue(func() *assessValueWords {
	v := recognise()
	w := &assessValueWords{
		yes: v.list("assessimport.value.yes"), no: v.list("assessimport.value.no"),
		unassessed: v.list("assessimport.value.unassessed"), blank: v.list("assessimport.value.blank"),
		zero: v.list("assessimport.value.zero"), units: v.list("assessimport.value.units"),
		sources: map[string]assessField{},
	}
	for code, f := range map[string]assessField{"district": assessFundsDistrict, "transferred": assessFundsTransferred,
		"self": assessFundsSelf, "none": assessNone} {
		for _, s := range v.list("assessimport.value.source." + code) {
			w.sources[s] = f
		}
	}
	return w
})

// assessCell is one cell read: the number, yes/no, role, fund source or
// text it says, by the field's kind.
type assessCell struct {
	set        bool
	num        float64
	yes        bool
	role       model.Role
	unassessed bool        // the role cell says 未评估
	source     assessField // the fund source's part; assessNone for 无
	text       string
}

// readAssessCell reads a cell of field f. A blank cell (or "-", "/") is
// not set; a cell that cannot be read returns the reason.
func readAssessCell(f assessField, raw string) (assessCell, words.Msg) {
	text := unneutralise(cleanText(raw, f != assessVetoBasis))
	w := assessValues()
	folded := fold(text)
	if text == "" || containsString(w.blank, folded) {
		return assessCell{}, words.Msg{}
	}
	spec := assessSpecs[f]
	bad := func(key string, args ...any) (assessCell, words.Msg) {
		return assessCell{}, words.M(key, append([]any{"field", f.name(), "value", clip(text)}, args...)...)
	}
	switch spec.kind {
	case valueText:
		if len(text) > model.MaxText {
			return assessCell{}, words.M("assessimport.row.too_long", "field", f.name(), "max", model.MaxText)
		}
		return assessCell{set: true, text: text}, words.Msg{}
	case valueYesNo:
		switch {
		case containsString(w.yes, folded):
			return assessCell{set: true, yes: true}, words.Msg{}
		case containsString(w.no, folded) || f == assessAssessed && containsString(w.unassessed, folded):
			return assessCell{set: true}, words.Msg{}
		}
		return bad("assessimport.row.bad_yes_no", "yes", words.M("assessimport.word.yes"), "no", words.M("assessimport.word.no"))
	case valueRole:
		if containsString(w.unassessed, folded) {
			return assessCell{set: true, unassessed: true}, words.Msg{}
		}
		if r, ok := model.ParseRole(text); ok {
			return assessCell{set: true, role: r}, words.Msg{}
		}
		return bad("assessimport.row.bad_role", "lead", model.RoleLead.Name(), "support", model.RoleSupport.Name(),
			"none", model.RoleNone.Name(), "unassessed", words.M("assessimport.word.unassessed"))
	case valueSource:
		if part, ok := w.sources[folded]; ok {
			return assessCell{set: true, source: part}, words.Msg{}
		}
		return bad("assessimport.row.bad_source", "district", words.M("assessimport.source.district"),
			"transferred", words.M("assessimport.source.transferred"), "self", words.M("assessimport.source.self"))
	}
	if containsString(w.zero, folded) {
		return assessCell{set: true}, words.Msg{}
	}
	x, ok := readNumber(text, w.units)
	switch {
	case !ok:
		return bad("assessimport.row.bad_number")
	case x < 0 || x > spec.max:
		return bad("assessimport.row.out_of_range", "max", strconv.FormatFloat(spec.max, 'f', -1, 64))
	case spec.kind == valueWhole && x != math.Trunc(x):
		return bad("assessimport.row.not_whole")
	}
	return assessCell{set: true, num: x}, words.Msg{}
}

// readNumber reads "12", "1,200", "２.５", "12次", "30 万元".
func readNumber(s string, units []string) (float64, bool) {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	for _, u := range units { // longest last in the list does not matter: a unit is cut once
		if t := strings.TrimSpace(strings.TrimSuffix(s, u)); t != s && t != "" {
			s = t
			break
		}
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// assessRow is one row's assessment cells and the columns they came from.
type assessRow struct {
	cells [assessFieldCount]assessCell
	cols  [assessFieldCount]int
}

// hasIndicators reports whether the row gives any fact beyond its state.
func (r *assessRow) hasIndicators() bool {
	for f := assessRole; f < assessFieldCount; f++ {
		if f.indicator() && r.cells[f].set {
			return true
		}
	}
	return false
}

// empty reports whether the row gives nothing at all.
func (r *assessRow) empty() bool {
	for _, c := range r.cells {
		if c.set {
			return false
		}
	}
	return true
}

// firstColumn is the column of the first cell the row gives, for messages
// about the row's assessment as a whole.
func (r *assessRow) firstColumn() int {
	for f, c := range r.cells {
		if c.set {
			return r.cols[f]
		}
	}
	return -1
}

// assessState is what a row says of whether the duty is assessed.
type assessState int

const (
	stateUnsaid     assessState = iota // neither a role nor an assessed column says
	stateAssessed                      // a role, or 已评估
	stateUnassessed                    // 未评估, or 否 in the assessed column
)

// state is the row's assessed state: an explicit "not assessed" wins.
func (r *assessRow) state() assessState {
	role, as := r.cells[assessRole], r.cells[assessAssessed]
	switch {
	case role.set && role.unassessed, as.set && !as.yes:
		return stateUnassessed
	case role.set, as.set && as.yes:
		return stateAssessed
	}
	return stateUnsaid
}

// applyTo writes the row's cells over a: only the cells it gives. A fund
// source names where all the funds held come from, unless the row gives
// the amounts by source itself.
func (r *assessRow) applyTo(a *model.Assessment) {
	for f := assessRole; f < assessFieldCount; f++ {
		c := r.cells[f]
		if !c.set {
			continue
		}
		switch {
		case f.whole(a) != nil:
			*f.whole(a) = int(c.num)
		case f.amount(a) != nil:
			*f.amount(a) = c.num
		case f == assessRole && !c.unassessed:
			a.Role = c.role
		case f == assessVeto:
			a.Veto = c.yes
		case f == assessVetoBasis:
			a.VetoBasis = c.text
		}
	}
	src := r.cells[assessFundSource]
	parts := []assessField{assessFundsDistrict, assessFundsTransferred, assessFundsSelf}
	byAmount := false
	for _, p := range parts {
		byAmount = byAmount || r.cells[p].set
	}
	if src.set && !byAmount {
		for _, p := range parts {
			*p.amount(a) = 0
		}
		if src.source != assessNone {
			*src.source.amount(a) = a.FundsHeld
		}
	}
}

// rowRejections collects the rejections of one row, each a copy of the
// row's entry naming the column (col < 0: the row as a whole).
type rowRejections struct {
	e        Entry
	headerOf func(col int) string
	list     []Entry
}

func (rr *rowRejections) add(col int, m words.Msg) {
	re := rr.e
	re.Status, re.Reason = StatusRejected, m
	if col >= 0 {
		re.Column = columnLabel(col, rr.headerOf(col))
	}
	rr.list = append(rr.list, re)
}
