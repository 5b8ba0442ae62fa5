package words

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func TestCatalogueLoads(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	if len(Keys(Zh)) == 0 {
		t.Fatal("empty catalogue")
	}
}

// Every key is in both languages, and both languages' templates take the
// same arguments.
func TestBothLanguagesAgree(t *testing.T) {
	zh, en := map[string]bool{}, map[string]bool{}
	for _, k := range Keys(Zh) {
		zh[k] = true
	}
	for _, k := range Keys(En) {
		en[k] = true
		if !zh[k] {
			t.Errorf("%q is in English only", k)
		}
	}
	for k := range zh {
		if !en[k] {
			t.Errorf("%q is in Chinese only", k)
			continue
		}
		tz, _ := Template(Zh, k)
		te, _ := Template(En, k)
		if a, b := Placeholders(tz), Placeholders(te); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: Chinese takes %v, English %v", k, a, b)
		}
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		tmpl string
		args map[string]any
		want string
	}{
		{"plain", nil, "plain"},
		{"需要 {n} 项", map[string]any{"n": 3}, "需要 3 项"},
		{"{n} {n|authority|authorities}", map[string]any{"n": 1}, "1 authority"},
		{"{n} {n|authority|authorities}", map[string]any{"n": 2}, "2 authorities"},
		{"{x} 万元", map[string]any{"x": 2.0}, "2 万元"},
		{"{x} 万元", map[string]any{"x": 2.25}, "2.3 万元"},
		{"{x}", map[string]any{"x": -0.04}, "0"},
		{"{p}", map[string]any{"p": Pct(0.333)}, "33%"},
		{"{d}", map[string]any{"d": Dec{0.8612, 2}}, "0.86"},
		{"{i}", map[string]any{"i": Index(0.9649)}, "0.96"},
		{"{i}", map[string]any{"i": Index(1)}, "1.00"},
		{"{i}", map[string]any{"i": Index(0.9649).Fine()}, "0.965"},
		{"{l}", map[string]any{"l": []string{"甲", "乙"}}, "甲、乙"},
		{"{missing}", nil, "{missing}"},
		{"{{literal}", nil, "{literal}"},
	}
	for _, tt := range tests {
		if got := expand(Zh, tt.tmpl, tt.args); got != tt.want {
			t.Errorf("expand(%q, %v) = %q, want %q", tt.tmpl, tt.args, got, tt.want)
		}
	}
}

func TestMsg(t *testing.T) {
	if got := M("list.sep").In(En); got != ", " {
		t.Errorf("list.sep in English = %q", got)
	}
	if got := M("no.such.key").In(Zh); got != "no.such.key" {
		t.Errorf("unknown key = %q, want the key itself", got)
	}
	if (Msg{}).In(Zh) != "" || !(Msg{}).IsZero() {
		t.Error("zero Msg must word as empty")
	}
	if got := Lang("zh_CN.UTF-8"); got != Zh {
		t.Errorf("Lang = %q", got)
	}
	if got := Lang("C"); got != En {
		t.Errorf("Lang(C) = %q", got)
	}
}

type msgErr struct{ m Msg }

func (e msgErr) Error() string { return "english" }
func (e msgErr) Msg() Msg      { return e.m }

func TestErrorWords(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", msgErr{M("list.sep")})
	if got := Text(Zh, err); got != "、" {
		t.Errorf("Text = %q", got)
	}
	if got := Text(Zh, errors.New("plain")); got != "plain" {
		t.Errorf("Text(plain) = %q", got)
	}
	if _, ok := Of(nil); ok {
		t.Error("Of(nil) has a message")
	}
}
