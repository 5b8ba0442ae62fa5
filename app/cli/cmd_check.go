package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"rpbmatrix/model"
	"rpbmatrix/storage"
)

var checkCmd = &Command{
	Name:    "check",
	Usage:   "check FILE.rpb [--json]",
	Summary: "check a project file's integrity and print its counts and findings",
}

func init() {
	checkCmd.Run = runCheck
	Register(checkCmd)
}

// checkReport is what `check --json` prints.
type checkReport struct {
	File  string `json:"file"`
	Sound bool   `json:"sound"`
	storage.Counts
	// Findings counts findings per rule code, every rule listed.
	Findings map[model.RuleCode]int `json:"findings"`
	// BySeverity counts findings per severity code, every severity listed.
	BySeverity   map[string]int `json:"by_severity"`
	BalanceIndex float64        `json:"balance_index"`
	// Problems counts records that fail validation (model.Validate): the
	// file is sound but some values need fixing. ProblemSamples lists the first few.
	Problems       int             `json:"problems"`
	ProblemSamples []model.Problem `json:"problem_samples,omitempty"`
}

// maxProblemSamples is how many validation problems check lists.
const maxProblemSamples = 10

// checkFailure is what `check --json` prints when the file is not sound.
type checkFailure struct {
	File         string    `json:"file"`
	Sound        bool      `json:"sound"`
	Problem      string    `json:"problem"` // damaged, empty, not_project_file, not_project, newer_version, locked, unreadable
	Error        model.Msg `json:"error"`
	LatestBackup string    `json:"latest_backup,omitempty"`
}

// runCheck opens the file read-only, runs bbolt's structure check, decodes
// every record, validates and analyses the project. Exit 0 when the file is
// sound (validation problems are listed but do not make it unsound), 1 when
// it is damaged or cannot be checked, 2 on usage errors.
func runCheck(env Env, args []string) int {
	fs := NewFlags(env, checkCmd)
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	switch len(pos) {
	case 0:
		return Usagef(env, checkCmd, "FILE.rpb is required / 请指定项目文件")
	case 1:
	default:
		return Usagef(env, checkCmd, "unexpected argument %q", pos[1])
	}
	path := pos[0]

	p, counts, err := storage.CheckLoad(path)
	if errors.Is(err, storage.ErrNoFile) {
		return Usagef(env, checkCmd, "%v", err)
	}
	if err != nil {
		return reportUnsound(env, path, err, *asJSON)
	}

	r := model.Summarize(p) // totals only: the findings need not be worded
	rep := checkReport{File: path, Sound: true, Counts: counts,
		Findings: map[model.RuleCode]int{}, BySeverity: map[string]int{}, BalanceIndex: r.Total.Balance}
	for _, c := range model.RuleCodes {
		rep.Findings[c] = r.Total.ByRule[c]
	}
	for _, s := range model.Severities {
		rep.BySeverity[s.Code()] = r.Total.BySeverity[s]
	}
	problems := model.Validate(p)
	rep.Problems = len(problems)
	rep.ProblemSamples = problems[:min(len(problems), maxProblemSamples)]
	if *asJSON {
		return writeCheckJSON(env, rep)
	}
	printCheckText(env.Stdout, rep)
	return ExitOK
}

func printCheckText(w io.Writer, rep checkReport) {
	c := rep.Counts
	fmt.Fprintf(w, "项目文件「%s」完好 / %s is sound\n", rep.File, rep.File)
	for _, row := range []struct {
		zh, en string
		n      int
	}{
		{"街道（乡镇）", "offices", c.Offices},
		{"职责事项", "duties", c.Duties},
		{"权限", "authorities", c.Authorities},
		{"权限持有", "holdings", c.Holdings},
		{"履职评估", "assessments", c.Assessments},
		{"处理意见", "decisions", c.Decisions},
		{"审计记录", "audit entries", c.AuditEntries},
		{"格式版本", "schema version", c.SchemaVersion},
	} {
		fmt.Fprintf(w, "  %s%s %-15s %8d\n", row.zh, fullWidthPad(row.zh, 6), row.en, row.n)
	}
	total := 0
	for _, n := range rep.Findings {
		total += n
	}
	fmt.Fprintf(w, "错配 %d 项 / %d findings:", total, total)
	for _, s := range model.Severities {
		fmt.Fprintf(w, " %s %d", s.Name().Zh, rep.BySeverity[s.Code()])
	}
	fmt.Fprintln(w)
	for _, code := range model.RuleCodes {
		name := string(code)
		if info, ok := model.RuleByCode(code); ok && info.Name.Zh != "" {
			name = info.Name.Zh + " " + name
		}
		fmt.Fprintf(w, "  %-32s %8d\n", name, rep.Findings[code])
	}
	fmt.Fprintf(w, "整体均衡指数 / balance index: %.3f\n", rep.BalanceIndex)
	if rep.Problems == 0 {
		fmt.Fprintln(w, "数据校验：无问题 / validation: no problems")
		return
	}
	fmt.Fprintf(w, "数据校验：%d 处需要修正（文件本身完好）/ validation: %d values need fixing (the file itself is sound)\n", rep.Problems, rep.Problems)
	for _, p := range rep.ProblemSamples {
		fmt.Fprintf(w, "  %s / %s\n", p.Msg.Zh, p.Msg.En)
	}
	if rep.Problems > len(rep.ProblemSamples) {
		fmt.Fprintf(w, "  ……另有 %d 处 / … %d more\n", rep.Problems-len(rep.ProblemSamples), rep.Problems-len(rep.ProblemSamples))
	}
}

// fullWidthPad returns full-width spaces that line up Chinese labels of up to n characters.
func fullWidthPad(s string, n int) string {
	out := ""
	for i := len([]rune(s)); i < n; i++ {
		out += "　"
	}
	return out
}

// reportUnsound explains why the file cannot be used and points at the
// newest backup when there is one.
func reportUnsound(env Env, path string, err error, asJSON bool) int {
	fmt.Fprintf(env.Stderr, "rpbmatrix check: %v\n", err)
	backup, hasBackup := storage.LatestBackup(path)
	if hasBackup {
		fmt.Fprintf(env.Stderr, "最新备份：%s\n  可在 RPB Matrix 中打开该文件并选择“从备份恢复”，或用该备份替换原文件。\n", backup)
		fmt.Fprintf(env.Stderr, "Latest backup: %s\n  Open the file in RPB Matrix and choose Restore from backup, or copy the backup over the file.\n", backup)
	} else if !errors.Is(err, storage.ErrLocked) {
		fmt.Fprintf(env.Stderr, "没有找到备份（%s）/ no backup found in %s\n", storage.BackupDir(path), storage.BackupDir(path))
	}
	if asJSON {
		f := checkFailure{File: path, Problem: checkProblemCode(err), Error: model.Msg{Zh: err.Error(), En: err.Error()}}
		var oe *storage.OpenError
		if errors.As(err, &oe) {
			f.Error = oe.Msg()
		}
		if hasBackup {
			f.LatestBackup = backup
		}
		writeCheckJSON(env, f)
	}
	return ExitFindings
}

func checkProblemCode(err error) string {
	for _, k := range []struct {
		kind error
		code string
	}{
		{storage.ErrLocked, "locked"},
		{storage.ErrEmptyFile, "empty"},
		{storage.ErrNotBolt, "not_project_file"},
		{storage.ErrNotProject, "not_project"},
		{storage.ErrNewerVersion, "newer_version"},
		{storage.ErrDamaged, "damaged"},
	} {
		if errors.Is(err, k.kind) {
			return k.code
		}
	}
	return "unreadable"
}

func writeCheckJSON(env Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix check: %v\n", err)
		return ExitFindings
	}
	return ExitOK
}
