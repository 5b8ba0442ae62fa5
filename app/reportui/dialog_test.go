package reportui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rpbmatrix/app/report"
	"rpbmatrix/model"
	"rpbmatrix/model/synth"
	"rpbmatrix/model/words"
)

func TestFormOptions(t *testing.T) {
	p := synth.Generate(3, 12, 1)
	offices := p.OfficeList()
	tests := []struct {
		name    string
		change  func(f *form)
		check   func(t *testing.T, opt report.Options)
		wantErr string
	}{
		{"defaults print everything", func(f *form) {}, func(t *testing.T, opt report.Options) {
			if opt.Lang != "zh" || opt.Paper != report.A4 || opt.Offices != nil || len(opt.Sections) != len(report.Sections) {
				t.Errorf("defaults = %+v", opt)
			}
			if opt.SourceFile != "示范.rpb" {
				t.Errorf("source file = %q, want the base name", opt.SourceFile)
			}
		}, ""},
		{"English A3 two offices", func(f *form) {
			f.language.SetSelected("English")
			f.paper.SetSelected("A3")
			f.officeBox[1].SetChecked(false)
		}, func(t *testing.T, opt report.Options) {
			if opt.Lang != "en" || opt.Paper != report.A3 {
				t.Errorf("lang/paper = %s/%s", opt.Lang, opt.Paper)
			}
			if len(opt.Offices) != 2 || opt.Offices[0] != offices[0].ID || opt.Offices[1] != offices[2].ID {
				t.Errorf("offices = %v", opt.Offices)
			}
		}, ""},
		{"no office means district only", func(f *form) {
			for _, c := range f.officeBox {
				c.SetChecked(false)
			}
		}, func(t *testing.T, opt report.Options) {
			if opt.Has(report.SectionMatrix) || !opt.Has(report.SectionDistrict) || !opt.Has(report.SectionScenario) {
				t.Errorf("sections = %v", opt.Sections)
			}
		}, ""},
		{"no office and no district", func(f *form) {
			for _, c := range f.officeBox {
				c.SetChecked(false)
			}
			f.sections[report.SectionDistrict].SetChecked(false)
		}, nil, words.Say(words.Zh, "report.dialog.no_office")},
		{"no section", func(f *form) {
			for _, c := range f.sections {
				c.SetChecked(false)
			}
		}, nil, words.Say(words.Zh, "report.dialog.no_section")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			f := newForm(p, "/tmp/projects/示范.rpb", "zh")
			f.content()
			tt.change(f)
			opt, err := f.options()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, opt)
		})
	}
}

func TestShowOpensDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	p := synth.Generate(2, 5, 1)
	Show(w, p, nil, "", "zh")
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
}

func TestWriteAndOpen(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	p := synth.Generate(2, 8, 1)
	path := filepath.Join(t.TempDir(), "报告.pdf")
	opened := make(chan string, 1)
	writeAndOpen(w, p, model.Analyze(p), report.Options{Now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}, path, "zh",
		func(p string) error { opened <- p; return nil })
	select {
	case got := <-opened:
		if got != path {
			t.Errorf("opened %q, want %q", got, path)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("report was not written and opened")
	}
	if b, err := os.ReadFile(path); err != nil || len(b) < 1000 || string(b[:5]) != "%PDF-" {
		t.Fatalf("no PDF written: %v", err)
	}
}

func TestDefaultFileName(t *testing.T) {
	p := synth.Generate(2, 3, 1)
	p.Info.Name = "示范区/2026"
	o := p.OfficeList()[0]
	tests := []struct {
		opt  report.Options
		want string
	}{
		{report.Options{Lang: "zh"}, "示范区_2026_报告.pdf"},
		{report.Options{Lang: "zh", Offices: []model.ID{o.ID}}, o.Name + "_报告.pdf"},
		{report.Options{Lang: "en", Sections: []report.Section{report.SectionDistrict}}, p.Info.Region + "_district_report.pdf"},
	}
	for _, tt := range tests {
		if got := defaultFileName(p, tt.opt); got != tt.want {
			t.Errorf("defaultFileName(%+v) = %q, want %q", tt.opt, got, tt.want)
		}
	}
}
