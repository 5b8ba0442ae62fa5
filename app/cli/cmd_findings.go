package cli

import (
	"fmt"
	"io"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

var findingsCmd = &Command{
	Name:    "findings",
	Summary: words.M("cli.findings.summary"),
	Usage:   "findings FILE.rpb [--office NAME] [--rule CODE] [--lang zh|en] [--limit N]",
}

func init() {
	findingsCmd.Run = runFindings
	Register(findingsCmd)
}

// runFindings prints one finding a line, tab-separated: severity, rule,
// office, duty or authority, reason, in the chosen language. A count goes
// to stderr so stdout can be piped. Exit 0: no findings; 1: findings
// listed, or the file cannot be read; 2: usage (unknown rule or office, bad flags).
func runFindings(env Env, args []string) int {
	c := findingsCmd
	fs := NewFlags(env, c)
	office := fs.String("office", "", words.Say(env.Lang, "cli.findings.flag.office"))
	rule := fs.String("rule", "", words.Say(env.Lang, "cli.findings.flag.rule", "rules", ruleCodeList(env.Lang)))
	lang := LangFlag(env, fs)
	limit := fs.Int("limit", 0, words.Say(env.Lang, "cli.findings.flag.limit"))
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if env, ok = UseLang(env, c, *lang); !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		return Usage(env, c, words.M("cli.need_one_file", "n", len(pos)))
	}
	if *limit < 0 {
		return Usage(env, c, words.M("cli.findings.negative_limit", "limit", *limit))
	}
	var code model.RuleCode
	if *rule != "" {
		rc, ok := model.ParseRuleCode(*rule)
		if !ok {
			return Usage(env, c, words.M("cli.findings.unknown_rule", "rule", *rule, "rules", ruleCodeList(env.Lang)))
		}
		code = rc
	}

	st, rc := readProject(env, c, pos)
	if st == nil {
		return rc
	}
	defer st.Close()
	p := st.Project()
	officeID, rc := officeNamed(env, c, p, pos[0], *office)
	if rc != ExitOK {
		return rc
	}

	// The analysis lists only the findings asked for; each reason is worded as it is printed.
	r := model.Analyze(p)
	n := 0
	for _, f := range r.FindingsOfOffice(officeID) {
		if code != "" && f.Rule != code {
			continue
		}
		if *limit > 0 && n == *limit {
			break
		}
		writeFinding(env.Stdout, p, r, f, env.Lang)
		n++
	}
	env.Warn(words.M("cli.findings.count", "n", n))
	if n == 0 {
		return ExitOK
	}
	return ExitFindings
}

func writeFinding(w io.Writer, p *model.Project, r *model.Result, f model.Finding, lang string) {
	office, o := "?", p.Offices[f.Office]
	if o != nil {
		office = o.Name
	}
	item := words.Say(lang, "cli.findings.whole_office", "office", o.KindWord())
	switch {
	case f.Duty != model.NilID:
		if d := p.Duties[f.Duty]; d != nil {
			item = d.Title()
		}
	case f.Authority != model.NilID:
		if a := p.Authorities[f.Authority]; a != nil {
			item = words.Say(lang, "cli.findings.authority", "name", a.Name)
		}
	case f.Entry != model.NilID:
		// A finding on an admission request or off-list task names it.
		switch e := r.Entry(f.Entry).(type) {
		case *model.Proposal:
			item = words.Say(lang, "cli.findings.proposal", "name", e.Name)
		case *model.OffListTask:
			item = words.Say(lang, "cli.findings.off_list", "name", e.Name)
		}
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", f.Severity.Name().In(lang), f.Rule.Name().In(lang), office, item,
		strings.ReplaceAll(r.Reason(f).In(lang), "\t", " "))
}

// ruleCodeList lists the rules as "CODE name" in lang.
func ruleCodeList(lang string) string {
	var rules []string
	for _, c := range model.RuleCodes {
		rules = append(rules, words.Say(lang, "cli.rule_code", "code", string(c), "name", c.Name().In(lang)))
	}
	return strings.Join(rules, words.Say(lang, "list.sep"))
}
