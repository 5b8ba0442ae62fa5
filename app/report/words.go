package report

import (
	"image/color"
	"strconv"
	"strings"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// The report's words are catalogue keys "report.*" (and the shared
// "term.*"), worded in d.lang where they are printed; data (names, notes)
// is printed as entered.

// sectionTitle numbers a heading within the current part: "一、…" or "1. …".
func (d *doc) sectionTitle(n int, title string) string {
	num := strconv.Itoa(n)
	if nums := strings.Fields(words.Say(d.lang, "report.numerals")); n >= 1 && n <= len(nums) {
		num = nums[n-1]
	}
	return words.Say(d.lang, "report.section_heading", "num", num, "title", title)
}

// officeRunning is the running header of an office's pages.
func (d *doc) officeRunning(o *model.Office) string {
	return words.Say(d.lang, "report.office.running", "office", o.Name)
}

// sevLabel is a severity's glyph and name, e.g. "▲ 严重", as on screen.
func (d *doc) sevLabel(s model.Severity) string {
	return words.Say(d.lang, "report.marked", "glyph", palette.Severity(s).Glyph, "name", s.Name().In(d.lang))
}

// markLabel is a holding mark's glyph and name, e.g. "● 实际持有", as on screen.
func (d *doc) markLabel(m model.Mark) string {
	return words.Say(d.lang, "report.marked", "glyph", palette.Mark(m).Glyph, "name", m.Name().In(d.lang))
}

// sevFill is the printed fill of a severity; nil (white) for no finding.
func sevFill(s model.Severity) *color.NRGBA {
	if s == 0 {
		return nil
	}
	return fillOf(palette.Severity(s).Print)
}

// ruleName is a rule's formal name (RuleCode.Formal, e.g. 权小责大、问责风险高)
// in the report's language: the report is a document and speaks formally.
func (d *doc) ruleName(c model.RuleCode) string { return c.Formal().In(d.lang) }

// shortRuleName is a rule's short name, for chart labels with little room.
func (d *doc) shortRuleName(c model.RuleCode) string { return c.Name().In(d.lang) }

// indexOf is a summary's balance index as printed, honest about what it
// speaks for: "0.71（已评估 40 / 52）", or "—（已评估 0 / 52）" when nothing
// is assessed, since then there is no index.
func (d *doc) indexOf(s *model.Summary) string {
	if s.Assessed == 0 {
		return words.Say(d.lang, "report.index.none", "coverage", s.Coverage())
	}
	return words.Say(d.lang, "report.index.value", "balance", words.Index(s.Balance), "coverage", s.Coverage())
}

// indexFigure is the bare index, or "—" when nothing is assessed.
func indexFigure(s *model.Summary) string {
	if s.Assessed == 0 {
		return "—"
	}
	return fmtFloat(s.Balance, 2)
}

// balanceName is the one name of the balance index.
func (d *doc) balanceName() string { return words.Say(d.lang, "term.balance_index") }

// date is the report date written out: "2026年3月18日", "18 March 2026".
func (d *doc) date() string { return d.dateOf(d.opt.Now) }

// dateOf writes a date out in the report's language.
func (d *doc) dateOf(t time.Time) string {
	return words.Say(d.lang, "report.date", "year", t.Year(), "month", words.M(monthKeys[t.Month()-1]), "day", t.Day())
}

var monthKeys = [12]string{"report.month.1", "report.month.2", "report.month.3", "report.month.4", "report.month.5", "report.month.6",
	"report.month.7", "report.month.8", "report.month.9", "report.month.10", "report.month.11", "report.month.12"}

// count is the number of findings a summary counts.
func count(s *model.Summary) int {
	n := 0
	for _, c := range s.BySeverity {
		n += c
	}
	return n
}

// officeSummary is never nil.
func officeSummary(r *model.Result, office model.ID) *model.OfficeSummary {
	if s, ok := r.Offices[office]; ok && s != nil {
		return s
	}
	return &model.OfficeSummary{Office: office, Summary: model.Summary{Balance: 1}}
}

// findingSubject names what a finding is about: the duty, the authority, or the office.
func (d *doc) findingSubject(f model.Finding) string {
	du, hasDuty := d.p.Duties[f.Duty]
	a, hasAuth := d.p.Authorities[f.Authority]
	switch {
	case hasDuty && hasAuth:
		return words.Say(d.lang, "report.subject.duty_authority", "duty", du.Title(), "authority", a.Name)
	case hasDuty:
		return du.Title()
	case hasAuth:
		return a.Name
	}
	if e := d.r.Entry(f.Entry); e != nil && f.Entry != model.NilID {
		return d.entryName(e)
	}
	return words.Say(d.lang, "report.office_wide", "office", d.officeWord(f.Office))
}

// officeWord is what an office is called in a sentence about it (本{office},
// 全{office}): its kind word (街道, 镇, 乡…), or 街道（乡镇） when it is not known.
func (d *doc) officeWord(id model.ID) words.Msg {
	if o := d.p.Offices[id]; o != nil {
		return o.KindWord()
	}
	return words.M("report.office_either")
}

// entryName names an admission request or off-list task a finding is on,
// with what it is: "准入申请：…", "清单外事项：…".
func (d *doc) entryName(e model.Entity) string {
	switch x := e.(type) {
	case *model.Proposal:
		return words.Say(d.lang, "report.subject.proposal", "name", x.Name, "department", x.Department)
	case *model.OffListTask:
		return words.Say(d.lang, "report.subject.off_list", "name", x.Name)
	}
	return e.Label()
}

// reason words a finding's reason in the report's language, now that it is printed.
func (d *doc) reason(r *model.Result, f model.Finding) string { return r.Reason(f).In(d.lang) }

func itoa(n int) string { return strconv.Itoa(n) }

func fmtFloat(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }

// percent writes a share in [0,1] as a whole percentage.
func percent(x float64) string { return strconv.Itoa(int(x*100+0.5)) + "%" }
