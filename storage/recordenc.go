package storage

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"rpbmatrix/model"
)

// recordEncoder seals the records of a new file. Duties, which a large
// import makes by the million, are encoded by hand, field by field as
// encoding/json writes them (the test holds the two to the same bytes);
// every other record through encoding/json. The values it returns must
// outlive the transaction they are put in (bbolt keeps them until it
// commits), so they are carved out of large blocks rather than allocated
// one by one.
type recordEncoder struct {
	scratch []byte
	block   []byte
}

// encoderBlock is the size of the blocks values are carved from.
const encoderBlock = 1 << 20

// seal returns the sealed value of e under key.
func (enc *recordEncoder) seal(key []byte, e any) ([]byte, error) {
	d, ok := e.(*model.Duty)
	if !ok {
		return sealJSON(key, e)
	}
	b, ok := appendDuty(enc.scratch[:0], d)
	if !ok {
		return sealJSON(key, e)
	}
	enc.scratch = b
	return enc.keep(sealObject(key, b[1:])), nil
}

// keep copies v into the current block.
func (enc *recordEncoder) keep(v []byte) []byte {
	if cap(enc.block)-len(enc.block) < len(v) {
		// Blocks grow from 4 KB, so that one edit's commit takes little.
		enc.block = make([]byte, 0, max(len(v), min(encoderBlock, 2*cap(enc.block)), 4<<10))
	}
	n := len(enc.block)
	enc.block = append(enc.block, v...)
	return enc.block[n:len(enc.block):len(enc.block)]
}

// appendDuty appends d as encoding/json encodes it; ok is false for a
// duty it cannot write the same way (a time outside years 0–9999).
func appendDuty(b []byte, d *model.Duty) ([]byte, bool) {
	b = append(b, `{"id":"`...)
	b = append(b, d.ID.String()...)
	b = append(b, `","created":`...)
	var ok bool
	if b, ok = appendTime(b, d.Created); !ok {
		return b, false
	}
	b = append(b, `,"modified":`...)
	if b, ok = appendTime(b, d.Modified); !ok {
		return b, false
	}
	b = optString(b, "author", d.Author)
	if d.Seq != 0 {
		b = append(b, `,"seq":`...)
		b = strconv.AppendInt(b, int64(d.Seq), 10)
	}
	b = append(b, `,"name":`...)
	b = appendString(b, d.Name)
	b = optString(b, "sub_item", d.SubItem)
	b = append(b, `,"category":`...)
	b = appendString(b, d.Category)
	b = optString(b, "sub_category", d.SubCategory)
	b = append(b, `,"kind":`...)
	b = appendString(b, d.Kind.Code())
	b = optString(b, "legal_basis", d.LegalBasis)
	b = optString(b, "source", d.Source)
	b = optString(b, "lead_dept", d.LeadDept)
	b = optString(b, "support_depts", d.SupportDepts)
	b = optString(b, "higher_dept_duty", d.HigherDeptDuty)
	b = optString(b, "office_duty", d.OfficeDuty)
	b = optString(b, "receiving_dept", d.ReceivingDept)
	b = optString(b, "working_method", d.WorkingMethod)
	b = optString(b, "notes", d.Notes)
	b = optIDs(b, "scope", d.Scope)
	b = optIDs(b, "required", d.Required)
	return append(b, '}'), true
}

func optString(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendString(b, s)
}

func optIDs(b []byte, name string, ids []model.ID) []byte {
	if len(ids) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, `":[`...)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, id.String()...)
		b = append(b, '"')
	}
	return append(b, ']')
}

// appendTime writes t as time.Time's MarshalJSON does.
func appendTime(b []byte, t time.Time) ([]byte, bool) {
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}

// appendString writes s as a JSON string the way encoding/json does: the
// plain case straight, anything it escapes (quotes, controls, <>&, invalid
// UTF-8, U+2028/9) through encoding/json itself.
func appendString(b []byte, s string) []byte {
	if !plainJSON(s) {
		q, _ := json.Marshal(s)
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plainJSON reports whether encoding/json writes s between quotes as it
// is. (A U+FFFD sends it the slow way too, valid or not.)
func plainJSON(s string) bool {
	for _, r := range s {
		switch r {
		case '"', '\\', '<', '>', '&', '\u2028', '\u2029', utf8.RuneError:
			return false
		}
		if r < 0x20 {
			return false
		}
	}
	return true
}
