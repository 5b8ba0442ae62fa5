package storage

import (
	"errors"
	"fmt"
	"strings"

	"rpbmatrix/model"
)

// Kinds of failure to open a project file. They come wrapped in *OpenError,
// so test them with errors.Is.
var (
	ErrLocked       = errors.New("file is open in another window")
	ErrNoFile       = errors.New("file does not exist")
	ErrExists       = errors.New("file already exists")
	ErrEmptyFile    = errors.New("file is empty")
	ErrNotBolt      = errors.New("not a project file")
	ErrDamaged      = errors.New("project file is damaged")
	ErrNotProject   = errors.New("database is not a project")
	ErrNewerVersion = errors.New("project file is from a newer version")
)

// ErrReadOnly is returned by Commit, Undo and Redo on a store opened read-only.
var ErrReadOnly = errors.New("storage: project opened read-only / 项目以只读方式打开")

// OpenError says why a project file could not be opened or created.
type OpenError struct {
	Path string
	Kind error // one of the Err* kinds above
	Err  error // the underlying cause, may be nil
}

// Unwrap lets errors.Is find both the kind and the cause.
func (e *OpenError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// Error gives the message in Chinese, then English.
func (e *OpenError) Error() string {
	m := e.Msg()
	return m.Zh + " / " + m.En
}

// Msg is the message in both UI languages, naming the file.
func (e *OpenError) Msg() model.Msg {
	zh, en := causeIn(e.Err, "zh"), causeIn(e.Err, "en")
	p := e.Path
	switch e.Kind {
	case ErrLocked:
		return model.Msg{
			Zh: fmt.Sprintf("文件「%s」正被另一个 RPB Matrix 窗口打开，请先在那个窗口中关闭它", p),
			En: fmt.Sprintf("%s is open in another RPB Matrix window; close it there first", p)}
	case ErrNoFile:
		return model.Msg{Zh: fmt.Sprintf("文件「%s」不存在", p), En: fmt.Sprintf("%s does not exist", p)}
	case ErrExists:
		return model.Msg{Zh: fmt.Sprintf("文件「%s」已存在，不会覆盖", p), En: fmt.Sprintf("%s already exists and will not be overwritten", p)}
	case ErrEmptyFile:
		return model.Msg{
			Zh: fmt.Sprintf("文件「%s」是空文件（0 字节），不是项目文件", p),
			En: fmt.Sprintf("%s is empty (0 bytes); it is not a project file", p)}
	case ErrNotBolt:
		return model.Msg{
			Zh: fmt.Sprintf("文件「%s」不是 RPB Matrix 项目文件（.rpb）", p),
			En: fmt.Sprintf("%s is not an RPB Matrix project file (.rpb)", p)}
	case ErrNotProject:
		return model.Msg{
			Zh: fmt.Sprintf("文件「%s」是 bbolt 数据库，但不是 RPB Matrix 项目", p),
			En: fmt.Sprintf("%s is a bbolt database but not an RPB Matrix project", p)}
	case ErrNewerVersion:
		return model.Msg{
			Zh: fmt.Sprintf("项目文件「%s」由更新版本的 RPB Matrix 保存（%s），请升级本程序后再打开", p, zh),
			En: fmt.Sprintf("%s was saved by a newer RPB Matrix (%s); upgrade to open it", p, en)}
	case ErrDamaged:
		return model.Msg{
			Zh: fmt.Sprintf("项目文件「%s」已损坏：%s", p, zh),
			En: fmt.Sprintf("the project file %s is damaged: %s", p, en)}
	}
	return model.Msg{Zh: fmt.Sprintf("无法打开文件「%s」：%s", p, zh), En: fmt.Sprintf("cannot open %s: %s", p, en)}
}

// msgError is a cause worded in both languages, so that OpenError can put
// each half in the matching half of its own message.
type msgError struct{ model.Msg }

func (e *msgError) Error() string { return e.Zh + " / " + e.En }

// bilingual returns an error with a Chinese and an English wording.
func bilingual(zh, en string) error { return &msgError{model.Msg{Zh: zh, En: en}} }

// causeIn returns the cause worded in lang ("zh" or "en").
func causeIn(err error, lang string) string {
	if err == nil {
		return ""
	}
	var m *msgError
	if errors.As(err, &m) {
		// Keep any context wrapped around the bilingual part.
		full, part := err.Error(), m.Error()
		return strings.Replace(full, part, m.In(lang), 1)
	}
	return err.Error()
}

func openErr(path string, kind, cause error) *OpenError {
	return &OpenError{Path: path, Kind: kind, Err: cause}
}

// ValidationError is returned by Commit when a change would store an
// invalid entity; nothing is written then.
type ValidationError struct {
	Problems []model.Problem
}

func (e *ValidationError) Error() string {
	var zh, en []string
	for i, p := range e.Problems {
		if i == 5 {
			zh = append(zh, fmt.Sprintf("……另有 %d 个问题", len(e.Problems)-5))
			en = append(en, fmt.Sprintf("… %d more", len(e.Problems)-5))
			break
		}
		zh = append(zh, p.Msg.Zh)
		en = append(en, p.Msg.En)
	}
	return strings.Join(zh, "；") + " / " + strings.Join(en, "; ")
}
