package sheet

import (
	"strings"
	"testing"

	"rpbmatrix/model"
)

func TestStaffingSynonyms(t *testing.T) {
	var fields []staffField
	for f := staffOffice; f < staffFieldCount; f++ {
		fields = append(fields, f)
	}
	checkSideVocab(t, staffWords(), "staffing", fields, map[string]staffField{
		"核定编制": staffEstablishment, "实有人数": staffOnStaff, "编外（协管）人员": staffAuxiliary,
		"被借调人数": staffSecondedOut, "下沉人员": staffSecondedIn, "社区工作者": staffCommunityWorkers,
	})
}

func TestImportStaffing(t *testing.T) {
	p := model.NewProject("t", "", "")
	old := &model.Office{Meta: model.NewMeta(""), Name: "东华门街道", Population: 5000, OnStaff: 10}
	p.Apply(p.Put(old))
	csv := "街道,核定编制,实有人数,编外/协管,借调出,下沉入,社区工作者\n" +
		"东华门街道,60,55,30,3,2,120\n" +
		"景山街道,50,,20,,,\n" +
		"合计,110,55,50,3,2,120\n"
	pl := planProposals(t, p, "编制.csv", []byte(csv))
	if !pl.Report.OK() {
		t.Fatal(pl.Report.Summary("en"))
	}
	q := applied(p, pl)
	d := q.Offices[old.ID]
	if d.Establishment != 60 || d.OnStaff != 55 || d.Auxiliary != 30 || d.SecondedOut != 3 || d.SecondedIn != 2 ||
		d.CommunityWorkers != 120 || d.Population != 5000 {
		t.Errorf("updated office: %+v", d)
	}
	if p.Offices[old.ID].Establishment != 0 {
		t.Error("planning changed the project")
	}
	var js *model.Office
	for _, o := range q.Offices {
		if o.Name == "景山街道" {
			js = o
		}
	}
	if js == nil || js.Establishment != 50 || js.Auxiliary != 20 || len(q.Offices) != 2 || len(q.Duties) != 0 {
		t.Errorf("new office: %+v; %d offices, %d duties", js, len(q.Offices), len(q.Duties))
	}

	bad := planProposals(t, p, "编制.csv", []byte("街道,核定编制,实有在编\n东华门街道,六十,55\n"))
	if bad.Report.OK() || len(bad.Changes) == 0 && bad.Report.Count(StatusRejected) != 1 {
		t.Fatalf("bad count accepted: %s", bad.Report.Summary("en"))
	}
	line := bad.Report.Entries[0].Line("zh-Hans")
	for _, want := range []string{"编制.csv", "2", "核定编制", "六十"} {
		if !strings.Contains(line, want) {
			t.Errorf("rejection %q lacks %q", line, want)
		}
	}
}
