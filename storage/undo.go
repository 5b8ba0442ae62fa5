package storage

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
)

// Errors from Undo and Redo when their stack is empty.
var (
	ErrNothingToUndo = errors.New("没有可撤销的操作 / nothing to undo")
	ErrNothingToRedo = errors.New("没有可重做的操作 / nothing to redo")
)

// maxUndo is how many actions can be undone; older ones stay in the audit log.
const maxUndo = 1000

// stackItem names a user action (an OpDo audit entry) on the undo or redo stack.
type stackItem struct {
	Seq    uint64 `json:"seq"`
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

func readStacks(tx *bolt.Tx) (undo, redo []stackItem, err error) {
	meta := tx.Bucket(bucketMeta)
	for _, st := range []struct {
		key  []byte
		into *[]stackItem
	}{{keyUndo, &undo}, {keyRedo, &redo}} {
		raw := meta.Get(st.key)
		if raw == nil {
			continue
		}
		if err := json.Unmarshal(raw, st.into); err != nil {
			return nil, nil, fmt.Errorf("meta/%s: %v", st.key, err)
		}
	}
	return undo, redo, nil
}

func writeStacks(tx *bolt.Tx, undo, redo []stackItem) error {
	meta := tx.Bucket(bucketMeta)
	for _, st := range []struct {
		key []byte
		val []stackItem
	}{{keyUndo, undo}, {keyRedo, redo}} {
		if len(st.val) == 0 {
			if err := meta.Delete(st.key); err != nil {
				return err
			}
			continue
		}
		raw, err := json.Marshal(st.val)
		if err != nil {
			return err
		}
		if err := meta.Put(st.key, raw); err != nil {
			return err
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
	err := s.db.Update(func(tx *bolt.Tx) error {
		entry, err := readAudit(tx, top.Seq)
		if err != nil {
			return err
		}
		want := make([]model.Change, len(entry.Changes))
		for i, ac := range entry.Changes {
			c, err := decodeChange(ac)
			if err != nil {
				return fmt.Errorf("审计记录 %d / audit entry %d: %v", top.Seq, top.Seq, err)
			}
			if op == OpUndo {
				// Reverse order, so that what was created last goes first.
				want[len(want)-1-i] = c.Inverse()
			} else {
				want[i] = c
			}
		}
		// The states being restored were valid when recorded; validating
		// again could only refuse an undo the user expects to work.
		applied, _, err = s.apply(want, false)
		if err != nil {
			return err
		}
		if err := writeChanges(tx, applied); err != nil {
			return err
		}
		acs, err := auditChanges(applied)
		if err != nil {
			return err
		}
		if _, err := appendAudit(tx, AuditEntry{Time: now(), Author: s.opts.Author, Action: top.Action, Op: op, Target: top.Seq, Changes: acs}); err != nil {
			return err
		}
		if op == OpUndo {
			undo = append([]stackItem(nil), s.undo[:len(s.undo)-1]...)
			redo = push(s.redo, top)
		} else {
			undo = push(s.undo, top)
			redo = append([]stackItem(nil), s.redo[:len(s.redo)-1]...)
		}
		return writeStacks(tx, undo, redo)
	})
	if err != nil {
		s.rollback(applied)
		return nil, fmt.Errorf("「%s」失败，未做任何更改 / %s of %q failed, nothing was changed: %w", opName(op), op, top.Action, err)
	}
	s.undo, s.redo = undo, redo
	s.audit++
	return applied, nil
}

func opName(op string) string {
	if op == OpRedo {
		return "重做"
	}
	return "撤销"
}
