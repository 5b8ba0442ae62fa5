package model

// Mark is how an office holds one authority a duty requires, as the matrix
// shows it on screen, in the workbook and in print. Every medium uses the
// same glyphs so that a printout, a spreadsheet and the projector agree.
type Mark int

const (
	MarkNotNeeded Mark = iota // the duty does not require it
	MarkHeld                  // ● held and fully exercised
	MarkPartial               // ◐ held, exercised in part
	MarkPaper                 // ○ held on paper only (接不住)
	MarkMissing               // × required and not held (有责无权)
)

// Marks lists the marks in legend order.
var Marks = []Mark{MarkHeld, MarkPartial, MarkPaper, MarkMissing, MarkNotNeeded}

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

// Symbol is the mark's glyph (blank when not needed); every glyph is in the
// embedded font subset.
func (m Mark) Symbol() string {
	return [...]string{MarkNotNeeded: "", MarkHeld: "●", MarkPartial: "◐", MarkPaper: "○", MarkMissing: "×"}[m]
}

// Name names the mark in both languages.
func (m Mark) Name() Msg {
	return [...]Msg{
		MarkNotNeeded: {"不需要", "Not needed"}, MarkHeld: {"实际持有", "Held"},
		MarkPartial: {"部分行使", "Partly exercised"}, MarkPaper: {"仅纸面持有", "On paper only"},
		MarkMissing: {"缺失", "Missing"},
	}[m]
}
