package sheet

import (
	"fmt"
	"strings"
	"testing"

	"rpbmatrix/model"
)

// assessListText is a list of n duties for one office with eight
// assessment columns.
func assessListText(n int) string {
	var b strings.Builder
	b.WriteString("序号,事项名称,事项类别,实际角色,督查检查次数（次/年）,政务APP数量,工作群,多头填报/重复录入,需要经费（万元）,实有经费（万元）,经费来源\n")
	roles := []string{"牵头", "配合", "未评估"}
	sources := []string{"区级财政专项", "自筹", ""}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,事项%d,平安建设,%s,%d,%d,%d,%d,%d,%d,%s\n", i, i, roles[i%3], i%30, i%6, i%9, i%4, 5+i%35, i%30, sources[i%3])
	}
	return b.String()
}

// BenchmarkPlanListWithAssessments plans a 10,000-row list with assessment
// columns; BenchmarkPlanListPlain the same list without them.
func BenchmarkPlanListWithAssessments(b *testing.B) { benchPlanText(b, assessListText(10000)) }

func BenchmarkPlanListPlain(b *testing.B) {
	var plain strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(assessListText(10000)), "\n") {
		plain.WriteString(strings.Join(strings.Split(line, ",")[:3], ",") + "\n")
	}
	benchPlanText(b, plain.String())
}

func benchPlanText(b *testing.B, text string) {
	tables, err := Read("b.csv", []byte(text))
	if err != nil {
		b.Fatal(err)
	}
	p := newTestProject()
	b.ReportAllocs()
	for b.Loop() {
		pl := NewPlan(p, Prepare(tables), Options{Office: "东城街道", Kind: model.ListBasic})
		if !pl.Report.OK() {
			b.Fatal(pl.Report.Summary("en"))
		}
	}
}
