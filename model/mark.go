package model

import "rpbmatrix/model/words"

// Mark is how an office holds one authority a duty requires, as the matrix
// shows it on screen, in the workbook and in print. Its glyph and colours
// are in model/palette, its name in the word catalogue (mark.<code>).
type Mark int

const (
	MarkNotNeeded Mark = iota // the duty does not require it
	MarkHeld                  // held and fully exercised
	MarkPartial               // held, exercised in part
	MarkPaper                 // held on paper only (接不住)
	MarkMissing               // required and not held (有责无权)
)

// Marks lists the marks in legend order.
var Marks = []Mark{MarkHeld, MarkPartial, MarkPaper, MarkMissing, MarkNotNeeded}

var markCodes = [...]string{MarkNotNeeded: "not_needed", MarkHeld: "held", MarkPartial: "partial", MarkPaper: "paper", MarkMissing: "missing"}

// MarkOf is the mark of a holding of a required authority (nil: not held).
func MarkOf(h *Holding) Mark {
	switch {
	case h == nil:
		return MarkMissing
	case h.DeFacto == LevelFull:
		return MarkHeld
	case h.DeFacto == LevelPartial:
		return MarkPartial
	case h.DeJure:
		return MarkPaper
	}
	return MarkMissing
}

// Code is the mark's stable English code.
func (m Mark) Code() string {
	if m < 0 || int(m) >= len(markCodes) {
		return ""
	}
	return markCodes[m]
}

// Name names the mark.
func (m Mark) Name() words.Msg { return enumName("mark.", m.Code()) }
