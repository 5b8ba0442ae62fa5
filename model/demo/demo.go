package demo

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"rpbmatrix/assets"
	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The demo project is a fictional district (云州市临江区) with an old-town
// street, a new residential street and a farming township. Its data are CSV
// files a domain person can edit in a spreadsheet (see demo/README.md); the
// loader turns names into IDs and checks every reference.
// The files are embedded by rpbmatrix/assets (assets.DemoFiles).

// demoNamespace seeds the demo's name-based IDs, so two loads give the same
// project and a file written from it can be compared with another.
var demoNamespace = uuid.MustParse("6f1d3c52-8a4e-4b7f-9e0a-2c5d8b1f7a30")

// Demo data files, in the order they are read.
const (
	demoProjectFile     = "project.json"
	demoOfficesFile     = "offices.csv"
	demoAuthoritiesFile = "authorities.csv"
	demoDutiesFile      = "duties.csv"
	demoHoldingsFile    = "holdings.csv"
	demoAssessmentsFile = "assessments.csv"
	demoDecisionsFile   = "decisions.csv"
)

// Project returns a fresh copy of the embedded demo project. It is
// validated: an error names the data file, line and column at fault.
func Project() (*model.Project, error) {
	sub, err := fs.Sub(assets.DemoFiles, "demo")
	if err != nil {
		return nil, err
	}
	return loadDemo(sub)
}

// demoID derives a stable ID from an entity kind and its natural key.
func demoID(kind string, key ...string) model.ID {
	return uuid.NewSHA1(demoNamespace, []byte(kind+":"+strings.Join(key, "/")))
}

// demoInfo is project.json.
type demoInfo struct {
	Name    string    `json:"name"`
	Region  string    `json:"region"`
	Author  string    `json:"author"`
	Created time.Time `json:"created"`
	Note    string    `json:"note"` // for people editing the files: says the data are fictional
}

// demoLoader carries the project being built and the name indexes the files refer through.
type demoLoader struct {
	fsys        fs.FS
	p           *model.Project
	meta        model.Meta // template for every entity: fixed time and author
	offices     map[string]*model.Office
	authorities map[string]*model.Authority
	duties      map[dutyKey]*model.Duty
}

// dutyKey is how the files name a duty: its list and its number in that list.
type dutyKey struct {
	kind model.ListKind
	seq  int
}

func (k dutyKey) String() string { return k.kind.Code() + "/" + strconv.Itoa(k.seq) }

func loadDemo(fsys fs.FS) (*model.Project, error) {
	l := &demoLoader{fsys: fsys, offices: map[string]*model.Office{},
		authorities: map[string]*model.Authority{}, duties: map[dutyKey]*model.Duty{}}
	for _, step := range []func() error{l.info, l.loadOffices, l.loadAuthorities, l.loadDuties,
		l.loadHoldings, l.loadAssessments, l.loadDecisions} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if ps := model.Validate(l.p); len(ps) > 0 {
		msgs := make([]string, len(ps))
		for i, p := range ps {
			msgs[i] = p.Msg.In(words.Zh) + " / " + p.Msg.In(words.En)
		}
		return nil, fmt.Errorf("示例项目校验未通过 / demo project fails validation:\n%s", strings.Join(msgs, "\n"))
	}
	return l.p, nil
}

func (l *demoLoader) info() error {
	data, err := fs.ReadFile(l.fsys, demoProjectFile)
	if err != nil {
		return &DemoError{File: demoProjectFile, Msg: model.Msg{Zh: "无法读取文件：" + err.Error(), En: "cannot read the file: " + err.Error()}}
	}
	var in demoInfo
	if err := json.Unmarshal(data, &in); err != nil {
		return &DemoError{File: demoProjectFile, Msg: model.Msg{Zh: "JSON 格式错误：" + err.Error(), En: "malformed JSON: " + err.Error()}}
	}
	if in.Name == "" || in.Created.IsZero() {
		return &DemoError{File: demoProjectFile, Msg: model.Msg{Zh: "name 和 created 不能为空", En: "name and created must be set"}}
	}
	created := in.Created.UTC()
	l.p = model.NewProject(in.Name, in.Region, in.Author)
	l.p.Info.ID = demoID("project", in.Region, in.Name)
	l.p.Info.Created, l.p.Info.Modified = created, created
	l.meta = model.Meta{Created: created, Modified: created, Author: in.Author}
	return nil
}

func (l *demoLoader) newMeta(kind string, key ...string) model.Meta {
	m := l.meta
	m.ID = demoID(kind, key...)
	return m
}

func (l *demoLoader) loadOffices() error {
	t, err := readTable(l.fsys, demoOfficesFile, "名称", "类型", "简介", "常住人口", "社区（村）数", "核定编制", "实有人员", "年度经费（万元）", "备注")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		name, err := r.need("名称")
		if err != nil {
			return err
		}
		if l.offices[name] != nil {
			return r.errf("名称", "街道（乡镇）「%s」重复", "office %q appears twice", name)
		}
		kind, ok := model.ParseOfficeKind(r.str("类型"))
		if !ok {
			return r.errf("类型", "应为“街道”或“乡镇”（%q）", "must be 街道 (street) or 乡镇 (township) (%q)", r.str("类型"))
		}
		o := &model.Office{Meta: l.newMeta("office", name), Name: name, Kind: kind,
			Description: r.str("简介"), Notes: r.str("备注")}
		if o.Population, err = r.int("常住人口"); err != nil {
			return err
		}
		if o.Communities, err = r.int("社区（村）数"); err != nil {
			return err
		}
		if o.Establishment, err = r.int("核定编制"); err != nil {
			return err
		}
		if o.StaffActual, err = r.int("实有人员"); err != nil {
			return err
		}
		if o.BudgetWan, err = r.float("年度经费（万元）"); err != nil {
			return err
		}
		l.offices[name] = o
		l.p.Offices[o.ID] = o
	}
	return nil
}

func (l *demoLoader) loadAuthorities() error {
	t, err := readTable(l.fsys, demoAuthoritiesFile, "名称", "类型", "法律依据", "备注")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		name, err := r.need("名称")
		if err != nil {
			return err
		}
		if l.authorities[name] != nil {
			return r.errf("名称", "权限「%s」重复", "authority %q appears twice", name)
		}
		typ, ok := model.ParseAuthorityType(r.str("类型"))
		if !ok {
			return r.errf("类型", "未知的权限类型（%q）", "unknown authority type (%q)", r.str("类型"))
		}
		a := &model.Authority{Meta: l.newMeta("authority", name), Name: name, Type: typ,
			LegalBasis: r.str("法律依据"), Notes: r.str("备注")}
		l.authorities[name] = a
		l.p.Authorities[a.ID] = a
	}
	return nil
}

// dutyRef reads the list kind and number columns of a row.
func (l *demoLoader) dutyRef(r row) (dutyKey, error) {
	kind, ok := model.ParseListKind(r.str("清单类型"))
	if !ok {
		return dutyKey{}, r.errf("清单类型", "应为“基本履职”“配合履职”或“上级部门收回”（%q）",
			"must be 基本履职, 配合履职 or 上级部门收回 (%q)", r.str("清单类型"))
	}
	seq, err := r.int("序号")
	if err != nil {
		return dutyKey{}, err
	}
	if seq == 0 {
		return dutyKey{}, r.errf("序号", "不能为空或 0", "must be a positive number")
	}
	return dutyKey{kind, seq}, nil
}

func (l *demoLoader) loadDuties() error {
	t, err := readTable(l.fsys, demoDutiesFile, "清单类型", "序号", "事项类别", "事项名称", "子项", "履职依据", "来源",
		"主责部门", "配合部门", "上级部门职责", "街道配合职责", "承接部门", "工作方式", "所需权限", "适用范围", "备注")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		key, err := l.dutyRef(r)
		if err != nil {
			return err
		}
		if l.duties[key] != nil {
			return r.errf("序号", "%[1]s第 %[2]d 项重复", "%[3]s item %[2]d appears twice", key.kind.Name().In(words.Zh), key.seq, key.kind.Name().In(words.En))
		}
		name, err := r.need("事项名称")
		if err != nil {
			return err
		}
		category, err := r.need("事项类别")
		if err != nil {
			return err
		}
		d := &model.Duty{Meta: l.newMeta("duty", key.String()), Seq: key.seq, Name: name, SubItem: r.str("子项"),
			Category: category, Kind: key.kind, LegalBasis: r.str("履职依据"), Source: r.str("来源"),
			LeadDept: r.str("主责部门"), SupportDepts: r.str("配合部门"), HigherDeptDuty: r.str("上级部门职责"),
			OfficeDuty: r.str("街道配合职责"), ReceivingDept: r.str("承接部门"), WorkingMethod: r.str("工作方式"),
			Notes: r.str("备注")}
		for _, n := range r.list("所需权限") {
			a := l.authorities[n]
			if a == nil {
				return r.errf("所需权限", "未知权限「%s」（应与 authorities.csv 的名称一致）", "unknown authority %q (must match a name in authorities.csv)", n)
			}
			d.Required = append(d.Required, a.ID)
		}
		for _, n := range r.list("适用范围") {
			o := l.offices[n]
			if o == nil {
				return r.errf("适用范围", "未知街道（乡镇）「%s」（应与 offices.csv 的名称一致）", "unknown office %q (must match a name in offices.csv)", n)
			}
			d.Scope = append(d.Scope, o.ID)
		}
		l.duties[key] = d
		l.p.Duties[d.ID] = d
	}
	return nil
}

// office reads the office column of a row.
func (l *demoLoader) office(r row, column string) (*model.Office, error) {
	name, err := r.need(column)
	if err != nil {
		return nil, err
	}
	o := l.offices[name]
	if o == nil {
		return nil, r.errf(column, "未知街道（乡镇）「%s」", "unknown office %q", name)
	}
	return o, nil
}

// duty reads the list kind and number of a row and checks the name column
// agrees, so a row keyed to the wrong number is caught.
func (l *demoLoader) duty(r row) (*model.Duty, error) {
	key, err := l.dutyRef(r)
	if err != nil {
		return nil, err
	}
	d := l.duties[key]
	if d == nil {
		return nil, r.errf("序号", "duties.csv 中没有%[1]s第 %[2]d 项", "duties.csv has no %[3]s item %[2]d", key.kind.Name().In(words.Zh), key.seq, key.kind.Name().In(words.En))
	}
	if name := r.str("事项名称"); name != "" && name != d.Name {
		return nil, r.errf("事项名称", "%[1]s第 %[2]d 项是「%[4]s」，与本行「%[5]s」不符", "%[3]s item %[2]d is %[4]q, not %[5]q",
			key.kind.Name().In(words.Zh), key.seq, key.kind.Name().In(words.En), d.Name, name)
	}
	return d, nil
}

func (l *demoLoader) loadHoldings() error {
	t, err := readTable(l.fsys, demoHoldingsFile, "街道", "权限", "依法赋予", "实际行使", "说明")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		o, err := l.office(r, "街道")
		if err != nil {
			return err
		}
		a := l.authorities[r.str("权限")]
		if a == nil {
			return r.errf("权限", "未知权限「%s」", "unknown authority %q", r.str("权限"))
		}
		deJure, err := r.yes("依法赋予")
		if err != nil {
			return err
		}
		level, ok := model.ParseLevel(r.str("实际行使"))
		if !ok {
			return r.errf("实际行使", "应为“完全行使”“部分行使”或“不能行使”（%q）", "must be 完全行使, 部分行使 or 不能行使 (%q)", r.str("实际行使"))
		}
		h := &model.Holding{Meta: l.newMeta("holding", o.Name, a.Name), Office: o.ID, Authority: a.ID,
			DeJure: deJure, DeFacto: level, Note: r.str("说明")}
		if l.p.Holdings[h.Key()] != nil {
			return r.errf("权限", "「%s」持有「%s」的记录重复", "holding of %[2]q by %[1]q appears twice", o.Name, a.Name)
		}
		l.p.Holdings[h.Key()] = h
	}
	return nil
}

func (l *demoLoader) loadAssessments() error {
	t, err := readTable(l.fsys, demoAssessmentsFile, append([]string{"街道", "清单类型", "序号", "事项名称", "实际角色", "说明"}, assessmentNumberColumns...)...)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		o, err := l.office(r, "街道")
		if err != nil {
			return err
		}
		d, err := l.duty(r)
		if err != nil {
			return err
		}
		if !d.AppliesTo(o.ID) {
			return r.errf("街道", "事项「%s」不适用于「%s」（见 duties.csv 的适用范围）", "duty %q does not apply to %q (see the scope in duties.csv)", d.Name, o.Name)
		}
		role, ok := model.ParseRole(r.str("实际角色"))
		if !ok {
			return r.errf("实际角色", "应为“牵头”“配合”或“不承担”（%q）", "must be 牵头, 配合 or 不承担 (%q)", r.str("实际角色"))
		}
		a := &model.Assessment{Meta: l.newMeta("assessment", o.Name, dutyKey{d.Kind, d.Seq}.String()),
			Office: o.ID, Duty: d.ID, Role: role, Notes: r.str("说明")}
		if a.Veto, err = r.yes("一票否决"); err != nil {
			return err
		}
		ints := []*int{&a.AssessedBy, &a.Incidents, &a.ReportsPerMonth, &a.SystemsNeeded, &a.SystemsHeld}
		for i, c := range []string{"考核部门数", "近一年问责次数", "报表（次/月）", "需要系统（个）", "已有系统（个）"} {
			if *ints[i], err = r.int(c); err != nil {
				return err
			}
		}
		floats := []*float64{&a.HoursPerMonth, &a.FormalismHours, &a.StaffNeeded, &a.StaffHeld, &a.FundsNeeded, &a.FundsHeld}
		for i, c := range []string{"工作量（小时/月）", "其中填报留痕（小时/月）", "需要人力（人）", "实有人力（人）", "需要经费（万元/年）", "实有经费（万元/年）"} {
			if *floats[i], err = r.float(c); err != nil {
				return err
			}
		}
		if a.FormalismHours > a.HoursPerMonth {
			return r.errf("其中填报留痕（小时/月）", "填报留痕小时（%g）不能超过工作量（%g）", "formalism hours (%g) exceed total hours (%g)", a.FormalismHours, a.HoursPerMonth)
		}
		if l.p.Assessments[a.Key()] != nil {
			return r.errf("序号", "「%[2]s」对「%[1]s」的评估重复", "assessment of %[1]q for %[2]q appears twice", d.Name, o.Name)
		}
		l.p.Assessments[a.Key()] = a
	}
	return nil
}

// assessmentNumberColumns are the numeric columns of assessments.csv, in file order.
var assessmentNumberColumns = []string{"考核部门数", "一票否决", "近一年问责次数", "工作量（小时/月）", "其中填报留痕（小时/月）",
	"报表（次/月）", "需要人力（人）", "实有人力（人）", "需要经费（万元/年）", "实有经费（万元/年）", "需要系统（个）", "已有系统（个）"}

func (l *demoLoader) loadDecisions() error {
	t, err := readTable(l.fsys, demoDecisionsFile, "会议", "日期", "街道", "清单类型", "序号", "事项名称", "处理方式", "权限",
		"增加人力（人）", "增加经费（万元/年）", "说明")
	if err != nil {
		return err
	}
	for i, r := range t.rows {
		d, err := l.duty(r)
		if err != nil {
			return err
		}
		office := model.NilID
		if r.str("街道") != "" {
			o, err := l.office(r, "街道")
			if err != nil {
				return err
			}
			if !d.AppliesTo(o.ID) {
				return r.errf("街道", "事项「%s」不适用于「%s」", "duty %q does not apply to %q", d.Name, o.Name)
			}
			office = o.ID
		}
		action, ok := model.ParseAction(r.str("处理方式"))
		if !ok {
			return r.errf("处理方式", "未知的处理方式（%q），应为保留、调整为配合履职、退回上级部门、取消、赋予权限、增加资源或待定",
				"unknown action (%q)", r.str("处理方式"))
		}
		day, err := time.ParseInLocation("2006-01-02", r.str("日期"), time.FixedZone("CST", 8*3600))
		if err != nil {
			return r.errf("日期", "应为 YYYY-MM-DD 格式的日期（%q）", "must be a date as YYYY-MM-DD (%q)", r.str("日期"))
		}
		// Meetings start at 14:30; one minute per item keeps the file's order.
		at := day.Add(14*time.Hour + 30*time.Minute + time.Duration(i)*time.Minute).UTC()
		dec := &model.Decision{Meta: model.Meta{ID: demoID("decision", r.str("会议"), strconv.Itoa(i+1)), Created: at, Modified: at, Author: l.meta.Author},
			Office: office, Duty: d.ID, Action: action, Note: r.str("说明"), Meeting: r.str("会议")}
		if n := r.str("权限"); n != "" {
			a := l.authorities[n]
			if a == nil {
				return r.errf("权限", "未知权限「%s」", "unknown authority %q", n)
			}
			dec.Authority = a.ID
		}
		if dec.StaffAdd, err = r.float("增加人力（人）"); err != nil {
			return err
		}
		if dec.FundsAdd, err = r.float("增加经费（万元/年）"); err != nil {
			return err
		}
		l.p.Decisions[dec.ID] = dec
	}
	return nil
}
