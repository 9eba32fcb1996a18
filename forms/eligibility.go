package forms

import (
	"errors"
	"fmt"
	"sort"
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
		case TypeCity, TypePrefecture, TypeArea, TypeLeague:
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
	Reason   string         // one Chinese sentence: grade, basis, window
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
	f.Reason = describeFinding(f, from, to)
	return f
}

func describeFinding(f EventFinding, from, to time.Time) string {
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
		s += fmt.Sprintf("；不在近三年范围（%s 至 %s）内，不计入", from.Format("2006-01-02"), to.Format("2006-01-02"))
	} else if f.Excludes {
		s += "；属于办法第六/七条（六）所列负面情况，" + unitPronoun(f.Event.UnitCode) + "不参与评选"
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

// CheckChoices enforces 通知 item 二: at most one city per measure. The same city may
// be chosen for both measures.
func CheckChoices(choices []Choice) error {
	seen := map[MeasureID]string{}
	for _, ch := range choices {
		if prev, ok := seen[ch.Measure]; ok && prev != ch.UnitCode {
			return fmt.Errorf("每项督查激励措施最多推荐 1 个市（州）（通知第二条）：%s 已选 %s，又选了 %s", ch.Measure, prev, ch.UnitCode)
		}
		seen[ch.Measure] = ch.UnitCode
	}
	return nil
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
