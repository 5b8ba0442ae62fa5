//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/app/wraplabel"
	"rpbmatrix/model/words"
)

// In a picture of the matrix with the detail panel open, each finding's
// reason, wrapped to the panel's width, ends above the next finding's
// badge: every finding takes the height its reason needs.
func TestCaptureGivesWrappedReasonsTheirHeight(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1440, 900), fyne.NewSize(1024, 700)} {
		m := sharedWindow(t)
		m.win.Resize(size)
		office := weakestOffice(m.sess.Result())
		duty := worstDuty(m.sess.Result(), office)
		m.sess.SetOffice(office)
		m.sess.ShowMatrix(office, "", duty)
		capture(m.win)

		findings := m.sess.Result().FindingsFor(office, duty)
		if len(findings) < 2 {
			t.Fatalf("worst duty has %d findings; the test needs two", len(findings))
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject
		var tops, bottoms []float32 // of each finding's rule name and reason
		for _, f := range findings {
			name, reason := ruleName(f.Rule), m.sess.Result().Reason(f).In(words.Current())
			walk(m.matrix.Detail().CanvasObject(), func(o fyne.CanvasObject) {
				// Rule names are plain labels; reasons are broken by the
				// Chinese rules (wraplabel), whose Text holds the breaks.
				var text string
				switch x := o.(type) {
				case *widget.Label:
					text = x.Text
				case *wraplabel.Label:
					text = x.Source()
				default:
					return
				}
				l := o
				switch text {
				case name:
					tops = append(tops, pos(l).Y)
				case reason:
					if l.Size().Height < l.MinSize().Height {
						t.Errorf("%v: reason %q is %.0f high, needs %.0f", size, reason, l.Size().Height, l.MinSize().Height)
					}
					bottoms = append(bottoms, pos(l).Y+l.Size().Height)
				}
			})
		}
		if len(tops) != len(findings) || len(bottoms) != len(findings) {
			t.Fatalf("%v: found %d rule names and %d reasons for %d findings", size, len(tops), len(bottoms), len(findings))
		}
		for i := 1; i < len(findings); i++ {
			if bottoms[i-1] > tops[i] {
				t.Errorf("%v: reason of finding %d ends at %.0f, below the top of finding %d at %.0f", size, i, bottoms[i-1], i+1, tops[i])
			}
		}
	}
}
