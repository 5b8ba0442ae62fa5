package storage

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// Errors from Undo and Redo when their stack is empty.
var (
	ErrNothingToUndo = &Error{msg: words.M("storage.undo.nothing")}
	ErrNothingToRedo = &Error{msg: words.M("storage.redo.nothing")}
)

// maxUndo is how many actions can be undone; older ones stay in the audit log.
const maxUndo = 1000

// stackItem names a user action (an OpDo audit entry) on the undo or redo stack.
type stackItem struct {
	Seq    uint64 `json:"seq"`
	Action string `json:"action"`
}

// stackValue is what a stack entry stores in a sealed file; older files
// store the action's name as it is.
type stackValue struct {
	Action string `json:"action"`
}

// push returns a new stack with it on top, dropping the oldest beyond maxUndo.
// It never shares the backing array of st, so a failed transaction leaves
// the store's stacks untouched.
func push(st []stackItem, it stackItem) []stackItem {
	if len(st) >= maxUndo {
		st = st[len(st)-maxUndo+1:]
	}
	out := make([]stackItem, len(st), len(st)+1)
	copy(out, st)
	return append(out, it)
}

// readStacks reads the undo and redo stacks. Both are kept as buckets keyed
// by the action's audit sequence number, which orders them: the undo stack
// only ever gains actions newer than all it holds, so its top is its last
// key; actions are undone newest first, so the redo stack's top is its first.
func readStacks(tx *bolt.Tx, format int) (undo, redo []stackItem, err error) {
	read := func(name []byte, newestFirst bool) ([]stackItem, error) {
		b := tx.Bucket(name)
		if b == nil {
			return nil, nil // a file nobody has edited yet
		}
		var out []stackItem
		c := b.Cursor()
		next, k, v := c.Next, []byte(nil), []byte(nil)
		if newestFirst {
			k, v = c.Last()
			next = c.Prev
		} else {
			k, v = c.First()
		}
		for ; k != nil; k, v = next() {
			if len(k) != 8 {
				return nil, fail(nil, words.M("storage.load.stack_key", "bucket", string(name), "key", hex.EncodeToString(k)))
			}
			it := stackItem{Seq: binary.BigEndian.Uint64(k), Action: string(v)}
			if format >= sealedFormat {
				var sv stackValue
				if err := json.Unmarshal(v, &sv); err != nil {
					return nil, fail(err, words.M("storage.load.record_bad", "record", string(name)+"/"+hex.EncodeToString(k), "detail", err.Error()))
				}
				it.Action = sv.Action
			}
			out = append(out, it)
		}
		return out, nil
	}
	if undo, err = read(bucketUndo, false); err != nil {
		return nil, nil, err
	}
	if redo, err = read(bucketRedo, true); err != nil {
		return nil, nil, err
	}
	return undo, redo, nil
}

// saveStacks stores the difference between the old and new stacks, which
// is one or two entries for an ordinary action: the cost of a commit does not
// grow with the length of the undo history.
func saveStacks(w *wtx, oldUndo, oldRedo, newUndo, newRedo []stackItem) error {
	for _, st := range []struct {
		name     []byte
		old, new []stackItem
	}{{bucketUndo, oldUndo, newUndo}, {bucketRedo, oldRedo, newRedo}} {
		b, err := w.CreateBucketIfNotExists(st.name)
		if err != nil {
			return err
		}
		keep := make(map[uint64]bool, len(st.new))
		for _, it := range st.new {
			keep[it.Seq] = true
		}
		had := make(map[uint64]bool, len(st.old))
		for _, it := range st.old {
			had[it.Seq] = true
			if !keep[it.Seq] {
				if err := w.del(string(st.name), b, seqKey(it.Seq)); err != nil {
					return err
				}
			}
		}
		for _, it := range st.new {
			if !had[it.Seq] {
				key := seqKey(it.Seq)
				v, err := sealJSON(key, stackValue{Action: it.Action})
				if err != nil {
					return err
				}
				if err := w.put(string(st.name), b, key, v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// CanUndo reports whether there is an action to undo.
func (s *Store) CanUndo() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.undo) > 0 }

// CanRedo reports whether there is an undone action to redo.
func (s *Store) CanRedo() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.redo) > 0 }

// UndoLabel is the name of the action Undo would reverse, "" when none.
func (s *Store) UndoLabel() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.undo) == 0 {
		return ""
	}
	return s.undo[len(s.undo)-1].Action
}

// RedoLabel is the name of the action Redo would apply again, "" when none.
func (s *Store) RedoLabel() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.redo) == 0 {
		return ""
	}
	return s.redo[len(s.redo)-1].Action
}

// Undo reverses the newest action still on the undo stack and records that
// as its own audit entry. It returns the changes applied, in order.
func (s *Store) Undo() ([]model.Change, error) {
	return s.step(OpUndo)
}

// Redo applies again the newest undone action and records that as its own
// audit entry. It returns the changes applied, in order.
func (s *Store) Redo() ([]model.Change, error) {
	return s.step(OpRedo)
}

func (s *Store) step(op string) ([]model.Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return nil, err
	}
	from := s.undo
	if op == OpRedo {
		from = s.redo
	}
	if len(from) == 0 {
		if op == OpRedo {
			return nil, ErrNothingToRedo
		}
		return nil, ErrNothingToUndo
	}
	top := from[len(from)-1]

	var applied []model.Change
	var undo, redo []stackItem
	err := s.update(func(w *wtx) error {
		// The entry is read one change at a time (see readAuditEach); only
		// the decisions' values are kept, for legacyMeetings.
		var want []model.Change
		var decisions [][]byte
		entry, err := readAuditEach(w.Tx, top.Seq, func(ac *AuditChange) error {
			c, err := decodeChange(*ac)
			if err != nil {
				return fail(err, words.M("storage.audit.bad_change", "seq", int64(top.Seq), "kind", kindName(ac.Kind), "detail", err.Error()))
			}
			if op == OpUndo {
				c = c.Inverse()
			}
			want = append(want, c)
			if ac.Kind == model.KindDecision {
				raw := ac.After // what a redo stores, an undo takes back
				if op == OpUndo {
					raw = ac.Before
				}
				decisions = append(decisions, slices.Clone(raw))
			}
			return nil
		})
		if err != nil {
			return err
		}
		if op == OpUndo {
			slices.Reverse(want) // so that what was created last goes first
		}
		// A state being restored may have more office × duty pairs than
		// the analysis holds (a history older than the limit, or a lower
		// one): the file would not open again, so it is refused unwritten.
		if err := model.CheckSizeAfter(s.p, want); err != nil {
			return err
		}
		// The states being restored were valid when recorded; validating
		// again could only refuse an undo the user expects to work.
		if legacy := s.legacyMeetings(decisions); len(legacy) > 0 {
			want = append(legacy, want...)
		}
		applied, _, err = s.apply(want, false)
		// apply keeps what the project held as each Before: the values
		// decoded from the log (every record an import added, for its
		// undo) can go before the commit takes its own memory.
		want = nil
		if err != nil {
			return err
		}
		sealed, err := writeChanges(w, applied)
		if err != nil {
			return err
		}
		if n := entry.Merge; n != nil {
			// What the file knows of the merged copy goes back too, so that
			// merging it again after an undo brings its changes again.
			mark := n.Prev
			if op == OpRedo {
				mark = n.Mark
			}
			if err := putMark(w, n.Copy, mark); err != nil {
				return err
			}
		}
		acs, err := auditChanges(applied, sealed)
		if err != nil {
			return err
		}
		if _, err := appendAudit(w, AuditEntry{Time: now(), Author: s.opts.Author, Action: top.Action, Op: op, Target: top.Seq, Changes: acs}); err != nil {
			return err
		}
		if op == OpUndo {
			undo = append([]stackItem(nil), s.undo[:len(s.undo)-1]...)
			redo = push(s.redo, top)
		} else {
			undo = push(s.undo, top)
			redo = append([]stackItem(nil), s.redo[:len(s.redo)-1]...)
		}
		return saveStacks(w, s.undo, s.redo, undo, redo)
	})
	if err != nil {
		s.rollback(applied)
		var tooLarge *model.SizeError
		if errors.As(err, &tooLarge) {
			return nil, tooLarge // the same words as an edit refused for its size; the action stays on its stack
		}
		if op == OpRedo {
			return nil, fail(err, words.M("storage.redo.failed", "action", top.Action, "cause", cause(err)))
		}
		return nil, fail(err, words.M("storage.undo.failed", "action", top.Action, "cause", cause(err)))
	}
	s.undo, s.redo = undo, redo
	s.audit++
	return applied, nil
}

// legacyMeetings returns the changes that create the meetings that the
// decisions an undo or redo restores name only by a label of schema 2 (see
// decisionV2toV3), when the project lacks them: migration created those of
// the decisions the file then held, not of one deleted before it.
func (s *Store) legacyMeetings(decisions [][]byte) []model.Change {
	var out []model.Change
	for _, raw := range decisions {
		m, err := LegacyMeeting(valueVersion(raw), raw)
		if err != nil || m == nil || s.p.Meetings[m.ID] != nil || slices.ContainsFunc(out, func(c model.Change) bool {
			return c.After.Identity() == m.Identity()
		}) {
			continue // a bad value fails in decodeChange, with its own message
		}
		out = append(out, model.Change{Kind: model.KindMeeting, After: m})
	}
	return out
}
