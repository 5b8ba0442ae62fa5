package storage

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"rpbmatrix/model"
)

// Assessments are by far the most numerous records (200,000 in a prefecture
// of 200 offices × 1,000 duties) and encoding/json spends most of an Open
// reflecting over them. decodeAssessment reads the flat form encode writes,
// about five times faster. Anything it does not expect (an unknown or
// differently-cased key, a null, a nested value, a fraction in an integer
// field) makes it give up, and the caller decodes with encoding/json instead:
// the fast path can only be slower, never different.
// TestFastDecodeMatchesEncodingJSON holds it to that.

// Incidents come next (300,000 at 1,000 offices) and get the same
// treatment: decodeIncident.

// flatScanner walks one JSON object whose values are all scalars.
type flatScanner struct {
	b  []byte
	i  int
	in *interner // nil: every text is its own copy
}

// interner hands out one copy of each short text the records of a bucket
// repeat (the author, a date, a basis), so a million records share a few
// strings rather than each holding its own: fewer allocations, less for
// the collector to trace. One per decoding goroutine, so no lock.
type interner struct{ m map[string]string }

const (
	internLen = 32   // bytes; longer texts (notes) seldom repeat
	internMax = 4096 // distinct texts kept; past that, texts are copied as they come
)

// text returns b as a string, shared with every earlier equal text.
func (in *interner) text(b []byte) string {
	if in == nil || len(b) > internLen {
		return string(b)
	}
	if s, ok := in.m[string(b)]; ok { // the lookup does not copy b
		return s
	}
	s := string(b)
	if len(in.m) < internMax {
		if in.m == nil {
			in.m = make(map[string]string)
		}
		in.m[s] = s
	}
	return s
}

func (s *flatScanner) skipSpace() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// expect consumes c after optional white space.
func (s *flatScanner) expect(c byte) bool {
	s.skipSpace()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// quoted returns the raw bytes of the next string, quotes included, and
// whether it holds an escape.
func (s *flatScanner) quoted() (raw []byte, escaped, ok bool) {
	s.skipSpace()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, false, false
	}
	start := s.i
	for j := s.i + 1; j < len(s.b); j++ {
		for j < len(s.b) && plainInString[s.b[j]] {
			j++
		}
		if j == len(s.b) {
			break
		}
		switch c := s.b[j]; {
		case c == '\\':
			escaped = true
			j++
		case c == '"':
			s.i = j + 1
			return s.b[start:s.i], escaped, true
		default: // a control character
			return nil, false, false
		}
	}
	return nil, false, false
}

// plainInString marks the bytes a JSON string holds as they are: not a
// quote, a backslash or a control character.
var plainInString = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str returns the next string value, unescaped.
func (s *flatScanner) str() (string, bool) {
	raw, escaped, ok := s.quoted()
	if !ok {
		return "", false
	}
	if !escaped {
		if !utf8.Valid(raw) {
			return "", false // encoding/json would substitute U+FFFD
		}
		return s.in.text(raw[1 : len(raw)-1]), true
	}
	var out string
	if json.Unmarshal(raw, &out) != nil {
		return "", false
	}
	return out, true
}

// number returns the next number's text if it follows JSON's grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *flatScanner) number() ([]byte, bool) {
	s.skipSpace()
	start := s.i
	digits := func() int {
		n := 0
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	if s.i < len(s.b) && s.b[s.i] == '0' {
		s.i++
	} else if digits() == 0 {
		return nil, false
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		if digits() == 0 {
			return nil, false
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	return s.b[start:s.i], true
}

func (s *flatScanner) float() (float64, bool) {
	n, ok := s.number()
	if !ok {
		return 0, false
	}
	if f, ok := exactDecimal(n); ok {
		return f, true
	}
	f, err := strconv.ParseFloat(string(n), 64)
	return f, err == nil
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// exactDecimal converts a number of at most 15 digits and no exponent
// (what encode writes for hours and money) the way strconv does in its
// exact case: the digits and the power of ten are both exact float64s,
// so one division is correctly rounded. ok is false for anything else.
func exactDecimal(n []byte) (float64, bool) {
	neg := len(n) > 0 && n[0] == '-'
	if neg {
		n = n[1:]
	}
	var mant uint64
	digits, frac, dot := 0, 0, false
	for _, c := range n {
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	f := float64(mant) / pow10[frac]
	if neg {
		f = -f
	}
	return f, true
}

func (s *flatScanner) int() (int, bool) {
	n, ok := s.number()
	if !ok {
		return 0, false
	}
	if len(n) > 0 && len(n) <= 18 {
		digits, neg := n, n[0] == '-'
		if neg {
			digits = n[1:]
		}
		v, plain := 0, len(digits) > 0
		for _, c := range digits {
			if c < '0' || c > '9' {
				plain = false
				break
			}
			v = v*10 + int(c-'0')
		}
		if plain {
			if neg {
				v = -v
			}
			return v, true
		}
	}
	v, err := strconv.Atoi(string(n))
	return v, err == nil
}

func (s *flatScanner) bool() (bool, bool) {
	s.skipSpace()
	rest := s.b[s.i:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		s.i += 4
		return true, true
	case len(rest) >= 5 && string(rest[:5]) == "false":
		s.i += 5
		return false, true
	}
	return false, false
}

func (s *flatScanner) id() (model.ID, bool) {
	raw, escaped, ok := s.quoted()
	if !ok || escaped {
		return model.NilID, false
	}
	text := raw[1 : len(raw)-1]
	if id, ok := canonicalUUID(text); ok {
		return id, true
	}
	id, err := uuid.ParseBytes(text)
	return id, err == nil
}

// hexValue is a hex digit's value, or 0xff for any other byte.
var hexValue = func() (t [256]byte) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = byte(c - '0')
		case c >= 'a' && c <= 'f':
			t[c] = byte(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			t[c] = byte(c - 'A' + 10)
		default:
			t[c] = 0xff
		}
	}
	return t
}()

// uuidDigits are where the 32 hex digits of a canonical UUID
// (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) start, two by two.
var uuidDigits = [16]int{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34}

// canonicalUUID reads the 36-character form encode writes, as
// uuid.ParseBytes does; ok is false for every other form, which ParseBytes
// then reads or refuses.
func canonicalUUID(b []byte) (id model.ID, ok bool) {
	if len(b) != 36 || b[8] != '-' || b[13] != '-' || b[18] != '-' || b[23] != '-' {
		return id, false
	}
	for i, at := range uuidDigits {
		hi, lo := hexValue[b[at]], hexValue[b[at+1]]
		if hi|lo > 15 {
			return id, false
		}
		id[i] = hi<<4 | lo
	}
	return id, true
}

func (s *flatScanner) meta(m *model.Meta, key []byte) (handled, ok bool) {
	switch string(key) {
	case "id":
		m.ID, ok = s.id()
	case "created", "modified":
		raw, escaped, qok := s.quoted()
		if !qok || escaped {
			return true, false
		}
		t := &m.Created
		if string(key) == "modified" {
			t = &m.Modified
		}
		if *t, ok = utcSecond(raw); !ok {
			ok = t.UnmarshalJSON(raw) == nil
		}
	case "author":
		m.Author, ok = s.str()
	default:
		return false, false
	}
	return true, ok
}

// object reads a flat object, handing each key to field, which reads its
// value: false from field, or anything out of the flat form, makes it give
// up. meta and the version and seal every value starts with are read here.
// The key is passed as bytes: a string passed to a function value would be
// copied to the heap, once per field of a million records.
func (s *flatScanner) object(m *model.Meta, field func(key []byte) bool) bool {
	if !s.expect('{') {
		return false
	}
	if s.expect('}') {
		return s.end()
	}
	for {
		kraw, escaped, ok := s.quoted()
		if !ok || escaped || !s.expect(':') {
			return false
		}
		key := kraw[1 : len(kraw)-1]
		if handled, ok := s.meta(m, key); handled {
			if !ok {
				return false
			}
		} else {
			switch string(key) {
			case "v":
				_, ok = s.int()
			case "c": // the seal, checked before decoding (seal.go)
				_, _, ok = s.quoted()
			default:
				ok = field(key)
			}
			if !ok {
				return false
			}
		}
		if s.expect(',') {
			continue
		}
		if s.expect('}') {
			return s.end()
		}
		return false
	}
}

// decodeAssessment decodes raw into a, reporting false when it cannot be
// sure to match encoding/json (a is then in an undefined state).
func decodeAssessment(raw []byte, a *model.Assessment) bool {
	return fastAssessment(raw, a, nil)
}

// fastAssessment is decodeAssessment sharing repeated texts through in.
func fastAssessment(raw []byte, a *model.Assessment, in *interner) bool {
	s := flatScanner{b: raw, in: in}
	return s.object(&a.Meta, func(key []byte) (ok bool) {
		switch string(key) {
		case "office":
			a.Office, ok = s.id()
		case "duty":
			a.Duty, ok = s.id()
		case "role":
			a.Role, ok = enumField(&s, model.Roles, model.ParseRole)
		case "assessed_by":
			a.AssessedBy, ok = s.int()
		case "veto":
			a.Veto, ok = s.bool()
		case "incidents":
			a.Incidents, ok = s.int()
		case "hours":
			a.HoursPerMonth, ok = s.float()
		case "formalism_hours":
			a.FormalismHours, ok = s.float()
		case "reports":
			a.ReportsPerMonth, ok = s.int()
		case "staff_needed":
			a.StaffNeeded, ok = s.float()
		case "staff_held":
			a.StaffHeld, ok = s.float()
		case "funds_needed":
			a.FundsNeeded, ok = s.float()
		case "funds_held":
			a.FundsHeld, ok = s.float()
		case "systems_needed":
			a.SystemsNeeded, ok = s.int()
		case "systems_held":
			a.SystemsHeld, ok = s.int()
		case "veto_basis":
			a.VetoBasis, ok = s.str()
		case "inspections":
			a.InspectionsPerYear, ok = s.int()
		case "sign_offs":
			a.SignOffs, ok = s.int()
		case "apps":
			a.Apps, ok = s.int()
		case "work_groups":
			a.WorkGroups, ok = s.int()
		case "duplicate_entry":
			a.DuplicateEntry, ok = s.int()
		case "check_ins":
			a.CheckIns, ok = s.int()
		case "funds_district":
			a.FundsDistrict, ok = s.float()
		case "funds_transferred":
			a.FundsTransferred, ok = s.float()
		case "funds_self":
			a.FundsSelf, ok = s.float()
		case "notes":
			a.Notes, ok = s.str()
		default:
			return false
		}
		return ok
	})
}

// fastIncident decodes raw into i as encoding/json would, sharing
// repeated texts through in, or reports false (see decodeAssessment).
func fastIncident(raw []byte, i *model.Incident, in *interner) bool {
	s := flatScanner{b: raw, in: in}
	return s.object(&i.Meta, func(key []byte) (ok bool) {
		switch string(key) {
		case "office":
			i.Office, ok = s.id()
		case "duty":
			i.Duty, ok = s.id()
		case "date":
			i.Date, ok = s.str()
		case "kind":
			i.Kind, ok = enumField(&s, model.IncidentKinds, model.ParseIncidentKind)
		case "cause":
			i.Cause, ok = enumField(&s, model.IncidentCauses, model.ParseIncidentCause)
		case "tolerance":
			i.Tolerance, ok = s.bool()
		case "notes":
			i.Notes, ok = s.str()
		}
		return ok
	})
}

// enumField reads the next string as an enum value (enumOfCode).
func enumField[T interface{ Code() string }](s *flatScanner, all []T, parse func(string) (T, bool)) (T, bool) {
	code, ok := s.str()
	if !ok {
		var zero T
		return zero, false
	}
	return enumOfCode(code, all, parse)
}

// enumOfCode reads an enum value as encode writes it (its code) without a
// look in the word catalogue, which the model's Parse functions make for
// every code they try before the one that matches: for the roles of
// 200,000 assessments that was a sixth of an Open. Anything else goes to
// parse, as the type's UnmarshalJSON would.
func enumOfCode[T interface{ Code() string }](code string, all []T, parse func(string) (T, bool)) (T, bool) {
	for _, v := range all {
		if v.Code() == code {
			return v, true
		}
	}
	return parse(code)
}

// end reports whether only white space follows.
func (s *flatScanner) end() bool {
	s.skipSpace()
	return s.i == len(s.b)
}

// utcSecond reads a quoted time of the form "2006-01-02T15:04:05Z" (what
// encode writes for a time in UTC to the second) as time.Time's
// UnmarshalJSON does; ok is false for every other form, and for a field out
// of its range, which UnmarshalJSON then reads or refuses.
func utcSecond(raw []byte) (time.Time, bool) {
	const form = `"dddd-dd-ddTdd:dd:ddZ"`
	if len(raw) != len(form) {
		return time.Time{}, false
	}
	for i := range len(form) {
		if form[i] == 'd' {
			if raw[i] < '0' || raw[i] > '9' {
				return time.Time{}, false
			}
		} else if raw[i] != form[i] {
			return time.Time{}, false
		}
	}
	num := func(at, n int) int {
		v := 0
		for _, c := range raw[at : at+n] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	year, month, day := num(1, 4), num(6, 2), num(9, 2)
	hour, minute, sec := num(12, 2), num(15, 2), num(18, 2)
	if month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC)
	if t.Day() != day { // the 31st of a month of 30 days rolls over
		return time.Time{}, false
	}
	return t, true
}
