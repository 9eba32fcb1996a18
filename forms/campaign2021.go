package forms

import (
	"time"

	"tuijian/forms/value"
)

// The 2021 campaign: 工信厅规函〔2022〕13号 and its 实施办法（2022年修订）. Texts are those
// of the notice; the 附件4 row “能制造优秀场景” keeps the notice's own wording.
func init() { campaigns[2021] = campaign2021 }

const (
	eventClauseText6 = "近三年未发生重大、特大安全生产事故[认定标准见《生产安全事故报告和调查处理条例》中华人民共和国国务院令 第 493 号）第三条（一）（二）]，重大、特大环境事故[认定标准见《国家突发环境事件应急预案》（国办函〔2014〕119 号）附件一第一条、第二条]，未发生造成恶劣影响的社会事件。"
	eventClauseText7 = "近三年未发生重大、特大安全生产事故[认定标准见《生产安全事故报告和调查处理条例》中华人民共和国国务院令 493 号）第三条（一）（二）]，重大、特大环境事故[认定标准见《国家突发环境事件应急预案》（国办函〔2014〕119号)附件一第一条、第二条],未发生造成恶劣影响的社会事件。"
	section4Guidance = "申报市（州）近三年，本行政区域内是否发生过重大安全生产事故、重大环境事故或造成恶劣影响的社会稳定事件。"
)

func campaign2021() *Campaign {
	return &Campaign{
		Year:        2021,
		Notice:      "工信厅规函〔2022〕13号",
		NoticeTitle: "工业和信息化部办公厅关于组织开展2021年工业和信息化领域督查激励工作的通知",
		Rules:       "工业和信息化部关于落实督查激励工作的实施办法（2022年修订）",
		Deadline:    time.Date(2022, 2, 14, 0, 0, 0, 0, time.UTC),
		Measures:    []Measure{industry2021(), digital2021()},
	}
}

func industry2021() Measure {
	return Measure{
		ID:          Industry,
		Name:        "工业稳增长和转型升级成效明显市（州）",
		Short:       "工业稳增长",
		Article:     "第六条",
		Application: "附件1",
		TableAnnex:  "附件3",
		TableTitle:  "工业稳增长和转型升级成效明显市（州）推荐表",
		Indicators: []Indicator{
			{ID: "ind.va_growth", Label: "规模以上工业增加值增速（%）", Unit: "%", Kind: value.Growth, Verifier: VerifierStats, HigherIsBetter: true,
				Help: "规模以上工业（年主营业务收入2000万元及以上的工业法人单位）增加值按可比价计算的增长速度。"},
			{ID: "ind.mfg_share", Label: "制造业增加值占地区国内生产总值比重（%）", Unit: "%", Kind: value.Share, Verifier: VerifierStats, HigherIsBetter: true,
				Help: "制造业增加值占本地区生产总值的比重。"},
			{ID: "ind.hitech_share", Label: "高技术制造业占工业增加值比重（%）", Unit: "%", Kind: value.Share, Verifier: VerifierStats, HigherIsBetter: true,
				Help: "按《高技术产业（制造业）分类（2017）》口径的高技术制造业增加值占规模以上工业增加值的比重。"},
			{ID: "ind.fai_growth", Label: "工业固定资产投资增速（%）", Unit: "%", Kind: value.Growth, Verifier: VerifierStats, HigherIsBetter: true,
				Help: "工业（采矿业、制造业和电力、热力、燃气及水生产和供应业）固定资产投资的增长速度。"},
			{ID: "ind.tech_growth", Label: "工业技术改造投资增速（%）", Unit: "%", Kind: value.Growth, Verifier: VerifierStats, HigherIsBetter: true,
				Help: "工业企业以新技术、新工艺、新设备、新材料改造提升现有设施的投资的增长速度。"},
			{ID: "ind.profit_growth", Label: "规模以上工业利润总额增速（%）", Unit: "%", Kind: value.Growth, Verifier: VerifierStats, HigherIsBetter: true,
				Help: "规模以上工业企业利润总额的增长速度。"},
			{ID: "ind.clusters", Label: "在当年先进制造业集群竞赛中初赛胜出数量/决赛胜出数量（个）", Unit: "个", Kind: value.CountPair, Verifier: VerifierMinistryList, HigherIsBetter: true,
				Help: "填写“初赛胜出数/决赛胜出数”，例如 2/1。"},
			{ID: "ind.demo_bases", Label: "当年获评国家新型工业化产业示范基地数量/五星级基地数量（个）", Unit: "个", Kind: value.CountPair, Verifier: VerifierMinistryList, HigherIsBetter: true,
				Help: "填写“示范基地数/五星级基地数”，例如 3/1。"},
			{ID: "ind.little_giants", Label: "当年被工业和信息化部认定为专精特新“小巨人”企业的数量（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true,
				Help: "工业和信息化部当年认定的专精特新“小巨人”企业数量。"},
			{ID: "ind.smart_zone", Label: "该地区当年是否被工信部、发改委、财政部、市场监管总局评为智能制造先行区（是/否）", Unit: "", Kind: value.YesNo, Verifier: VerifierMinistryList, HigherIsBetter: true,
				Help: "智能制造试点示范行动中的“先行区”，填写 是 或 否。"},
		},
		Clauses: []Clause{
			{Number: "（一）", Key: "1", Text: "坚定不移实施制造强国战略，持续推进工业稳增长和转型升级工作，在工作思路、推进机制、政策措施等方面，探索形成了具有示范引领作用、经过实践检验的先进经验和典型做法。"},
			{Number: "（二）", Key: "2", Text: "工业稳增长和保持制造业比重基本稳定取得明显成效，规模以上工业增加值、工业投资、工业技术改造投资保持较快增长。",
				Indicators: []string{"ind.va_growth", "ind.fai_growth", "ind.tech_growth", "ind.mfg_share", "ind.profit_growth"}},
			{Number: "（三）", Key: "3", Text: "推进制造业高端化、智能化、绿色化、服务化转型升级，在促进传统产业技术改造、加快新兴产业布局、推进重大项目建设等方面取得明显成效，探索形成了好的经验做法，制定了相关配套政策措施。",
				Indicators: []string{"ind.hitech_share", "ind.tech_growth", "ind.smart_zone"}},
			{Number: "（四）", Key: "4", Text: "深入实施产业基础再造工程，加快补齐基础领域短板弱项，不断夯实产业基础能力，在推进产业基础高级化、产业链现代化方面取得明显成效。",
				Indicators: []string{"ind.little_giants"}},
			{Number: "（五）", Key: "5", Text: "主导产业特色鲜明、优势突出，产业集聚集群发展水平较高。在先进制造业集群培育方面取得明显成效，形成集群规模效应和集聚效应，集群培育发展政策体系健全，协同创新能力和集群治理能力较强。",
				Indicators: []string{"ind.clusters", "ind.demo_bases"}},
			{Number: "（六）", Key: "6", Text: eventClauseText6, FromEvents: true},
		},
		Outline: []Section{
			{Key: "1", Number: "一、", Title: "基本情况", Guidance: "申报市（州）工业发展基本情况，包括总体规模、主导产业、发展水平、发展速度，在全省（自治区、直辖市）乃至全国的地位，产业结构特点、区域内产业发展特色等。"},
			{Key: "2", Number: "二、", Title: "已开展的工作和取得的成效", Children: []Section{
				{Key: "2.1", Number: "（一）", Title: "落实制造强国战略", Guidance: "申报市（州）实施制造强国战略，持续推进工业稳增长和转型升级工作的思路举措和取得的主要成效，包括工作思路、推进机制、政策措施等。"},
				{Key: "2.2", Number: "（二）", Title: "促进工业稳增长", Guidance: "申报市（州）工业稳增长的基本情况、相关举措、取得的成就和存在的问题，包括规模以上工业增加值、工业投资、工业技术改造投资、重大项目建设情况，外商投资及外资企业发展情况，保持制造业比重基本稳定等方面情况。"},
				{Key: "2.3", Number: "（三）", Title: "制造业转型升级", Guidance: "申报市（州）推进制造业高端化、智能化、绿色化、服务化转型升级的基本情况、工作举措和取得的成效，在促进传统产业改造升级、加快新兴产业发展布局、培育发展中小企业特别是“专精特新”中小企业等方面基本情况、工作举措和工作成效等。"},
				{Key: "2.4", Number: "（四）", Title: "实施产业基础再造工程", Guidance: "申报市（州）实施产业基础再造工程的基本情况、做法和取得的成效，当地支持符合《产业基础创新发展目录》基础产品、“专精特新”企业、基础领域项目有关情况；加强产业基础能力建设的政策举措，引导各方长期持续投入的支持机制及工作成效。"},
				{Key: "2.5", Number: "（五）", Title: "主导产业和先进制造业集群情况", Guidance: "申报市（州）在推进主导产业集群化发展、培育先进制造业集群的基本情况、主要做法和取得的成效，包括产业整体竞争力、龙头企业培育、技术创新等情况，组织领导机制和相关政策措施等。"},
			}},
			{Key: "3", Number: "三、", Title: "下一步工作安排", Guidance: "未来三年，申报市（州）在落实制造强国战略，促进工业稳增长和保持制造业比重基本稳定、推进制造业转型升级、实施产业基础再造工程、推动先进制造业集群发展等方面的工作思路、预期目标、重点工作和保障措施等。"},
			{Key: "4", Number: "四、", Title: "其他说明事项", Guidance: section4Guidance, FromEvents: true},
		},
		LeadingIndustries: []IndustryColumn{
			{Key: "name", Label: "主导产业（产品）名称", Text: true},
			{Key: "share", Label: "在全部工业增加值中占比（%）", Kind: value.Share},
			{Key: "growth", Label: "工业增加值增速（%）", Kind: value.Growth},
			{Key: "revenue", Label: "销售收入（亿元）", Kind: value.Number},
			{Key: "profit", Label: "利润总额（亿元）", Kind: value.SignedNumber},
		},
	}
}

func digital2021() Measure {
	return Measure{
		ID:          Digital,
		Name:        "建设信息基础设施和推进产业数字化成效明显市（州）",
		Short:       "信息基础设施和产业数字化",
		Article:     "第七条",
		Application: "附件2",
		TableAnnex:  "附件4",
		TableTitle:  "建设信息基础设施和推进产业数字化成效明显市（州）推荐表",
		Indicators: []Indicator{
			{ID: "dig.gigabit", Label: "家庭千兆光纤网络覆盖率（%）", Unit: "%", Kind: value.Coverage, Verifier: VerifierTelecom, HigherIsBetter: true,
				Help: "具备千兆光纤接入能力的城镇家庭占城镇家庭总数的比例；衡量的是覆盖能力，可以超过100%。"},
			{ID: "dig.bs5g", Label: "每万人拥有5G基站数（个）", Unit: "个/万人", Kind: value.Number, Verifier: VerifierTelecom, HigherIsBetter: true,
				Help: "5G基站总数除以常住人口（万人），可有小数。"},
			{ID: "dig.iiot_pilots", Label: "当年被工业和信息化部评为工业互联网试点示范项目数量（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true},
			{ID: "dig.integration", Label: "当年通过两化融合管理体系贯标评定企业数量（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true,
				Help: "按 GB/T 23001-2017 通过两化融合管理体系评定的企业数量。"},
			{ID: "dig.platforms", Label: "当年被工业和信息化部认定为跨行业跨领域、特色型、专业型工业互联网平台数量之和（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true},
			{ID: "dig.security_demos", Label: "当年被工业和信息化部认定的5G应用安全创新示范中心、网络安全和数据安全试点示范项目的数量之和（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true},
			{ID: "dig.security_pilots", Label: "当年通过数据安全合规评估、参加工业互联网网络安全分类分级管理试点的企业数量之和（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true},
			{ID: "dig.smart_factories", Label: "当年被工信部、发改委、财政部、市场监管总局评为智能制造示范工厂揭榜单位、能制造优秀场景的数量之和（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true},
			{ID: "dig.bloom", Label: "当年获得“绽放杯”5G应用征集大赛全国奖、5G+医疗健康试点项目、5G+智慧教育试点项目数量之和（个）", Unit: "个", Kind: value.Count, Verifier: VerifierMinistryList, HigherIsBetter: true,
				Remark: "“绽放杯”5G应用征集大赛全国奖包括：全国总决赛一等奖、二等奖、三等奖、优秀奖和标杆赛奖项。"},
		},
		Clauses: []Clause{
			{Number: "（一）", Key: "1", Text: "坚定不移实施网络强国战略，持续推进信息基础设施建设和产业数字化转型，在工作思路、推进机制、政策措施等方面，探索形成了具有示范引领作用、经过实践检验的先进经验和典型做法。"},
			{Number: "（二）", Key: "2", Text: "积极推进信息基础设施建设，千兆光纤网络、5G移动宽带网络覆盖及用户普及率在全国或所在省（自治区、直辖市）处于领先水平，大力发展云计算，持续提升数据中心应用水平，深入推进 IPv6 规模部署和应用创新，公共场所、农村及偏远地区的网络覆盖和业务应用取得积极成效。",
				Indicators: []string{"dig.gigabit", "dig.bs5g"}},
			{Number: "（三）", Key: "3", Text: "深入推进工业互联网创新发展，在工业互联网新型基础设施建设、拓展工业互联网融合应用、提升工业互联网产业集聚发展等方面取得积极成效。",
				Indicators: []string{"dig.iiot_pilots", "dig.platforms"}},
			{Number: "（四）", Key: "4", Text: "深入推进产业数字化，制造企业数字化水平不断提升，有序推进工业企业和设备上云，建设一批高水平的智能车间、工厂，在推动两化融合和数据管理能力成熟度贯标、数字化新产品新模式新业态培育、推动 5G 融合应用等方面取得积极成效。",
				Indicators: []string{"dig.integration", "dig.smart_factories", "dig.bloom"}},
			{Number: "（五）", Key: "5", Text: "网络与数据安全工作机制健全、措施得力、保障能力持续增强，在推进网络与数据安全基础设施建设、数据分类分级管理、数据安全合规评估、工业互联网企业分类分级管理等方面取得积极成效，具备较好的网络与数据安全产业发展基础。",
				Indicators: []string{"dig.security_demos", "dig.security_pilots"}},
			{Number: "（六）", Key: "6", Text: eventClauseText7, FromEvents: true},
		},
		Outline: []Section{
			{Key: "1", Number: "一、", Title: "基本情况", Guidance: "申报市（州）通信业发展和信息化建设基本情况，包括总体规模、发展水平、发展速度，在全省（自治区、直辖市）乃至全国的地位，产业结构特点、区域内产业发展特色等。"},
			{Key: "2", Number: "二、", Title: "已开展的工作和取得的成效", Children: []Section{
				{Key: "2.1", Number: "（一）", Title: "落实网络强国战略", Guidance: "申报市（州）推进信息基础设施建设、产业数字化转型、工业互联网创新发展、网络安全和数据安全等方面的思路举措和取得的主要成效，包括工作思路、推进机制、政策措施，人才与公共服务等发展环境构建。"},
				{Key: "2.2", Number: "（二）", Title: "信息基础设施建设", Guidance: "申报市（州）信息基础设施建设的基本情况、相关举措、取得的成就和存在的问题，包括以 5G、IPv6、千兆光纤等为代表的网络基础设施、以云计算、数据中心等为代表的算力基础设施，以人工智能等为代表的新技术基础设施建设情况，公共场所、农村或偏远地区网络覆盖和业务应用情况。"},
				{Key: "2.3", Number: "（三）", Title: "产业数字化转型情况", Guidance: "申报市（州）在推进工业互联网创新发展、加快产业数字化转型、促进智能制造、软件和信息技术服务业发展等推进实施情况，取得的主要成效。包括但不限于：工业设备/企业上云、两化融合管理体系/数据管理能力成熟度贯标、5G和工业互联网在重点行业推广应用、相关标准制定等具体工作。"},
				{Key: "2.4", Number: "（四）", Title: "网络安全和数据安全", Guidance: "申报市（州）在推进网络与数据安全保障能力建设，建立健全相关管理制度和考核机制，深化开展网络和数据安全技术手段建设和应用，开展网络和数据安全基础设施建设、试点示范、安全评估、创新应用、分类分级管理等工作，促进网络和数据安全产业发展等方面的举措与成效。"},
			}},
			{Key: "3", Number: "三、", Title: "下一步工作安排", Guidance: "未来三年，申报市（州）落实网络强国战略，建设信息基础设施、推进产业数字化、加快工业互联网创新发展、促进网络与数据安全能力建设等方面的工作思路、预期目标、重点工作和保障措施等。"},
			{Key: "4", Number: "四、", Title: "其他说明事项", Guidance: section4Guidance, FromEvents: true},
		},
		TelecomConcurrence: true,
	}
}
