package report

import (
	"math"
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
)

// TestDistrictSectionsKeptByMeasure prints the demo's district report: its
// heat map fits below the summary on page 1, so it must start there (a
// fixed estimate of its height once moved it whole to page 2 in English,
// leaving page 1 two-thirds empty and spilling the rest onto a third page).
// The demo's marking, version and document number take the room of the
// heat map's last rows in English, so they are left out here.
func TestDistrictSectionsKeptByMeasure(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Marking, p.Info.Version, p.Info.DocNumber = "", "", ""
	r := model.Analyze(p)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			pdf, _ := write(t, p, r, Options{Sections: []Section{SectionDistrict}, Lang: lang})
			pages := pdfText(t, pdf)
			if len(pages) != 2 {
				t.Errorf("%d pages, want 2", len(pages))
			}
			heat := nospace(words.Say(lang, "report.heat.title", "ratio", words.M("term.gap_ratio")))
			if len(pages) == 0 || !strings.Contains(pages[0], heat) {
				t.Errorf("the heat map does not start on page 1")
			}
		})
	}
}

// TestMeasuredHeightIsDrawnHeight checks that a table laid out and measured
// takes exactly that height when drawn.
func TestMeasuredHeightIsDrawnHeight(t *testing.T) {
	f := newFixture(0)
	fonts, err := newFontSet()
	if err != nil {
		t.Fatal(err)
	}
	d, err := newDoc(f.p, f.r, Options{Lang: "en", Paper: A4, Now: testNow}, fonts)
	if err != nil {
		t.Fatal(err)
	}
	d.newPage("")
	for _, texts := range [][]string{
		{"a", "b"},
		{strings.Repeat("long words wrapping ", 12), "b"},
		{"街道", strings.Repeat("乡镇", 60)},
	} {
		tb := newTable(d, []column{{title: "one", width: 80}, {title: "two", width: 200}}, body)
		rows := []laidRow{tb.layout([]cell{{text: texts[0]}, {text: texts[1]}}), tb.layout([]cell{{text: "x"}, {text: "y"}})}
		want := tb.height(rows)
		d.y = d.top
		tb.drawEnding(rows, 0)
		if got := d.y - d.top; math.Abs(got-want) > 1e-6 {
			t.Errorf("%q: measured %.1f, drawn %.1f", texts[0], want, got)
		}
	}
}
