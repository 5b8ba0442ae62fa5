//go:build ci

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
			m := sharedWindow(t)
			m.switchLanguage(c.lang)
			m.win.Resize(fyne.NewSize(1280, 800))
			m.tabs.SelectIndex(c.tab)
			// The status bar names the temporary file, which differs per run.
			full := capture(m.win)
			b := full.Bounds()
			b.Max.Y -= int(m.status.MinSize().Height) + 2
			img := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
			draw.Draw(img, img.Bounds(), full, b.Min, draw.Src)
			if *update {
				writePNG(t, filepath.Join("testdata", c.name), img)
				return
			}
			assertImageMatches(t, c.name, img)
		})
	}
}

// assertImageMatches compares img with testdata/name pixel by pixel and,
// on a difference, saves img as testdata/failed/name and says how many
// pixels differ and where (Fyne's own helper prints every byte).
func assertImageMatches(t *testing.T, name string, img *image.NRGBA) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%v (run go test -tags ci ./app -run Golden -update to make it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != img.Bounds() {
		writePNG(t, filepath.Join("testdata", "failed", name), img)
		t.Fatalf("%s: size %v, want %v", name, img.Bounds().Size(), want.Bounds().Size())
	}
	diff, box := 0, image.Rectangle{}
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := img.At(x, y).RGBA()
			r2, g2, b2, a2 := want.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				diff++
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if diff > 0 {
		writePNG(t, filepath.Join("testdata", "failed", name), img)
		t.Errorf("%s: %d pixels differ within %v; the new picture is testdata/failed/%s", name, diff, box, name)
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
