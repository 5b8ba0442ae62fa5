package storage

import (
	"encoding/json"
	"strconv"
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

// flatScanner walks one JSON object whose values are all scalars.
type flatScanner struct {
	b []byte
	i int
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
		switch c := s.b[j]; {
		case c == '\\':
			escaped = true
			j++
		case c == '"':
			s.i = j + 1
			return s.b[start:s.i], escaped, true
		case c < 0x20:
			return nil, false, false
		}
	}
	return nil, false, false
}

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
		return string(raw[1 : len(raw)-1]), true
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
	f, err := strconv.ParseFloat(string(n), 64)
	return f, err == nil
}

func (s *flatScanner) int() (int, bool) {
	n, ok := s.number()
	if !ok {
		return 0, false
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
	id, err := uuid.ParseBytes(raw[1 : len(raw)-1])
	return id, err == nil
}

func (s *flatScanner) meta(m *model.Meta, key string) (handled, ok bool) {
	switch key {
	case "id":
		m.ID, ok = s.id()
	case "created", "modified":
		raw, escaped, qok := s.quoted()
		if !qok || escaped {
			return true, false
		}
		t := &m.Created
		if key == "modified" {
			t = &m.Modified
		}
		ok = t.UnmarshalJSON(raw) == nil
	case "author":
		m.Author, ok = s.str()
	default:
		return false, false
	}
	return true, ok
}

// decodeAssessment decodes raw into a, reporting false when it cannot be
// sure to match encoding/json (a is then in an undefined state).
func decodeAssessment(raw []byte, a *model.Assessment) bool {
	s := flatScanner{b: raw}
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
		key := string(kraw[1 : len(kraw)-1])
		if handled, ok := s.meta(&a.Meta, key); handled {
			if !ok {
				return false
			}
		} else {
			switch key {
			case "v":
				_, ok = s.int()
			case "c": // the seal, checked before decoding (seal.go)
				_, _, ok = s.quoted()
			case "office":
				a.Office, ok = s.id()
			case "duty":
				a.Duty, ok = s.id()
			case "role":
				var code string
				if code, ok = s.str(); ok {
					a.Role, ok = model.ParseRole(code)
				}
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

// end reports whether only white space follows.
func (s *flatScanner) end() bool {
	s.skipSpace()
	return s.i == len(s.b)
}
