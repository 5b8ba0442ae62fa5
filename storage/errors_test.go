package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"rpbmatrix/model"
)

func TestOpenErrorMessages(t *testing.T) {
	const path = "/home/planner/城东区.rpb"
	for _, tc := range []struct {
		kind   error
		cause  error
		zh, en string
	}{
		{ErrLocked, nil, "正被另一个 RPB Matrix 窗口打开", "is open in another RPB Matrix window"},
		{ErrNoFile, nil, "不存在", "does not exist"},
		{ErrExists, nil, "已存在", "already exists"},
		{ErrEmptyFile, nil, "空文件（0 字节）", "empty (0 bytes)"},
		{ErrNotBolt, nil, "不是 RPB Matrix 项目文件", "not an RPB Matrix project file"},
		{ErrNotProject, nil, "不是 RPB Matrix 项目", "not an RPB Matrix project"},
		{ErrNewerVersion, bilingual("文件格式版本 3", "file format 3"), "文件格式版本 3", "file format 3"},
		{ErrDamaged, truncated(100, 4096), "只有 100 字节", "truncated: 100 bytes of 4096"},
		{ErrDamaged, fmt.Errorf("offices: %w", bilingual("坏", "bad")), "offices: 坏", "offices: bad"},
		{ErrDamaged, errors.New("invalid page type"), "invalid page type", "invalid page type"},
		{ErrUnreadable, errors.New("permission denied"), "无法打开", "cannot open"},
	} {
		t.Run(tc.kind.Error(), func(t *testing.T) {
			err := error(openErr(path, tc.kind, tc.cause))
			var oe *OpenError
			if !errors.As(err, &oe) || !errors.Is(err, tc.kind) {
				t.Fatalf("%v is not an OpenError of kind %v", err, tc.kind)
			}
			if tc.cause != nil && !errors.Is(err, tc.cause) {
				t.Errorf("the cause is not reachable with errors.Is")
			}
			m := oe.Msg()
			if !strings.Contains(m.Zh, path) || !strings.Contains(m.Zh, tc.zh) {
				t.Errorf("Chinese %q should name the file and say %q", m.Zh, tc.zh)
			}
			if !strings.Contains(m.En, path) || !strings.Contains(m.En, tc.en) {
				t.Errorf("English %q should name the file and say %q", m.En, tc.en)
			}
			if m.Zh != m.En && (strings.Contains(m.En, "字节") || strings.Contains(m.Zh, "bytes of")) {
				t.Errorf("languages mixed: %q / %q", m.Zh, m.En)
			}
			if err.Error() != m.Zh+" / "+m.En {
				t.Errorf("Error() = %q, want Chinese then English", err.Error())
			}
		})
	}
}

func TestValidationErrorListsProblems(t *testing.T) {
	var ps []model.Problem
	for i := 0; i < 7; i++ {
		ps = append(ps, model.Problem{Kind: model.KindOffice, Field: "name", Msg: model.Msg{Zh: fmt.Sprintf("问题%d", i), En: fmt.Sprintf("problem %d", i)}})
	}
	msg := (&ValidationError{Problems: ps}).Error()
	for _, want := range []string{"问题0", "问题4", "另有 2 个问题", "problem 0", "2 more"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "问题5") {
		t.Errorf("%q lists more than five problems", msg)
	}
}
