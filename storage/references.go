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
	// Entities are referred to by ID, and IDs are unique across kinds, so
	// only what is known by an ID alone (not a pair) can be left dangling.
	deleted := map[model.ID]deletion{}
	for _, c := range applied {
		switch e := c.After; {
		case e != nil:
			delete(deleted, e.Identity().ID) // put back later in the same action
		case c.Before.Identity().Other == model.NilID:
			e = c.Before
			deleted[e.Identity().ID] = deletion{e.EntityKind(), e.Label()}
		}
	}
	delete(deleted, model.NilID) // Info and Settings
	if len(deleted) == 0 {
		return nil
	}

	type dangling struct {
		to model.Ref
		by model.EntityKind
	}
	counts := map[dangling]int{}
	var refs []model.Ref
	for _, k := range referrers(deleted) {
		for e := range p.All(k) {
			refs = e.AppendRefs(refs[:0])
			for _, r := range refs {
				if d, ok := deleted[r.ID]; ok && d.kind == r.Kind {
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
			if deleted[a.to.ID].label < deleted[b.to.ID].label {
				return -1
			}
			return 1
		}
		return slices.Index(order, a.by) - slices.Index(order, b.by)
	})
	ps := make([]model.Problem, len(keys))
	for i, d := range keys {
		name := deleted[d.to.ID].label
		ps[i] = model.Problem{Kind: d.to.Kind, Entity: name, Field: "id", Msg: words.M("storage.dangling",
			"kind", kindName(d.to.Kind), "name", name, "refs", countOf(d.by, counts[d]))}
	}
	return ps
}

// referrers lists the kinds that may refer to something deleted, so that
// deleting what nothing refers to (a decision) reads no other entity.
func referrers(deleted map[model.ID]deletion) []model.EntityKind {
	var out []model.EntityKind
	for _, k := range model.Kinds() {
		for _, d := range deleted {
			if slices.Contains(model.ReferrersOf(d.kind), k) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// deletion is an entity an action deletes.
type deletion struct {
	kind  model.EntityKind
	label string
}

// countOf says "n entities of kind k".
func countOf(k model.EntityKind, n int) words.Msg { return words.M("storage.count."+string(k), "n", n) }
