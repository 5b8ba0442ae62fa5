// Package wraplabel is a Fyne label that wraps Chinese text by the rules of
// package linebreak.
package wraplabel

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/linebreak"
)

// Label is a wrapping label that breaks its text by this package's rules
// instead of Fyne's (which breaks at the last space of a line, else at any
// character: a closing ） may start a line, "0.6 / 万元" splits). It breaks
// the text itself whenever its width changes and shows the lines with
// explicit newlines; Fyne's word wrap stays on underneath, so the label can
// still shrink with its window.
type Label struct {
	widget.Label
	source string
	width  float32 // the width the text was last broken for
}

// NewLabel makes a wrapping label showing text.
func NewLabel(text string) *Label {
	l := &Label{source: text}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Source is the text as given, before it was broken into lines.
func (l *Label) Source() string { return l.source }

// SetText shows new text, broken for the current width.
func (l *Label) SetText(text string) {
	l.source = text
	l.width = 0
	l.rebreak(l.Size().Width)
	l.Refresh()
}

// Resize breaks the text again for a new width.
func (l *Label) Resize(size fyne.Size) {
	if size.Width != l.width {
		l.rebreak(size.Width)
	}
	l.Label.Resize(size)
}

func (l *Label) rebreak(width float32) {
	l.width = width
	inner := width - 2*theme.InnerPadding()
	if inner <= 0 {
		l.Text = l.source
		return
	}
	style := l.TextStyle
	size := theme.TextSize()
	l.Text = strings.Join(linebreak.Wrap(l.source, float64(inner), func(r rune) float64 {
		return float64(fyne.MeasureText(string(r), size, style).Width)
	}), "\n")
}
