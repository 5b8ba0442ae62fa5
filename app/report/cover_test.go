package report

import (
	"strings"
	"testing"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/model/words"
)

// TestCoverFactsStartOnPageOne prints every demo office's cover: the
// balance index, the facts and the findings by rule start on page 1 below
// the narrative summary (kept whole, they once moved to page 2 and left
// page 1's lower half empty); the findings by rule go on over the page
// with their header and a continued caption.
func TestCoverFactsStartOnPageOne(t *testing.T) {
	p, err := demo.Project()
	if err != nil {
		t.Fatal(err)
	}
	r := model.Analyze(p)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			balance := nospace(words.Say(lang, "term.balance_index"))
			byRule := nospace(words.Say(lang, "report.cover.by_rule"))
			kind := nospace(words.Say(lang, "report.fact.office_kind"))
			continued := nospace(words.Say(lang, "report.continued", "title", words.Say(lang, "report.cover.by_rule")))
			for _, o := range p.Offices {
				pdf, _ := write(t, p, r, Options{Sections: []Section{SectionCover}, Offices: []model.ID{o.ID}, Lang: lang})
				pages := pdfText(t, pdf)
				if len(pages) == 0 || len(pages) > 2 {
					t.Fatalf("%s: %d pages, want 1 or 2", o.Name, len(pages))
				}
				for _, want := range []string{balance, kind, byRule} {
					if !strings.Contains(pages[0], want) {
						t.Errorf("%s: page 1 lacks %q", o.Name, want)
					}
				}
				if len(pages) == 2 && !strings.Contains(pages[1], continued) {
					t.Errorf("%s: page 2 does not continue the findings by rule under %q", o.Name, continued)
				}
				t.Logf("%s: %d pages", o.Name, len(pages))
			}
		})
	}
}

func TestRowsWithin(t *testing.T) {
	rows := []laidRow{{h: 10}, {h: 10}, {h: 10}, {h: 10}}
	for _, tt := range []struct {
		room float64
		want int
	}{
		{45, 4}, {40, 4}, {39, 2}, {25, 2}, {19, 1}, {5, 0},
	} {
		if got := rowsWithin(rows, tt.room); got != tt.want {
			t.Errorf("rowsWithin(4×10, %v) = %d, want %d", tt.room, got, tt.want)
		}
	}
}
