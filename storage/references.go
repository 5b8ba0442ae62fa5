package storage

import (
	"slices"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// danglingProblems reports what still refers to an entity the action
// deletes, after the whole action is applied. model.ValidateChange checks
// what a change stores; this checks what a deletion leaves behind, so that
// a deletion without its cascade (Project.DeleteOffice and friends) cannot
// leave assessments pointing at nothing.
func danglingProblems(p *model.Project, applied []model.Change) []model.Problem {
	deleted := map[model.Ref]string{} // deleted for good → its label
	for _, c := range applied {
		switch {
		case c.After != nil:
			delete(deleted, refTo(c.After)) // put back later in the same action
		case c.Before != nil:
			deleted[refTo(c.Before)] = c.Before.Label()
		}
	}
	if len(deleted) == 0 {
		return nil
	}

	type dangling struct {
		to model.Ref
		by model.EntityKind
	}
	counts := map[dangling]int{}
	var refs []model.Ref
	for _, k := range model.Kinds() {
		for e := range p.All(k) {
			refs = e.AppendRefs(refs[:0])
			for _, r := range refs {
				if _, ok := deleted[r]; ok {
					counts[dangling{r, k}]++
				}
			}
		}
	}

	order := model.Kinds()
	keys := make([]dangling, 0, len(counts))
	for d := range counts {
		keys = append(keys, d)
	}
	slices.SortFunc(keys, func(a, b dangling) int {
		if c := slices.Index(order, a.to.Kind) - slices.Index(order, b.to.Kind); c != 0 {
			return c
		}
		if a.to != b.to {
			if deleted[a.to] < deleted[b.to] {
				return -1
			}
			return 1
		}
		return slices.Index(order, a.by) - slices.Index(order, b.by)
	})
	ps := make([]model.Problem, len(keys))
	for i, d := range keys {
		name := deleted[d.to]
		ps[i] = model.Problem{Kind: d.to.Kind, Entity: name, Field: "id", Msg: problemMsg(words.M("storage.dangling",
			"kind", kindName(d.to.Kind), "name", name, "refs", countOf(d.by, counts[d])))}
	}
	return ps
}

// refTo is how other entities refer to e.
func refTo(e model.Entity) model.Ref { return model.Ref{Kind: e.EntityKind(), ID: e.Identity().ID} }

// countOf says "n entities of kind k".
func countOf(k model.EntityKind, n int) words.Msg { return words.M("storage.count."+string(k), "n", n) }

// problemMsg is msg as a problem's message.
//
// Until model.Problem carries a words.Msg it is worded here in both
// languages; then it is msg itself.
func problemMsg(msg words.Msg) model.Msg {
	return model.Msg{Zh: msg.In(words.Zh), En: msg.In(words.En)}
}
