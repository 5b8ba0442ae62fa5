package storage

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model/words"
)

// An undo of a large import reads an entry holding every record the import
// added: decoding it whole would copy every value into an AuditChange before
// the first is turned into an entity. The entry is read as a stream instead,
// one change at a time into the same buffers.

// readAuditEach reads entry seq of a sealed file as readAudit does, but hands
// each change to each in order instead of keeping it: the entry returned has
// no Changes. ac and its bytes are only valid during the call.
func readAuditEach(tx *bolt.Tx, seq uint64, each func(ac *AuditChange) error) (AuditEntry, error) {
	key := seqKey(seq)
	raw := tx.Bucket(bucketAudit).Get(key)
	if raw == nil {
		return AuditEntry{}, fail(nil, words.M("storage.audit.missing", "seq", int64(seq)))
	}
	if p := checkSeal(key, raw); p != sealOK {
		return AuditEntry{}, sealError(words.M("storage.record.audit", "seq", auditSeq(key)), p)
	}
	return decodeAuditEach(key, raw, each)
}

// errStopped wraps an error returned by each, so that it is not worded as
// an unreadable entry.
type errStopped struct{ err error }

func (e errStopped) Error() string { return e.err.Error() }

// decodeAuditEach decodes the audit entry raw (stored under key) as
// json.Unmarshal would, handing its changes to each as they are read.
func decodeAuditEach(key, raw []byte, each func(ac *AuditChange) error) (AuditEntry, error) {
	e, err := streamAudit(raw, each)
	if err != nil {
		if s, ok := err.(errStopped); ok {
			return e, s.err
		}
		return e, fail(err, words.M("storage.audit.unreadable", "seq", auditSeq(key), "detail", err.Error()))
	}
	return e, nil
}

func streamAudit(raw []byte, each func(ac *AuditChange) error) (AuditEntry, error) {
	var e AuditEntry
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := expectDelim(dec, '{'); err != nil {
		return e, err
	}
	// The fields other than the changes are few and small: they are kept
	// and decoded together at the end, as json.Unmarshal would.
	head := []byte{'{'}
	var ac AuditChange
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return e, err
		}
		name, _ := t.(string)
		if !strings.EqualFold(name, "changes") {
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return e, err
			}
			if len(head) > 1 {
				head = append(head, ',')
			}
			nb, _ := json.Marshal(name)
			head = append(append(append(head, nb...), ':'), v...)
			continue
		}
		t, err = dec.Token()
		if err != nil {
			return e, err
		}
		if t == nil {
			continue // "changes":null
		}
		if d, ok := t.(json.Delim); !ok || d != '[' {
			return e, &json.UnmarshalTypeError{Value: "value", Field: "changes"}
		}
		for dec.More() {
			// The buffers of Before and After are reused; the rest is reset.
			ac = AuditChange{Before: ac.Before[:0], After: ac.After[:0]}
			if err := dec.Decode(&ac); err != nil {
				return e, err
			}
			if err := each(&ac); err != nil {
				return e, errStopped{err}
			}
		}
		if err := expectDelim(dec, ']'); err != nil {
			return e, err
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return e, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = &json.SyntaxError{Offset: dec.InputOffset()}
		}
		return e, err // json.Unmarshal takes nothing after the value either
	}
	head = append(head, '}')
	return e, json.Unmarshal(head, &e)
}

// expectDelim reads the next token, which must be delim.
func expectDelim(dec *json.Decoder, delim json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != delim {
		return &json.SyntaxError{Offset: dec.InputOffset()}
	}
	return nil
}
