package model

import (
	"cmp"
	"strings"

	"github.com/google/uuid"
)

// Meeting is a working-group meeting (专班会议): the decisions taken in it
// name it (Decision.Meeting), and its minutes (会议纪要) go upward.
type Meeting struct {
	Meta
	Date      string   `json:"date,omitempty"` // 会议日期, YYYY-MM-DD
	Title     string   `json:"title"`          // 如 2026年第3次专班会议
	Place     string   `json:"place,omitempty"`
	Chair     string   `json:"chair,omitempty"`     // 主持人
	Attendees []string `json:"attendees,omitempty"` // 参会单位/人员
	Minutes   string   `json:"minutes,omitempty"`   // 会议纪要
	Notes     string   `json:"notes,omitempty"`
}

// Name is the title, or the date when the meeting has no title.
func (m *Meeting) Name() string {
	if strings.TrimSpace(m.Title) != "" {
		return m.Title
	}
	return m.Date
}

// meetingNamespace makes the IDs of meetings recorded as labels (see
// LabelMeetingID).
var meetingNamespace = uuid.MustParse("5d0c7f62-6a5e-4d8f-9a64-8c1f4a3e2b10")

// LabelMeetingID is the ID of the meeting a decision of an older file named
// only by a label ("2026年第3次专班会议"): the same label, trimmed, gives
// the same ID in every file, so that a project and its hand-out copies,
// migrated apart, still agree on their meetings and merge cleanly.
func LabelMeetingID(label string) ID {
	return uuid.NewSHA1(meetingNamespace, []byte(strings.TrimSpace(label)))
}

// MeetingList returns the meetings by date, then title.
func (p *Project) MeetingList() []*Meeting {
	return sortedValues(p.Meetings, func(a, b *Meeting) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Title, b.Title), byID(a.ID, b.ID))
	})
}

// DecisionsOf returns the decisions taken in a meeting, oldest first;
// NilID gives those with no meeting recorded.
func (p *Project) DecisionsOf(meeting ID) []*Decision {
	var out []*Decision
	for _, d := range p.DecisionList() {
		if d.Meeting == meeting {
			out = append(out, d)
		}
	}
	return out
}

// MeetingName is the name of the meeting a decision was taken in, or ""
// when it names none (or one that is gone).
func (p *Project) MeetingName(d *Decision) string {
	if m := p.Meetings[d.Meeting]; m != nil && d.Meeting != NilID {
		return m.Name()
	}
	return ""
}

// DeleteMeeting returns the changes that remove a meeting; its decisions
// stay, no longer naming it.
func (p *Project) DeleteMeeting(id ID) []Change {
	m := p.Meetings[id]
	if m == nil {
		return nil
	}
	var out []Change
	for _, d := range p.DecisionList() {
		if d.Meeting == id {
			nd := *d
			nd.Meeting = NilID
			out = append(out, p.Put(&nd))
		}
	}
	return append(out, p.Delete(m))
}

func (*Meeting) EntityKind() EntityKind { return KindMeeting }
func (m *Meeting) Identity() Identity   { return Identity{ID: m.ID} }
func (m *Meeting) Label() string        { return m.Name() }
func (m *Meeting) Clone() Entity {
	x := *m
	x.Attendees = append([]string(nil), m.Attendees...)
	return &x
}
func (*Meeting) AppendRefs(refs []Ref) []Ref { return refs }
func (m *Meeting) in(p *Project) Entity      { return lookup(p.Meetings, m.ID) }
func (m *Meeting) storeIn(p *Project)        { p.Meetings[m.ID] = m }
func (m *Meeting) removeFrom(p *Project)     { delete(p.Meetings, m.ID) }
func (*Meeting) refKinds() []EntityKind      { return nil }
