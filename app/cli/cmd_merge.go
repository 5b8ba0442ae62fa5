package cli

import (
	"encoding/json"
	"time"

	"rpbmatrix/model/words"
	"rpbmatrix/storage"
	"rpbmatrix/storage/merge"
)

var mergeCmd = &Command{
	Name:    "merge",
	Summary: words.M("cli.merge.summary"),
	Usage:   "merge FILE.rpb COPY.rpb [--dry-run] [--prefer ours|theirs] [--json] [--author NAME] [--lang zh|en]",
}

func init() {
	mergeCmd.Run = runMerge
	Register(mergeCmd)
}

// mergeShown is how many applied edits and conflicts the text report lists
// (--json lists all).
const mergeShown = 50

// runMerge merges a copy (handed out with `rpbmatrix handout`) back into
// the project. Exit 0 when merged (or, with --dry-run, when it would
// merge), 1 when conflicts are unresolved (nothing is merged then) or the
// merge fails, 2 on usage errors.
func runMerge(env Env, args []string) int {
	c := mergeCmd
	fs := NewFlags(env, c)
	dry := fs.Bool("dry-run", false, words.Say(env.Lang, "cli.merge.flag.dry_run"))
	prefer := fs.String("prefer", "", words.Say(env.Lang, "cli.merge.flag.prefer"))
	asJSON := fs.Bool("json", false, words.Say(env.Lang, "cli.merge.flag.json"))
	author := fs.String("author", "", words.Say(env.Lang, "cli.merge.flag.author"))
	lang := LangFlag(env, fs)
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if env, ok = UseLang(env, c, *lang); !ok {
		return ExitUsage
	}
	if len(pos) != 2 {
		return Usage(env, c, words.M("cli.merge.need_files"))
	}
	side := merge.Unresolved
	if *prefer != "" {
		if side, ok = merge.ParseSide(*prefer); !ok {
			return Usage(env, c, words.M("cli.merge.bad_prefer", "prefer", *prefer))
		}
	}
	st, err := storage.Open(pos[0], storage.Options{ReadOnly: *dry, Author: authorFlag(*author), Command: c.Name})
	if err != nil {
		return env.FailErr(c, err)
	}
	defer st.Close()
	plan, err := st.PlanMerge(pos[1])
	if err != nil {
		return env.FailErr(c, err)
	}
	if side != merge.Unresolved {
		plan.ResolveAll(side)
	}
	rep, err := st.Merge(plan, *dry)
	unresolved := storage.IsConflict(err)
	if err != nil && !unresolved {
		return env.FailErr(c, err)
	}
	if *asJSON {
		writeMergeJSON(env, pos[0], rep, plan.Unresolved())
	} else {
		printMerge(env, pos[0], rep, plan.Unresolved())
	}
	if unresolved {
		env.Warn(words.M("cli.failed", "command", c.Name, "message", errorText(env.Lang, err)))
		return ExitFindings
	}
	return ExitOK
}

// printMerge writes what was (or would be) merged, and the conflicts.
func printMerge(env Env, file string, rep *storage.MergeReport, unresolved int) {
	env.Say(words.M("cli.merge.base."+rep.Base, "copy", rep.Copy, "file", file))
	sayList(env, "cli.merge.applied", len(rep.Edits), func(i int) words.Msg { return editMsg(rep.Edits[i]) })
	sayList(env, "cli.merge.conflicts", len(rep.Conflicts), func(i int) words.Msg { return conflictMsg(rep.Conflicts[i]) })
	switch {
	case unresolved > 0:
		// nothing merged: runMerge says why
	case len(rep.Edits) == 0 && len(rep.Conflicts) == 0:
		env.Say(words.M("cli.merge.nothing"))
	case rep.DryRun:
		env.Say(words.M("cli.merge.dry", "n", rep.Changes))
	case rep.Seq > 0:
		env.Say(words.M("cli.merge.done", "n", rep.Changes, "seq", int64(rep.Seq), "backup", rep.Backup))
	}
}

// sayList writes a titled list of n items, the first mergeShown of them.
func sayList(env Env, title string, n int, item func(i int) words.Msg) {
	if n == 0 {
		return
	}
	env.Say(words.M(title, "n", n))
	for i := 0; i < min(n, mergeShown); i++ {
		env.Say(item(i))
	}
	if n > mergeShown {
		env.Say(words.M("cli.merge.more", "n", n-mergeShown))
	}
}

func editMsg(e merge.Edit) words.Msg {
	by := byMsg(e.By)
	switch e.Op {
	case merge.OpAdd:
		return words.M("cli.merge.edit.add", "record", e.Record.Name, "by", by)
	case merge.OpDelete:
		return words.M("cli.merge.edit.delete", "record", e.Record.Name, "by", by)
	}
	return words.M("cli.merge.edit.change", "record", e.Record.Name, "field", merge.FieldName(e.Record.Kind, e.Field),
		"from", valueMsg(e.From), "to", valueMsg(e.To), "by", by)
}

func conflictMsg(c merge.Conflict) words.Msg {
	var m words.Msg
	ours, theirs := byMsg(c.OursBy), byMsg(c.TheirsBy)
	switch c.Kind {
	case merge.BothChanged:
		m = words.M("cli.merge.conflict.both_changed", "record", c.Record.Name, "field", merge.FieldName(c.Record.Kind, c.Field), "base", valueMsg(c.Base),
			"ours", valueMsg(c.Ours), "ours_by", ours, "theirs", valueMsg(c.Theirs), "theirs_by", theirs)
	case merge.OursDeleted:
		m = words.M("cli.merge.conflict.ours_deleted", "record", c.Record.Name, "theirs_by", theirs)
	case merge.TheirsDeleted:
		m = words.M("cli.merge.conflict.theirs_deleted", "record", c.Record.Name, "ours_by", ours)
	case merge.InUse:
		m = words.M("cli.merge.conflict.in_use", "record", c.Record.Name, "n", c.Users)
	default:
		m = words.M("cli.merge.conflict.dangling", "record", c.Record.Name, "refers", c.Refers.Name, "theirs_by", theirs)
	}
	if c.Resolution != merge.Unresolved {
		m = words.M("cli.merge.resolved."+c.Resolution.String(), "conflict", m)
	}
	return m
}

// byMsg says who changed something and when.
func byMsg(b merge.By) words.Msg {
	if b.Author == "" && b.Time.IsZero() {
		return words.M("cli.merge.by_unknown")
	}
	return words.M("cli.merge.by", "author", b.Author, "time", b.Time.Local().Format("2006-01-02 15:04"))
}

// valueMsg shows a stored value as it is (JSON), or says it is empty.
func valueMsg(raw json.RawMessage) any {
	if len(raw) == 0 {
		return words.M("cli.merge.empty")
	}
	return string(raw)
}

// mergeJSON is what `merge --json` prints.
type mergeJSON struct {
	File       string         `json:"file"`
	Copy       string         `json:"copy"`
	Base       string         `json:"base"` // handout, last_merge, none
	DryRun     bool           `json:"dry_run"`
	Merged     bool           `json:"merged"`
	Changes    int            `json:"changes"`
	Seq        uint64         `json:"audit_seq,omitempty"`
	Backup     string         `json:"backup,omitempty"`
	Unresolved int            `json:"unresolved"`
	Applied    []editJSON     `json:"applied"`
	Conflicts  []conflictJSON `json:"conflicts"`
}

type recordJSON struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

type byJSON struct {
	Author string    `json:"author,omitempty"`
	Time   time.Time `json:"time,omitzero"`
}

type editJSON struct {
	Record recordJSON      `json:"record"`
	Op     merge.Op        `json:"op"`
	Field  string          `json:"field,omitempty"`
	From   json.RawMessage `json:"from,omitempty"`
	To     json.RawMessage `json:"to,omitempty"`
	By     byJSON          `json:"by"`
}

type conflictJSON struct {
	Record     recordJSON         `json:"record"`
	Kind       merge.ConflictKind `json:"kind"`
	Field      string             `json:"field,omitempty"`
	Base       json.RawMessage    `json:"base,omitempty"`
	Ours       json.RawMessage    `json:"ours,omitempty"`
	Theirs     json.RawMessage    `json:"theirs,omitempty"`
	OursBy     byJSON             `json:"ours_by"`
	TheirsBy   byJSON             `json:"theirs_by"`
	Users      int                `json:"users,omitempty"`
	Refers     *recordJSON        `json:"refers,omitempty"`
	Resolution string             `json:"resolution,omitempty"` // ours, theirs; absent while unresolved
}

func writeMergeJSON(env Env, file string, rep *storage.MergeReport, unresolved int) {
	rec := func(r merge.Record) recordJSON {
		return recordJSON{Kind: string(r.Kind), ID: r.ID.String(), Name: r.Name.In(env.Lang)}
	}
	out := mergeJSON{File: file, Copy: rep.Copy, Base: rep.Base, DryRun: rep.DryRun, Merged: rep.Seq > 0,
		Changes: rep.Changes, Seq: rep.Seq, Backup: rep.Backup, Unresolved: unresolved,
		Applied: []editJSON{}, Conflicts: []conflictJSON{}}
	for _, e := range rep.Edits {
		out.Applied = append(out.Applied, editJSON{Record: rec(e.Record), Op: e.Op, Field: e.Field, From: e.From, To: e.To,
			By: byJSON(e.By)})
	}
	for _, c := range rep.Conflicts {
		cj := conflictJSON{Record: rec(c.Record), Kind: c.Kind, Field: c.Field, Base: c.Base, Ours: c.Ours, Theirs: c.Theirs,
			OursBy: byJSON(c.OursBy), TheirsBy: byJSON(c.TheirsBy), Users: c.Users, Resolution: c.Resolution.String()}
		if c.Kind == merge.Dangling {
			r := rec(c.Refers)
			cj.Refers = &r
		}
		out.Conflicts = append(out.Conflicts, cj)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		env.FailErr(mergeCmd, err)
	}
}
