package storage

import (
	"fmt"
	"sort"

	"rpbmatrix/model"
)

// danglingProblems reports what still refers to an office, duty or authority
// the action deletes, after the whole action is applied. model.ValidateChange
// checks what a change stores; this checks what a deletion leaves behind, so
// that a deletion without its cascade (Project.DeleteOffice and friends)
// cannot leave assessments pointing at nothing.
func danglingProblems(p *model.Project, applied []model.Change) []model.Problem {
	offices, duties, auths := map[model.ID]string{}, map[model.ID]string{}, map[model.ID]string{}
	for _, c := range applied {
		if c.After != nil {
			continue
		}
		switch v := c.Before.(type) {
		case *model.Office:
			offices[v.ID] = v.Name
		case *model.Duty:
			duties[v.ID] = v.Name
		case *model.Authority:
			auths[v.ID] = v.Name
		}
	}
	if len(offices)+len(duties)+len(auths) == 0 {
		return nil
	}
	// Something deleted may have been put back later in the same action.
	for id := range offices {
		if p.Offices[id] != nil {
			delete(offices, id)
		}
	}
	for id := range duties {
		if p.Duties[id] != nil {
			delete(duties, id)
		}
	}
	for id := range auths {
		if p.Authorities[id] != nil {
			delete(auths, id)
		}
	}

	type ref struct {
		kind model.EntityKind
		id   model.ID
	}
	counts := map[ref]map[string]int{} // deleted entity → referring kind (Chinese) → count
	note := func(kind model.EntityKind, id model.ID, by string) {
		r := ref{kind, id}
		if counts[r] == nil {
			counts[r] = map[string]int{}
		}
		counts[r][by]++
	}
	for _, h := range p.Holdings {
		if _, ok := offices[h.Office]; ok {
			note(model.KindOffice, h.Office, "权限持有")
		}
		if _, ok := auths[h.Authority]; ok {
			note(model.KindAuthority, h.Authority, "权限持有")
		}
	}
	for _, a := range p.Assessments {
		if _, ok := offices[a.Office]; ok {
			note(model.KindOffice, a.Office, "履职评估")
		}
		if _, ok := duties[a.Duty]; ok {
			note(model.KindDuty, a.Duty, "履职评估")
		}
	}
	for _, d := range p.Decisions {
		if _, ok := offices[d.Office]; ok {
			note(model.KindOffice, d.Office, "处理意见")
		}
		if _, ok := duties[d.Duty]; ok {
			note(model.KindDuty, d.Duty, "处理意见")
		}
		if _, ok := auths[d.Authority]; ok && d.Authority != model.NilID {
			note(model.KindAuthority, d.Authority, "处理意见")
		}
	}
	// A duty's scope may go on naming a deleted office: Project.DeleteOffice
	// keeps a duty whose scope is that office alone, since an empty scope
	// would mean every office.
	for _, d := range p.Duties {
		for _, id := range d.Required {
			if _, ok := auths[id]; ok {
				note(model.KindAuthority, id, "职责事项所需权限")
			}
		}
	}

	english := map[string]string{"权限持有": "holdings", "履职评估": "assessments", "处理意见": "decisions",
		"职责事项所需权限": "duties' required authorities"}
	kindZh := map[model.EntityKind]string{model.KindOffice: "街道（乡镇）", model.KindDuty: "职责事项", model.KindAuthority: "权限"}
	var ps []model.Problem
	for r, by := range counts {
		name := offices[r.id] + duties[r.id] + auths[r.id] // only one is set
		for _, what := range []string{"权限持有", "履职评估", "处理意见", "职责事项所需权限"} {
			n := by[what]
			if n == 0 {
				continue
			}
			ps = append(ps, model.Problem{Kind: r.kind, Entity: name, Field: "id", Msg: model.Msg{
				Zh: fmt.Sprintf("删除%s「%s」后仍有 %d 条%s引用它，请连同这些记录一起删除", kindZh[r.kind], name, n, what),
				En: fmt.Sprintf("deleting %s %q would leave %d %s referring to it; delete them with it", r.kind, name, n, english[what]),
			}})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Msg.Zh < ps[j].Msg.Zh })
	return ps
}
