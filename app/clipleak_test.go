//go:build screenshot || ci

package app

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entries scrolled out of a scroll are not drawn over what lies below it
// (the stray "2" under the matrix legend was an entry of the detail panel).
func TestCaptureDrawsNothingOfEntriesScrolledOut(t *testing.T) {
	test.NewTempApp(t)
	var entries []fyne.CanvasObject
	for range 30 {
		e := widget.NewEntry()
		e.SetText("2")
		entries = append(entries, e)
	}
	// An empty area below the scroll, drawn before it so nothing covers a leak.
	below := canvas.NewRectangle(color.Transparent)
	below.SetMinSize(fyne.NewSize(10, 200))
	scroll := container.NewVScroll(container.NewVBox(entries...))
	w := test.NewTempWindow(t, container.New(&belowLayout{h: 200}, below, scroll))
	w.Resize(fyne.NewSize(300, 400))

	img := capture(w)
	empty := color.NRGBAModel.Convert(theme.Color(theme.ColorNameBackground))
	// The empty area, less a margin for the window's padding.
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(below)
	area := image.Rect(int(at.X), int(at.Y), int(at.X+below.Size().Width), int(at.Y+below.Size().Height)).Inset(8)
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			if c := color.NRGBAModel.Convert(img.At(x, y)); c != empty {
				t.Fatalf("pixel (%d, %d) below the scroll is %v, want the background %v", x, y, c, empty)
			}
		}
	}
	for _, e := range entries {
		if !e.Visible() {
			t.Fatal("capture left an entry hidden")
		}
	}
}

// belowLayout puts the first object, h high, below the second.
type belowLayout struct{ h float32 }

func (l *belowLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	objs[1].Move(fyne.Position{})
	objs[1].Resize(fyne.NewSize(s.Width, s.Height-l.h))
	objs[0].Move(fyne.NewPos(0, s.Height-l.h))
	objs[0].Resize(fyne.NewSize(s.Width, l.h))
}

func (l *belowLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(10, l.h+50) }
