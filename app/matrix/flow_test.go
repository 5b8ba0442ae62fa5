package matrix

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The legend asks for no more width than its widest item, whatever width it
// had before: a legend laid out on a wide window kept the window from
// getting narrower (at presentation size the detail panel went off screen).
func TestLegendMinWidthDoesNotFollowLastWidth(t *testing.T) {
	newTestApp(t)
	legend := newLegend()
	widest := float32(0)
	for _, o := range legend.Objects {
		widest = max(widest, o.MinSize().Width)
	}
	for _, w := range []float32{3000, 400, 1200} {
		legend.Resize(fyne.NewSize(w, 200))
		if got := legend.MinSize().Width; got != widest {
			t.Errorf("after a layout %v wide: min width %v, want the widest item's %v", w, got, widest)
		}
	}
	legend.Resize(fyne.NewSize(3000, 200))
	one := legend.MinSize().Height
	legend.Resize(fyne.NewSize(widest, 200))
	if many := legend.MinSize().Height; many <= one {
		t.Errorf("as narrow as its widest item the legend is %v high, no higher than on one line (%v)", many, one)
	}
}

// The filter bar keeps one line when the window is wide enough and moves
// the search box to a second line when it is not, instead of widening the view.
func TestFilterBarWrapsSearchWhenNarrow(t *testing.T) {
	newTestApp(t)
	bar := newFilterBar(func(Filter) {})
	c := bar.object.(*fyne.Container)
	selects := c.Objects[0]
	wide := selects.MinSize().Width + searchMin + 100
	c.Resize(fyne.NewSize(wide, 100))
	if bar.search.Position().Y != 0 || bar.search.Position().X < selects.MinSize().Width {
		t.Errorf("%v wide: search at %v, want beside the selects on the first line", wide, bar.search.Position())
	}
	narrow := selects.MinSize().Width + 10
	c.Resize(fyne.NewSize(narrow, 100))
	if bar.search.Position().Y <= 0 || bar.search.Size().Width < narrow/2 {
		t.Errorf("%v wide: search at %v size %v, want a line of its own", narrow, bar.search.Position(), bar.search.Size())
	}
	if got := c.MinSize(); got.Width > narrow || got.Height < 2*selects.MinSize().Height {
		t.Errorf("two-line bar asks for %v", got)
	}
}
