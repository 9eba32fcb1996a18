package grading

import (
	"fmt"
	"strings"
)

// WaterSource is the level of the centralised drinking-water source whose intake was
// interrupted (集中式饮用水水源地取水中断), item 5 of 附件1 第一–三条.
type WaterSource int

const (
	WaterNone     WaterSource = iota // no intake interrupted
	WaterTownship                    // 乡镇 → 较大（Ⅲ级）
	WaterCounty                      // 县级城市 → 重大（Ⅱ级）
	WaterCity                        // 设区的市级以上城市 → 特别重大（Ⅰ级）
)

// Ecology is the ecological damage (item 4 of 附件1 第一–三条).
type Ecology int

const (
	EcologyNone Ecology = iota // none
	// EcologySpecies: 国家重点保护的动植物物种受到破坏 → 较大（Ⅲ级）.
	EcologySpecies
	// EcologyPartial: 区域生态功能部分丧失或该区域国家重点保护野生动植物种群大批死亡 → 重大（Ⅱ级）.
	EcologyPartial
	// EcologyLost: 区域生态功能丧失或该区域国家重点保护物种灭绝 → 特别重大（Ⅰ级）.
	EcologyLost
)

// Radiation is the radiation class of an event: the item 6 of each grade of 附件1
// (item 5 of 一般). Each class covers every alternative of its item.
type Radiation int

const (
	RadiationNone Radiation = iota // no radiation aspect
	// RadiationIV (flag "iv", 一般): Ⅳ、Ⅴ类放射源丢失、被盗; 放射性同位素和射线装置失控导致人员受到
	// 超过年剂量限值的照射; 放射性物质泄漏，造成厂区内或设施内局部辐射污染后果; 铀矿冶、伴生矿超标排放，
	// 造成环境辐射污染后果.
	RadiationIV
	// RadiationIII (flag "iii", 较大): Ⅲ类放射源丢失、被盗; 放射性同位素和射线装置失控导致10人以下
	// 急性重度放射病、局部器官残疾; 放射性物质泄漏，造成小范围辐射污染后果.
	RadiationIII
	// RadiationII (flag "ii", 重大): Ⅰ、Ⅱ类放射源丢失、被盗; 放射性同位素和射线装置失控导致3人以下
	// 急性死亡或者10人以上急性重度放射病、局部器官残疾; 放射性物质泄漏，造成较大范围辐射污染后果.
	RadiationII
	// RadiationI (flag "i", 特别重大): Ⅰ、Ⅱ类放射源丢失、被盗、失控并造成大范围严重辐射污染后果;
	// 放射性同位素和射线装置失控导致3人以上急性死亡; 放射性物质泄漏，造成大范围辐射污染后果.
	RadiationI
)

// Impact is the reach of the event's impact across administrative boundaries (item 7).
type Impact int

const (
	ImpactNone       Impact = iota // none beyond one prefecture
	ImpactPrefecture               // 跨设区的市级行政区域影响 → 较大（Ⅲ级）
	ImpactProvince                 // 跨省级行政区域影响 → 重大（Ⅱ级）
	ImpactBorder                   // 重大跨国境影响 → 特别重大（Ⅰ级）
)

// enumInfo describes one enum: keys (CLI flag values) and Chinese wording, by value.
type enumInfo struct {
	what  string // what the value is, for messages
	keys  []string
	words []string
}

var (
	waterInfo = enumInfo{"饮用水水源地取水中断级别",
		[]string{"", "township", "county", "city"},
		[]string{"无", "乡镇集中式饮用水水源地取水中断", "县级城市集中式饮用水水源地取水中断", "设区的市级以上城市集中式饮用水水源地取水中断"}}
	ecologyInfo = enumInfo{"生态破坏程度",
		[]string{"", "species", "partial", "lost"},
		[]string{"无", "国家重点保护的动植物物种受到破坏", "区域生态功能部分丧失或该区域国家重点保护野生动植物种群大批死亡", "区域生态功能丧失或该区域国家重点保护物种灭绝"}}
	radiationInfo = enumInfo{"辐射污染情形",
		[]string{"", "iv", "iii", "ii", "i"},
		[]string{"无",
			"Ⅳ、Ⅴ类放射源丢失、被盗；放射性同位素和射线装置失控导致人员受到超过年剂量限值的照射；放射性物质泄漏，造成厂区内或设施内局部辐射污染后果；铀矿冶、伴生矿超标排放，造成环境辐射污染后果",
			"Ⅲ类放射源丢失、被盗；放射性同位素和射线装置失控导致10人以下急性重度放射病、局部器官残疾；放射性物质泄漏，造成小范围辐射污染后果",
			"Ⅰ、Ⅱ类放射源丢失、被盗；放射性同位素和射线装置失控导致3人以下急性死亡或者10人以上急性重度放射病、局部器官残疾；放射性物质泄漏，造成较大范围辐射污染后果",
			"Ⅰ、Ⅱ类放射源丢失、被盗、失控并造成大范围严重辐射污染后果；放射性同位素和射线装置失控导致3人以上急性死亡；放射性物质泄漏，造成大范围辐射污染后果"}}
	impactInfo = enumInfo{"跨区域影响",
		[]string{"", "prefecture", "province", "border"},
		[]string{"无", "跨设区的市级行政区域影响", "跨省级行政区域影响", "重大跨国境影响"}}
)

func (e enumInfo) word(v int) string {
	if v < 0 || v >= len(e.words) {
		return fmt.Sprintf("无效值(%d)", v)
	}
	return e.words[v]
}

func (e enumInfo) key(v int) string {
	if v < 0 || v >= len(e.keys) {
		return ""
	}
	return e.keys[v]
}

// parse accepts a key (any case), "none", "" or the Chinese wording.
func (e enumInfo) parse(s string) (int, error) {
	raw := strings.TrimSpace(s)
	t := strings.ToLower(raw)
	if t == "" || t == "none" || t == "无" {
		return 0, nil
	}
	for i := 1; i < len(e.keys); i++ {
		if t == e.keys[i] || raw == e.words[i] {
			return i, nil
		}
	}
	if e.what == radiationInfo.what {
		// strings.ToLower maps Ⅰ–Ⅳ (U+2160…) to ⅰ–ⅳ (U+2170…).
		switch strings.TrimSuffix(t, "级") {
		case "ⅰ":
			return 4, nil
		case "ⅱ":
			return 3, nil
		case "ⅲ":
			return 2, nil
		case "ⅳ":
			return 1, nil
		}
	}
	opts := make([]string, 0, len(e.keys)-1)
	for i := len(e.keys) - 1; i >= 1; i-- {
		opts = append(opts, e.keys[i])
	}
	return 0, fmt.Errorf("“%s”不是有效的%s，请填写 %s 之一，没有则留空或填 none", s, e.what, strings.Join(opts, "、"))
}

func (w WaterSource) String() string { return waterInfo.word(int(w)) }
func (e Ecology) String() string     { return ecologyInfo.word(int(e)) }
func (r Radiation) String() string   { return radiationInfo.word(int(r)) }
func (i Impact) String() string      { return impactInfo.word(int(i)) }

// Key returns the CLI flag value: "city", "county", "township", or "" for none.
func (w WaterSource) Key() string { return waterInfo.key(int(w)) }

// Key returns the CLI flag value: "lost", "partial", "species", or "" for none.
func (e Ecology) Key() string { return ecologyInfo.key(int(e)) }

// Key returns the CLI flag value: "i", "ii", "iii", "iv", or "" for none.
func (r Radiation) Key() string { return radiationInfo.key(int(r)) }

// Key returns the CLI flag value: "border", "province", "prefecture", or "" for none.
func (i Impact) Key() string { return impactInfo.key(int(i)) }

// ParseWaterSource reads city|county|township (any case), ""/none for none, or the String() wording.
func ParseWaterSource(s string) (WaterSource, error) {
	v, err := waterInfo.parse(s)
	return WaterSource(v), err
}

// ParseEcology reads lost|partial|species (any case), ""/none for none, or the String() wording.
func ParseEcology(s string) (Ecology, error) {
	v, err := ecologyInfo.parse(s)
	return Ecology(v), err
}

// ParseRadiation reads i|ii|iii|iv (any case, also Ⅰ–Ⅳ with optional 级), ""/none for
// none, or the String() wording. "i" is the 特别重大 class, "iv" the 一般 class; see the
// Radiation constants for what each covers.
func ParseRadiation(s string) (Radiation, error) {
	v, err := radiationInfo.parse(s)
	return Radiation(v), err
}

// ParseImpact reads border|province|prefecture (any case), ""/none for none, or the String() wording.
func ParseImpact(s string) (Impact, error) {
	v, err := impactInfo.parse(s)
	return Impact(v), err
}

// Environment holds the facts of an environmental emergency that
// 《国家突发环境事件应急预案》（国办函〔2014〕119号）附件1 grades by.
type Environment struct {
	Deaths      int   // 因环境污染直接导致死亡人数
	Poisoned    int   // 中毒或重伤人数 (one combined count)
	Evacuated   int   // 疏散、转移人数
	LossYuan    int64 // 直接经济损失（元）
	WaterSource WaterSource
	Ecology     Ecology
	Radiation   Radiation
	Impact      Impact
}

// Validate reports negative figures and out-of-range facts, naming the field.
func (e Environment) Validate() error {
	var msgs []string
	if e.Deaths < 0 {
		msgs = append(msgs, negCount("死亡人数", int64(e.Deaths)))
	}
	if e.Poisoned < 0 {
		msgs = append(msgs, negCount("中毒或重伤人数", int64(e.Poisoned)))
	}
	if e.Evacuated < 0 {
		msgs = append(msgs, negCount("疏散、转移人数", int64(e.Evacuated)))
	}
	if e.LossYuan < 0 {
		msgs = append(msgs, fmt.Sprintf("直接经济损失不能为负数（填的是 %d 元），请填写 0 或正数（单位：元）", e.LossYuan))
	}
	enum := func(info enumInfo, v int) {
		if v < 0 || v >= len(info.keys) {
			msgs = append(msgs, fmt.Sprintf("%s的取值 %d 无效，请从列表中选择", info.what, v))
		}
	}
	enum(waterInfo, int(e.WaterSource))
	enum(ecologyInfo, int(e.Ecology))
	enum(radiationInfo, int(e.Radiation))
	enum(impactInfo, int(e.Impact))
	return fieldErrors(msgs)
}

// envArticle is the article of 附件1 for each grade.
var envArticle = [...]string{"", "附件1第四条", "附件1第三条", "附件1第二条", "附件1第一条"}

var cnItem = [...]string{"", "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"}

func envClause(g Grade, item int) string { return envArticle[g] + "第" + cnItem[item] + "项" }

// GradeEnvironment grades an environmental emergency by 国办函〔2014〕119号 附件1:
//
//	特别重大 Ⅰ: deaths ≥ 30 | poisoned ≥ 100 | evacuated ≥ 5万 | loss ≥ 1亿元 |
//	            EcologyLost | WaterCity | RadiationI | ImpactBorder
//	重大 Ⅱ:     10–29 | 50–99 | 1万–<5万 | 2000万–<1亿 | EcologyPartial | WaterCounty |
//	            RadiationII | ImpactProvince
//	较大 Ⅲ:     3–9 | 10–49 | 5000–<1万 | 500万–<2000万 | EcologySpecies | WaterTownship |
//	            RadiationIII | ImpactPrefecture
//	一般 Ⅳ:     the rest (every recorded event is at least 一般)
//
// Basis cites the first criterion reached at the final grade in the order of the
// standard; for 一般 it cites item (五) when RadiationIV is set, else the catch-all item
// (六) "对环境造成一定影响，尚未达到较大突发环境事件级别". Invalid input (see Validate)
// gives GradeNone with the reason in Basis.
func GradeEnvironment(e Environment) Result {
	if err := e.Validate(); err != nil {
		return Result{Grade: GradeNone, Basis: "数据有误，无法定级：" + err.Error()}
	}
	var all []criterion
	add := func(g Grade, item int, text, actual string) {
		all = append(all, criterion{grade: g, clause: envClause(g, item), text: text, actual: actual})
	}

	// (一) deaths, and poisoned or seriously injured.
	d := e.Deaths
	da := fmt.Sprintf("本事件死亡%d人", d)
	switch {
	case d >= 30:
		add(Extraordinary, 1, "因环境污染直接导致30人以上死亡", da)
	case d >= 10:
		add(Major, 1, "因环境污染直接导致10人以上30人以下死亡", da)
	case d >= 3:
		add(Larger, 1, "因环境污染直接导致3人以上10人以下死亡", da)
	default:
		add(General, 1, "因环境污染直接导致3人以下死亡", da)
	}
	p := e.Poisoned
	pa := fmt.Sprintf("本事件中毒或重伤%d人", p)
	switch {
	case p >= 100:
		add(Extraordinary, 1, "因环境污染直接导致100人以上中毒或重伤", pa)
	case p >= 50:
		add(Major, 1, "因环境污染直接导致50人以上100人以下中毒或重伤", pa)
	case p >= 10:
		add(Larger, 1, "因环境污染直接导致10人以上50人以下中毒或重伤", pa)
	default:
		add(General, 1, "因环境污染直接导致10人以下中毒或重伤", pa)
	}

	// (二) evacuated.
	v := e.Evacuated
	va := fmt.Sprintf("本事件疏散、转移%d人", v)
	switch {
	case v >= 5*wan:
		add(Extraordinary, 2, "因环境污染疏散、转移人员5万人以上", va)
	case v >= 1*wan:
		add(Major, 2, "因环境污染疏散、转移人员1万人以上5万人以下", va)
	case v >= 5000:
		add(Larger, 2, "因环境污染疏散、转移人员5000人以上1万人以下", va)
	default:
		add(General, 2, "因环境污染疏散、转移人员5000人以下", va)
	}

	// (三) direct economic loss.
	l := e.LossYuan
	la := "本事件直接经济损失" + yuan(l)
	switch {
	case l >= 1*yi:
		add(Extraordinary, 3, "因环境污染造成直接经济损失1亿元以上", la)
	case l >= 2000*wan:
		add(Major, 3, "因环境污染造成直接经济损失2000万元以上1亿元以下", la)
	case l >= 500*wan:
		add(Larger, 3, "因环境污染造成直接经济损失500万元以上2000万元以下", la)
	default:
		add(General, 3, "因环境污染造成直接经济损失500万元以下", la)
	}

	// (四) ecology.
	switch e.Ecology {
	case EcologyLost:
		add(Extraordinary, 4, "因环境污染造成区域生态功能丧失或该区域国家重点保护物种灭绝", "")
	case EcologyPartial:
		add(Major, 4, "因环境污染造成区域生态功能部分丧失或该区域国家重点保护野生动植物种群大批死亡", "")
	case EcologySpecies:
		add(Larger, 4, "因环境污染造成国家重点保护的动植物物种受到破坏", "")
	}

	// (五) drinking-water intake interrupted.
	switch e.WaterSource {
	case WaterCity:
		add(Extraordinary, 5, "因环境污染造成设区的市级以上城市集中式饮用水水源地取水中断", "")
	case WaterCounty:
		add(Major, 5, "因环境污染造成县级城市集中式饮用水水源地取水中断", "")
	case WaterTownship:
		add(Larger, 5, "因环境污染造成乡镇集中式饮用水水源地取水中断", "")
	}

	// (六) radiation; for 一般 it is item (五).
	switch e.Radiation {
	case RadiationI:
		add(Extraordinary, 6, e.Radiation.String(), "")
	case RadiationII:
		add(Major, 6, e.Radiation.String(), "")
	case RadiationIII:
		add(Larger, 6, e.Radiation.String(), "")
	case RadiationIV:
		add(General, 5, e.Radiation.String(), "")
	}

	// (七) impact across boundaries.
	switch e.Impact {
	case ImpactBorder:
		add(Extraordinary, 7, "造成重大跨国境影响的境内突发环境事件", "")
	case ImpactProvince:
		add(Major, 7, "造成跨省级行政区域影响的突发环境事件", "")
	case ImpactPrefecture:
		add(Larger, 7, "造成跨设区的市级行政区域影响的突发环境事件", "")
	}

	catchAll := criterion{grade: General, clause: envClause(General, 6), text: "对环境造成一定影响，尚未达到较大突发环境事件级别"}
	return result(EnvironmentStandard, all, func(top []criterion) []criterion {
		if top[0].grade == General {
			if e.Radiation == RadiationIV {
				return []criterion{top[len(top)-1]}
			}
			return []criterion{catchAll}
		}
		return top[:1]
	})
}
