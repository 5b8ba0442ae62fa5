package report

import (
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"rpbmatrix/model/words"
)

// titleBlock identifies the document (文头): who prepared it, for whom, in
// which version and with data up to when. It comes from the project's Info;
// Options.Author overrides the author for one print. Nothing is taken from
// the computer: a field not filled in prints as （未填写）.
type titleBlock struct {
	organization string // 编制单位
	author       string // 编制人
	marking      string // 内部资料 注意保存, 工作秘密 …
	version      string // 征求意见稿, 审定稿 …
	cutoff       string // data cut-off date, YYYY-MM-DD as entered
	docNumber    string // 文号
}

func (d *doc) newTitleBlock() titleBlock {
	i := d.p.Info
	tb := titleBlock{organization: i.Organization, author: i.Author, marking: i.Marking, version: i.Version,
		cutoff: i.DataCutoff, docNumber: i.DocNumber}
	if a := strings.TrimSpace(d.opt.Author); a != "" {
		tb.author = a
	}
	return tb
}

// orUnset is s, or （未填写） for a field left empty.
func (d *doc) orUnset(s string) string {
	if strings.TrimSpace(s) == "" {
		return words.Say(d.lang, "report.unset")
	}
	return s
}

// cutoffDate is the data cut-off date written out, or （未填写）.
func (d *doc) cutoffDate() string {
	if t, err := time.Parse(time.DateOnly, d.tb.cutoff); err == nil {
		return d.dateOf(t)
	}
	return d.orUnset(d.tb.cutoff)
}

// headerMarks is what the top right of every page says: the marking and
// the version, or the project's name when neither is set.
func (d *doc) headerMarks() string {
	var parts []string
	for _, s := range []string{d.tb.marking, d.tb.version} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return d.p.Info.Name
	}
	return strings.Join(parts, "　")
}

// footerLeft is what the bottom left of every page says: the preparing
// organization (or the project) and the project file.
func (d *doc) footerLeft() string {
	who := d.tb.organization
	if strings.TrimSpace(who) == "" {
		who = d.p.Info.Name
	}
	if d.opt.SourceFile == "" {
		return who
	}
	return words.Say(d.lang, "report.footer.project_file", "project", who, "file", d.opt.SourceFile)
}

// footerRight says when the report was made and up to when its data run.
func (d *doc) footerRight() string {
	generated := words.Say(d.lang, "report.footer.generated", "time", d.opt.Now.Format("2006-01-02 15:04"))
	if d.tb.cutoff == "" {
		return generated
	}
	return words.Say(d.lang, "report.footer.cutoff", "cutoff", d.tb.cutoff, "generated", generated)
}

// corners prints the marking at the top left of a cover and the document
// number at the top right, as on an official document.
func (d *doc) corners() {
	st := body.sized(11).emph()
	if d.tb.marking != "" {
		d.text(d.margin, d.top, d.width()/2, 16, d.tb.marking, st)
	}
	if d.tb.docNumber != "" {
		d.text(d.margin, d.top, d.width(), 16, d.tb.docNumber, body.sized(11).with(gopdf.Right))
	}
}

// versionLine prints the version under a title, e.g. （征求意见稿）.
func (d *doc) versionLine() {
	if d.tb.version == "" {
		return
	}
	d.text(d.margin, d.y, d.width(), 18, words.Say(d.lang, "report.version", "version", d.tb.version), body.sized(13).with(gopdf.Center))
	d.y += 22
}

// titleFacts are the title block's rows of a cover's facts table.
func (d *doc) titleFacts() [][2]string {
	rows := [][2]string{
		{words.Say(d.lang, "report.fact.organization"), d.orUnset(d.tb.organization)},
		{words.Say(d.lang, "report.fact.author"), d.orUnset(d.tb.author)},
		{words.Say(d.lang, "report.fact.cutoff"), d.cutoffDate()},
	}
	if d.tb.version != "" {
		rows = append(rows, [2]string{words.Say(d.lang, "report.fact.version"), d.tb.version})
	}
	return append(rows, [2]string{words.Say(d.lang, "report.fact.date"), d.date()})
}
