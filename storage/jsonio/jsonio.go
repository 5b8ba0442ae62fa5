// Package jsonio writes a whole project as one versioned JSON document and
// reads it back. The document is the exchange form of a project: reading
// what Write wrote gives back exactly the same project.
//
//	{"format": "rpbmatrix", "version": 1, "schema": 2, "info": {…}, "settings": {…},
//	 "offices": […], "duties": […], "authorities": […], "holdings": […],
//	 "assessments": […], "decisions": […]}
//
// Lists are sorted by identity so that the same project always gives the
// same bytes, and two exports can be compared with diff.
package jsonio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"rpbmatrix/model"
)

// Format is the value of the "format" field.
const Format = "rpbmatrix"

// Version is the version of the document layout written by Write. Read
// accepts every version up to it.
const Version = 1

// MaxSize is the largest document Read accepts.
const MaxSize = 1 << 30

// document is the JSON layout.
type document struct {
	Format      string              `json:"format"`
	Version     int                 `json:"version"`
	Schema      int                 `json:"schema"` // model.SchemaVersion of the entities
	Info        model.Info          `json:"info"`
	Settings    model.Settings      `json:"settings"`
	Offices     []*model.Office     `json:"offices"`
	Duties      []*model.Duty       `json:"duties"`
	Authorities []*model.Authority  `json:"authorities"`
	Holdings    []*model.Holding    `json:"holdings"`
	Assessments []*model.Assessment `json:"assessments"`
	Decisions   []*model.Decision   `json:"decisions"`
}

// header is read first to refuse foreign and newer documents with a clear message.
type header struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Schema  int    `json:"schema"`
}

// Write writes p as an indented JSON document.
func Write(w io.Writer, p *model.Project) error {
	doc := document{Format: Format, Version: Version, Schema: model.SchemaVersion, Info: p.Info, Settings: p.Settings,
		Offices: values(p.Offices), Duties: values(p.Duties), Authorities: values(p.Authorities),
		Holdings: values(p.Holdings), Assessments: values(p.Assessments), Decisions: values(p.Decisions)}
	sortByID(doc.Offices, func(o *model.Office) string { return o.ID.String() })
	sortByID(doc.Duties, func(d *model.Duty) string { return d.ID.String() })
	sortByID(doc.Authorities, func(a *model.Authority) string { return a.ID.String() })
	sortByID(doc.Holdings, func(h *model.Holding) string { return h.Office.String() + h.Authority.String() })
	sortByID(doc.Assessments, func(a *model.Assessment) string { return a.Office.String() + a.Duty.String() })
	sortByID(doc.Decisions, func(d *model.Decision) string { return d.ID.String() })
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// Error is a document that cannot be read, with a bilingual message.
type Error struct {
	Msg model.Msg
	Err error // the underlying error, if any
}

func (e *Error) Error() string { return e.Msg.Zh + " / " + e.Msg.En }
func (e *Error) Unwrap() error { return e.Err }

func errorf(err error, zh, en string, args ...any) *Error {
	return &Error{Msg: model.Msg{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}, Err: err}
}

// Read reads a document written by Write (any version up to Version) and
// returns the project, validated: every reference resolves and no identity
// is used twice.
func Read(r io.Reader) (*model.Project, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, errorf(err, "无法读取 JSON：%v", "cannot read the JSON: %v", err)
	}
	if len(data) > MaxSize {
		return nil, errorf(nil, "JSON 文件过大（上限 %d MB）", "JSON document too large (limit %d MB)", MaxSize>>20)
	}
	var h header
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, syntaxError(data, err)
	}
	switch {
	case h.Format != Format:
		return nil, errorf(nil, "不是 RPB Matrix 项目的 JSON 导出（format 应为 %q）", "not an RPB Matrix project export (format should be %q)", Format)
	case h.Version < 1 || h.Version > Version:
		return nil, errorf(nil, "JSON 版本 %d 不受支持（本程序支持 1–%d），请升级程序", "JSON version %d is not supported (this program reads 1–%d); upgrade the program", h.Version, Version)
	case h.Schema > model.SchemaVersion:
		return nil, errorf(nil, "JSON 由更新的程序写出（数据版本 %d，本程序 %d），请升级程序", "written by a newer program (schema %d, this program %d); upgrade the program", h.Schema, model.SchemaVersion)
	}
	var doc document
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, syntaxError(data, err)
	}
	p := model.NewProject("", "", "")
	p.Info, p.Settings = doc.Info, doc.Settings
	if err := fill(p, &doc); err != nil {
		return nil, err
	}
	if ps := model.Validate(p); len(ps) > 0 {
		return nil, errorf(ps[0], "JSON 中的项目有误：%s（共 %d 处）", "the project in the JSON is invalid: %s (%d problems)", ps[0].Msg.Zh, len(ps))
	}
	return p, nil
}

func fill(p *model.Project, doc *document) error {
	dup := func(kind string, id string) error {
		return errorf(nil, "JSON 中%s的标识 %s 出现两次", "the JSON uses the %s identity %s twice", kind, id)
	}
	for _, o := range doc.Offices {
		if o == nil || p.Offices[o.ID] != nil {
			return dup("街道（乡镇）/office", idOf(o))
		}
		p.Offices[o.ID] = o
	}
	for _, d := range doc.Duties {
		if d == nil || p.Duties[d.ID] != nil {
			return dup("职责事项/duty", idOf(d))
		}
		if len(d.Scope) == 0 {
			d.Scope = nil
		}
		if len(d.Required) == 0 {
			d.Required = nil
		}
		p.Duties[d.ID] = d
	}
	for _, a := range doc.Authorities {
		if a == nil || p.Authorities[a.ID] != nil {
			return dup("权限/authority", idOf(a))
		}
		p.Authorities[a.ID] = a
	}
	for _, h := range doc.Holdings {
		if h == nil || p.Holdings[h.Key()] != nil {
			return dup("权限持有/holding", idOf(h))
		}
		p.Holdings[h.Key()] = h
	}
	for _, a := range doc.Assessments {
		if a == nil || p.Assessments[a.Key()] != nil {
			return dup("履职评估/assessment", idOf(a))
		}
		p.Assessments[a.Key()] = a
	}
	for _, d := range doc.Decisions {
		if d == nil || p.Decisions[d.ID] != nil {
			return dup("处理意见/decision", idOf(d))
		}
		p.Decisions[d.ID] = d
	}
	return nil
}

// idOf names an entity in a duplicate message; "null" for a null entry.
func idOf(e any) string {
	switch v := e.(type) {
	case *model.Office:
		if v != nil {
			return v.ID.String()
		}
	case *model.Duty:
		if v != nil {
			return v.ID.String()
		}
	case *model.Authority:
		if v != nil {
			return v.ID.String()
		}
	case *model.Holding:
		if v != nil {
			return v.Office.String() + "/" + v.Authority.String()
		}
	case *model.Assessment:
		if v != nil {
			return v.Office.String() + "/" + v.Duty.String()
		}
	case *model.Decision:
		if v != nil {
			return v.ID.String()
		}
	}
	return "null"
}

// syntaxError names the line and column of a JSON error.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off >= 0 && off <= int64(len(data)) {
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := int(off) - bytes.LastIndexByte(data[:off], '\n')
		return errorf(err, "JSON 第 %d 行第 %d 列有误：%v", "JSON error at line %d, column %d: %v", line, col, err)
	}
	return errorf(err, "JSON 有误：%v", "JSON error: %v", err)
}

func values[K comparable, V any](m map[K]*V) []*V {
	out := make([]*V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func sortByID[T any](xs []*T, key func(*T) string) {
	sort.Slice(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}
