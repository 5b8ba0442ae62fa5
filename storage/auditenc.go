package storage

import (
	"encoding/json"

	"rpbmatrix/model"
)

// An import into an existing file logs every record it adds in one entry,
// so the entry is written by hand into one buffer of the size it needs,
// with the bytes encoding/json would give (the test holds the two to the
// same bytes): encoding/json would build it, copy every value to check
// it, then copy the whole again to seal it.

// sealHeadLen is the length of a sealed value's head: {"v":N,"c":"XXXXXXXX".
var sealHeadLen = len(versionPrefix) + len(`,"c":"`) + sealDigits + 1

// plainLen is the length of the value encode writes for what sealed holds.
func plainLen(sealed []byte) int { return len(versionPrefix) + len(sealed) - sealHeadLen }

// appendPlain appends the value encode writes ({"v":N,…}) for the record
// whose sealed value is sealed ({"v":N,"c":"…",…}): the same but the seal.
func appendPlain(b, sealed []byte) []byte {
	b = append(b, versionPrefix...)
	return append(b, sealed[sealHeadLen:]...)
}

// sealAudit returns the sealed value of e stored under key, the same bytes
// as sealJSON(key, e).
func sealAudit(key []byte, e *AuditEntry) ([]byte, error) {
	head := *e
	head.Changes, head.Merge = nil, nil
	hb, err := json.Marshal(&head) // {"seq":…,"op":…} — never empty
	if err != nil {
		return nil, err
	}
	var mb []byte
	if e.Merge != nil {
		if mb, err = json.Marshal(e.Merge); err != nil {
			return nil, err
		}
	}
	size := len(hb) + len(mb) + len(`,"changes":[],"merge":`)
	for i := range e.Changes {
		size += auditChangeLen(&e.Changes[i])
	}
	b := make([]byte, sealHeadLen, sealHeadLen+1+size)
	b = append(b, ',')
	b = append(b, hb[1:len(hb)-1]...)
	if len(e.Changes) > 0 {
		b = append(b, `,"changes":[`...)
		for i := range e.Changes {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendAuditChange(b, &e.Changes[i]); err != nil {
				return nil, err
			}
		}
		b = append(b, ']')
	}
	if mb != nil {
		b = append(b, `,"merge":`...)
		b = append(b, mb...)
	}
	b = append(b, '}')
	return sealInPlace(key, b), nil
}

// sealInPlace fills the head that b starts with (sealHeadLen bytes, the
// rest after it) and returns b.
func sealInPlace(key, b []byte) []byte {
	n := copy(b, versionPrefix)
	n += copy(b[n:], `,"c":"`)
	b[n+sealDigits] = '"'
	putHex(b[n:n+sealDigits], sealSum(key, b[sealHeadLen:]))
	return b
}

// auditChangeLen is at least the length appendAuditChange writes for c
// (strings may need their escapes, times their longest form).
func auditChangeLen(c *AuditChange) int {
	n := len(`{"kind":,"before":,"after":,"author":,"time":}`) + 6*len(c.Kind) + 2 + 6*len(c.Author) + 2 + len(`"2006-01-02T15:04:05.999999999-07:00"`)
	n += len(c.Before) + len(c.After)
	if c.sealedAfter != nil {
		n += plainLen(c.sealedAfter)
	}
	return n
}

// appendAuditChange appends c as encoding/json writes an AuditChange.
func appendAuditChange(b []byte, c *AuditChange) ([]byte, error) {
	b = append(b, `{"kind":`...)
	b = appendString(b, string(c.Kind))
	if len(c.Before) > 0 {
		b = append(b, `,"before":`...)
		b = append(b, c.Before...)
	}
	switch {
	case len(c.After) > 0:
		b = append(b, `,"after":`...)
		b = append(b, c.After...)
	case c.sealedAfter != nil:
		b = append(b, `,"after":`...)
		b = appendPlain(b, c.sealedAfter)
	}
	b = optString(b, "author", c.Author)
	if !c.Time.IsZero() {
		b = append(b, `,"time":`...)
		t, ok := appendTime(b, c.Time)
		if !ok {
			tb, err := json.Marshal(c.Time)
			if err != nil {
				return nil, err
			}
			t = append(b, tb...)
		}
		b = t
	}
	return append(b, '}'), nil
}

// plainOf returns e as encode does, carved out of enc's blocks (a duty
// written by hand).
func (enc *recordEncoder) plainOf(e model.Entity) ([]byte, error) {
	if d, ok := e.(*model.Duty); ok {
		b := append(append(enc.scratch[:0], versionPrefix...), ',')
		at := len(b)
		if b, ok = appendDuty(b, d); ok {
			b = append(b[:at], b[at+1:]...) // the duty's own "{" goes
			enc.scratch = b
			return enc.keep(b), nil
		}
	}
	return encode(e)
}
