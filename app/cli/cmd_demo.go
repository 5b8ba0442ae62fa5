package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/storage"
)

var demoCmd = &Command{
	Name:    "demo",
	Usage:   "demo -o FILE.rpb [--force]",
	Summary: "write the demo project (a fictional district: 2 streets, 1 township)",
}

func init() {
	demoCmd.Run = runDemo
	Register(demoCmd)
}

// runDemo exits 0 when the file is written, 2 on usage errors (including an
// existing file without --force) and 1 when the file cannot be written.
func runDemo(env Env, args []string) int {
	fs := NewFlags(env, demoCmd)
	out := fs.String("o", "", "project file to write")
	force := fs.Bool("force", false, "replace FILE.rpb if it exists")
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	switch {
	case len(pos) > 0:
		return Usagef(env, demoCmd, "多余的参数 %[1]q / unexpected argument %[1]q", pos[0])
	case *out == "":
		return Usagef(env, demoCmd, "请用 -o 指定要写入的项目文件 / -o FILE.rpb is required")
	}
	if fi, err := os.Stat(*out); err == nil {
		switch {
		case fi.IsDir():
			return Usagef(env, demoCmd, "「%s」是目录 / %s is a directory", *out, *out)
		case !*force:
			return Usagef(env, demoCmd, "文件「%s」已存在，如需覆盖请加 --force / %s already exists; use --force to replace it", *out, *out)
		case isOpenElsewhere(*out):
			fmt.Fprintf(env.Stderr, "rpbmatrix demo: 文件「%s」正被另一个 RPB Matrix 窗口打开，请先关闭 / %s is open in another RPB Matrix window; close it first\n", *out, *out)
			return ExitFindings
		}
	}

	p, err := demo.Project()
	if err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix demo: %v\n", err)
		return ExitFindings
	}
	if err := writeProject(*out, p, *force); err != nil {
		fmt.Fprintf(env.Stderr, "rpbmatrix demo: %v\n", err)
		return ExitFindings
	}
	fmt.Fprintf(env.Stdout, "已写入示例项目 %s：%d 个街道（乡镇），%d 项职责，%d 项权限，%d 条履职评估，%d 条处理意见\n",
		*out, len(p.Offices), len(p.Duties), len(p.Authorities), len(p.Assessments), len(p.Decisions))
	fmt.Fprintln(env.Stdout, "Wrote the demo project (fictional data).")
	return ExitOK
}

// writeProject creates the project file at path. With replace it builds the
// file beside path and renames it over, so a failure leaves the old file whole.
func writeProject(path string, p *model.Project, replace bool) error {
	target := path
	if replace {
		target = filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".new-"+strconv.Itoa(os.Getpid()))
		os.Remove(target)
		defer os.Remove(target)
	}
	st, err := storage.Create(target, p, storage.Options{Author: Author()})
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	if replace {
		if err := os.Rename(target, path); err != nil {
			return fmt.Errorf("无法替换「%s」/ cannot replace %s: %w", path, path, err)
		}
	}
	return nil
}

// isOpenElsewhere reports whether another process holds the project file open.
func isOpenElsewhere(path string) bool {
	st, err := storage.Open(path, storage.Options{ReadOnly: true, Timeout: 200 * time.Millisecond, SkipCheck: true})
	if err == nil {
		st.Close()
		return false
	}
	return errors.Is(err, storage.ErrLocked)
}
