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
			if opt.Has(report.SectionMatrix) || !opt.Has(report.SectionDistrict) || !opt.Has(report.SectionScenario) ||
				!opt.Has(report.SectionAdmission) || !opt.Has(report.SectionMinutes) {
				t.Errorf("sections = %v", opt.Sections)
			}
		}, ""},
		{"no office and no district", func(f *form) {
			for _, c := range f.officeBox {
				c.SetChecked(false)
			}
			f.sections[report.SectionDistrict].SetChecked(false)
			f.sections[report.SectionMinutes].SetChecked(false)
		}, nil, words.Say(words.Zh, "report.dialog.no_office")},
		{"no office, the minutes alone", func(f *form) {
			for _, c := range f.officeBox {
				c.SetChecked(false)
			}
			for s, c := range f.sections {
				c.SetChecked(s == report.SectionMinutes)
			}
		}, func(t *testing.T, opt report.Options) {
			if len(opt.Sections) != 1 || !opt.Has(report.SectionMinutes) {
				t.Errorf("sections = %v", opt.Sections)
			}
		}, ""},
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
		{report.Options{Lang: "zh", Sections: []report.Section{report.SectionMinutes}}, "示范区_2026_会议纪要.pdf"},
	}
	for _, tt := range tests {
		if got := defaultFileName(p, tt.opt); got != tt.want {
			t.Errorf("defaultFileName(%+v) = %q, want %q", tt.opt, got, tt.want)
		}
	}
}

// The title block shows what the project holds, offers the Settings author
// on a button rather than filling it in, and commits what was edited as one
// action before the report is printed from it.
func TestTitleBlock(t *testing.T) {
	test.NewTempApp(t)
	oldAuthor, oldCommit := Author, Commit
	defer func() { Author, Commit = oldAuthor, oldCommit }()
	Author = func() string { return "赵六" }

	p := synth.Generate(2, 5, 1)
	p.Info.Author, p.Info.Organization, p.Info.Version = "", "临江区委编办", "征求意见稿"
	f := newForm(p, "", "zh")
	f.content()
	tb := f.title
	if tb.author.Text != "" || tb.author.PlaceHolder != words.Say(words.Zh, "report.dialog.author.unset") {
		t.Errorf("author %q (placeholder %q): want it empty, saying it is not filled in", tb.author.Text, tb.author.PlaceHolder)
	}
	if tb.organization.Text != "临江区委编办" || tb.version.Text != "征求意见稿" {
		t.Errorf("organization %q, version %q: not the project's", tb.organization.Text, tb.version.Text)
	}
	if tb.useSuggested == nil {
		t.Fatal("no button offers the Settings author")
	}
	test.Tap(tb.useSuggested)
	if tb.author.Text != "赵六" {
		t.Errorf("after the button the author is %q", tb.author.Text)
	}

	var committed []model.Change
	Commit = func(action string, cs ...model.Change) error { committed = append(committed, cs...); return nil }
	tb.cutoff.SetText("2026年3月")
	if err := tb.apply(p); err == nil || len(committed) != 0 || p.Info.Author != "" {
		t.Fatalf("a cut-off that is not a date: err %v, %d committed", err, len(committed))
	}
	tb.cutoff.SetText("2026-03-31")
	tb.marking.SetText("内部资料 注意保存")
	if err := tb.apply(p); err != nil {
		t.Fatal(err)
	}
	if len(committed) != 1 {
		t.Fatalf("%d changes committed, want 1", len(committed))
	}
	got := committed[0].After.(*model.Info)
	if got.Author != "赵六" || got.DataCutoff != "2026-03-31" || got.Marking != "内部资料 注意保存" || p.Info != *got {
		t.Errorf("committed %+v; the printed copy has %+v", *got, p.Info)
	}
	// Nothing changed: nothing committed.
	if err := tb.apply(p); err != nil || len(committed) != 1 {
		t.Errorf("an unchanged title block committed again: %v", err)
	}

	// A project that names its author offers no button.
	p.Info.Author = "临江区基层减负改革工作专班"
	if f := newForm(p, "", "zh"); f.title.useSuggested != nil || f.title.author.Text != p.Info.Author {
		t.Error("a project with an author: its author not shown, or the login offered")
	}
}
