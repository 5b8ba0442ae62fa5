package demo

// This file writes assets/demo/duties_full.csv: the rest of the three lists,
// so that the demo's lists have the national proportions (issue 12: about
// 117 basic, 99 supporting and 124 returned items per township, the
// returned list the largest). The hand-written catalogue (duties.csv) holds
// the items the mismatch cases are about; this file fills the lists around
// them with plausible items composed from a vocabulary of departments,
// sub-categories and objects:
//
//	go test ./model/demo -run 'TestWriteDemo' -write-demo
//
// Returned items apply to every office, and so do supporting items but
// for the rural ones (farm roads, the farm census), which townships alone
// carry, and the urban ones (urban renewal, city systems), which street
// offices alone carry: each kind of office carries about 99. The generated
// basic items other than party building apply to 老城街道 only, which so
// carries a full list of about 340 items.

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rpbmatrix/model"
)

// fullListOffice is the office whose whole list the demo carries.
const fullListOffice = "老城街道"

const generatedSource = "云州市乡镇（街道）履行职责事项指导目录（2024年版，虚构）"

// partyItems are the generated party-building items of every office.
var partyItems = []struct{ sub, name string }{
	{"组织建设", "加强社区（村）党组织书记队伍建设，做好后备干部培养"},
	{"党员教育管理", "做好发展党员和党员组织关系接转工作"},
	{"党员教育管理", "做好流动党员和离退休党员服务管理"},
	{"组织建设", "向“两新”组织选派党建指导员，指导规范组织生活"},
	{"组织建设", "推进党建引领物业服务管理，建设“红色物业”"},
	{"组织建设", "组织区域化党建联席会议，推进共驻共建项目"},
	{"党员教育管理", "设立党员先锋岗，组织在职党员志愿服务"},
	{"党员教育管理", "开展党内关怀帮扶，走访慰问困难党员和老党员"},
	{"组织建设", "做好党费收缴、使用和管理"},
	{"组织建设", "督导基层党组织落实“三会一课”和组织生活会制度"},
	{"党风廉政建设", "推进党务公开和居（村）务公开"},
	{"组织建设", "研判社区（村）“两委”班子运行情况"},
	{"宣传思想", "组建新时代文明实践志愿服务队伍"},
	{"宣传思想", "做好网络意识形态和涉街道舆情引导"},
	{"党风廉政建设", "建设基层纪检监察联络站（点）"},
	{"宣传思想", "建设红色文化阵地，组织党史学习教育"},
}

// basicItems are the generated basic items of the full-list office; req
// names the authorities an item needs (；-separated, as in duties.csv).
var basicItems = []struct{ category, sub, dept, name, req string }{
	{"平安建设", "社会治安", "区委政法委", "开展人员密集场所安全巡查", "消防安全检查（九小场所）"},
	{"平安建设", "应急管理", "区应急管理局", "组织应急演练，管理应急避难场所", ""},
	{"平安建设", "社会治安", "区委政法委", "落实重大活动期间安全稳定工作", ""},
	{"平安建设", "消防和燃气安全", "区消防救援大队", "开展高层建筑消防安全排查", "消防安全检查（九小场所）；吹哨召集权"},
	{"平安建设", "安全生产", "区应急管理局", "开展有限空间和动火作业安全提示", "安全生产监督检查；对生产经营单位安全生产一般违法行为的行政处罚"},
	{"平安建设", "安全生产", "区市场监督管理局", "开展老旧电梯和地下空间安全巡查", ""},
	{"平安建设", "消防和燃气安全", "区消防救援大队", "建设管理社区（村）微型消防站", ""},
	{"平安建设", "矛盾纠纷化解", "区信访局", "落实重点人员走访和稳控", ""},
	{"城市管理", "市容环境", "区城市管理局", "开展背街小巷环境整治", "联合执法指挥调度权；对占道经营的行政处罚"},
	{"城市管理", "市容环境", "区城市管理局", "组织公共厕所日常管护", ""},
	{"城市管理", "城市运行", "区城市管理局", "引导共享单车规范停放", ""},
	{"城市管理", "住房和物业", "区住房和城乡建设局", "协调推进老旧小区加装电梯", "规划参与权；下沉人员资金统筹权"},
	{"城市管理", "市容环境", "区城市管理局", "组织“美丽庭院”“美丽楼道”创建", ""},
	{"城市管理", "城市运行", "区城市运行管理中心", "协调架空线缆整治", "联合执法指挥调度权；吹哨召集权"},
	{"城市管理", "城市运行", "区公安分局交通警察大队", "挖潜停车资源，推进停车设施错时共享", "规划参与权"},
	{"城市管理", "市容环境", "区城市管理局", "开展城市绿地日常养护巡查", "联合执法指挥调度权"},
	{"民生保障", "社会救助", "区民政局", "开展低收入人口动态监测", ""},
	{"民生保障", "养老服务", "区民政局", "组织社区老年助餐服务", ""},
	{"民生保障", "社会救助", "区残疾人联合会", "开展残疾人康复和辅具适配服务", ""},
	{"民生保障", "卫生健康", "区卫生健康委员会", "组织社区普惠托育服务", ""},
	{"民生保障", "社会救助", "区民政局", "做好困难群众冬季取暖救助", ""},
	{"民生保障", "文化和社会事务", "区文化和旅游局", "组织全民健身和群众文化活动", ""},
	{"民生保障", "社会救助", "区民政局", "做好流浪乞讨人员发现、劝导和护送救助", ""},
	{"民生保障", "就业和社会保障", "区人力资源和社会保障局", "建设社区就业服务站，开展零工对接", ""},
	{"社区建设", "基层自治", "区委社会工作部", "组织社区“大党委”共建单位议事", ""},
	{"社区建设", "基层自治", "区民政局", "组建楼门院长和居民骨干队伍", ""},
	{"社区建设", "社会组织和志愿服务", "区委社会工作部", "实行社区志愿服务积分管理", ""},
	{"社区建设", "网格化服务管理", "区政务服务和数据管理局", "推进智慧社区平台应用", ""},
	{"社区建设", "社区服务", "区民政局", "组织邻里节和睦邻活动", ""},
	{"社区建设", "社区服务", "区委社会工作部", "开展社区服务“好差评”", ""},
	{"社区建设", "社区服务设施", "区民政局", "管理社区（村）公共服务设施的开放和使用", ""},
	{"综合保障", "机关运行", "区机关事务管理局", "做好机关后勤和公务用车管理", ""},
	{"综合保障", "政务服务", "区政府办公室", "办理政府信息公开申请，推进政务公开", ""},
	{"综合保障", "机关运行", "区人大常委会办公室", "做好人大代表联络站服务", ""},
	{"综合保障", "机关运行", "区政协办公室", "做好政协委员履职服务", ""},
	{"综合保障", "机关运行", "区司法局", "落实法治政府建设，开展行政规范性文件合法性审查", ""},
	{"综合保障", "财政和资产管理", "区财政局", "做好政府采购和合同管理", ""},
	{"综合保障", "财政和资产管理", "区财政局", "做好街道（乡镇）财务公开", ""},
	{"综合保障", "经济服务", "区发展和改革局", "组织营商环境“服务专员”走访企业", ""},
	{"综合保障", "经济服务", "区商务局", "做好老字号和特色街区培育", ""},
	{"综合保障", "机关运行", "区委办公室", "做好督查督办和重点工作推进", ""},
	{"综合保障", "机关运行", "区委编办", "做好机构编制和人员实名制管理", ""},
	{"平安建设", "矛盾纠纷化解", "区司法局", "建设街道公共法律服务工作站", ""},
	{"平安建设", "社会治安", "区委政法委", "推进平安社区和“无访社区”创建", ""},
	{"城市管理", "城市运行", "区城市运行管理中心", "做好冬季除雪铲冰和极端天气城市运行保障", ""},
	{"城市管理", "住房和物业", "区住房和城乡建设局", "推进无物业老旧小区准物业管理", "指导业主大会成立和业主委员会选举；下沉人员资金统筹权"},
	{"民生保障", "养老服务", "区民政局", "建设街道养老服务综合体", "下沉人员资金统筹权；规划参与权"},
	{"民生保障", "儿童关爱", "区妇女儿童工作委员会办公室", "建设儿童友好社区和“四点半课堂”", ""},
	{"社区建设", "社区减负", "区委社会工作部", "清理规范社区（村）工作群和政务APP", ""},
	{"社区建设", "社区工作者队伍", "区委社会工作部", "组织社区工作者职业体系建设和轮岗交流", ""},
}

// domain is a department's field: the objects it supervises and which
// supporting work it asks of the offices about them.
type domain struct {
	category, sub, dept string
	objects             []string // supervised objects, for returned items
	support             []string // supporting work of every office, "配合" + this
	rural               []string // supporting work of townships only
	urban               []string // supporting work of street offices only
}

var domains = []domain{
	{"平安建设", "食品药品安全", "区市场监督管理局",
		[]string{"食品生产企业", "食品销售经营者", "餐饮服务单位", "学校和托幼机构食堂", "网络订餐平台入网商户", "药品零售企业", "医疗器械经营企业", "化妆品经营者"},
		[]string{"开展食品安全宣传周活动", "做好节日期间食品安全巡查", "做好小餐饮店和食品小作坊信息摸底"},
		[]string{"做好农村集体聚餐食品安全备案指导"}, nil},
	{"综合保障", "市场监管", "区市场监督管理局",
		[]string{"商品交易市场", "计量器具使用单位", "广告发布者", "产品质量", "电梯维护保养单位", "加油站"},
		[]string{"做好消费纠纷调解和投诉转办", "做好“双随机”抽查的属地配合"}, nil, nil},
	{"平安建设", "安全生产", "区应急管理局",
		[]string{"危险化学品经营单位", "烟花爆竹经营单位", "工贸企业", "有限空间作业单位", "粉尘涉爆企业"},
		[]string{"做好安全生产月活动", "做好企业安全生产信息采集", "做好危险化学品企业周边风险排查", "做好自然灾害风险普查"}, nil, nil},
	{"城市管理", "住房和物业", "区住房和城乡建设局",
		[]string{"建筑市场", "房地产开发企业", "物业服务企业", "商品房预售", "住房租赁企业", "建设工程质量"},
		[]string{"做好保障性住房资格初审", "做好住房租赁登记备案宣传", "做好房屋安全鉴定的入户配合"},
		nil, []string{"做好城市更新项目意见征询"}},
	{"城市管理", "交通运输", "区交通运输局",
		[]string{"道路客运经营者", "出租汽车和网约车经营者", "机动车维修经营者", "机动车驾驶员培训机构", "道路货物运输经营者"},
		[]string{"做好公交站点设置意见征询"},
		[]string{"做好农村公路“路长制”巡查"}, nil},
	{"城市管理", "生态环境", "区生态环境分局",
		[]string{"建设项目环境影响评价", "工业企业噪声排放", "危险废物产生单位", "机动车排气污染", "医疗废物处置单位"},
		[]string{"做好中央和省生态环境保护督察信访件办理", "做好重污染天气应急管控", "做好第二次污染源普查更新"}, nil, nil},
	{"民生保障", "卫生健康", "区卫生健康委员会",
		[]string{"医疗机构执业", "职业卫生", "放射诊疗", "生活饮用水卫生", "母婴保健技术服务"},
		[]string{"做好老年人健康体检组织", "做好传染病防控和疫苗接种宣传", "做好无偿献血动员", "做好健康城市建设"}, nil, nil},
	{"民生保障", "教育", "区教育局",
		[]string{"校外培训机构", "民办学校", "幼儿园办园行为"},
		[]string{"做好适龄儿童入学信息核查", "做好校园周边环境整治", "做好控辍保学劝返"}, nil, nil},
	{"民生保障", "文化和社会事务", "区文化和旅游局",
		[]string{"娱乐场所", "互联网上网服务营业场所", "旅行社", "出版物经营单位", "文物保护单位"},
		[]string{"做好公共文化设施免费开放", "做好非物质文化遗产项目申报", "做好“扫黄打非”进基层"}, nil, nil},
	{"民生保障", "就业和社会保障", "区人力资源和社会保障局",
		[]string{"用人单位劳动用工", "人力资源服务机构", "社会保险基金使用"},
		[]string{"做好就业失业登记", "做好灵活就业人员参保宣传", "做好高校毕业生就业见习"}, nil, nil},
	{"综合保障", "规划建设", "区自然资源和规划局",
		[]string{"不动产登记", "测绘活动", "建设工程规划许可"},
		[]string{"做好国土变更调查的实地核查", "做好地名标志设置和维护"}, nil, nil},
	{"城市管理", "水务", "区水利局",
		[]string{"取水许可", "河道采砂", "生产建设项目水土保持"},
		[]string{"做好节水型社区创建"},
		[]string{"做好农村饮水安全工程日常巡查"}, []string{"做好二次供水设施巡查"}},
	{"城市管理", "市容环境", "区城市管理局",
		[]string{"建筑垃圾运输企业", "瓶装燃气供应站", "城市绿化工程", "户外大型广告设施"},
		[]string{"做好城市管理综合考评迎检", "做好数字城管案件核查", "做好“厕所革命”项目推进"}, nil, nil},
	{"平安建设", "社会治安", "区公安分局",
		[]string{"旅馆业", "印章刻制业", "保安服务公司", "寄递物流企业", "典当和二手手机回收业"},
		[]string{"做好实有人口信息采集", "做好校园和医院安保联防", "做好群防群治队伍组织", "做好网约房治安管理"}, nil, nil},
	{"平安建设", "消防和燃气安全", "区消防救援大队",
		[]string{"消防技术服务机构", "公众聚集场所", "大型群众性活动"},
		[]string{"做好消防宣传“五进”", "做好“打通生命通道”行动"}, nil, nil},
	{"民生保障", "社会救助", "区民政局",
		[]string{"养老机构", "社会组织", "殡葬服务单位"},
		[]string{"做好婚姻登记和婚俗改革宣传", "做好慈善募捐和“慈善一日捐”组织", "做好福利彩票销售点管理"}, nil, nil},
	{"综合保障", "统计调查", "区统计局",
		[]string{"统计调查对象"},
		[]string{"做好劳动力调查和住户调查", "做好投资项目统计和入库"},
		[]string{"做好农业普查入户登记", "做好农作物播种面积和产量抽样调查"}, nil},
	{"综合保障", "财政和资产管理", "区税务局",
		[]string{"纳税人纳税申报"},
		[]string{"做好个人所得税汇算清缴宣传", "做好社会保险费征缴宣传"}, nil, nil},
	{"社区建设", "社区服务", "区卫生健康委员会",
		nil,
		[]string{"做好人口家庭服务和生育支持政策宣传", "做好托育机构备案信息核查"}, nil, nil},
	{"社区建设", "基层自治", "区委社会工作部",
		nil,
		[]string{"做好社会工作服务站建设", "做好新就业群体服务站点建设"}, nil, nil},
	{"综合保障", "人民武装", "区退役军人事务局",
		nil,
		[]string{"做好烈士纪念设施日常管护", "做好退役军人信息采集"}, nil, nil},
	{"民生保障", "就业和社会保障", "区医疗保障局",
		nil,
		[]string{"做好医疗救助对象身份信息核查", "做好长期护理保险政策宣传", "做好定点医药机构异常结算线索报告"}, nil, nil},
	{"城市管理", "城市运行", "区城市运行管理中心",
		nil,
		[]string{"做好地下管线施工安全巡查报告"},
		nil, []string{"做好城市生命线安全监测点位巡查", "做好城市体检入户调查"}},
	{"平安建设", "应急管理", "区气象局",
		nil,
		[]string{"做好气象灾害预警信息传递", "做好气象信息员队伍管理"}, nil, nil},
	{"综合保障", "经济服务", "区商务局",
		nil,
		[]string{"做好商贸企业统计和消费券发放", "做好成品油市场和报废机动车回收行业巡查报告", "做好外贸企业走访和订单监测"},
		nil, []string{"做好商务楼宇企业走访和楼宇经济统计"}},
}

// returnedForms turn a supervised object into a returned item.
var returnedForms = []string{"%s监督检查", "对%s违法行为的行政处罚"}

// returnedRequired are the authorities a returned item needs, by name: what
// an office made to lead it after all (以属地之名) would have to hold.
var returnedRequired = map[string]string{
	"有限空间作业单位监督检查":   "安全生产监督检查；对生产经营单位安全生产一般违法行为的行政处罚",
	"工贸企业监督检查":       "安全生产监督检查；对生产经营单位安全生产一般违法行为的行政处罚",
	"危险化学品经营单位监督检查":  "安全生产监督检查；对生产经营单位安全生产一般违法行为的行政处罚",
	"瓶装燃气供应站监督检查":    "燃气安全检查",
	"建筑垃圾运输企业监督检查":   "联合执法指挥调度权；对违反生活垃圾管理规定的行政处罚",
	"户外大型广告设施监督检查":   "对擅自设置户外广告的行政处罚",
	"城市绿化工程监督检查":     "联合执法指挥调度权",
	"工业企业噪声排放监督检查":   "吹哨召集权",
	"危险废物产生单位监督检查":   "吹哨召集权",
	"生产建设项目水土保持监督检查": "吹哨召集权",
}

// penaltiesPerDomain is how many of a domain's objects also give a returned
// penalty item: enough for a returned list of about 124 items.
const penaltiesPerDomain = 3

// generatedDuty is one row of duties_full.csv.
type generatedDuty struct {
	kind                               model.ListKind
	category, sub, name, dept, sc, req string
}

// generateFullList composes the generated rows, numbered on from the last
// hand-written item of each list; scopes are the offices of each kind, as
// 适用范围 names them.
func generateFullList(scopes map[model.OfficeKind]string) []generatedDuty {
	var out []generatedDuty
	for _, it := range partyItems {
		out = append(out, generatedDuty{model.ListBasic, "党的建设", it.sub, it.name, "区委组织部", "", ""})
	}
	for _, it := range basicItems {
		out = append(out, generatedDuty{model.ListBasic, it.category, it.sub, it.name, it.dept, fullListOffice, it.req})
	}
	for _, d := range domains {
		for _, w := range []struct {
			items []string
			scope string
		}{{d.support, ""}, {d.rural, scopes[model.OfficeTownship]}, {d.urban, scopes[model.OfficeStreet]}} {
			for _, s := range w.items {
				out = append(out, generatedDuty{model.ListSupporting, d.category, d.sub, "配合" + s, d.dept, w.scope, ""})
			}
		}
	}
	for i, form := range returnedForms {
		for _, d := range domains {
			for j, o := range d.objects {
				// Every object's supervision; the penalties of the first few.
				if i > 0 && j >= penaltiesPerDomain {
					break
				}
				name := strings.Replace(form, "%s", o, 1)
				out = append(out, generatedDuty{model.ListReturned, d.category, d.sub, name, d.dept, "", returnedRequired[name]})
			}
		}
	}
	return out
}

// TestWriteDemoFullList rewrites assets/demo/duties_full.csv when run with -write-demo.
func TestWriteDemoFullList(t *testing.T) {
	if !*writeDemo {
		t.Skip("run with -write-demo to rewrite assets/demo/duties_full.csv")
	}
	// Number on from the hand-written catalogue.
	hand, err := readTable(os.DirFS(demoDir), demoDutiesFile, dutyColumns)
	if err != nil {
		t.Fatal(err)
	}
	last := map[model.ListKind]int{}
	for _, r := range hand.rows {
		k, _ := model.ParseListKind(r.str(colListKind))
		n, _ := r.int(colSeq)
		last[k] = max(last[k], n)
	}
	offices, err := readTable(os.DirFS(demoDir), demoOfficesFile, officeColumns)
	if err != nil {
		t.Fatal(err)
	}
	scopes := map[model.OfficeKind]string{}
	for _, r := range offices.rows {
		k, _ := model.ParseOfficeKind(r.str(colType))
		scopes[k] = strings.TrimPrefix(scopes[k]+"；"+r.str(colName), "；")
	}
	var buf bytes.Buffer
	buf.WriteString("\xef\xbb\xbf")
	w := csv.NewWriter(&buf)
	w.Write(dutyColumns)
	for _, g := range generateFullList(scopes) {
		last[g.kind]++
		row := map[string]string{colListKind: g.kind.Name().In("zh"), colSeq: strconv.Itoa(last[g.kind]),
			colCategory: g.category, colSubCategory: g.sub, colDutyName: g.name, colSource: generatedSource, colScope: g.sc, colRequired: g.req}
		switch g.kind {
		case model.ListReturned:
			row[colReceivingDept] = g.dept
			row[colWorkingMethod] = "街道（乡镇）发现问题及时报告"
		default:
			row[colLeadDept] = g.dept
		}
		cells := make([]string, len(dutyColumns))
		for i, c := range dutyColumns {
			cells[i] = row[c]
		}
		w.Write(cells)
	}
	w.Flush()
	if err := os.WriteFile(filepath.Join(demoDir, demoFullListFile), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
