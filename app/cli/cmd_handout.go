package cli

import (
	"strings"

	"github.com/google/uuid"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

var handoutCmd = &Command{
	Name:    "handout",
	Summary: words.M("cli.handout.summary"),
	Usage:   "handout FILE.rpb --office NAME [--office NAME…] -o COPY.rpb [--author NAME]",
}

func init() {
	handoutCmd.Run = runHandout
	Register(handoutCmd)
}

// names is a flag that may be given more than once.
type names []string

func (n *names) String() string     { return strings.Join(*n, ",") }
func (n *names) Set(v string) error { *n = append(*n, v); return nil }

// runHandout writes a copy of the project for some offices, to be filled
// in offline and merged back with `rpbmatrix merge`. Exit 0 when written,
// 1 when the project cannot be read or the copy written, 2 on usage errors.
func runHandout(env Env, args []string) int {
	c := handoutCmd
	fs := NewFlags(env, c)
	var offices names
	fs.Var(&offices, "office", words.Say(env.Lang, "cli.handout.flag.office"))
	out := fs.String("o", "", words.Say(env.Lang, "cli.handout.flag.o"))
	author := fs.String("author", "", words.Say(env.Lang, "cli.handout.flag.author"))
	pos, ok := Parse(fs, args)
	if !ok {
		return ExitUsage
	}
	switch {
	case len(pos) != 1 || *out == "":
		return Usage(env, c, words.M("cli.handout.need_files"))
	case len(offices) == 0:
		return Usage(env, c, words.M("cli.handout.need_office"))
	}
	st, err := storage.Open(pos[0], storage.Options{Author: authorFlag(*author), Command: c.Name})
	if err != nil {
		return env.FailErr(c, err)
	}
	defer st.Close()
	ids, bad := officeIDs(st.Project(), offices)
	if bad != "" {
		var known []string
		for _, o := range st.Project().OfficeList() {
			known = append(known, o.Name)
		}
		return Usage(env, c, words.M("cli.handout.unknown_office", "office", bad, "known", known))
	}
	q, err := st.HandOut(*out, ids)
	if err != nil {
		return env.FailErr(c, err)
	}
	env.Say(words.M("cli.handout.written", "path", *out, "offices", len(q.Offices), "duties", len(q.Duties),
		"holdings", len(q.Holdings), "assessments", len(q.Assessments), "decisions", len(q.Decisions)))
	return ExitOK
}

// officeIDs finds the offices named (by name, or by ID), in order; bad is
// the first name that names none.
func officeIDs(p *model.Project, given []string) (ids []model.ID, bad string) {
	for _, g := range given {
		g = strings.TrimSpace(g)
		if o := p.OfficeByName(g); o != nil {
			ids = append(ids, o.ID)
			continue
		}
		if id, err := uuid.Parse(g); err == nil && p.Offices[id] != nil {
			ids = append(ids, id)
			continue
		}
		return nil, g
	}
	return ids, ""
}

// authorFlag is --author, or the author of headless edits (RPB_AUTHOR,
// else the system's user).
func authorFlag(given string) string {
	if a := strings.TrimSpace(given); a != "" {
		return a
	}
	return Author()
}
