package report

import (
	"cmp"
	"slices"

	"rpbmatrix/model"
	"rpbmatrix/model/palette"
	"rpbmatrix/model/words"
)

// The narrative summary (综述) opens the office and district reports: words
// first, as government material does. Every number in it is read from the
// analysis (the summaries, the findings, the scenario); the advice is the
// catalogue's sentence for the rules that found the most.

// narrativeTop is how many rules, categories or offices a sentence names.
const narrativeTop = 3

// officeNarrative is the office's summary, one message per paragraph.
func (d *doc) officeNarrative(o *model.Office, fs []model.Finding) []words.Msg {
	sum := officeSummary(d.r, o.ID)
	var kinds []words.Msg
	for _, k := range model.ListKinds {
		if ks := sum.ByKind[k]; ks != nil && ks.Items > 0 {
			kinds = append(kinds, words.M("report.narrative.kind_count", "kind", k.Name(), "n", ks.Items))
		}
	}
	assessed := 0
	for _, du := range d.p.DutiesOf(o.ID) {
		if d.p.Assessment(o.ID, du.ID) != nil {
			assessed++
		}
	}
	out := []words.Msg{d.countsSentence(words.M("report.narrative.office.counts", "office", o.Name, "items", sum.Items,
		"kinds", kinds, "assessed", assessed), &sum.Summary)}
	if n := count(&sum.Summary); n > 0 {
		var where []words.Msg
		where = append(where, words.M("report.narrative.rules", "rules", d.topRules(&sum.Summary)))
		if cats := topCategories(sum.ByCategory); len(cats) > 0 {
			where = append(where, words.M("report.narrative.categories", "categories", cats))
		}
		if len(fs) > 0 {
			f := fs[0]
			where = append(where, words.M("report.narrative.worst", "subject", d.findingSubject(f), "rule", f.Rule.Formal(),
				"severity", f.Severity.Name(), "reason", d.r.Reason(f)))
		}
		out = append(out, where...)
	}
	if a := d.admissionSentence([]*model.Office{o}); !a.IsZero() {
		out = append(out, a)
	}
	if decs := d.officeDecisions(o); len(decs) > 0 {
		ch := d.changeOf(o)
		out = append(out, d.decisionsSentence("report.narrative.office.decisions", len(decs), len(ch.closed), len(ch.opened), ch.before.Balance, ch.after.Balance))
	} else {
		out = append(out, words.M("report.narrative.no_decisions"))
	}
	if a := d.advice(&sum.Summary); !a.IsZero() {
		out = append(out, a)
	}
	return out
}

// districtNarrative is the district's summary, one message per paragraph.
func (d *doc) districtNarrative(offices []*model.Office) []words.Msg {
	tot := &d.r.Total
	assessed := 0
	for k := range d.p.Assessments {
		if du, ok := d.p.Duties[k.Other]; ok && du.AppliesTo(k.Office) && d.p.Offices[k.Office] != nil {
			assessed++
		}
	}
	out := []words.Msg{d.countsSentence(words.M("report.narrative.district.counts", "offices", len(offices),
		"duties", len(d.p.Duties), "pairs", tot.Items, "assessed", assessed), tot)}
	if count(tot) > 0 {
		where := []words.Msg{words.M("report.narrative.rules", "rules", d.topRules(tot))}
		if cats := topCategories(d.r.ByCategory); len(cats) > 0 {
			where = append(where, words.M("report.narrative.categories", "categories", cats))
		}
		// Only offices with an index are ranked by it.
		ranked := slices.DeleteFunc(slices.Clone(offices), func(o *model.Office) bool { return officeSummary(d.r, o.ID).Assessed == 0 })
		slices.SortStableFunc(ranked, func(a, b *model.Office) int {
			return cmp.Compare(officeSummary(d.r, a.ID).Balance, officeSummary(d.r, b.ID).Balance)
		})
		var lowest []words.Msg
		for _, o := range ranked[:min(narrativeTop, len(ranked))] {
			lowest = append(lowest, words.M("report.narrative.office_balance", "office", o.Name,
				"balance", words.Index(officeSummary(d.r, o.ID).Balance)))
		}
		if len(lowest) > 0 {
			where = append(where, words.M("report.narrative.lowest", "index", words.M("term.balance_index.lower"), "offices", lowest))
		}
		out = append(out, where...)
	}
	if a := d.admissionSentence(offices); !a.IsZero() {
		out = append(out, a)
	}
	if n := len(d.p.Decisions); n > 0 {
		var closed, opened int
		for _, o := range offices {
			c := d.countsOf(o)
			closed, opened = closed+c.closed, opened+c.opened
		}
		out = append(out, d.decisionsSentence("report.narrative.district.decisions", n, closed, opened, tot.Balance, d.districtAfter(offices)))
	} else {
		out = append(out, words.M("report.narrative.no_decisions"))
	}
	if a := d.advice(tot); !a.IsZero() {
		out = append(out, a)
	}
	return out
}

// countsSentence ends what was counted with the findings by severity and
// the balance index: "…发现错配 45 项，其中重大 3 项、严重 12 项；平衡指数 0.71。"
func (d *doc) countsSentence(counted words.Msg, s *model.Summary) words.Msg {
	n := count(s)
	balance := (words.M("report.index.value", "balance", words.Index(s.Balance), "coverage", s.Coverage()))
	if s.Assessed == 0 {
		balance = words.M("report.index.none", "coverage", s.Coverage())
	}
	if n == 0 {
		return words.M("report.narrative.none", "counted", counted, "index", words.M("term.balance_index.lower"), "balance", balance)
	}
	var sevs []words.Msg
	for _, sv := range model.Severities { // worst first
		if s.BySeverity[sv] > 0 {
			sevs = append(sevs, words.M("report.narrative.severity_count", "severity", sv.Name(), "n", s.BySeverity[sv]))
		}
	}
	return words.M("report.narrative.found", "counted", counted, "findings", n, "severities", sevs, "index", words.M("term.balance_index.lower"), "balance", balance)
}

// decisionsSentence says what the decisions would change; the balance
// index "stays" when it would not change at the two places printed.
func (d *doc) decisionsSentence(key string, decisions, closed, opened int, before, after float64) words.Msg {
	open := words.M("rule.notes.none")
	if opened > 0 {
		open = words.M("report.narrative.opened", "opened", opened)
	}
	change := words.M("report.narrative.index_change", "index", words.M("term.balance_index.lower"),
		"before", words.Dec{Value: before, Places: 2}, "after", words.Dec{Value: after, Places: 2})
	if fmtFloat(before, 2) == fmtFloat(after, 2) {
		change = words.M("report.narrative.index_stays", "index", words.M("term.balance_index.lower"), "before", words.Dec{Value: before, Places: 2})
	}
	return words.M(key, "decisions", decisions, "closed", closed, "opened", open, "change", change)
}

// rankedRules are the rules that found something, most findings first.
func rankedRules(s *model.Summary) []model.RuleCode {
	var rules []model.RuleCode
	for _, rc := range model.RuleCodes {
		if s.ByRule[rc] > 0 {
			rules = append(rules, rc)
		}
	}
	slices.SortStableFunc(rules, func(a, b model.RuleCode) int { return cmp.Compare(s.ByRule[b], s.ByRule[a]) })
	return rules
}

// topRules names the rules that found the most, with their counts.
func (d *doc) topRules(s *model.Summary) []words.Msg {
	var out []words.Msg
	for _, rc := range rankedRules(s) {
		if len(out) == narrativeTop {
			break
		}
		out = append(out, words.M("report.narrative.rule_count", "rule", rc.Formal(), "n", s.ByRule[rc]))
	}
	return out
}

// topCategories names the categories with the highest gap ratio ΣG/ΣW
// (the measure of the heat map), with it.
func topCategories(by map[string]*model.Summary) []words.Msg {
	type cat struct {
		name  string
		ratio float64
	}
	var cats []cat
	for name, s := range by {
		if s != nil && s.Gap > 0 {
			cats = append(cats, cat{name, palette.GapRatio(s)})
		}
	}
	slices.SortFunc(cats, func(a, b cat) int { return cmp.Or(cmp.Compare(b.ratio, a.ratio), cmp.Compare(a.name, b.name)) })
	var out []words.Msg
	for _, c := range cats[:min(narrativeTop, len(cats))] {
		out = append(out, words.M("report.narrative.category_ratio", "category", c.name, "ratio", words.Pct(c.ratio)))
	}
	return out
}

// advice is the catalogue's advice for the two rules that found the most.
func (d *doc) advice(s *model.Summary) words.Msg {
	rules := rankedRules(s)
	switch {
	case len(rules) == 0:
		return words.Msg{}
	case len(rules) == 1:
		return words.M("report.narrative.advice.one", "advice", words.M("report.advice."+string(rules[0])))
	}
	return words.M("report.narrative.advice.two", "first", words.M("report.advice."+string(rules[0])),
		"second", words.M("report.advice."+string(rules[1])))
}

// narrative prints the summary under a heading, one paragraph per message.
func (d *doc) narrative(ms []words.Msg) {
	d.text(d.margin, d.y, d.width(), 16, words.Say(d.lang, "report.narrative.title"), head2)
	d.y += 18
	st := body.sized(10)
	for _, m := range ms {
		d.paragraphAt(d.margin+st.size*2, d.width()-st.size*2, m.In(d.lang), st)
		d.y += 3
	}
}
