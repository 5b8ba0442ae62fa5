package linebreak

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixedAdvance measures CJK characters as 1 and everything else as 0.5.
func fixedAdvance(r rune) float64 {
	if utf8.RuneLen(r) >= 3 {
		return 1
	}
	return 0.5
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "垃圾分类", 4, []string{"垃圾分类"}},
		{"breaks between characters", "组织开展安全生产隐患排查", 5, []string{"组织开展安", "全生产隐患", "排查"}},
		{"closing punctuation never starts a line", "负责垃圾分类，督促落实", 6, []string{"负责垃圾分", "类，督促落实"}},
		{"run of closing punctuation moves together", "做好排查。”其后", 4, []string{"做好排", "查。”其", "后"}},
		{"opening bracket never ends a line", "做好排查（第3项）", 5, []string{"做好排查", "（第3项）"}},
		{"latin word kept whole", "填报 APP 系统", 2.5, []string{"填报", "APP", "系统"}},
		{"long word broken by character", "ABCDEFGHIJ", 2, []string{"ABCD", "EFGH", "IJ"}},
		{"explicit newline", "第一行\n第二行", 10, []string{"第一行", "第二行"}},
		{"empty", "", 3, []string{""}},
		{"character wider than line", "街道", 0.5, []string{"街", "道"}},
		{"closing parenthesis never starts a line", "负责巡查（每周）", 6, []string{"负责巡查（每", "周）"}},
		{"number stays with its unit", "追加经费 0.6 万元用于", 6, []string{"追加经费", "0.6 万元用于"}},
		{"number stays with its unit without a space", "追加经费0.6万元用于", 5.5, []string{"追加经费", "0.6万元用于"}},
		{"symbol stays with its number", "资金缺口 G 1.7 亿元", 5, []string{"资金缺口", "G 1.7 亿元"}},
		{"percent stays with its number", "完成率达到 95%", 6, []string{"完成率达到", "95%"}},
		{"glued piece wider than a line breaks where UAX 14 allows", "经费 0.6 万元。", 3, []string{"经费", "0.6 万", "元。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.text, tt.width, fixedAdvance)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapTextKeepsEveryCharacter checks, over many widths, that no line is
// wider than allowed (unless it is one character) and that joining the lines
// gives back the text without its spaces at breaks.
func TestWrapTextKeepsEveryCharacter(t *testing.T) {
	text := "配合做好城市道路占用费征收（第128项），督促落实“一票否决”事项；APP 填报 12 次/月、留痕 3.5 小时。"
	for w := 1.0; w <= 30; w += 0.5 {
		lines := Wrap(text, w, fixedAdvance)
		joined := strings.Join(lines, "")
		if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %v: characters lost or reordered:\n%q\n%q", w, joined, text)
		}
		for _, l := range lines {
			var lw float64
			for _, r := range l {
				lw += fixedAdvance(r)
			}
			if lw > w && utf8.RuneCountInString(l) > 1 && !strings.ContainsAny(l, "（“") {
				t.Errorf("width %v: line %q is %v wide", w, l, lw)
			}
			if r, _ := utf8.DecodeRuneInString(l); strings.ContainsRune("，。；、）”", r) && len(lines) > 1 && w >= 3 {
				t.Errorf("width %v: line %q starts with closing punctuation", w, l)
			}
		}
	}
}

func TestBreakOpportunities(t *testing.T) {
	tests := []struct {
		text    string
		noBreak []string // pieces no break may fall inside
	}{
		{"合计 0.6 万元", []string{"0.6 万元"}},
		{"缺口 G 1.7，权重 W 3", []string{"G 1.7，", "W 3"}},
		{"（第128项）", []string{"（第", "128项）"}},
		{"共 12 人次", []string{"12 人次"}},
	}
	for _, tt := range tests {
		text := []rune(tt.text)
		can := BreakOpportunities(text)
		for _, piece := range tt.noBreak {
			at := strings.Index(tt.text, piece)
			if at < 0 {
				t.Fatalf("%q not in %q", piece, tt.text)
			}
			start := utf8.RuneCountInString(tt.text[:at])
			for i := start + 1; i < start+utf8.RuneCountInString(piece); i++ {
				if can[i] {
					t.Errorf("%q: a break may fall before %q inside %q", tt.text, string(text[i]), piece)
				}
			}
		}
	}
}

// Wrap, and Find's Wrap, agree with the reference filler (reference_test.go) on every text
// and width tried: random mixes of Chinese, punctuation, numbers with
// units, Latin words, spaces and newlines, measured in round and in
// awkward widths.
func TestWrapAgreesWithReference(t *testing.T) {
	parts := []string{"街道", "负责", "巡查", "，", "。", "（", "）", "“", "”", "、", "0.6", "万元", "12", " ", "  ",
		"APP", "填报", "G", "1.7", "%", "\n", "ABCDEFGHIJKL", "垃圾分类督促落实", "；", "—", "…", "\t"}
	awkward := func(r rune) float64 { return 0.37 + float64(r%7)*0.113 }
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 1200; n++ {
		var b strings.Builder
		for k := rng.IntN(14); k >= 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		found := Find(text)
		for _, adv := range []func(rune) float64{fixedAdvance, awkward} {
			for w := 0.25; w <= 14; w += 0.75 {
				got, want := Wrap(text, w, adv), refWrap(text, w, adv)
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Fatalf("Wrap(%q, %v) = %q, reference %q", text, w, got, want)
				}
				if found := found.Wrap(w, adv); strings.Join(found, "|") != strings.Join(want, "|") {
					t.Fatalf("Find(%q).Wrap(%v) = %q, reference %q", text, w, found, want)
				}
			}
		}
	}
}
