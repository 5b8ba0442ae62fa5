package merge

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// fieldMap is a record's JSON fields (as stored), without the Meta fields:
// who changed a record last and when is not a change of its own.
type fieldMap map[string]json.RawMessage

// scopes compares duties' scopes as a copy sees them. A copy holds a duty
// with its scope cut to the copy's offices (Slice), so what it can change
// is only whether the duty applies to each of those offices: the scope is
// compared as that list, and a change the copy made is carried back office
// by office (Plan.Changes).
type scopes struct {
	offices []model.ID // sorted; nil without a base: scopes compare whole
}

func newScopes(in Input) *scopes {
	if in.Base == nil {
		return &scopes{}
	}
	ids := append([]model.ID(nil), in.Offices...)
	slices.SortFunc(ids, func(a, b model.ID) int { return bytes.Compare(a[:], b[:]) })
	return &scopes{offices: ids}
}

// members lists the copy's offices the duty applies to.
func (s *scopes) members(d *model.Duty) []model.ID {
	out := []model.ID{}
	for _, id := range s.offices {
		if d.AppliesTo(id) {
			out = append(out, id)
		}
	}
	return out
}

// fields returns e's fields, a duty's scope as the copy sees it.
func (s *scopes) fields(e model.Entity) fieldMap {
	m := fieldMap(Fields(e))
	if d, ok := e.(*model.Duty); ok && s.offices != nil {
		m["scope"], _ = json.Marshal(s.members(d))
	}
	return m
}

// Fields returns e's fields as stored (each encoded as JSON; a field the
// encoding leaves out when empty is absent), without the Meta fields. It
// reads the struct rather than its whole encoding: a merge of a 200-office
// copy compares tens of thousands of records.
func Fields(e model.Entity) map[string]json.RawMessage {
	v := reflect.ValueOf(e).Elem()
	m := map[string]json.RawMessage{}
	for _, f := range structFields(v.Type()) {
		fv := v.FieldByIndex(f.index)
		if f.meta || (f.omitEmpty && isEmpty(fv)) || (f.omitZero && fv.IsZero()) {
			continue
		}
		raw, err := json.Marshal(fv.Interface())
		if err != nil {
			panic("merge: a field does not encode: " + err.Error()) // every model type does
		}
		m[f.name] = raw
	}
	return m
}

// structField is a field as encoding/json sees it.
type structField struct {
	name      string
	index     []int
	omitEmpty bool
	omitZero  bool // encoding/json's omitzero (a zero struct or array: an ID that names nothing)
	meta      bool // one of model.Meta's
}

var fieldCache sync.Map // reflect.Type → []structField

// structFields lists the encoded fields of a struct type, those of an
// embedded struct in its place.
func structFields(t reflect.Type) []structField {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]structField)
	}
	var out []structField
	var walk func(t reflect.Type, index []int, meta bool)
	walk = func(t reflect.Type, index []int, meta bool) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			idx := append(append([]int(nil), index...), i)
			if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, idx, meta || f.Type == reflect.TypeOf(model.Meta{}))
				continue
			}
			if !f.IsExported() || tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			out = append(out, structField{name: name, index: idx, meta: meta,
				omitEmpty: strings.Contains(opts, "omitempty"), omitZero: strings.Contains(opts, "omitzero")})
		}
	}
	walk(t, nil, false)
	fieldCache.Store(t, out)
	return out
}

// fieldNamed finds the field of type t encoded as name.
func fieldNamed(t reflect.Type, name string) (structField, bool) {
	for _, f := range structFields(t) {
		if f.name == name {
			return f, true
		}
	}
	return structField{}, false
}

// isEmpty is encoding/json's notion of empty, for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// raw is e's JSON without its Meta, for showing a whole record.
func (s *scopes) raw(e model.Entity) json.RawMessage {
	if e == nil {
		return nil
	}
	b, _ := json.Marshal(s.fields(e))
	return b
}

// rawOf is e's JSON as stored.
func rawOf(e model.Entity) json.RawMessage {
	if e == nil {
		return nil
	}
	b, _ := json.Marshal(e)
	return b
}

// sameContent reports whether a and b hold the same values but for Meta.
// The kinds of which a project has many compare as structs, the rest by
// their fields.
func sameContent(a, b model.Entity, s *scopes) bool {
	switch x := a.(type) {
	case *model.Assessment:
		return equalNoMeta(*x, *b.(*model.Assessment), func(v *model.Assessment) { v.Meta = model.Meta{} })
	case *model.Holding:
		return equalNoMeta(*x, *b.(*model.Holding), func(v *model.Holding) { v.Meta = model.Meta{} })
	case *model.Decision:
		return equalNoMeta(*x, *b.(*model.Decision), func(v *model.Decision) { v.Meta = model.Meta{} })
	case *model.Office:
		return equalNoMeta(*x, *b.(*model.Office), func(v *model.Office) { v.Meta = model.Meta{} })
	case *model.Authority:
		return equalNoMeta(*x, *b.(*model.Authority), func(v *model.Authority) { v.Meta = model.Meta{} })
	case *model.OffListTask:
		return equalNoMeta(*x, *b.(*model.OffListTask), func(v *model.OffListTask) { v.Meta = model.Meta{} })
	case *model.Incident:
		return equalNoMeta(*x, *b.(*model.Incident), func(v *model.Incident) { v.Meta = model.Meta{} })
	case *model.Settings:
		return *x == *b.(*model.Settings)
	}
	fa, fb := s.fields(a), s.fields(b)
	for _, k := range unionKeys(fa, fb) {
		if !sameRaw(fa[k], fb[k]) {
			return false
		}
	}
	return true
}

func equalNoMeta[T comparable](a, b T, strip func(*T)) bool {
	strip(&a)
	strip(&b)
	return a == b
}

// sameRaw compares two encoded values; absent equals absent only.
func sameRaw(a, b json.RawMessage) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return bytes.Equal(a, b)
}

// unionKeys lists the fields of all maps, sorted.
func unionKeys(ms ...fieldMap) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

func sortedKeys(m map[string]decision) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// name names a record as the user knows it, from the projects at hand.
func (p *Plan) name(k model.EntityKind, e model.Entity) Record {
	r := Record{Kind: k, ID: e.Identity()}
	kind := k.Name()
	label := func(ref model.Ref) string {
		for _, q := range []*model.Project{p.in.Ours, p.in.Theirs, p.in.Base} {
			if q == nil {
				continue
			}
			if t := refEntity(q, ref); t != nil {
				return t.Label()
			}
		}
		return ref.ID.String()
	}
	switch x := e.(type) {
	case *model.Holding:
		r.Name = words.M("merge.record.pair", "kind", kind, "office", label(model.Ref{Kind: model.KindOffice, ID: x.Office}),
			"other", label(model.Ref{Kind: model.KindAuthority, ID: x.Authority}))
	case *model.Assessment:
		r.Name = words.M("merge.record.pair", "kind", kind, "office", label(model.Ref{Kind: model.KindOffice, ID: x.Office}),
			"other", label(model.Ref{Kind: model.KindDuty, ID: x.Duty}))
	case *model.Decision:
		office := words.M("merge.record.every_office")
		if x.Office != model.NilID {
			office = words.M("merge.record.text", "text", label(model.Ref{Kind: model.KindOffice, ID: x.Office}))
		}
		r.Name = words.M("merge.record.decision", "kind", kind, "office", office,
			"duty", label(model.Ref{Kind: model.KindDuty, ID: x.Duty}), "action", x.Action.Name())
	case *model.Settings:
		r.Name = kind
	default:
		r.Name = words.M("merge.record.entity", "kind", kind, "name", e.Label())
	}
	return r
}

// FieldName is the name of a field of a kind of record (by its JSON
// name), to show in a merge's report. A setting is named as the settings
// dialog names it (setting.<code>, beside its rule).
func FieldName(k model.EntityKind, code string) words.Msg {
	key := "merge.field." + string(k) + "." + code
	if k == model.KindSettings {
		key = "setting." + code
	}
	if words.Has(words.En, key) {
		return words.M(key)
	}
	return words.M("merge.field.unknown", "code", code)
}
