package importui

import (
	"bytes"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/storage/jsonio"
	"rpbmatrix/storage/sheet"
)

// exportFormat is one of the files ShowExport can write.
type exportFormat struct {
	ext  string
	name model.Msg
}

var exportFormats = []exportFormat{
	{".xlsx", model.Msg{Zh: "Excel 工作簿（彩色矩阵、汇总、错配清单）", En: "Excel workbook (coloured matrix, summary, findings)"}},
	{".csv", model.Msg{Zh: "CSV 表格（UTF-8，Excel 可直接打开）", En: "CSV table (UTF-8, opens in Excel)"}},
	{".json", model.Msg{Zh: "JSON（整个项目，可再导入）", En: "JSON (the whole project, can be imported again)"}},
}

// ShowExport asks what to export (format and office) and where, then
// writes the matrix workbook, the CSV table or the whole project as JSON.
// The file is written in full in memory first, so a failure leaves no half file.
func ShowExport(win fyne.Window, p *model.Project) {
	var formats []string
	for _, f := range exportFormats {
		formats = append(formats, msg(f.name))
	}
	format := widget.NewSelect(formats, nil)
	format.SetSelectedIndex(0)
	all := tr("全部街道（乡镇）", "All offices")
	offices := []string{all}
	for _, o := range p.OfficeList() {
		offices = append(offices, o.Name)
	}
	office := widget.NewSelect(offices, nil)
	office.SetSelectedIndex(0)
	format.OnChanged = func(string) {
		if exportFormats[format.SelectedIndex()].ext == ".json" {
			office.SetSelectedIndex(0)
			office.Disable()
		} else {
			office.Enable()
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr("格式", "Format"), format),
		widget.NewFormItem(tr("范围", "Scope"), office),
	}
	dialog.ShowForm(tr("导出", "Export"), tr("选择文件…", "Choose file…"), tr("取消", "Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		f := exportFormats[format.SelectedIndex()]
		name := ""
		if office.SelectedIndex() > 0 {
			name = office.Selected
		}
		saveExport(win, p, f.ext, name)
	}, win)
}

func saveExport(win fyne.Window, p *model.Project, ext, office string) {
	var buf bytes.Buffer
	var err error
	switch ext {
	case ".json":
		err = jsonio.Write(&buf, p)
	case ".csv":
		err = sheet.WriteCSV(&buf, p, model.Analyze(p), office)
	default:
		err = sheet.WriteXLSX(&buf, p, model.Analyze(p), office)
	}
	if err != nil {
		if fe, ok := err.(*sheet.FileError); ok {
			err = fmt.Errorf("%s", msg(fe.Msg))
		}
		dialog.ShowError(err, win)
		return
	}
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		_, werr := wc.Write(buf.Bytes())
		if cerr := wc.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			dialog.ShowError(werr, win)
		}
	}, win)
	base := p.Info.Name
	if office != "" {
		base = office
	}
	fd.SetFileName(strings.TrimSpace(base+" "+tr("责权利矩阵", "RPB matrix")) + ext)
	fd.SetFilter(fstorage.NewExtensionFileFilter([]string{ext}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}
