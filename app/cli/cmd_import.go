package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/storage"
	"rpbmatrix/storage/jsonio"
	"rpbmatrix/storage/sheet"
)

var importCmd = &Command{
	Name:    "import",
	Summary: "导入职责清单（xlsx/csv）或 JSON 项目 / import duty lists or a JSON project",
	Usage:   "import FILE.rpb INPUT... [--office NAME] [--kind basic|supporting|returned] [--on-duplicate skip|update|add] [--dry-run] [--report OUT.csv] [-v]",
}

// Run is set here, not in the literal, because it refers back to the command.
func init() {
	importCmd.Run = runImport
	Register(importCmd)
}

// runImport imports spreadsheets or CSV files (all-or-nothing, with a
// backup first) into FILE.rpb, creating it when absent. A .json input must
// be the only input: it is a whole project exported by `export -o X.json`.
// Exit 1 when any row is rejected (nothing is then written).
func runImport(env Env, args []string) int {
	c := importCmd
	fs := NewFlags(env, c)
	office := fs.String("office", "", "街道（乡镇）名称：导入的事项只属于该街道，不存在则新建 / scope the duties to this office (created when absent)")
	kind := fs.String("kind", "", "清单类型，工作表名、标题或「清单类型」列未说明时使用 / list kind when the file does not say: basic, supporting, returned")
	dup := fs.String("on-duplicate", "skip", "重复事项：skip 跳过、update 更新、add 新增 / duplicates: skip, update or add")
	dry := fs.Bool("dry-run", false, "只检查并报告，不写入 / check and report only, write nothing")
	reportPath := fs.String("report", "", "把逐行报告另存为 CSV / also save the row-by-row report as CSV")
	verbose := fs.Bool("v", false, "列出每一行（包括正常导入的）/ list every row, including plain imports")
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) < 2 {
		return Usagef(env, c, "需要项目文件和至少一个输入文件 / need a project file and at least one input")
	}
	path, inputs := pos[0], pos[1:]
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".rpb" {
		return Usagef(env, c, "项目文件应以 .rpb 结尾：%s / the project file should end in .rpb", path)
	}
	opts := sheet.Options{Office: strings.TrimSpace(*office), Author: Author()}
	if *kind != "" {
		k, ok := model.ParseListKind(*kind)
		if !ok {
			return Usagef(env, c, "未知的清单类型 %q（basic、supporting、returned）/ unknown list kind", *kind)
		}
		opts.Kind = k
	}
	pol, ok := sheet.ParsePolicy(*dup)
	if !ok {
		return Usagef(env, c, "--on-duplicate 应为 skip、update 或 add：%q", *dup)
	}
	opts.OnDuplicate = pol
	for _, in := range inputs {
		if strings.EqualFold(filepath.Ext(in), ".json") && len(inputs) > 1 {
			return Usagef(env, c, "JSON 项目文件必须单独导入 / a JSON project must be imported on its own")
		}
	}
	if strings.EqualFold(filepath.Ext(inputs[0]), ".json") {
		return importJSON(env, path, inputs[0], pol, *dry)
	}

	st, p, err := openOrNew(path, *dry)
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitFindings
	}
	if st != nil {
		defer st.Close()
	}
	plan := sheet.PlanFiles(p, inputs, opts)
	rep := plan.Report
	if err := rep.WriteText(env.Stdout, *verbose); err != nil {
		return ExitFindings
	}
	if *reportPath != "" {
		if err := writeFileAtomic(*reportPath, rep.WriteCSV); err != nil {
			fmt.Fprintf(env.Stderr, "无法保存报告 / cannot save the report: %v\n", err)
		}
	}
	if !rep.OK() {
		fmt.Fprintf(env.Stderr, "有 %d 行被拒绝，未写入任何内容。/ %d rows rejected; nothing was written.\n",
			rep.Count(sheet.StatusRejected), rep.Count(sheet.StatusRejected))
		return ExitFindings
	}
	if *dry {
		fmt.Fprintln(env.Stdout, "试运行，未写入。/ dry run, nothing written.")
		return ExitOK
	}
	if st == nil {
		if st, err = storage.Create(path, p, storage.Options{Author: opts.Author}); err != nil {
			fmt.Fprintln(env.Stderr, err)
			return ExitFindings
		}
		defer st.Close()
		fmt.Fprintf(env.Stdout, "已新建项目文件 / created %s\n", path)
	}
	if err := plan.Apply(st, "", inputs); err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitFindings
	}
	if rep.Backup != "" {
		fmt.Fprintf(env.Stdout, "导入前备份 / backup: %s\n", rep.Backup)
	}
	return ExitOK
}

// openOrNew opens the project file, or returns a new empty project (and a
// nil store) when it does not exist yet: it is created only once the import
// is known to succeed, so a rejected import leaves no file behind.
func openOrNew(path string, readOnly bool) (*storage.Store, *model.Project, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		return nil, model.NewProject(name, "", Author()), nil
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: readOnly, Author: Author()})
	if err != nil {
		return nil, nil, err
	}
	return st, st.Project(), nil
}

// importJSON reads a project exported as JSON. Into a file that does not
// exist it is written exactly as it was exported; into an existing project
// its entities are added, those whose identity the project already has
// being replaced (--on-duplicate update) or kept (skip, add).
func importJSON(env Env, path, in string, pol sheet.Policy, dry bool) int {
	f, err := os.Open(in)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: 无法打开 / cannot open: %v\n", in, err)
		return ExitFindings
	}
	q, err := jsonio.Read(f)
	f.Close()
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", in, err)
		return ExitFindings
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if dry {
			fmt.Fprintf(env.Stdout, "试运行：将新建项目「%s」（%d 个街道、%d 项职责）。/ dry run: would create the project.\n",
				q.Info.Name, len(q.Offices), len(q.Duties))
			return ExitOK
		}
		st, err := storage.Create(path, q, storage.Options{Author: Author()})
		if err != nil {
			fmt.Fprintln(env.Stderr, err)
			return ExitFindings
		}
		st.Close()
		fmt.Fprintf(env.Stdout, "已由 JSON 新建项目 / created from JSON: %s（%d 个街道、%d 项职责、%d 项权限、%d 条评估、%d 条处理意见）\n",
			path, len(q.Offices), len(q.Duties), len(q.Authorities), len(q.Assessments), len(q.Decisions))
		return ExitOK
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: dry, Author: Author()})
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitFindings
	}
	defer st.Close()
	changes, added, replaced, kept := mergeChanges(st.Project(), q, pol == sheet.PolicyUpdate)
	fmt.Fprintf(env.Stdout, "新增 %d，替换 %d，保留原有 %d。/ added %d, replaced %d, kept %d.\n", added, replaced, kept, added, replaced, kept)
	if dry || len(changes) == 0 {
		return ExitOK
	}
	if b, err := st.Backup(""); err != nil {
		fmt.Fprintf(env.Stderr, "导入前备份失败，未导入 / backup failed, nothing imported: %v\n", err)
		return ExitFindings
	} else {
		fmt.Fprintf(env.Stdout, "导入前备份 / backup: %s\n", b)
	}
	if err := st.Commit("导入 "+filepath.Base(in), changes...); err != nil {
		fmt.Fprintf(env.Stderr, "导入失败，未写入 / import failed, nothing written: %v\n", err)
		return ExitFindings
	}
	return ExitOK
}

// mergeChanges lists the changes that bring q's entities into p.
func mergeChanges(p, q *model.Project, replace bool) (changes []model.Change, added, replaced, kept int) {
	put := func(exists bool, e model.Entity) {
		switch {
		case !exists:
			added++
		case replace:
			replaced++
		default:
			kept++
			return
		}
		changes = append(changes, p.Put(e))
	}
	for _, o := range q.OfficeList() {
		put(p.Offices[o.ID] != nil, o)
	}
	for _, a := range q.AuthorityList() {
		put(p.Authorities[a.ID] != nil, a)
	}
	for _, d := range q.DutyList() {
		put(p.Duties[d.ID] != nil, d)
	}
	for k, h := range q.Holdings {
		put(p.Holdings[k] != nil, h)
	}
	for k, a := range q.Assessments {
		put(p.Assessments[k] != nil, a)
	}
	for _, d := range q.DecisionList() {
		put(p.Decisions[d.ID] != nil, d)
	}
	return changes, added, replaced, kept
}

// writeFileAtomic writes a file through a temporary file beside it, so a
// failed write never leaves half a file under the name.
func writeFileAtomic(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".rpbmatrix-*"+filepath.Ext(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
