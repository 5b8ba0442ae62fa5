package storage

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// A locked file's message says who holds it, as the holder's note says.
func TestLockedMessageNamesTheHolder(t *testing.T) {
	const path = "/home/planner/城东区.rpb"
	host, _ := os.Hostname()
	since := time.Date(2026, 11, 30, 9, 5, 0, 0, time.Local)
	for _, tc := range []struct {
		holder Holder
		zh, en []string
	}{
		{Holder{Kind: HolderWindow, PID: 4242, User: "zhangsan", Host: host, Since: since},
			[]string{"RPB Matrix 窗口中打开", "用户 zhangsan，进程 4242，自 2026-11-30 09:05 起"},
			[]string{"open in an RPB Matrix window", "user zhangsan, process 4242, since 2026-11-30 09:05"}},
		{Holder{Kind: HolderCommand, Command: "import", PID: 77, User: "lisi", Host: "另一台电脑", Since: since},
			[]string{"命令“rpbmatrix import”", "计算机 另一台电脑 上的用户 lisi", "等它运行结束"},
			[]string{"the command “rpbmatrix import”", "user lisi on 另一台电脑, process 77", "wait until it has finished"}},
	} {
		oe := openErr(path, ErrLocked, nil)
		oe.Holders = []Holder{tc.holder}
		for lang, wants := range map[string][]string{words.Zh: tc.zh, words.En: tc.en} {
			got := oe.Msg().In(lang)
			for _, want := range append(wants, path) {
				if !strings.Contains(got, want) {
					t.Errorf("%s: %q does not say %q", lang, got, want)
				}
			}
		}
	}
}

// Every OpenError names the file and says what is wrong in both languages,
// with the cause in the same language as the rest.
func TestOpenErrorMessages(t *testing.T) {
	const path = "/home/planner/城东区.rpb"
	newer := fail(ErrNewerVersion, words.M("storage.cause.newer_format", "version", 3, "supported", model.SchemaVersion))
	shapeErr := shape(words.M("storage.load.key_mismatch", "bucket", "offices", "key", "00ff"))
	for _, tc := range []struct {
		kind   error
		cause  error
		zh, en string
	}{
		{ErrLocked, nil, "正被另一个程序使用", "is in use by another program"},
		{ErrNoFile, nil, "不存在", "does not exist"},
		{ErrExists, nil, "已存在", "already exists"},
		{ErrEmptyFile, nil, "空文件（0 字节）", "empty (0 bytes)"},
		{ErrNotBolt, nil, "不是 RPB Matrix 项目文件", "not an RPB Matrix project file"},
		{ErrNotProject, nil, "不是 RPB Matrix 项目", "not an RPB Matrix project"},
		{ErrNewerVersion, newer, "文件格式版本 3", "file format 3"},
		{ErrDamaged, truncated(100, 4096), "只有 100 字节", "truncated: 100 bytes of 4096"},
		{ErrDamaged, shapeErr, "offices 分区中键 00ff 与其记录不符", "in the offices bucket, key 00ff does not match"},
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
			zh, en := oe.Msg().In(words.Zh), oe.Msg().In(words.En)
			if !strings.Contains(zh, path) || !strings.Contains(zh, tc.zh) {
				t.Errorf("Chinese %q should name the file and say %q", zh, tc.zh)
			}
			if !strings.Contains(en, path) || !strings.Contains(en, tc.en) {
				t.Errorf("English %q should name the file and say %q", en, tc.en)
			}
			if strings.Contains(en, "字节") || strings.Contains(zh, "bytes of") {
				t.Errorf("languages mixed: %q / %q", zh, en)
			}
			if err.Error() != en {
				t.Errorf("Error() = %q, want the English message", err.Error())
			}
		})
	}
}

// Errors that wrap another keep its words and name the file in both languages.
func TestWrappedErrorsNameTheFile(t *testing.T) {
	const path = "/data/老城街道.rpb"
	inner := openErr("/data/老城街道.rpb.backups/b.rpb", ErrEmptyFile, nil)
	for _, tc := range []struct {
		name   string
		err    error
		zh, en string
	}{
		{"commit", fail(errors.New("disk full"), words.M("storage.commit.failed", "file", path, "cause", cause(errors.New("disk full")))),
			"保存到「" + path + "」失败，未做任何更改：disk full", "saving to " + path + " failed, nothing was changed: disk full"},
		{"restore", fail(inner, words.M("storage.restore.unusable", "cause", cause(inner))),
			"备份不可用：文件「/data/老城街道.rpb.backups/b.rpb」是空文件", "the backup cannot be used: /data/老城街道.rpb.backups/b.rpb is empty"},
		{"migration backup", fail(inner, words.M("storage.migrate.backup_failed", "file", path, "cause", cause(inner))),
			"升级前备份「" + path + "」失败：文件「", "backing up " + path + " before migration failed: /data/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w worded
			if !errors.As(tc.err, &w) {
				t.Fatal("no words")
			}
			if got := w.Msg().In(words.Zh); !strings.Contains(got, tc.zh) {
				t.Errorf("Chinese %q lacks %q", got, tc.zh)
			}
			if got := w.Msg().In(words.En); !strings.Contains(got, tc.en) {
				t.Errorf("English %q lacks %q", got, tc.en)
			}
			if tc.err.Error() != w.Msg().In(words.En) {
				t.Errorf("Error() = %q, want the English message", tc.err.Error())
			}
		})
	}
}

func TestValidationErrorListsProblems(t *testing.T) {
	var ps []model.Problem
	for i := 0; i < 7; i++ {
		ps = append(ps, model.Problem{Kind: model.KindOffice, Field: "name", Msg: words.M("storage.audit.missing", "seq", i)})
	}
	msg := (&ValidationError{Problems: ps}).Msg()
	for _, tc := range []struct {
		lang, want, not string
	}{
		{words.Zh, "审计记录 0 不存在；审计记录 1 不存在；审计记录 2 不存在；审计记录 3 不存在；审计记录 4 不存在；……另有 2 个问题", "记录 5"},
		{words.En, "audit entry 0 is missing; audit entry 1 is missing; audit entry 2 is missing; audit entry 3 is missing; audit entry 4 is missing; … 2 more", "entry 5"},
	} {
		if got := msg.In(tc.lang); !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("%s: %q should say %q and not %q", tc.lang, got, tc.want, tc.not)
		}
	}
	if got := (&ValidationError{Problems: ps[:1]}).Msg().In(words.Zh); got != "审计记录 0 不存在" {
		t.Errorf("one problem = %q", got)
	}
}

// Every entity kind has a name and a count in both languages; the keys are
// made from the kind, so the catalogue's own scan cannot see them.
func TestEveryKindIsNamed(t *testing.T) {
	for _, k := range model.Kinds() {
		for _, m := range []words.Msg{kindName(k), countOf(k, 2)} {
			for _, lang := range words.Languages {
				if !words.Has(lang, m.Key) {
					t.Errorf("%s: %q is not in the %s catalogue", k, m.Key, lang)
				} else if miss := words.Missing(lang, m); len(miss) > 0 {
					t.Errorf("%s: %q lacks %v", k, m.Key, miss)
				}
			}
		}
	}
}
