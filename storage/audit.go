package storage

import (
	"encoding/binary"
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Operations recorded in the audit log.
const (
	OpDo      = "do"      // a user action (Commit)
	OpUndo    = "undo"    // Target's changes reversed
	OpRedo    = "redo"    // Target's changes applied again
	OpCreate  = "create"  // the file was created
	OpMigrate = "migrate" // the file was rewritten in a newer schema
	OpHandout = "handout" // a copy was handed out (no change to this file's project)
)

// AuditEntry is one record of the audit log: who did what, when, with the
// entities before and after.
type AuditEntry struct {
	Seq     uint64        `json:"seq"`
	Time    time.Time     `json:"time"`
	Author  string        `json:"author,omitempty"`
	Action  string        `json:"action"`           // the user action's name, e.g. "编辑履职评估"
	Op      string        `json:"op"`               // OpDo, OpUndo, OpRedo, OpCreate, OpMigrate
	Target  uint64        `json:"target,omitempty"` // for undo and redo: the Seq of the action
	Changes []AuditChange `json:"changes,omitempty"`
	// Merge is set on the entry of a merge of a hand-out copy: undoing it
	// puts back what the file knew of that copy before (see MergeMark).
	Merge *MergeNote `json:"merge,omitempty"`
}

// AuditChange is one entity changed. Before is absent for a creation and
// After for a deletion; both are stored values ({"v":2,…}).
type AuditChange struct {
	Kind   model.EntityKind `json:"kind"`
	Before json.RawMessage  `json:"before,omitempty"`
	After  json.RawMessage  `json:"after,omitempty"`
	// Author and Time, when set, say who made the change and when, where
	// that is not the entry's: a change merged from a copy keeps its planner.
	Author string    `json:"author,omitempty"`
	Time   time.Time `json:"time,omitzero"`
	// sealedAfter, in an entry being written, is the sealed record of After
	// that the same transaction writes: After is logged from it (see
	// appendPlain) instead of being encoded again.
	sealedAfter []byte
}

// appendAudit writes e as the next entry and returns its sequence number.
func appendAudit(w *wtx, e AuditEntry) (uint64, error) {
	b := w.Bucket(bucketAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return 0, err
	}
	e.Seq = seq
	key := seqKey(seq)
	v, err := sealAudit(key, &e)
	if err != nil {
		return 0, err
	}
	return seq, w.put(string(bucketAudit), b, key, v)
}

// auditChanges encodes changes for the log. sealed holds the sealed record
// writeChanges wrote for each change's After (nil for a deletion).
func auditChanges(cs []model.Change, sealed [][]byte) ([]AuditChange, error) {
	out := make([]AuditChange, len(cs))
	var enc recordEncoder
	for i, c := range cs {
		out[i].Kind = c.Kind
		var err error
		if c.Before != nil {
			if out[i].Before, err = enc.plainOf(c.Before); err != nil {
				return nil, err
			}
		}
		switch {
		case c.After == nil:
		case sealed[i] != nil:
			out[i].sealedAfter = sealed[i]
		default:
			if out[i].After, err = encode(c.After); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// decodeChange turns a logged change back into a model.Change, migrating
// values written by an older schema.
func decodeChange(ac AuditChange) (model.Change, error) {
	c := model.Change{Kind: ac.Kind}
	for _, side := range []struct {
		raw  json.RawMessage
		into *model.Entity
	}{{ac.Before, &c.Before}, {ac.After, &c.After}} {
		if len(side.raw) == 0 || string(side.raw) == "null" {
			continue
		}
		e, err := model.NewEntity(ac.Kind)
		if err != nil {
			return c, err
		}
		raw := []byte(side.raw)
		if mig := migrations(valueVersion(raw))[ac.Kind]; mig != nil {
			if raw, err = mig(raw); err != nil {
				return c, err
			}
		}
		if err := decodeInto(raw, e); err != nil {
			return c, err
		}
		*side.into = e
	}
	return c, nil
}

// decodeAudit decodes an audit entry, checking its seal when sealed.
func decodeAudit(key, raw []byte, sealed bool, e *AuditEntry) error {
	if sealed {
		if p := checkSeal(key, raw); p != sealOK {
			return sealError(words.M("storage.record.audit", "seq", auditSeq(key)), p)
		}
	}
	if err := json.Unmarshal(raw, e); err != nil {
		return fail(err, words.M("storage.audit.unreadable", "seq", auditSeq(key), "detail", err.Error()))
	}
	return nil
}

// Audit returns up to limit entries, newest first (all when limit <= 0).
func (s *Store) Audit(limit int) ([]AuditEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil, errClosed
	}
	var out []AuditEntry
	sealed := s.format >= sealedFormat
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if limit > 0 && len(out) >= limit {
				break
			}
			var e AuditEntry
			if err := decodeAudit(k, v, sealed, &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// AuditCount returns the number of audit entries.
func (s *Store) AuditCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return int(s.audit)
}

// auditSeq is the sequence number an audit key stands for.
func auditSeq(k []byte) int64 {
	if len(k) != 8 {
		return -1
	}
	return int64(binary.BigEndian.Uint64(k))
}
