//go:build screenshot || ci

package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// Every view renders without error, and each picture has the window's
// size. One configuration here; the others (English, a projector's
// 1920×1080) are a command away: rpbmatrix screenshot --out DIR --lang en --size 1920x1080.
func TestScreenshotsRenderEveryView(t *testing.T) {
	cases := []struct {
		lang string
		size fyne.Size
	}{
		{"zh", fyne.NewSize(1440, 900)},
	}
	t.Cleanup(func() { SetLanguage("zh") })
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s-%.0fx%.0f", c.lang, c.size.Width, c.size.Height), func(t *testing.T) {
			dir := t.TempDir()
			if err := Screenshots(dir, "", c.lang, c.size); err != nil {
				t.Fatal(err)
			}
			names := []string{fmt.Sprintf("%d-overview-office.png", len(shotNames)+1)}
			for i, n := range shotNames {
				names = append(names, fmt.Sprintf("%d-%s.png", i+1, n))
			}
			for _, n := range names {
				f, err := os.Open(filepath.Join(dir, n))
				if err != nil {
					t.Fatal(err)
				}
				cfg, err := png.DecodeConfig(f)
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", n, err)
				}
				if cfg.Width != int(c.size.Width) || cfg.Height != int(c.size.Height) {
					t.Errorf("%s: %dx%d, want %v", n, cfg.Width, cfg.Height, c.size)
				}
			}
		})
	}
}
