package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/storage"
)

var findingsCmd = &Command{
	Name:    "findings",
	Summary: "列出错配（最严重的在前）/ list the mismatches, worst first",
	Usage:   "findings FILE.rpb [--office NAME] [--rule CODE] [--lang zh|en] [--limit N]",
}

func init() {
	findingsCmd.Run = runFindings
	Register(findingsCmd)
}

// runFindings prints one finding a line, tab-separated: severity, rule,
// office, duty or authority, reason. A count goes to stderr so stdout can be
// piped. Exit 0: no findings; 1: findings listed, or the file cannot be
// read; 2: usage (unknown rule or office, bad flags).
func runFindings(env Env, args []string) int {
	fs := NewFlags(env, findingsCmd)
	office := fs.String("office", "", "only this office (街道/乡镇 name)")
	rule := fs.String("rule", "", "only this rule: "+ruleCodeList())
	lang := fs.String("lang", "zh", "language: zh or en")
	limit := fs.Int("limit", 0, "print at most N findings (0: all)")
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		return Usagef(env, findingsCmd, "需要一个项目文件 / expected one project file, got %d arguments", len(pos))
	}
	if *lang != "zh" && *lang != "en" {
		return Usagef(env, findingsCmd, "语言只能是 zh 或 en，收到 %q / --lang must be zh or en", *lang)
	}
	if *limit < 0 {
		return Usagef(env, findingsCmd, "--limit 不能为负数（%d）/ --limit must not be negative", *limit)
	}
	var code model.RuleCode
	if *rule != "" {
		c, ok := model.ParseRuleCode(*rule)
		if !ok {
			return Usagef(env, findingsCmd, "没有名为 %q 的规则 / unknown rule %q; rules: %s", *rule, *rule, ruleCodeList())
		}
		code = c
	}

	st, err := storage.Open(pos[0], storage.Options{ReadOnly: true})
	if errors.Is(err, storage.ErrNoFile) {
		return Usagef(env, findingsCmd, "%v", err)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix findings: %v\n", err)
		return ExitFindings
	}
	defer st.Close()
	p := st.Project()
	officeID := model.NilID
	if *office != "" {
		o := p.OfficeByName(*office)
		if o == nil {
			return Usagef(env, findingsCmd, "%s 中没有名为 %q 的街道（乡镇）/ no office named %q; offices: %s",
				pos[0], *office, *office, officeList(p))
		}
		officeID = o.ID
	}

	// Summarize words only the findings asked for.
	all := model.Summarize(p).FindingsOfOffice(officeID)
	n := 0
	for _, f := range all {
		if code != "" && f.Rule != code {
			continue
		}
		if *limit > 0 && n == *limit {
			break
		}
		writeFinding(env.Stdout, p, f, *lang)
		n++
	}
	fmt.Fprintf(env.Stderr, "共 %d 项错配 / %d findings\n", n, n)
	if n == 0 {
		return ExitOK
	}
	return ExitFindings
}

func writeFinding(w io.Writer, p *model.Project, f model.Finding, lang string) {
	office := "?"
	if o := p.Offices[f.Office]; o != nil {
		office = o.Name
	}
	item := model.Msg{Zh: "（全街道）", En: "(whole office)"}.In(lang)
	switch {
	case f.Duty != model.NilID:
		if d := p.Duties[f.Duty]; d != nil {
			item = d.Title()
		}
	case f.Authority != model.NilID:
		if a := p.Authorities[f.Authority]; a != nil {
			item = model.Msg{Zh: "权限：", En: "authority: "}.In(lang) + a.Name
		}
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", f.Severity.Name().In(lang), f.Rule.Name().In(lang), office, item,
		strings.ReplaceAll(f.Reason.In(lang), "\t", " "))
}

func ruleCodeList() string {
	var codes []string
	for _, c := range model.RuleCodes {
		codes = append(codes, string(c)+" "+c.Name().Zh)
	}
	return strings.Join(codes, ", ")
}
