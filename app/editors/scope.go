package editors

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// scopePicker chooses the offices something applies to (a duty, an
// admission request): every office, or the offices ticked. Its message
// line also shows what a commit of the choice refused.
type scopePicker struct {
	allScope *widget.RadioGroup
	scope    *idChecks
	msg      *widget.Label
}

// newScopePicker builds the picker; changed runs when the user changes it.
func newScopePicker(changed func()) *scopePicker {
	sp := &scopePicker{scope: newIDChecks(true, changed)}
	sp.allScope = widget.NewRadioGroup([]string{words.T("editors.catalogue.scope_all"), words.T("editors.catalogue.scope_some")},
		func(string) { changed() })
	sp.allScope.Horizontal = true
	sp.allScope.Required = true
	sp.msg = wrapped("")
	sp.msg.Importance = widget.DangerImportance
	sp.msg.Hide()
	return sp
}

// objects are the picker's widgets, top to bottom.
func (sp *scopePicker) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{sp.allScope, sp.scope.group, sp.msg}
}

// show offers the project's offices with scope (empty: every office) chosen.
func (sp *scopePicker) show(p *model.Project, scope []model.ID) {
	sp.msg.Hide()
	var offices []idOption
	for _, o := range p.OfficeList() {
		offices = append(offices, idOption{o.ID, o.Name})
	}
	sp.scope.set(offices, scope)
	if len(scope) == 0 {
		sp.allScope.SetSelected(sp.allScope.Options[0])
		sp.scope.group.Disable()
	} else {
		sp.allScope.SetSelected(sp.allScope.Options[1])
		sp.scope.group.Enable()
	}
}

// chosen is the scope chosen (nil: every office); ok is false, with a
// message, while "some offices" is chosen and none is ticked, since an
// empty scope would mean every office.
func (sp *scopePicker) chosen() (scope []model.ID, ok bool) {
	if sp.allScope.Selected == sp.allScope.Options[0] {
		return nil, true
	}
	sp.scope.group.Enable()
	if scope = sp.scope.selected(); len(scope) == 0 {
		sp.say(words.T("editors.catalogue.scope_pick"))
		return nil, false
	}
	return scope, true
}

// say shows a message under the picker.
func (sp *scopePicker) say(text string) {
	sp.msg.SetText(text)
	sp.msg.Show()
}

// idOption is one entity offered in a check group.
type idOption struct {
	id    model.ID
	label string
}

// idChecks ticks entities by ID in a check group.
type idChecks struct {
	group *widget.CheckGroup
	ids   []model.ID // option i of group
}

func newIDChecks(horizontal bool, changed func()) *idChecks {
	c := &idChecks{group: widget.NewCheckGroup(nil, func([]string) { changed() })}
	c.group.Horizontal = horizontal
	return c
}

// set offers options with those in ticked ticked.
func (c *idChecks) set(options []idOption, ticked []model.ID) {
	c.ids = c.ids[:0]
	var labels, on []string
	for _, o := range options {
		c.ids = append(c.ids, o.id)
		labels = append(labels, o.label)
		if slices.Contains(ticked, o.id) {
			on = append(on, o.label)
		}
	}
	c.group.Options = labels
	c.group.SetSelected(on)
}

// selected lists the ticked entities in the options' order.
func (c *idChecks) selected() []model.ID {
	var out []model.ID
	for i, o := range c.group.Options {
		if i < len(c.ids) && slices.Contains(c.group.Selected, o) {
			out = append(out, c.ids[i])
		}
	}
	return out
}

// authorityOptions offers the authority catalogue, each with its type.
func authorityOptions(p *model.Project, lng string) []idOption {
	var out []idOption
	for _, a := range p.AuthorityList() {
		out = append(out, idOption{a.ID, words.T("editors.catalogue.required_option", "Name", a.Name, "Type", a.Type.Name().In(lng))})
	}
	return out
}
