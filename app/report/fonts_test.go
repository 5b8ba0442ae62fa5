package report

import (
	"os"
	"testing"
	"unicode"

	"rpbmatrix/assets"
)

// The embedded fonts cover the characters of official use: GB2312 and the
// 8,105 characters of 通用规范汉字表 (assets/fonts/subset.sh cuts them),
// among them place-name characters outside GB2312.
func TestEmbeddedFontsCoverPlaceNames(t *testing.T) {
	set, err := newFontSet()
	if err != nil {
		t.Fatal(err)
	}
	kept, err := os.ReadFile("../../assets/fonts/subset-chars.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*face{set.regular, set.bold} {
		for _, r := range "垟垚堌犇淼喆玥旻珺浛" {
			if !f.covers(r) {
				t.Errorf("%s lacks %c (U+%04X)", f.family, r, r)
			}
		}
		han := 0
		for _, r := range string(kept) {
			if unicode.Is(unicode.Han, r) {
				han++
				if !f.covers(r) {
					t.Errorf("%s lacks %c (U+%04X), listed in subset-chars.txt", f.family, r, r)
				}
			}
		}
		if han < 8105 {
			t.Errorf("subset-chars.txt lists %d Han characters, want at least the 8,105 of 通用规范汉字表", han)
		}
	}
	if len(assets.FontLicence) < 1000 {
		t.Error("the OFL licence is not embedded beside the fonts")
	}
}
