package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"rpbmatrix/model"
	"rpbmatrix/storage"
	"rpbmatrix/storage/jsonio"
	"rpbmatrix/storage/sheet"
)

var exportCmd = &Command{
	Name:    "export",
	Summary: "导出矩阵（xlsx/csv）或整个项目（json）/ export the matrix or the whole project",
	Usage:   "export FILE.rpb -o OUT.xlsx|OUT.csv|OUT.json [--office NAME]",
}

// Run is set here, not in the literal, because it refers back to the command.
func init() {
	exportCmd.Run = runExport
	Register(exportCmd)
}

func runExport(env Env, args []string) int {
	c := exportCmd
	fs := NewFlags(env, c)
	out := fs.String("o", "", "输出文件：.xlsx（彩色矩阵）、.csv（UTF-8 BOM）或 .json（整个项目）/ output file")
	office := fs.String("office", "", "只导出这个街道（乡镇）/ export only this office")
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 || *out == "" {
		return Usagef(env, c, "需要一个项目文件和 -o 输出文件 / need one project file and -o OUT")
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".xlsx" && ext != ".csv" && ext != ".json" {
		return Usagef(env, c, "输出文件应为 .xlsx、.csv 或 .json：%s / the output must end in .xlsx, .csv or .json", *out)
	}
	if ext == ".json" && *office != "" {
		return Usagef(env, c, "JSON 导出的是整个项目，不能用 --office / a JSON export is the whole project; --office does not apply")
	}
	st, err := storage.Open(pos[0], storage.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitFindings
	}
	defer st.Close()
	p := st.Project()
	err = writeFileAtomic(*out, func(f io.Writer) error {
		switch ext {
		case ".json":
			return jsonio.Write(f, p)
		case ".csv":
			return sheet.WriteCSV(f, p, model.Analyze(p), *office)
		}
		return sheet.WriteXLSX(f, p, model.Analyze(p), *office)
	})
	if err != nil {
		if fe, ok := err.(*sheet.FileError); ok {
			fmt.Fprintf(env.Stderr, "%s / %s\n", fe.Msg.Zh, fe.Msg.En)
		} else {
			fmt.Fprintf(env.Stderr, "导出失败 / export failed: %v\n", err)
		}
		return ExitFindings
	}
	fmt.Fprintf(env.Stdout, "已导出 / exported: %s\n", *out)
	return ExitOK
}
