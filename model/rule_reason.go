package model

import (
	"math"
	"strconv"
	"strings"
)

// Reasons are written with appends into two reusable byte buffers, not with
// fmt: a large project has hundreds of thousands of findings. Chinese uses
// full-width punctuation, a space around numbers, 万元 and 人.

// reasonWriter builds one reason in both languages.
type reasonWriter struct{ zh, en []byte }

func (w *reasonWriter) reset() { w.zh, w.en = w.zh[:0], w.en[:0] }

// t appends text in each language.
func (w *reasonWriter) t(zh, en string) *reasonWriter {
	w.zh = append(w.zh, zh...)
	w.en = append(w.en, en...)
	return w
}

// n appends a number with at most one decimal to both languages.
func (w *reasonWriter) n(x float64) *reasonWriter {
	w.zh = appendNum(w.zh, x)
	w.en = appendNum(w.en, x)
	return w
}

// i appends an integer to both languages.
func (w *reasonWriter) i(n int) *reasonWriter {
	w.zh = strconv.AppendInt(w.zh, int64(n), 10)
	w.en = strconv.AppendInt(w.en, int64(n), 10)
	return w
}

// count appends n with a unit: the Chinese measure word, the English noun in
// singular or plural.
func (w *reasonWriter) count(n int, zh, en, ens string) *reasonWriter {
	w.i(n)
	if n == 1 {
		ens = en
	}
	return w.t(zh, ens)
}

// pct appends a share as a whole percentage to both languages.
func (w *reasonWriter) pct(x float64) *reasonWriter {
	w.zh = append(strconv.AppendInt(w.zh, int64(math.Round(x*100)), 10), '%')
	w.en = append(strconv.AppendInt(w.en, int64(math.Round(x*100)), 10), '%')
	return w
}

// name appends an entity's name, unchanged, to both languages.
func (w *reasonWriter) name(s string) *reasonWriter { return w.t(s, s) }

// appendNum writes x rounded to one decimal, without a trailing ".0".
func appendNum(b []byte, x float64) []byte {
	t := int64(math.Round(x * 10))
	if t < 0 {
		b = append(b, '-')
		t = -t
	}
	b = strconv.AppendInt(b, t/10, 10)
	if t%10 != 0 {
		b = append(b, '.', byte('0'+t%10))
	}
	return b
}

// pairReason writes the reason of rule on (o, d).
func (e *engine) pairReason(w *reasonWriter, o, d int, rule ruleIndex) {
	c := &e.cells[o*len(e.duties)+d]
	a, s := c.a, &e.set
	switch rule {
	case ixAuthorityGap:
		e.authorityGapReason(w, o, d, c)
		exposureSuffix(w, a, s)
	case ixPushedDown:
		listedAs(w, e.dutyKind[d])
		w.t("，但", ", yet")
		sep := ""
		if a.Role == RoleLead {
			w.t("实际牵头承担", " acts as lead")
			sep = "；"
		}
		if a.AssessedBy > 0 {
			w.t(sep, enSep(sep)).t("被 ", " assessed by ").count(a.AssessedBy, " 个部门考核", " department", " departments")
			sep = "；"
		}
		if a.Incidents > 0 {
			w.t(sep, enSep(sep)).t("近一年被问责 ", " held accountable ").count(a.Incidents, " 次", " time", " times").t("", " in the past year")
		}
		if a.Veto {
			w.t("；一票否决事项", "; veto item")
		}
	case ixAccountabilityTrap:
		ex := exposureOf(a, s)
		sep := ""
		if ex.veto {
			w.t("一票否决事项", "veto item")
			sep = "，"
		}
		if ex.incidents {
			w.t(sep, enSep(sep)).t("近一年被问责 ", "held accountable ").count(a.Incidents, " 次（阈值 ", " time", " times").
				t("", " in the past year (threshold ").i(s.IncidentThreshold).t(" 次）", ")")
			sep = "，"
		}
		if ex.assessors {
			w.t(sep, enSep(sep)).t("被 ", "assessed by ").count(a.AssessedBy, " 个部门考核（阈值 ", " department", " departments").
				t("", " (threshold ").i(s.AssessedByThreshold).t(" 个）", ")")
		}
		w.t("，但权限覆盖率仅 ", ", but authority coverage is only ").pct(c.sc.AuthorityCoverage).
			t("（阈值 ", " (threshold ").pct(s.CoverageThreshold).t("）", ")")
	case ixUnfunded:
		w.t("需要经费 ", "needs funds of ").n(a.FundsNeeded).t(" 万元/年，实有 ", " (10,000 yuan a year), holds ").n(a.FundsHeld).
			t(" 万元，缺口 ", ": short ").n(a.FundsNeeded-a.FundsHeld).t(" 万元（", " (").pct(shortfall(a.FundsHeld, a.FundsNeeded)).
			t("，容差 ", ", tolerance ").pct(s.FundsTolerance).t("）", ")")
		vetoSuffix(w, a)
	case ixUnderstaffed:
		w.t("需要人力 ", "needs ").n(a.StaffNeeded).t(" 人，实有 ", " staff (FTE), holds ").n(a.StaffHeld).
			t(" 人，缺口 ", ": short ").n(a.StaffNeeded-a.StaffHeld).t(" 人（", " (").pct(shortfall(a.StaffHeld, a.StaffNeeded)).
			t("，容差 ", ", tolerance ").pct(s.StaffTolerance).t("）", ")")
		vetoSuffix(w, a)
	case ixFormalism:
		share, reports := formalismOver(a, s)
		if share {
			w.t("填报留痕 ", "reporting and evidence take ").n(a.FormalismHours).t(" 小时/月，占工作量 ", " of ").n(a.HoursPerMonth).
				t(" 小时的 ", " hours a month (").pct(a.FormalismHours/a.HoursPerMonth).t("（阈值 ", ", threshold ").pct(s.FormalismShare).t("）", ")")
		}
		if share && reports {
			w.t("；", "; ")
		}
		if reports {
			w.t("每月报表 ", "").count(a.ReportsPerMonth, " 次（阈值 ", " report", " reports").t("", " a month (threshold ").i(s.ReportThreshold).t(" 次）", ")")
		}
	case ixIdle:
		w.t("列入", "on the ")
		w.t(e.dutyKind[d].Name().Zh, strings.ToLower(e.dutyKind[d].Name().En))
		w.t("清单，但无工作量（每月 0 小时、0 次报表）", " list but has no workload (0 hours and 0 reports a month)")
		if a.AssessedBy > 0 {
			w.t("；仍被 ", "; still assessed by ").count(a.AssessedBy, " 个部门考核", " department", " departments")
		}
		if a.Incidents > 0 {
			w.t("；近一年被问责 ", "; held accountable ").count(a.Incidents, " 次", " time", " times").t("", " in the past year")
		}
		vetoSuffix(w, a)
	}
}

// authorityGapReason: "需要 3 项权限，实际完全行使 1 项（覆盖率 33%）：缺少 行政处罚、行政强制（部分行使）".
func (e *engine) authorityGapReason(w *reasonWriter, o, d int, c *cell) {
	req := e.dutyReq[d]
	w.t("需要 ", "needs ").count(len(req), " 项权限，实际完全行使 ", " authority", " authorities").t("", ", fully exercises ").i(int(c.nFull)).
		t(" 项（覆盖率 ", " (coverage ").pct(c.sc.AuthorityCoverage).t("）：缺少 ", "): missing ")
	first := true
	for _, ai := range req {
		h := e.holds[o*len(e.auths)+int(ai)]
		if h != nil && h.DeFacto == LevelFull {
			continue
		}
		if !first {
			w.t("、", ", ")
		}
		first = false
		w.name(e.auths[ai].Name)
		switch {
		case h != nil && h.DeFacto == LevelPartial:
			w.t("（部分行使）", " (partly exercised)")
		case h != nil && h.DeJure:
			w.t("（有名无实）", " (on paper only)")
		}
	}
}

func listedAs(w *reasonWriter, k ListKind) {
	if k == ListReturned {
		w.t("列为上级部门收回事项", "listed as returned to the higher department")
		return
	}
	w.t("列为配合履职事项", "listed as supporting")
}

// enSep turns the Chinese separator into the English one.
func enSep(zh string) string {
	if zh == "" {
		return ""
	}
	if zh == "；" {
		return ";"
	}
	return ", "
}

func exposureSuffix(w *reasonWriter, a *Assessment, s *Settings) {
	if a == nil {
		return
	}
	vetoSuffix(w, a)
	if a.Incidents >= s.IncidentThreshold {
		w.t("；近一年被问责 ", "; held accountable ").count(a.Incidents, " 次", " time", " times").t("", " in the past year")
	}
}

func vetoSuffix(w *reasonWriter, a *Assessment) {
	if a.Veto {
		w.t("；一票否决事项", "; veto item")
	}
}

// authReason writes PAPER_POWER or IDLE for (o, a).
func (e *engine) authReason(w *reasonWriter, o, a int, rule ruleIndex) {
	h := e.holds[o*len(e.auths)+a]
	ac := &e.acells[o*len(e.auths)+a]
	name := e.auths[a].Name
	if rule == ixPaperPower {
		w.t("「", "").name(name).t("」已依法赋予，但", " is granted on paper but ")
		if h.DeFacto == LevelPartial {
			w.t("只能部分行使", "can only partly be exercised")
		} else {
			w.t("实际不能行使", "cannot be exercised in fact")
		}
		w.t("；本", "; needed by ").t(e.officeWord(o), "").t(" ", "").count(ac.use.need, " 项职责需要此权限，其中牵头 ", " duty", " duties").
			t("", " of this office (").i(ac.use.lead).t(" 项", " led")
		if ac.use.vetoes > 0 {
			w.t("，含一票否决事项", ", including a veto item")
		}
		w.t("", ")")
		return
	}
	w.t("持有「", "holds ").name(name).t("」（", " (")
	if h.DeJure {
		w.t("依法赋予，", "granted on paper, ")
	} else {
		w.t("未依法赋予，", "not granted on paper, ")
	}
	w.t(h.DeFacto.Name().Zh, strings.ToLower(h.DeFacto.Name().En))
	w.t("），但本", ") but none of the duties this office performs needs it").t(e.officeWord(o), "").t("承担的事项都不需要此权限", "")
}

// officeWord is how the office calls itself: 街道 or 乡镇.
func (e *engine) officeWord(o int) string {
	if e.offices[o].Kind == OfficeTownship {
		return "乡镇"
	}
	return "街道"
}

// officeReason writes the office-wide UNDERSTAFFED reason.
func (e *engine) officeReason(w *reasonWriter, o int) {
	u := e.ocells[o].staff
	w.t("各事项合计需要人力 ", "its duties need ").n(u.needed()).t(" 人，", " staff (FTE) in total, ")
	if u.actual > 0 {
		w.t("实有人员 ", "the office has ").i(u.actual)
	} else {
		w.t("合计配备 ", "they hold ").n(u.held())
	}
	w.t(" 人，缺口 ", ": short ").n(u.needed()-u.held()).t(" 人（", " (").pct(shortfall(u.held(), u.needed())).
		t("，容差 ", ", tolerance ").pct(e.set.StaffTolerance).t("）", ")")
}
