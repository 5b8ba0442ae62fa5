// Package theme is the look of RPB Matrix: the embedded Noto Sans SC fonts,
// light and dark colours, the severity palette that must read on a projector
// and in greyscale print, and the "presentation" text scale for meeting rooms.
//
// Import it under another name beside Fyne's theme package, e.g.
//
//	apptheme "rpbmatrix/app/theme"
package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"rpbmatrix/assets"
)

var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold)
)

// VariantMode says whether the theme follows the system or is forced.
type VariantMode int

const (
	VariantSystem VariantMode = iota // follow the desktop's light/dark setting
	VariantLight
	VariantDark
)

// Scales are the presentation steps Ctrl+= and Ctrl+- move between.
var Scales = []float32{0.9, 1, 1.15, 1.3, 1.5, 1.75, 2, 2.5}

// Theme is the application theme. Its zero value is not usable; use New.
type Theme struct {
	mode  VariantMode
	scale float32
}

// New returns a theme in mode at text scale (1 = normal).
func New(mode VariantMode, scale float32) *Theme {
	if scale <= 0 {
		scale = 1
	}
	return &Theme{mode: mode, scale: scale}
}

// Mode is the light/dark choice.
func (t *Theme) Mode() VariantMode { return t.mode }

// Scale is the presentation scale (1 = normal).
func (t *Theme) Scale() float32 { return t.scale }

// WithMode and WithScale return a copy with one setting changed; pass the
// copy to fyne.App.Settings().SetTheme so every widget refreshes.
func (t *Theme) WithMode(m VariantMode) *Theme { return &Theme{mode: m, scale: t.scale} }
func (t *Theme) WithScale(s float32) *Theme    { return New(t.mode, s) }
func (t *Theme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case VariantLight:
		return fynetheme.VariantLight
	case VariantDark:
		return fynetheme.VariantDark
	}
	return v
}

// Variant is the variant the theme draws with given the system's.
func (t *Theme) Variant(system fyne.ThemeVariant) fyne.ThemeVariant { return t.variant(system) }

// CurrentVariant is the variant the running app draws with: the system's,
// unless the app's theme forces light or dark. Views colouring their own
// shapes use it, not Settings().ThemeVariant(), which is the system's.
func CurrentVariant() fyne.ThemeVariant {
	s := fyne.CurrentApp().Settings()
	if t, ok := s.Theme().(*Theme); ok {
		return t.Variant(s.ThemeVariant())
	}
	return s.ThemeVariant()
}

// Color implements fyne.Theme.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	dark := v == fynetheme.VariantDark
	switch n {
	case fynetheme.ColorNamePrimary:
		if dark {
			return rgb(0x5B, 0x9B, 0xE6)
		}
		return rgb(0x1F, 0x5F, 0xA8)
	case fynetheme.ColorNameFocus:
		if dark {
			return color.NRGBA{0x5B, 0x9B, 0xE6, 0x7F}
		}
		return color.NRGBA{0x1F, 0x5F, 0xA8, 0x5F}
	case fynetheme.ColorNameSelection:
		if dark {
			return color.NRGBA{0x5B, 0x9B, 0xE6, 0x50}
		}
		return color.NRGBA{0x1F, 0x5F, 0xA8, 0x30}
	case fynetheme.ColorNameHyperlink:
		if dark {
			return rgb(0x8C, 0xBF, 0xFF)
		}
		return rgb(0x1A, 0x4F, 0x8F)
	}
	return fynetheme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme: Noto Sans SC for every style but monospace.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return fynetheme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// Icon implements fyne.Theme.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return fynetheme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme: every size grows with the presentation scale,
// so text, padding and icons stay in proportion on a projector.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	base := fynetheme.DefaultTheme().Size(n)
	switch n {
	case fynetheme.SizeNameText:
		base = 15 // CJK glyphs at Fyne's 14 are hard to read from a distance
	case fynetheme.SizeNameHeadingText:
		base = 26
	case fynetheme.SizeNameSubHeadingText:
		base = 19
	case fynetheme.SizeNameCaptionText:
		base = 12
	}
	return base * t.scale
}

// Font resources, for the PDF-free places that need the bytes (tests, canvas text).
func RegularFont() fyne.Resource { return fontRegular }
func BoldFont() fyne.Resource    { return fontBold }

// NextScale returns the step above (dir > 0) or below (dir < 0) s in Scales;
// dir = 0 returns 1.
func NextScale(s float32, dir int) float32 {
	if dir == 0 {
		return 1
	}
	if dir > 0 {
		for _, x := range Scales {
			if x > s+0.001 {
				return x
			}
		}
		return Scales[len(Scales)-1]
	}
	for i := len(Scales) - 1; i >= 0; i-- {
		if Scales[i] < s-0.001 {
			return Scales[i]
		}
	}
	return Scales[0]
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{r, g, b, 0xFF} }
