package demo

// This file writes assets/demo/assessments.csv. The numbers of ordinary rows come
// from a profile per duty (how heavy it is in a typical office) and one per
// office (how heavy each field is there, how short of staff and money it is),
// with a little seeded noise; the deliberate mismatch cases are written out by
// hand in demoCases. The CSV is the data the demo ships with and may be edited
// directly; rerunning the generator overwrites such edits:
//
//	go test ./model/demo -run TestWriteDemo -write-demo

import (
	"bytes"
	"encoding/csv"
	"flag"
	"hash/fnv"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"rpbmatrix/model"
)

// demoDir is the demo data seen from this package's folder.
const demoDir = "../../assets/demo"

var writeDemo = flag.Bool("write-demo", false, "rewrite assets/demo/assessments.csv from the generator's profiles")

// dutyProfile is a duty's load in a typical office.
type dutyProfile struct {
	fte        float64 // staff needed, full-time equivalents
	funds      float64 // 万元 a year
	reports    int     // reports a month
	assessedBy int     // departments that assess the office on it
	veto       bool    // 一票否决
	systems    int     // information systems / data feeds needed
	formal     float64 // multiplies the office's usual formalism share; 0 means 1
}

// defaultProfile is the profile of a duty not listed in dutyProfiles.
func defaultProfile(d *model.Duty) dutyProfile {
	generated := d.Source == generatedSource && d.Seq > handListEnd[d.Kind]
	switch {
	case generated && d.Kind == model.ListSupporting:
		return dutyProfile{fte: 0.1, reports: 1}
	case generated && d.Kind == model.ListBasic:
		return dutyProfile{fte: 0.2, funds: 2, reports: 1, assessedBy: 1}
	}
	switch d.Kind {
	case model.ListSupporting:
		return dutyProfile{fte: 0.4, reports: 1}
	case model.ListReturned:
		return dutyProfile{}
	}
	// The generated items of the full list (demo_gen_list_test.go): small
	// items, each a fraction of one person's time.
	return dutyProfile{fte: 0.3, funds: 3, reports: 1, assessedBy: 1}
}

// handListEnd is the last number of each list in duties.csv; the items
// after it are the generated rest of the full lists.
var handListEnd = map[model.ListKind]int{model.ListBasic: 62, model.ListSupporting: 35, model.ListReturned: 10}

// vetoBases are the stated bases of the veto items; a veto item not listed
// here has none (UNFOUNDED_VETO).
var vetoBases = map[string]string{
	"basic/10": "《云州市安全生产条例》（虚构）第十二条；临江区安全生产目标责任考核办法（虚构）",
	"basic/13": "《云州市防汛抗旱条例》（虚构）第九条",
	"basic/18": "《森林防火条例》第六条；临江区森林防火责任制考核办法（虚构）",
	"basic/55": "《中华人民共和国土地管理法》第三条；临江区耕地保护责任目标考核办法（虚构）",
}

var dutyProfiles = map[string]dutyProfile{
	"basic/1": {fte: 1.2, funds: 20, reports: 2, assessedBy: 1, formal: 1.2}, "basic/2": {fte: 1, funds: 30, reports: 1, assessedBy: 1},
	"basic/3": {fte: 0.8, funds: 15, reports: 1, assessedBy: 1}, "basic/4": {fte: 0.8, funds: 10, reports: 1, assessedBy: 1},
	"basic/5": {fte: 1, funds: 5, reports: 1, assessedBy: 1}, "basic/6": {fte: 0.8, funds: 20, reports: 1, assessedBy: 1},
	"basic/7": {fte: 0.8, funds: 10, reports: 3, assessedBy: 2}, "basic/8": {fte: 0.5, funds: 5, reports: 1, assessedBy: 1},
	"basic/9":  {fte: 0.8, funds: 10, reports: 1, assessedBy: 2},
	"basic/10": {fte: 5, funds: 60, reports: 6, assessedBy: 3, veto: true, systems: 2},
	"basic/11": {fte: 2.5, funds: 30, reports: 3, assessedBy: 2, systems: 1}, "basic/12": {fte: 1.5, funds: 15, reports: 2, assessedBy: 2},
	"basic/13": {fte: 1.5, funds: 50, reports: 2, assessedBy: 2, veto: true}, "basic/14": {fte: 2, funds: 15, reports: 2, assessedBy: 1},
	"basic/15": {fte: 5, funds: 40, reports: 4, assessedBy: 2, veto: true, systems: 1},
	"basic/16": {fte: 2.5, funds: 40, reports: 3, assessedBy: 1, systems: 2}, "basic/17": {fte: 1, funds: 30, reports: 1, assessedBy: 1},
	"basic/18": {fte: 0.3, funds: 5, reports: 1, assessedBy: 1}, "basic/19": {fte: 1, funds: 12, reports: 2, assessedBy: 1},
	"basic/20": {fte: 4, funds: 80, reports: 2, assessedBy: 2, systems: 1}, "basic/21": {fte: 5, funds: 60, reports: 2, assessedBy: 1},
	"basic/22": {fte: 3, funds: 200, reports: 4, assessedBy: 2, systems: 1}, "basic/23": {fte: 2.5, funds: 900, reports: 1, assessedBy: 1},
	"basic/24": {fte: 1, funds: 10, reports: 1, assessedBy: 1}, "basic/25": {fte: 1, funds: 15, reports: 1, assessedBy: 1},
	"basic/26": {fte: 3, funds: 400, reports: 3, assessedBy: 2}, "basic/27": {fte: 2, funds: 20, reports: 1, assessedBy: 1},
	"basic/28": {fte: 0.8, funds: 30, reports: 2, assessedBy: 1}, "basic/29": {fte: 0.5, funds: 5, reports: 1, assessedBy: 1},
	"basic/30": {fte: 4, funds: 30, reports: 6, assessedBy: 2, systems: 2},
	"basic/31": {fte: 2, funds: 10, reports: 2, assessedBy: 1, systems: 2}, "basic/32": {fte: 0.6, funds: 30, reports: 1, assessedBy: 1},
	"basic/33": {fte: 0.6, funds: 8, reports: 1, assessedBy: 1}, "basic/34": {fte: 2, funds: 120, reports: 2, assessedBy: 1},
	"basic/35": {fte: 1.5, funds: 20, reports: 2, assessedBy: 1, systems: 1}, "basic/36": {fte: 1, funds: 15, reports: 1, assessedBy: 1},
	"basic/37": {fte: 0.6, funds: 5, reports: 1, assessedBy: 1, systems: 1}, "basic/38": {fte: 0.4, funds: 3, reports: 1, assessedBy: 1},
	"basic/39": {fte: 0.6, funds: 10, reports: 1, assessedBy: 1}, "basic/40": {fte: 1, funds: 30, reports: 1, assessedBy: 1},
	"basic/41": {fte: 1.5, funds: 20, reports: 1, assessedBy: 1},
	"basic/42": {fte: 4, funds: 300, reports: 5, assessedBy: 2, systems: 2}, "basic/43": {fte: 0.5, funds: 3, reports: 1, assessedBy: 1},
	"basic/44": {fte: 0.6, funds: 10, reports: 1, assessedBy: 1}, "basic/45": {fte: 0.8, funds: 40, reports: 1, assessedBy: 1},
	"basic/46": {fte: 1.5, funds: 150, reports: 1, assessedBy: 1}, "basic/47": {fte: 1, funds: 50, reports: 1, assessedBy: 1},
	"basic/48": {fte: 2, funds: 60, reports: 2, assessedBy: 1}, "basic/49": {fte: 1.5, funds: 20, reports: 4, assessedBy: 1, systems: 1},
	"basic/50": {fte: 6, funds: 80, reports: 2, assessedBy: 1, systems: 3}, "basic/51": {fte: 3, funds: 10, reports: 2, assessedBy: 1, systems: 1},
	"basic/52": {fte: 1, funds: 5, reports: 1, assessedBy: 1}, "basic/53": {fte: 1, funds: 10, reports: 1, assessedBy: 1},
	"basic/54": {fte: 2, funds: 10, reports: 5, assessedBy: 1, systems: 1},
	"basic/55": {fte: 3, funds: 60, reports: 3, assessedBy: 3, veto: true, systems: 2}, "basic/56": {fte: 2.5, funds: 15, reports: 2, assessedBy: 2, systems: 1},
	"basic/57": {fte: 3, funds: 80, reports: 2, assessedBy: 1}, "basic/58": {fte: 2, funds: 100, reports: 4, assessedBy: 2, systems: 1},
	"basic/59": {fte: 1.5, funds: 10, reports: 1, assessedBy: 1, systems: 1}, "basic/60": {fte: 0.5, funds: 3, reports: 0, assessedBy: 1},
	"basic/61": {fte: 1.5, funds: 40, reports: 2, assessedBy: 2}, "basic/62": {fte: 2.5, funds: 260, reports: 2, assessedBy: 1},
	"supporting/1": {fte: 0.6, funds: 5, reports: 2}, "supporting/2": {fte: 1, funds: 10, reports: 2, systems: 1},
	"supporting/4": {fte: 0.5, funds: 5, reports: 1}, "supporting/6": {fte: 0.8, funds: 10, reports: 2},
	"supporting/7": {fte: 0.8, funds: 10, reports: 2}, "supporting/11": {fte: 0.6, funds: 5, reports: 1},
	"supporting/12": {fte: 2, funds: 20, reports: 2}, "supporting/14": {fte: 0.6, funds: 5, reports: 1},
	"supporting/15": {fte: 1.5, funds: 80, reports: 4}, "supporting/19": {fte: 0.8, funds: 5, reports: 1},
	"supporting/21": {fte: 0.6, funds: 5, reports: 2}, "supporting/32": {fte: 0.8, funds: 15, reports: 1},
	"supporting/33": {fte: 0.6, funds: 20, reports: 1},
}

// officeProfile is how an office differs from the typical one.
type officeProfile struct {
	load      map[string]float64 // per category, multiplies a duty's staff and money
	dutyLoad  map[string]float64 // per duty, on top of the category
	scale     float64            // multiplies every duty's staff and money: the office's overall size
	formalism float64            // usual share of hours spent on reports, evidence and apps
	staffFit  float64            // usual staff held / needed on ordinary duties
	short     map[string]float64 // staff held / needed on the duties where the office is known to be short
	fundsFit  float64            // usual funds held / needed on ordinary duties
	// trouble is where the office is short of people or money, by
	// category or "category/sub-category" (the more exact key wins).
	trouble map[string]trouble
	// burden is the share of a field's items with a heavy reporting
	// burden (reports, evidence, inspections, several systems), by
	// category or "category/sub-category".
	burden map[string]float64
	// pushed are returned items the office is still made to lead (以属地之名),
	// by name, with what the office says about it.
	pushed map[string]string
}

// trouble is how short an office is in one field: on a share of its items
// staff and money held are a fraction of what is needed.
type trouble struct {
	share float64 // of the field's items affected
	staff float64 // staff held / needed on them; 0 leaves staff as usual
	funds float64 // funds held / needed on them; 0 leaves money as usual
	// running is the money (万元 a year) an affected item needs when its
	// profile asks for none: activities, materials, services bought.
	running float64
	// unfollowed: on its supporting items the lead department transfers
	// nothing (费随事转缺失), the office pays what it can itself.
	unfollowed bool
}

// lookup finds the entry of m for a duty's field: "category/sub" first, then "category".
func lookup[T any](m map[string]T, d *model.Duty) (T, bool) {
	if v, ok := m[d.Category+"/"+d.SubCategory]; ok {
		return v, true
	}
	v, ok := m[d.Category]
	return v, ok
}

var officeProfiles = map[string]officeProfile{
	// The old town: enough people on the whole, but the powers to enforce
	// are partly on paper (有责无权 in 城市管理 and 安全生产), supervision
	// returned to departments still lands on it (环保督察、安全生产、燃气),
	// and the renovation of old estates and care for the old lack money.
	"老城街道": {
		load:     map[string]float64{"党的建设": 1, "平安建设": 1.4, "城市管理": 1.3, "民生保障": 1.4, "社区建设": 1.1, "综合保障": 1},
		dutyLoad: map[string]float64{"basic/23": 0.9},
		short:    map[string]float64{"basic/20": 0.72, "basic/21": 0.7, "basic/34": 0.75, "basic/42": 0.8, "basic/11": 0.8},
		scale:    0.62, formalism: 0.2, staffFit: 0.95, fundsFit: 0.97,
		trouble: map[string]trouble{
			"城市管理":         {share: 0.85, funds: 0.35, running: 6},
			"城市管理/住房和物业":   {share: 0.9, funds: 0.4, running: 8},
			"平安建设":         {share: 0.75, funds: 0.5, running: 5},
			"平安建设/安全生产":    {share: 0.9, staff: 0.45},
			"平安建设/消防和燃气安全": {share: 0.8, funds: 0.5, running: 5},
			"民生保障/养老服务":    {share: 1, funds: 0.45, running: 8, unfollowed: true},
			"民生保障/社会救助":    {share: 0.6, staff: 0.6},
			"民生保障/卫生健康":    {share: 0.5, funds: 0.5, running: 5, unfollowed: true},
		},
		burden: map[string]float64{"党的建设": 0.3, "综合保障/统计调查": 1, "城市管理/市容环境": 0.3},
		pushed: map[string]string{
			"餐饮服务单位监督检查":      "已收回区市场监督管理局，但沿街餐饮店日常巡查仍按属地派给街道，每月报送巡查台账和照片",
			"工业企业噪声排放监督检查":    "中央生态环境保护督察交办的噪声扰民信访件仍转街道限期办结，街道无监测设备和处罚权",
			"有限空间作业单位监督检查":    "区安委办按属地要求街道每月检查并上传照片，街道无执法权，发现隐患只能移交",
			"工贸企业监督检查":        "“打非治违”专项行动仍按属地给街道分解检查户数，街道安监办仅1人专职",
			"建筑垃圾运输企业监督检查":    "渣土车夜间偷倒由街道组织值守劝阻，执法队下沉后权责未明确",
			"瓶装燃气供应站监督检查":     "燃气安全专项整治要求街道逐户排查供应站和用户，燃气安全检查权只能部分行使",
			"住房租赁企业监督检查":      "群租房整治由街道牵头，区住房和城乡建设局只接收报告",
			"户外大型广告设施监督检查":    "户外广告安全隐患排查按属地派街道，每季度逐块拍照建档",
			"城市绿化工程监督检查":      "毁绿占绿投诉工单派街道处置，街道无处罚权，只能劝导和移交",
			"危险化学品经营单位监督检查":   "老城区加油站和危化品门店的日常巡查仍由街道按月上报，区应急管理局抽查",
			"娱乐场所监督检查":        "娱乐场所消防和未成年人保护检查按属地派给街道，每月上报检查表",
			"旅馆业监督检查":         "小旅馆和网约房治安巡查派给社区网格员，公安只接收线索",
			"养老机构监督检查":        "老城区民办养老机构的消防和食品安全检查按属地派给街道，每月检查并签订安全责任书",
			"互联网上网服务营业场所监督检查": "网吧接纳未成年人巡查按属地派给街道，发现问题只能移交",
		},
	},
	// The new town: people grew faster than staff (小马拉大车); new
	// communities without rooms or money, services for children and the
	// old lagging behind, and departments' tasks arriving without their money.
	"新区街道": {
		load:     map[string]float64{"党的建设": 0.8, "平安建设": 0.9, "城市管理": 0.9, "民生保障": 0.7, "社区建设": 1.5, "综合保障": 0.9},
		dutyLoad: map[string]float64{"basic/18": 0.5, "basic/23": 0.7},
		short: map[string]float64{"basic/10": 0.62, "basic/20": 0.7, "basic/21": 0.62, "basic/30": 0.65, "basic/48": 0.6,
			"basic/50": 0.6, "basic/22": 0.75, "basic/16": 0.75},
		scale: 0.9, formalism: 0.22, staffFit: 0.95, fundsFit: 0.98,
		trouble: map[string]trouble{
			"社区建设":       {share: 0.95, staff: 0.4, funds: 0.4, running: 8},
			"民生保障":       {share: 1, staff: 0.35, funds: 0.35, running: 6, unfollowed: true},
			"平安建设":       {share: 0.85, staff: 0.4, funds: 0.6, running: 5},
			"城市管理":       {share: 0.85, staff: 0.4, funds: 0.5, running: 5},
			"城市管理/住房和物业": {share: 1, staff: 0.4, funds: 0.5, running: 8},
			"综合保障":       {share: 0.7, staff: 0.4, funds: 0.6, running: 5},
			"党的建设":       {share: 0.5, staff: 0.55},
		},
		burden: map[string]float64{"党的建设": 0.35, "综合保障/统计调查": 1, "社区建设": 0.3},
		pushed: map[string]string{
			"建设工程质量监督检查":     "新建小区交房质量投诉按属地转街道协调，街道无检测和认定权",
			"房地产开发企业监督检查":    "开发商延期交房、配套不兑现，区里要求街道“包案化解”",
			"物业服务企业监督检查":     "46个小区的物业投诉工单派街道督办，办结率和满意率纳入街道考核",
			"校外培训机构监督检查":     "校外培训机构巡查仍下派街道，每周报送巡查记录",
			"网络订餐平台入网商户监督检查": "外卖“幽灵厨房”巡查按属地派给街道，街道发现问题无权处理",
			"商品房预售监督检查":      "未取得预售许可就收取“认筹金”的线索由街道排查上报，后续处置进度由街道向购房人解释",
			"养老机构监督检查":       "区民政局按属地要求街道每月检查辖区养老机构消防和食品安全，并签订安全责任书",
			"学校和托幼机构食堂监督检查":  "开学季食堂检查按属地分派街道陪同并上报照片，检查结果计入街道平安考核",
			"机动车维修经营者监督检查":   "汽修店占道维修和废机油投诉派街道处置，街道只能劝导和移交",
			"寄递物流企业监督检查":     "快递网点安全检查按属地派街道，每月报送检查表",
		},
	},
	// The township: the fewest mismatches; short where farming and the
	// hills are (乡村振兴, floods, forest fires) and because five of its
	// people are seconded to district projects.
	"青山镇": {
		load: map[string]float64{"党的建设": 1.1, "平安建设": 1.1, "城市管理": 0.8, "民生保障": 1, "社区建设": 1.2, "综合保障": 1.2, "乡村振兴": 1.6},
		dutyLoad: map[string]float64{"basic/18": 10, "basic/13": 1.6, "basic/22": 0.5, "basic/23": 0.35,
			"basic/30": 0.5, "basic/50": 0.8},
		short: map[string]float64{"basic/18": 0.8, "basic/57": 0.85},
		scale: 0.73, formalism: 0.16, staffFit: 0.97, fundsFit: 0.96,
		trouble: map[string]trouble{
			"乡村振兴":      {share: 0.8, staff: 0.55, funds: 0.55, running: 10},
			"平安建设/应急管理": {share: 1, staff: 0.55, funds: 0.5, running: 8},
			"平安建设/安全生产": {share: 0.6, staff: 0.6},
			"民生保障/卫生健康": {share: 0.5, funds: 0.5, running: 5, unfollowed: true},
			"民生保障/养老服务": {share: 1, staff: 0.6, funds: 0.45, running: 8, unfollowed: true},
			"城市管理/生态环境": {share: 0.8, staff: 0.5, funds: 0.5, running: 5},
		},
		burden: map[string]float64{"乡村振兴": 0.4, "综合保障/统计调查": 1},
		pushed: map[string]string{
			"河道采砂监督检查":       "河长巡河发现夜间盗采，镇里组织干部蹲守，执法权在区水利局",
			"危险废物产生单位监督检查":   "环保督察交办的小作坊废机油问题转镇里限期整改，镇无检测能力",
			"生产建设项目水土保持监督检查": "光伏和采石项目的水土流失问题由镇里巡查上报，整改督办记入镇考核",
		},
	},
}

// demoCase is a hand-written assessment: the generated row with some fields set.
type demoCase struct {
	office, duty string
	set          func(a *model.Assessment)
}

var demoCases = []demoCase{
	// 老城街道
	{"老城街道", "basic/10", func(a *model.Assessment) {
		a.StaffNeeded, a.StaffHeld, a.HoursPerMonth = 6, 4, 950
		a.AssessedBy, a.ReportsPerMonth = 5, 12
		a.FormalismHours = round0(a.HoursPerMonth * 0.42)
		a.InspectionsPerYear, a.SignOffs, a.Apps, a.WorkGroups, a.DuplicateEntry = 14, 3, 4, 6, 3
		a.SystemsHeld = a.SystemsNeeded - 1 // the district's hazard data are not shared with the street
		a.Notes = "区应急管理局、区安委办、消防、住建、市场监管分别检查考核；隐患排查APP每日打卡、台账月报，处罚权未委托，发现问题只能移交"
	}},
	{"老城街道", "basic/15", func(a *model.Assessment) {
		a.StaffNeeded, a.StaffHeld, a.HoursPerMonth, a.FormalismHours, a.Incidents = 7.5, 4, 1200, 260, 1
		a.Notes = "2025年受理来信来访1260件次，全区最高；专职信访干部4人，重点时段抽调其他科室人员驻京驻省"
	}},
	{"老城街道", "basic/18", func(a *model.Assessment) {
		*a = model.Assessment{Meta: a.Meta, Office: a.Office, Duty: a.Duty, Role: model.RoleLead, AssessedBy: 1,
			Notes: "辖区无林地和林区，近一年无实际工作量；清单沿用全区统一模板"}
	}},
	{"老城街道", "basic/25", func(a *model.Assessment) {
		a.Incidents, a.AssessedBy = 2, 2
		a.Notes = "中央生态环境保护督察交办油烟扰民信访件，街道两次被约谈问责；无检测设备，处罚权接不住"
	}},
	{"老城街道", "basic/26", func(a *model.Assessment) {
		a.FundsNeeded, a.FundsHeld = 420, 160
		a.Notes = "2025年改造小区9个；区级配套资金未足额下达，居民出资和管线单位出资难以落实"
	}},
	{"老城街道", "supporting/6", func(a *model.Assessment) {
		a.Role, a.AssessedBy, a.ReportsPerMonth = model.RoleLead, 3, 10
		a.HoursPerMonth, a.FormalismHours, a.StaffNeeded, a.StaffHeld = 420, 150, 2.6, 2.4
		a.Notes = "无电梯老旧楼栋多，楼道停放和飞线充电整治实际由街道牵头；区里按楼道清理率周排名通报"
	}},
	{"老城街道", "supporting/12", func(a *model.Assessment) {
		a.Role, a.AssessedBy, a.Incidents = model.RoleLead, 2, 2
		a.HoursPerMonth, a.FormalismHours, a.StaffNeeded, a.StaffHeld = 640, 90, 4, 3.5
		a.Notes = "征收项目实行“街道包干”，签约率纳入街道年度考核；因群体性上访两次被问责"
	}},
	{"老城街道", "supporting/15", func(a *model.Assessment) {
		a.HoursPerMonth, a.FormalismHours, a.ReportsPerMonth = 480, 250, 12
		a.FundsNeeded, a.FundsHeld = 110, 45
		a.FundsDistrict, a.FundsTransferred, a.FundsSelf = 20, 0, 25 // 区文明办 transfers nothing
		a.Notes = "测评前集中迎检，点位台账、整改照片和佐证材料占大量工时；创建经费按点位包干，缺口由街道自筹"
	}},
	{"老城街道", "returned/5", func(a *model.Assessment) {
		a.Role, a.HoursPerMonth, a.FormalismHours, a.StaffNeeded, a.StaffHeld = model.RoleLead, 150, 30, 1, 0.8
		a.Notes = "证明事项已收回，但银行、学校等仍要求社区开具；2025年社区开具居住、亲属关系等证明1180份"
	}},
	// 新区街道
	{"新区街道", "basic/10", func(a *model.Assessment) {
		a.Notes = "处罚权已下放，但街道无持证安全生产执法人员，发现违法行为仍移交区应急管理局"
	}},
	{"新区街道", "basic/12", func(a *model.Assessment) {
		a.Incidents = 2
		a.Notes = "2025年辖区餐饮店燃气爆燃事故后街道分管领导和安监办主任被问责；燃气安全检查权未下放街道"
	}},
	{"新区街道", "basic/27", func(a *model.Assessment) {
		a.StaffNeeded, a.StaffHeld, a.HoursPerMonth = 4.5, 2, 720
		a.Notes = "46个商品房小区，物业纠纷和业委会组建诉求集中，仅有2名物业管理专干"
	}},
	{"新区街道", "basic/30", func(a *model.Assessment) {
		a.ReportsPerMonth = 15
		a.FormalismHours = round0(a.HoursPerMonth * 0.38)
		a.Notes = "12345工单回访满意率实行日报和周通报排名，工单办结后需补录照片和回访记录"
	}},
	{"新区街道", "basic/42", func(a *model.Assessment) {
		a.StaffNeeded, a.StaffHeld, a.FundsNeeded, a.FundsHeld = 9, 5, 380, 250
		a.FundsDistrict, a.FundsTransferred, a.FundsSelf = 230, 0, 20
		a.HoursPerMonth, a.FormalismHours, a.ReportsPerMonth = 1440, 600, 6
		a.Apps, a.WorkGroups, a.DuplicateEntry, a.CheckIns = 5, 9, 3, 60
		a.Notes = "人口年增8%，网格员按2020年人口核定未调整；网格APP巡查打卡、拍照上报占用大量时间"
	}},
	{"新区街道", "basic/48", func(a *model.Assessment) {
		a.FundsNeeded, a.FundsHeld = 120, 30
		a.Notes = "3个新建小区配套社区用房未移交，新组建社区租用临时用房，租金和开办费无专项经费"
	}},
	{"新区街道", "supporting/1", func(a *model.Assessment) {
		a.Role, a.AssessedBy, a.Incidents, a.ReportsPerMonth = model.RoleLead, 3, 1, 9
		a.HoursPerMonth, a.StaffNeeded, a.StaffHeld = 260, 1.6, 1.2
		a.FormalismHours = round0(a.HoursPerMonth * 0.45)
		a.Notes = "区里按国家反诈中心APP注册率、预警劝阻率对街道排名，劝阻不成功发案即通报"
	}},
	{"新区街道", "returned/1", func(a *model.Assessment) {
		a.Role, a.AssessedBy, a.HoursPerMonth, a.StaffNeeded, a.StaffHeld = model.RoleLead, 2, 240, 1.5, 1.5
		a.FormalismHours, a.ReportsPerMonth = 40, 2
		a.Notes = "清单已收回，但区经济责任制考核仍给街道下达招商引资任务5亿元"
	}},
	// 青山镇
	{"青山镇", "basic/13", func(a *model.Assessment) {
		a.FundsNeeded, a.FundsHeld = 160, 60
		a.Notes = "山洪灾害预警设施维护、转移安置点和抢险物资经费缺口大，区级补助每年60万元"
	}},
	{"青山镇", "basic/18", func(a *model.Assessment) {
		a.Veto, a.VetoBasis = true, vetoBases["basic/18"]
		a.Notes = "山林4.1万亩，森林防火期（11月至次年4月）实行一票否决；护林员42人由镇统一管理"
	}},
	{"青山镇", "basic/55", func(a *model.Assessment) {
		a.StaffNeeded, a.StaffHeld, a.SystemsHeld, a.AssessedBy = 5, 3, 1, 4
		a.Notes = "卫片执法图斑逐一核查整改，耕地保护实行一票否决；违法占地处罚权下放后因无测绘和执法人员接不住"
	}},
	{"青山镇", "basic/58", func(a *model.Assessment) {
		a.ReportsPerMonth = 10
		a.FormalismHours = round0(a.HoursPerMonth * 0.4)
		a.Apps, a.DuplicateEntry, a.InspectionsPerYear = 3, 4, 8
		a.Notes = "防返贫监测系统月度数据比对、入户核查表和帮扶手册多头填报"
	}},
	{"青山镇", "basic/62", func(a *model.Assessment) {
		a.FundsNeeded, a.FundsHeld = 300, 180
		a.Notes = "19个行政村生活垃圾收运和公厕管护费用，区级以奖代补资金不足"
	}},
	{"青山镇", "supporting/21", func(a *model.Assessment) {
		a.Role, a.AssessedBy, a.HoursPerMonth, a.StaffNeeded, a.StaffHeld = model.RoleLead, 2, 280, 1.8, 1.5
		a.Notes = "区医保局按参保率对镇排名，低于95%扣分；镇干部包村上门动员外出务工人员参保"
	}},
	{"青山镇", "supporting/27", func(a *model.Assessment) {
		*a = model.Assessment{Meta: a.Meta, Office: a.Office, Duty: a.Duty, Role: model.RoleSupport,
			Notes: "镇内无娱乐场所和旅行社，近一年无巡查任务"}
	}},
	{"青山镇", "returned/2", func(a *model.Assessment) {
		a.Incidents, a.HoursPerMonth = 1, 12
		a.Notes = "已收回区住建局，但2025年镇区在建工地事故后镇分管领导仍被问责"
	}},
}

func round0(x float64) float64 { return math.Round(x) }

func roundFunds(x float64) float64 {
	if x < 10 {
		return math.Max(0.5, math.Round(x*2)/2)
	}
	return math.Round(x)
}
func round1(x float64) float64 { return math.Round(x*10) / 10 }

// generateDemoAssessments returns the assessments of every (office, duty in
// its list), in office then list order.
func generateDemoAssessments(l *demoLoader) []*model.Assessment {
	cases := map[[2]string]func(*model.Assessment){}
	for _, c := range demoCases {
		cases[[2]string{c.office, c.duty}] = c.set
	}
	var out []*model.Assessment
	for _, o := range l.p.OfficeList() {
		prof := officeProfiles[o.Name]
		for _, d := range l.p.DutiesOf(o.ID) {
			key := dutyKey{d.Kind, d.Seq}.String()
			a := generateAssessment(o, d, key, prof)
			a.Meta = l.newMeta("assessment", o.Name, key)
			if set := cases[[2]string{o.Name, key}]; set != nil {
				set(a)
				if a.FundsSourced() != a.FundsHeld {
					// The case changed the money held and not where it comes from.
					a.FundsDistrict, a.FundsTransferred, a.FundsSelf = 0, 0, 0
					splitFunds(a, d, rand.New(rand.NewSource(1)))
				}
			}
			out = append(out, a)
		}
	}
	return out
}

func generateAssessment(o *model.Office, d *model.Duty, key string, prof officeProfile) *model.Assessment {
	h := fnv.New64a()
	h.Write([]byte(o.Name + "|" + key))
	r := rand.New(rand.NewSource(int64(h.Sum64())))
	noise := func(spread float64) float64 { return 1 + (r.Float64()*2-1)*spread }

	dp, ok := dutyProfiles[key]
	if !ok {
		dp = defaultProfile(d)
	}
	load := prof.load[d.Category]
	if load == 0 {
		load = 1
	}
	if x, ok := prof.dutyLoad[key]; ok {
		load *= x
	}
	load *= prof.scale
	a := &model.Assessment{Office: o.ID, Duty: d.ID, Role: model.RoleLead,
		AssessedBy: dp.assessedBy, Veto: dp.veto, SystemsNeeded: dp.systems, SystemsHeld: dp.systems}
	if a.Veto {
		a.VetoBasis = vetoBases[key]
	}
	if d.Kind == model.ListReturned {
		if note, ok := prof.pushed[d.Name]; ok {
			return pushedDown(a, note, load, r)
		}
		// Returned items: the office only spots and reports problems.
		a.Role = model.RoleSupport
		a.HoursPerMonth = float64(2 + r.Intn(5))
		return a
	}
	// Burden indicators below every threshold; the cases raise them.
	a.InspectionsPerYear, a.SignOffs = r.Intn(dp.assessedBy*2+1), r.Intn(2)
	a.Apps, a.WorkGroups, a.DuplicateEntry = r.Intn(3), 1+r.Intn(3), r.Intn(2)
	if d.Category == "社区建设" || d.Category == "平安建设" {
		a.CheckIns = r.Intn(25)
	}
	if d.Kind == model.ListSupporting {
		a.Role = model.RoleSupport
	}
	t, troubled := lookup(prof.trouble, d)
	troubled = troubled && r.Float64() < t.share
	poor := troubled && t.funds > 0 // short of money too
	a.StaffNeeded = round1(math.Max(0.1, dp.fte*load*noise(0.15)))
	if fit, ok := prof.short[key]; ok {
		a.StaffHeld = round1(a.StaffNeeded * fit)
	} else if troubled && t.staff > 0 && a.StaffNeeded >= minShortStaff {
		a.StaffHeld = round1(a.StaffNeeded * t.staff * noise(0.15))
		// One shortage an item is enough to show the field's trouble;
		// money is short beside it only where a department's did not follow.
		poor = t.unfollowed && d.Kind == model.ListSupporting
	} else {
		// Round up: on ordinary duties the office is a little short, never
		// short enough to be a finding because of rounding to 0.1.
		a.StaffHeld = math.Ceil(a.StaffNeeded*math.Min(1, prof.staffFit*noise(0.04))*10) / 10
	}
	a.HoursPerMonth = round0(a.StaffNeeded * 160 * noise(0.08))
	share := math.Min(0.28, prof.formalism*nonzero(dp.formal)*noise(0.25))
	a.FormalismHours = round0(a.HoursPerMonth * share)
	a.ReportsPerMonth = max(0, dp.reports+r.Intn(3)-1)
	if b, ok := lookup(prof.burden, d); ok && r.Float64() < b {
		heavyReporting(a, d, r)
	}
	if dp.funds > 0 {
		// Budgets are set in whole 万元 (half 万元 below 10) and are usually
		// either granted as asked or trimmed a little.
		a.FundsNeeded = roundFunds(dp.funds * load * noise(0.15))
	}
	if poor {
		a.FundsNeeded = max(a.FundsNeeded, roundFunds(t.running*noise(0.2)))
	}
	if a.FundsNeeded > 0 {
		switch {
		case poor:
			a.FundsHeld = math.Min(a.FundsNeeded, roundFunds(a.FundsNeeded*t.funds*noise(0.15)))
		case r.Float64() < 0.3:
			a.FundsHeld = math.Min(a.FundsNeeded, roundFunds(a.FundsNeeded*prof.fundsFit*noise(0.03)))
		default:
			a.FundsHeld = a.FundsNeeded
		}
	}
	splitFunds(a, d, r)
	if troubled && t.unfollowed && a.FundsTransferred > 0 {
		// The lead department's money did not come: what the office has, it raised itself.
		a.FundsSelf, a.FundsTransferred = a.FundsSelf+a.FundsTransferred, 0
	}
	if a.SystemsNeeded > 1 && r.Float64() < 0.3 {
		a.SystemsHeld--
	}
	return a
}

// minShortStaff is the least staff an item must need to be short of
// people: a fraction of one person's time is found somewhere, and a
// shortfall of a few hours a month is no finding a meeting can act on.
const minShortStaff = 0.3

// pushedDown makes a returned item the office is still made to lead: the
// department that took it back still has the office inspect and report,
// and counts it in the office's assessment, with no people or money.
func pushedDown(a *model.Assessment, note string, load float64, r *rand.Rand) *model.Assessment {
	a.Role, a.AssessedBy, a.Notes = model.RoleLead, 2+r.Intn(2), note
	a.StaffNeeded = round1(math.Max(0.3, 0.6*load*(0.8+0.4*r.Float64())))
	a.StaffHeld = round1(a.StaffNeeded * 0.2 * r.Float64())
	a.HoursPerMonth = round0(a.StaffNeeded * 160)
	a.FormalismHours = round0(a.HoursPerMonth * (0.2 + 0.15*r.Float64()))
	a.ReportsPerMonth, a.InspectionsPerYear, a.WorkGroups = 2+r.Intn(4), 2+r.Intn(4), 1+r.Intn(2)
	return a
}

// heavyReporting gives an item the reporting burden of the fields where it
// concentrates: reports and evidence every week, inspections, and for
// statistics the same figures entered into several systems.
func heavyReporting(a *model.Assessment, d *model.Duty, r *rand.Rand) {
	a.FormalismHours = round0(a.HoursPerMonth * (0.32 + 0.16*r.Float64()))
	a.ReportsPerMonth = 6 + r.Intn(7)
	if r.Float64() < 0.5 {
		a.InspectionsPerYear = 5 + r.Intn(6)
	}
	if d.SubCategory == "统计调查" {
		a.DuplicateEntry, a.Apps = 2+r.Intn(3), 2+r.Intn(3)
	}
}

// splitFunds says where the money held comes from: on a supporting item the
// lead department transfers most of it (费随事转); otherwise the district
// budget, with a little raised by the office itself.
func splitFunds(a *model.Assessment, d *model.Duty, r *rand.Rand) {
	if a.FundsHeld == 0 {
		return
	}
	self := 0.0
	if r.Float64() < 0.25 {
		self = roundFunds(a.FundsHeld * 0.2)
	}
	a.FundsSelf = math.Min(self, a.FundsHeld)
	rest := a.FundsHeld - a.FundsSelf
	if d.Kind == model.ListSupporting && d.LeadDept != "" {
		a.FundsTransferred = rest
	} else {
		a.FundsDistrict = rest
	}
}

func nonzero(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}

// encodeDemoAssessments writes assessments in the CSV form loadAssessments reads.
func encodeDemoAssessments(l *demoLoader, as []*model.Assessment) []byte {
	var buf bytes.Buffer
	buf.WriteString("\xef\xbb\xbf")
	w := csv.NewWriter(&buf)
	w.Write(assessmentColumns)
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	yes := func(b bool) string {
		if b {
			return yesWords[0]
		}
		return noWords[0]
	}
	for _, a := range as {
		o, d := l.p.Offices[a.Office], l.p.Duties[a.Duty]
		w.Write([]string{o.Name, d.Kind.Name().In("zh"), strconv.Itoa(d.Seq), d.Name, a.Role.Name().In("zh"),
			strconv.Itoa(a.AssessedBy), yes(a.Veto), strconv.Itoa(a.Incidents), num(a.HoursPerMonth), num(a.FormalismHours),
			strconv.Itoa(a.ReportsPerMonth), num(a.StaffNeeded), num(a.StaffHeld), num(a.FundsNeeded), num(a.FundsHeld),
			strconv.Itoa(a.SystemsNeeded), strconv.Itoa(a.SystemsHeld),
			a.VetoBasis, strconv.Itoa(a.InspectionsPerYear), strconv.Itoa(a.SignOffs), strconv.Itoa(a.Apps),
			strconv.Itoa(a.WorkGroups), strconv.Itoa(a.DuplicateEntry), strconv.Itoa(a.CheckIns),
			num(a.FundsDistrict), num(a.FundsTransferred), num(a.FundsSelf), a.Notes})
	}
	w.Flush()
	return buf.Bytes()
}

// TestWriteDemoAssessments rewrites assets/demo/assessments.csv when run with -write-demo.
func TestWriteDemoAssessments(t *testing.T) {
	if !*writeDemo {
		t.Skip("run with -write-demo to rewrite assets/demo/assessments.csv")
	}
	// Read the files on disk, not the embedded copies, so edits made since the last build count.
	l := &demoLoader{fsys: os.DirFS(demoDir), offices: map[string]*model.Office{},
		authorities: map[string]*model.Authority{}, duties: map[dutyKey]*model.Duty{}}
	for _, step := range []func() error{l.info, l.loadOffices, l.loadAuthorities, l.loadDuties, l.loadHoldings} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	as := generateDemoAssessments(l)
	if err := os.WriteFile(filepath.Join(demoDir, demoAssessmentsFile), encodeDemoAssessments(l, as), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, o := range l.p.OfficeList() {
		var need, held, fneed, fheld, hours float64
		for _, a := range as {
			if a.Office == o.ID {
				need += a.StaffNeeded
				held += a.StaffHeld
				fneed += a.FundsNeeded
				fheld += a.FundsHeld
				hours += a.HoursPerMonth
			}
		}
		t.Logf("%s: staff needed %.1f held %.1f (actual %d); funds needed %.0f held %.0f (budget %.0f); hours %.0f",
			o.Name, need, held, o.StaffAvailable(), fneed, fheld, o.BudgetWan, hours)
	}
}
