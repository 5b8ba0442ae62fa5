package app

import (
	"flag"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// -update rewrites the golden pictures in testdata from the current rendering.
var update = flag.Bool("update", false, "rewrite testdata/*.png from the current rendering")

// The overview and the heat map of the demo project, rendered by the
// software driver with the embedded fonts, so the pictures are the same on
// every machine. A failed comparison leaves the new picture in testdata/failed.
func TestGoldenViews(t *testing.T) {
	cases := []struct {
		name string
		tab  int
		lang string
	}{
		{"overview-zh.png", tabOverview, "zh"},
		{"heatmap-zh.png", tabHeatmap, "zh"},
		{"overview-en.png", tabOverview, "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _ := newTestWindow(t)
			m.switchLanguage(c.lang)
			m.win.Resize(fyne.NewSize(1280, 800))
			m.tabs.SelectIndex(c.tab)
			// The status bar names the temporary file, which differs per run.
			full := m.win.Canvas().Capture()
			b := full.Bounds()
			b.Max.Y -= int(m.status.MinSize().Height) + 2
			img := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
			draw.Draw(img, img.Bounds(), full, b.Min, draw.Src)
			if *update {
				writePNG(t, filepath.Join("testdata", c.name), img)
				return
			}
			test.AssertImageMatches(t, c.name, img)
		})
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
