// Package synth generates synthetic projects of any size with plausible
// values, for scale tests, benchmarks and `rpbmatrix gen`. The same seed
// always gives the same project (IDs included).
package synth

import (
	"fmt"
	"math"
	"math/rand"
	"time"

	"github.com/google/uuid"

	"rpbmatrix/model"
)

// epoch is the fixed creation time of generated entities, so output is reproducible.
var epoch = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

var officeStems = []string{"东城", "西城", "南门", "北关", "河西", "新华", "人民", "解放", "建设", "和平",
	"长江", "黄河", "青山", "白云", "金山", "银湖", "龙泉", "凤凰", "桃源", "梅林"}

var dutyVerbs = []string{"组织开展", "督促落实", "配合做好", "负责", "协助开展", "统筹推进", "牵头组织", "做好"}
var dutyObjects = map[string][]string{
	"党的建设": {"基层党组织建设", "党员教育管理", "两新组织党建", "党风廉政建设", "意识形态工作", "党建引领基层治理"},
	"平安建设": {"安全生产隐患排查", "消防安全检查", "矛盾纠纷排查化解", "信访维稳", "防汛防台", "反诈宣传", "流动人口服务管理"},
	"城市管理": {"违法建设巡查", "占道经营整治", "垃圾分类", "市容环境卫生", "老旧小区改造", "物业管理监督", "燃气安全检查"},
	"民生保障": {"最低生活保障审核", "临时救助", "退役军人服务", "就业创业服务", "养老服务", "残疾人帮扶", "医疗保障经办"},
	"社区建设": {"社区居委会换届", "网格化管理", "志愿服务", "社区协商议事", "居民公约修订", "社会组织培育"},
	"综合保障": {"统计调查", "人口普查", "档案管理", "财政资金监管", "政务服务事项办理", "应急物资储备"},
}

var depts = []string{"区应急管理局", "区住房和城乡建设局", "区城市管理局", "区民政局", "区人力资源和社会保障局",
	"区卫生健康委员会", "区市场监督管理局", "区生态环境分局", "区公安分局", "区司法局", "区退役军人事务局", "区委组织部"}

var authorityNames = []struct {
	name string
	typ  model.AuthorityType
}{
	{"规划参与权", model.AuthStreetPower}, {"重大事项建议权", model.AuthStreetPower}, {"联合执法指挥调度权", model.AuthStreetPower},
	{"派出机构考核和人事任免建议权", model.AuthStreetPower}, {"综合事项统筹协调和考核督办权", model.AuthStreetPower},
	{"下沉人员资金统筹权", model.AuthStreetPower}, {"协管员管理权", model.AuthStreetPower}, {"吹哨召集权", model.AuthStreetPower},
	{"对违法建设的行政处罚", model.AuthEnforcement}, {"对占道经营的行政处罚", model.AuthEnforcement},
	{"对乱倒垃圾的行政处罚", model.AuthEnforcement}, {"对违规户外广告的行政处罚", model.AuthEnforcement},
	{"临时占用道路许可", model.AuthLicensing}, {"对违法建设的行政处罚（规划）", model.AuthPenalty},
	{"查封扣押经营工具", model.AuthCoercion}, {"城市道路占用费征收", model.AuthLevy}, {"最低生活保障金给付", model.AuthBenefit},
	{"安全生产行政检查", model.AuthInspection}, {"消防安全检查", model.AuthInspection}, {"独生子女父母光荣证确认", model.AuthConfirmation},
	{"见义勇为奖励", model.AuthReward}, {"土地权属争议裁决", model.AuthAdjudication}, {"农村宅基地审核", model.AuthOtherAdmin},
	{"燃气安全监督检查", model.AuthInspection}, {"食品摊贩登记", model.AuthOtherAdmin}, {"物业服务监督权", model.AuthOtherAdmin},
}

// Generate returns a project with the given number of offices and duties.
// Every duty applies to every office, so there are offices×duties assessments.
func Generate(offices, duties int, seed int64) *model.Project {
	r := rand.New(rand.NewSource(seed))
	newID := func() model.ID {
		var b [16]byte
		r.Read(b[:])
		id, _ := uuid.FromBytes(b[:])
		id[6] = (id[6] & 0x0f) | 0x40 // version 4
		id[8] = (id[8] & 0x3f) | 0x80 // RFC 4122 variant
		return id
	}
	meta := func() model.Meta { return model.Meta{ID: newID(), Created: epoch, Modified: epoch, Author: "gen"} }

	p := model.NewProject(fmt.Sprintf("合成测试项目（%d 个街道 × %d 项职责）", offices, duties), "合成市示范区", "gen")
	p.Info.ID = newID()
	p.Info.Created, p.Info.Modified = epoch, epoch

	var auths []*model.Authority
	for _, a := range authorityNames {
		au := &model.Authority{Meta: meta(), Name: a.name, Type: a.typ}
		p.Authorities[au.ID] = au
		auths = append(auths, au)
	}

	var offs []*model.Office
	for i := 0; i < offices; i++ {
		kind := model.OfficeStreet
		suffix := "街道"
		if r.Float64() < 0.3 {
			kind, suffix = model.OfficeTownship, "镇"
		}
		name := officeStems[i%len(officeStems)] + suffix
		if i >= len(officeStems) {
			name = fmt.Sprintf("%s%d%s", officeStems[i%len(officeStems)], i/len(officeStems)+1, suffix)
		}
		staff := 60 + r.Intn(61)
		o := &model.Office{Meta: meta(), Name: name, Kind: kind,
			Population: 30000 + r.Intn(120000), Communities: 8 + r.Intn(25),
			Establishment: staff - 10 - r.Intn(20), StaffActual: staff,
			BudgetWan: math.Round(2000 + r.Float64()*6000)}
		p.Offices[o.ID] = o
		offs = append(offs, o)
	}

	cats := model.Categories
	var ds []*model.Duty
	for i := 0; i < duties; i++ {
		cat := cats[r.Intn(len(cats))]
		objs := dutyObjects[cat]
		kind := model.ListBasic
		switch x := r.Float64(); {
		case x > 0.9:
			kind = model.ListReturned
		case x > 0.55:
			kind = model.ListSupporting
		}
		d := &model.Duty{Meta: meta(), Seq: i + 1, Category: cat, Kind: kind,
			Name:     fmt.Sprintf("%s%s（第%d项）", dutyVerbs[r.Intn(len(dutyVerbs))], objs[r.Intn(len(objs))], i+1),
			LeadDept: depts[r.Intn(len(depts))], LegalBasis: "《合成依据》第" + fmt.Sprint(1+r.Intn(60)) + "条"}
		if kind == model.ListReturned {
			d.ReceivingDept, d.WorkingMethod = d.LeadDept, "上级部门直接承担，街道提供信息"
		}
		for n := r.Intn(4); n > 0; n-- {
			a := auths[r.Intn(len(auths))].ID
			if !contains(d.Required, a) {
				d.Required = append(d.Required, a)
			}
		}
		p.Duties[d.ID] = d
		ds = append(ds, d)
	}

	for _, o := range offs {
		for _, a := range auths {
			x := r.Float64()
			if x < 0.35 {
				continue // not held at all
			}
			h := &model.Holding{Meta: meta(), Office: o.ID, Authority: a.ID, DeJure: true, DeFacto: model.LevelFull}
			switch {
			case x < 0.5:
				h.DeFacto = model.LevelNone
			case x < 0.65:
				h.DeFacto = model.LevelPartial
			}
			p.Holdings[h.Key()] = h
		}
		for _, d := range ds {
			a := &model.Assessment{Meta: meta(), Office: o.ID, Duty: d.ID, Role: model.RoleSupport}
			if d.Kind == model.ListBasic || r.Float64() < 0.15 {
				a.Role = model.RoleLead
			}
			if d.Kind == model.ListReturned && r.Float64() < 0.7 {
				a.Role = model.RoleNone
			}
			a.AssessedBy = r.Intn(4)
			a.Veto = r.Float64() < 0.04
			a.Incidents = poisson(r, 0.3)
			if r.Float64() > 0.05 {
				a.HoursPerMonth = math.Round(4 + r.ExpFloat64()*30)
				a.FormalismHours = math.Round(a.HoursPerMonth * r.Float64() * 0.5)
				a.ReportsPerMonth = r.Intn(12)
			}
			a.StaffNeeded = round1(a.HoursPerMonth / 160 * (1 + r.Float64()))
			a.StaffHeld = round1(a.StaffNeeded * (0.5 + r.Float64()*0.7))
			a.FundsNeeded = round1(r.ExpFloat64() * 15)
			a.FundsHeld = round1(a.FundsNeeded * (0.4 + r.Float64()*0.8))
			if r.Float64() < 0.3 {
				a.SystemsNeeded = 1 + r.Intn(3)
				a.SystemsHeld = r.Intn(a.SystemsNeeded + 1)
			}
			p.Assessments[a.Key()] = a
		}
	}

	// A few working-group decisions, as a real project would have after a first meeting.
	actions := []model.Action{model.ActionKeep, model.ActionToSupporting, model.ActionReturn, model.ActionCancel,
		model.ActionGrant, model.ActionAddResources, model.ActionPending}
	for i := 0; i < len(offs) && i < 50; i++ {
		d := ds[r.Intn(len(ds))]
		dec := &model.Decision{Meta: meta(), Office: offs[i].ID, Duty: d.ID, Action: actions[i%len(actions)],
			Meeting: "合成专班会议"}
		switch dec.Action {
		case model.ActionGrant:
			dec.Authority = auths[r.Intn(len(auths))].ID
		case model.ActionAddResources:
			dec.StaffAdd, dec.FundsAdd = 1, 10
		}
		p.Decisions[dec.ID] = dec
	}
	return p
}

func contains(ids []model.ID, id model.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// poisson draws a small count with mean lambda.
func poisson(r *rand.Rand, lambda float64) int {
	l, k, prod := math.Exp(-lambda), 0, r.Float64()
	for prod > l {
		k++
		prod *= r.Float64()
	}
	return k
}
