package sheet

import (
	"testing"

	"rpbmatrix/model"
)

// A data sheet written by entity schema 2 reads migrated, as a project file
// of that schema would: the headcount split by the establishment, the
// decision's meeting label a meeting record.
func TestDataSheetOfSchema2(t *testing.T) {
	const office, duty = "0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d60", "0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d61"
	r := &projectReader{file: "旧.xlsx", p: model.NewProject("", "", "")}
	err := r.sheet(&Table{Sheet: dataSheetName, Rows: [][]string{
		{dataFormat, "1", "2"},
		{"office", `{"id":"` + office + `","name":"老城街道","kind":"street","establishment":96,"staff_actual":118}`},
		{"duty", `{"id":"` + duty + `","name":"违法建设巡查","category":"城市管理","kind":"basic"}`},
		{"decision", `{"id":"0190f3a2-7c4e-7b1a-9d2e-1f2a3b4c5d62","office":"` + office + `","duty":"` + duty +
			`","action":"add_resources","staff_add":2,"meeting":"2026年第3次专班会议"}`},
		{dataEnd, "3"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	o := r.p.OfficeByName("老城街道")
	m := model.LabelMeetingID("2026年第3次专班会议")
	if o.OnStaff != 96 || o.Auxiliary != 22 || r.p.Meetings[m] == nil {
		t.Fatalf("office %+v, meetings %+v", o, r.p.Meetings)
	}
	for _, d := range r.p.Decisions {
		if d.Meeting != m || d.StaffDelta != 2 {
			t.Errorf("decision %+v", d)
		}
	}
	if ps := model.Validate(r.p); len(ps) > 0 {
		t.Errorf("invalid: %v", ps)
	}
}
