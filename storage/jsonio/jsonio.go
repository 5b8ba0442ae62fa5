// Package jsonio writes a whole project as one versioned JSON document and
// reads it back. The document is the exchange form of a project: reading
// what Write wrote gives back exactly the same project.
//
//	{"format": "rpbmatrix", "version": 1, "schema": 3, "info": {…}, "settings": {…},
//	 "offices": […], "duties": […], "authorities": […], "holdings": […],
//	 "assessments": […], "meetings": […], "decisions": […], "proposals": […],
//	 "off_list_tasks": […], "incidents": […]}
//
// Lists are sorted by identity so that the same project always gives the
// same bytes, and two exports can be compared with diff. A document of an
// older schema is migrated as a project file is (storage.MigrateValue).
package jsonio

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"slices"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// Format is the value of the "format" field.
const Format = "rpbmatrix"

// Version is the version of the document layout written by Write. Read
// accepts every version up to it.
const Version = 1

// MaxSize is the largest document Read accepts. Reading, decoding and
// validating take several times the document's size in memory, so a
// larger file is refused by its size before a byte of it is read.
const MaxSize = 512 << 20

// document is the JSON layout.
type document struct {
	Format       string               `json:"format"`
	Version      int                  `json:"version"`
	Schema       int                  `json:"schema"` // model.SchemaVersion of the entities
	Info         model.Info           `json:"info"`
	Settings     model.Settings       `json:"settings"`
	Offices      []*model.Office      `json:"offices"`
	Duties       []*model.Duty        `json:"duties"`
	Authorities  []*model.Authority   `json:"authorities"`
	Holdings     []*model.Holding     `json:"holdings"`
	Assessments  []*model.Assessment  `json:"assessments"`
	Meetings     []*model.Meeting     `json:"meetings"`
	Decisions    []*model.Decision    `json:"decisions"`
	Proposals    []*model.Proposal    `json:"proposals"`
	OffListTasks []*model.OffListTask `json:"off_list_tasks"`
	Incidents    []*model.Incident    `json:"incidents"`
}

// lists names the document's lists by the kind of their entries.
var lists = map[string]model.EntityKind{
	"offices": model.KindOffice, "duties": model.KindDuty, "authorities": model.KindAuthority,
	"holdings": model.KindHolding, "assessments": model.KindAssessment, "meetings": model.KindMeeting,
	"decisions": model.KindDecision, "proposals": model.KindProposal, "off_list_tasks": model.KindOffListTask,
	"incidents": model.KindIncident,
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
		Offices: sorted(p.Offices), Duties: sorted(p.Duties), Authorities: sorted(p.Authorities),
		Holdings: sorted(p.Holdings), Assessments: sorted(p.Assessments), Meetings: sorted(p.Meetings),
		Decisions: sorted(p.Decisions), Proposals: sorted(p.Proposals), OffListTasks: sorted(p.OffListTasks),
		Incidents: sorted(p.Incidents)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// Error is a document that cannot be read. Msg says why, to be worded in
// the reader's language; Error words it in English, for logs.
type Error struct {
	msg words.Msg
	Err error // the underlying error, if any
}

// Msg is the message.
func (e *Error) Msg() words.Msg { return e.msg }

// Error is the message in English.
func (e *Error) Error() string { return e.msg.In(words.En) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func fail(err error, msg words.Msg) *Error { return &Error{msg: msg, Err: err} }

// ReadFile reads the document at path, refusing one larger than MaxSize
// by its size on disk, before reading it into memory.
func ReadFile(path string) (*model.Project, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(err, words.M("jsonio.unreadable", "detail", err.Error()))
	}
	defer f.Close()
	return Read(f)
}

// checkSize refuses a regular file larger than MaxSize by its size.
func checkSize(f *os.File) error {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() <= MaxSize {
		return nil
	}
	return fail(nil, words.M("jsonio.too_large_size", "size", int(fi.Size()>>20), "limit", MaxSize>>20))
}

// Read reads a document written by Write (any version up to Version) and
// returns the project, validated: every reference resolves and no identity
// is used twice.
func Read(r io.Reader) (*model.Project, error) {
	if f, ok := r.(*os.File); ok {
		if err := checkSize(f); err != nil {
			return nil, err
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fail(err, words.M("jsonio.unreadable", "detail", err.Error()))
	}
	if len(data) > MaxSize {
		return nil, fail(nil, words.M("jsonio.too_large", "limit", MaxSize>>20))
	}
	var h header
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, syntaxError(data, err)
	}
	switch {
	case h.Format != Format:
		return nil, fail(nil, words.M("jsonio.foreign", "format", Format))
	case h.Version < 1 || h.Version > Version:
		return nil, fail(nil, words.M("jsonio.version", "version", h.Version, "max", Version))
	case h.Schema > model.SchemaVersion:
		return nil, fail(nil, words.M("jsonio.newer_schema", "schema", h.Schema, "supported", model.SchemaVersion))
	}
	if h.Schema > 0 && h.Schema < model.SchemaVersion {
		if data, err = migrate(data, h.Schema); err != nil {
			return nil, err
		}
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
		return nil, fail(ps[0], words.M("jsonio.invalid", "problem", ps[0].Msg, "n", len(ps)))
	}
	return p, nil
}

// migrate rewrites a document of an older entity schema in the current
// one: every entry as a stored record of its kind would be, and the
// meetings that decisions named only by a label added as records.
func migrate(data []byte, schema int) ([]byte, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(data, err)
	}
	bad := func(list string, err error) error {
		return fail(err, words.M("jsonio.migrate", "list", list, "schema", schema, "detail", err.Error()))
	}
	if raw, ok := doc["settings"]; ok {
		out, err := storage.MigrateValue(model.KindSettings, schema, raw)
		if err != nil {
			return nil, bad("settings", err)
		}
		doc["settings"] = out
	}
	var meetings []json.RawMessage
	seen := map[model.ID]bool{}
	for list, kind := range lists {
		var entries []json.RawMessage
		if raw, ok := doc[list]; !ok || json.Unmarshal(raw, &entries) != nil {
			continue // absent, or not a list: decoding says what is wrong
		}
		for i, e := range entries {
			if kind == model.KindDecision {
				m, err := storage.LegacyMeeting(schema, e)
				if err != nil {
					return nil, bad(list, err)
				}
				if m != nil && !seen[m.ID] {
					seen[m.ID] = true
					b, _ := json.Marshal(m)
					meetings = append(meetings, b)
				}
			}
			out, err := storage.MigrateValue(kind, schema, e)
			if err != nil {
				return nil, bad(list, err)
			}
			entries[i] = out
		}
		doc[list], _ = json.Marshal(entries)
	}
	if len(meetings) > 0 {
		doc["meetings"], _ = json.Marshal(meetings)
	}
	return json.Marshal(doc)
}

func fill(p *model.Project, doc *document) error {
	// An empty list reads as an empty slice; the project holds nil.
	for _, d := range doc.Duties {
		if d != nil {
			d.Scope, d.Required = orNil(d.Scope), orNil(d.Required)
		}
	}
	for _, q := range doc.Proposals {
		if q != nil {
			q.Scope, q.Required, q.Granted = orNil(q.Scope), orNil(q.Required), orNil(q.Granted)
		}
	}
	for _, m := range doc.Meetings {
		if m != nil {
			m.Attendees = orNil(m.Attendees)
		}
	}
	for _, err := range []error{
		insert(p, "offices", doc.Offices),
		insert(p, "duties", doc.Duties),
		insert(p, "authorities", doc.Authorities),
		insert(p, "holdings", doc.Holdings),
		insert(p, "assessments", doc.Assessments),
		insert(p, "meetings", doc.Meetings),
		insert(p, "decisions", doc.Decisions),
		insert(p, "proposals", doc.Proposals),
		insert(p, "off_list_tasks", doc.OffListTasks),
		insert(p, "incidents", doc.Incidents),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// orNil is s, or nil when it is empty.
func orNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// insert puts the entities of one list into p, refusing a null entry and
// an identity used twice.
func insert[T any, PT interface {
	*T
	model.Entity
}](p *model.Project, list string, es []PT) error {
	for _, e := range es {
		if e == nil {
			return fail(nil, words.M("jsonio.null", "list", list))
		}
		if p.Has(e) {
			return fail(nil, words.M("jsonio.duplicate", "list", list, "id", e.Identity().String()))
		}
		p.Insert(e)
	}
	return nil
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
		return fail(err, words.M("jsonio.syntax_at", "line", line, "column", col, "detail", err.Error()))
	}
	return fail(err, words.M("jsonio.syntax", "detail", err.Error()))
}

// sorted lists a map's entities by identity, so that the same project
// always gives the same bytes.
func sorted[K comparable, E model.Entity](m map[K]E) []E {
	out := slices.Collect(maps.Values(m))
	slices.SortFunc(out, func(a, b E) int {
		x, y := a.Identity(), b.Identity()
		if c := bytes.Compare(x.ID[:], y.ID[:]); c != 0 {
			return c
		}
		return bytes.Compare(x.Other[:], y.Other[:])
	})
	return out
}
