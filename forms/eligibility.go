package forms

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"tuijian/forms/grading"
)

// CheckUnit reports why a unit may not be recommended by a province, or nil.
// Level (办法 第五条): prefecture-level units (incl. 计划单列市) for a province, the
// districts/counties of a 直辖市, the 师市 for the 兵团. Belonging (通知 item 二,
// 办法 第十一条): the unit must be the province's own; 计划单列市 are recommended inside
// their province.
func CheckUnit(p Province, u Unit) error {
	if u.ProvinceCode != p.Code {
		return fmt.Errorf("%s（%s）不属于%s，只能由所在省份推荐", u.Name, u.Code, p.Name)
	}
	switch {
	case p.Bingtuan:
		if u.Type != TypeBingtuanCity {
			return fmt.Errorf("%s（%s）不是兵团师市，兵团只能推荐所属师市", u.Name, u.Code)
		}
	case p.Municipality:
		if u.Type != TypeMunicipalDistrict {
			return fmt.Errorf("%s（%s）不是直辖市辖区（县），%s应推荐辖区（县）（办法第五条）", u.Name, u.Code, p.Name)
		}
	default:
		switch u.Type {
		case TypeCity, TypePrefecture, TypeArea, TypeLeague, TypeCounty:
		default:
			return fmt.Errorf("%s（%s）不是地级及以上行政区（办法第五条）", u.Name, u.Code)
		}
	}
	return nil
}

// EventFinding is the evaluation of one negative event.
type EventFinding struct {
	Event    Event
	Computed grading.Result // grade computed from the figures (safety, environment)
	Grade    grading.Grade  // the decisive grade: the official one when determined, else the computed one
	Differs  bool           // official and computed grades differ: flag for the officer
	InWindow bool           // inside “近三年” of the campaign
	Excludes bool           // counts against the city
	// NotExcludedByRule: the event would exclude the city, but the campaign's notice
	// names no such exclusion (Campaign.EventExclusion).
	NotExcludedByRule bool
	Reason            string // one Chinese sentence: grade, basis, window
}

// EvaluateEvent grades an event and decides whether it excludes its city, for a
// campaign and the day of export (see Campaign.EventWindow).
func EvaluateEvent(c *Campaign, e Event, exportDay time.Time) EventFinding {
	f := EventFinding{Event: e}
	from, to := c.EventWindow(exportDay)
	d := Day(e.Date)
	f.InWindow = !d.Before(from) && !d.After(to)
	switch e.Kind {
	case EventSafety:
		f.Computed = grading.GradeSafety(e.Safety)
	case EventEnvironment:
		f.Computed = grading.GradeEnvironment(e.Environment)
	case EventSocial:
		if e.Severe {
			f.Computed = grading.Result{Basis: "社会事件造成恶劣影响（推荐单位认定）：" + e.Basis}
		} else {
			f.Computed = grading.Result{Basis: "社会事件，未认定造成恶劣影响"}
		}
	}
	if e.Kind == EventSocial {
		f.Grade = e.Official
		f.Excludes = f.InWindow && e.Severe
	} else {
		f.Grade, f.Differs = grading.Decide(f.Computed.Grade, e.Official)
		f.Excludes = f.InWindow && f.Grade.Excludes()
	}
	if f.Excludes && !c.EventExclusion {
		// Campaigns before 2020 named no accident exclusion: the register is kept and
		// shown, and the ministry weighs it.
		f.Excludes, f.NotExcludedByRule = false, true
	}
	f.Reason = describeFinding(f, c.Recent(), from, to)
	return f
}

func describeFinding(f EventFinding, recent string, from, to time.Time) string {
	e := f.Event
	s := fmt.Sprintf("%s %s“%s”", Day(e.Date).Format("2006-01-02"), e.Kind.Label(), e.Title)
	if e.Kind == EventSocial {
		if e.Severe {
			s += "，认定造成恶劣影响"
		} else {
			s += "，未认定造成恶劣影响"
		}
	} else {
		s += "：" + f.Grade.String()
		if e.Official != grading.GradeNone {
			s += fmt.Sprintf("（认定等级%s，按数据计算为%s", e.Official, f.Computed.Grade)
			if f.Differs {
				s += "，两者不一致，以认定等级为准"
			}
			s += "）"
		}
		if f.Computed.Basis != "" {
			s += "，依据" + f.Computed.Basis
		}
	}
	if !f.InWindow {
		s += fmt.Sprintf("；不在%s范围（%s 至 %s）内，不计入", recent, from.Format("2006-01-02"), to.Format("2006-01-02"))
	} else if f.Excludes {
		s += "；属于办法第六/七条（六）所列负面情况，" + unitPronoun(f.Event.UnitCode) + "不参与评选"
	} else if f.NotExcludedByRule {
		s += "；本年度通知未规定因此不予推荐，如实列入申报材料"
	}
	return s
}

// Exclusion says why a unit cannot be recommended.
type Exclusion struct {
	UnitCode string
	Reason   string
	EventID  int64 // 0 when not caused by an event
}

// Exclusions lists, per unit code, every reason that unit cannot be recommended this
// campaign: not the province's own or wrong level, barred under 办法 第十六条, or an
// excluding event.
func (c *Case) Exclusions(exportDay time.Time) map[string][]Exclusion {
	out := map[string][]Exclusion{}
	for _, codes := range c.Candidates {
		for _, code := range codes {
			u, ok := c.Unit(code)
			if !ok {
				out[code] = appendOnce(out[code], Exclusion{UnitCode: code, Reason: fmt.Sprintf("代码 %s 不是%s可推荐的单位", code, c.Province.Name)})
				continue
			}
			if err := CheckUnit(c.Province, u); err != nil {
				out[code] = appendOnce(out[code], Exclusion{UnitCode: code, Reason: err.Error()})
			}
		}
	}
	for _, b := range c.Bars {
		if b.UnitCode != "" && c.Campaign != nil && b.Covers(c.Campaign.Year) {
			out[b.UnitCode] = appendOnce(out[b.UnitCode], Exclusion{UnitCode: b.UnitCode,
				Reason: fmt.Sprintf("被取消 %d—%d 年度评选资格（办法第十六条，%s）：%s", b.FromYear, b.ToYear, b.DocNo, b.Reason)})
		}
	}
	for _, e := range c.Events {
		f := EvaluateEvent(c.Campaign, e, exportDay)
		if f.Excludes {
			out[e.UnitCode] = append(out[e.UnitCode], Exclusion{UnitCode: e.UnitCode, Reason: f.Reason, EventID: e.ID})
		}
	}
	return out
}

func appendOnce(xs []Exclusion, x Exclusion) []Exclusion {
	for _, y := range xs {
		if y.Reason == x.Reason {
			return xs
		}
	}
	return append(xs, x)
}

// Findings evaluates every event of a unit, newest first.
func (c *Case) Findings(unitCode string, exportDay time.Time) []EventFinding {
	var out []EventFinding
	for _, e := range c.Events {
		if e.UnitCode == unitCode {
			out = append(out, EvaluateEvent(c.Campaign, e, exportDay))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Event.Date.After(out[j].Event.Date) })
	return out
}

// quotaPool is the pool a unit's choice counts in: "" for the province's quota, the
// 计划单列市's code when 计划单列市 (and their counties) have quotas of their own.
func (c *Case) quotaPool(m *Measure, u Unit) string {
	if m.Quota.PlanCitiesInQuota {
		return ""
	}
	if u.PlanCity {
		return u.Code
	}
	if parent, ok := c.Unit(u.Parent); ok && u.Parent != "" && parent.PlanCity {
		return parent.Code
	}
	return ""
}

// CheckLevel reports a unit of a level the measure does not take (通知 二), or nil.
func CheckLevel(m *Measure, u Unit) error {
	if m.Quota.Allows(u.Level()) {
		return nil
	}
	return fmt.Errorf("%s是%s，%s只推荐%s（通知第二条）", u.FullName(), u.Level().Label(), m.Short, m.Quota.Text())
}

// CheckQuota reports how a set of units chosen for a measure breaks its quota (通知
// 二, Campaign.Measure.Quota), or nil: a level the measure does not take, more units
// than the province's quota or a level's, more than a 计划单列市's own quota.
func (c *Case) CheckQuota(m *Measure, codes []string) error {
	q := m.Quota
	total, levels := 0, map[Level][]string{}
	var province []string
	plan := map[string][]string{}
	for _, code := range codes {
		u, ok := c.Unit(code)
		if !ok {
			return fmt.Errorf("代码 %s 不是%s可推荐的单位", code, c.Province.Name)
		}
		if err := CheckLevel(m, u); err != nil {
			return err
		}
		if p := c.quotaPool(m, u); p != "" {
			plan[p] = append(plan[p], u.FullName())
			continue
		}
		total++
		province = append(province, u.FullName())
		levels[u.Level()] = append(levels[u.Level()], u.FullName())
	}
	rule := fmt.Sprintf("（通知第二条：%s）", q.Text())
	for _, lq := range q.Levels {
		if n := len(levels[lq.Level]); n > lq.Max && len(q.Levels) > 1 {
			return fmt.Errorf("%s的%s最多推荐 %d 个%s，已选 %s", m.Short, lq.Level.Label(), lq.Max, rule, strings.Join(levels[lq.Level], "、"))
		}
	}
	if total > q.Max {
		return fmt.Errorf("%s最多推荐 %d 个%s，已选 %s", m.Short, q.Max, rule, strings.Join(province, "、"))
	}
	for _, lq := range q.Levels {
		if n := len(levels[lq.Level]); n > lq.Max {
			return fmt.Errorf("%s的%s最多推荐 %d 个%s，已选 %s", m.Short, lq.Level.Label(), lq.Max, rule, strings.Join(levels[lq.Level], "、"))
		}
	}
	for code, names := range plan {
		if len(names) > q.PlanCityMax {
			u, _ := c.Unit(code)
			return fmt.Errorf("%s本级及下辖县区最多推荐 %d 个%s，已选 %s", u.Name, q.PlanCityMax, rule, strings.Join(names, "、"))
		}
	}
	return nil
}

// ChosenCodes are the units chosen for a measure, in the order chosen.
func (c *Case) ChosenCodes(m MeasureID) []string {
	var out []string
	for _, ch := range c.ChoicesOf(m) {
		out = append(out, ch.UnitCode)
	}
	return out
}

// ChoiceToReplace decides what choosing a unit for a measure does to the units chosen
// so far: it adds the unit when the quota allows; it replaces the one chosen unit
// whose removal makes room when exactly one does (with 1 city a measure, choosing
// another city replaces it); otherwise it is refused, naming the quota.
func (c *Case) ChoiceToReplace(m *Measure, code string) (replace string, err error) {
	cur := c.ChosenCodes(m.ID)
	if slices.Contains(cur, code) {
		return "", nil
	}
	err = c.CheckQuota(m, append(slices.Clone(cur), code))
	if err == nil {
		return "", nil
	}
	var fits []string
	for i, x := range cur {
		rest := append(append(slices.Clone(cur[:i]), cur[i+1:]...), code)
		if c.CheckQuota(m, rest) == nil {
			fits = append(fits, x)
		}
	}
	if len(fits) == 1 {
		return fits[0], nil
	}
	if len(fits) > 1 {
		return "", fmt.Errorf("%s；请先取消其中一个，再选择", err.Error())
	}
	return "", err
}

// ErrNoReason refuses a choice without 推荐理由 (附件3/4 and the 比选报告 print it;
// the pre-flight blocks without it).
var ErrNoReason = errors.New("请填写推荐理由后再确定推荐")

// CheckChoice reports why a unit cannot be chosen for a measure, or nil.
func (c *Case) CheckChoice(m MeasureID, code string, exportDay time.Time) error {
	u, ok := c.Unit(code)
	if !ok {
		return fmt.Errorf("代码 %s 不是%s可推荐的单位", code, c.Province.Name)
	}
	if err := CheckUnit(c.Province, u); err != nil {
		return err
	}
	if !c.IsCandidate(m, code) {
		return fmt.Errorf("%s 不是该措施的候选市（州），请先在“候选市（州）”中勾选", u.Name)
	}
	if ex := c.Exclusions(exportDay)[code]; len(ex) > 0 {
		return fmt.Errorf("%s 不能推荐：%s", u.Name, ex[0].Reason)
	}
	if mm, err := c.Campaign.Measure(m); err == nil {
		return CheckLevel(mm, u)
	}
	return nil
}

// unitPronoun is “该区” or “该县” for a district or county of a 直辖市 (GB/T 2260: the
// 直辖市's 01 block are its 区, the 02 block its 县), “该师市” for a 兵团 师市, else
// “该市（州）”.
func unitPronoun(code string) string {
	if len(code) != 6 {
		return "该市（州）"
	}
	switch code[:2] {
	case "11", "12", "31", "50":
		if code[4:] != "00" {
			if code[2:4] == "02" {
				return "该县"
			}
			return "该区"
		}
	}
	if code[:4] == "6590" {
		return "该师市"
	}
	return "该市（州）"
}
