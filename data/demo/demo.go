// Package demo fills a store with the demo province: 山东省, campaign 2021, candidates
// for both measures, figures for both years, events (one of them excluding a
// candidate), assessments, application texts, one chosen city per measure, verified
// figures and recorded approvals — a complete case on which the pre-flight passes, so
// a newcomer sees the whole flow. Every figure is invented and the settings mark the
// data as 演示数据 everywhere.
package demo

import (
	"fmt"
	"math"
	"slices"
	"time"

	"tuijian/data/divisions"
	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/grading"
	"tuijian/forms/value"
)

// Province is the demo's recommending unit.
const Province = "370000" // 山东省

// Candidates of each measure; the first is the chosen one.
var Candidates = map[forms.MeasureID][]string{
	forms.Industry: {"370200", "370100", "370600", "370700", "370300"}, // 青岛 济南 烟台 潍坊 淄博
	forms.Digital:  {"370100", "370200", "370600", "371000", "370300"}, // 济南 青岛 烟台 威海 淄博
}

// Fill writes the demo into an empty store in one transaction, for a package written
// this year.
func Fill(s *store.Store) error { return FillFor(s, time.Now()) }

// FillFor writes the demo for a package dated packageDay: the 推荐函's 发文字号 carry
// that year, as GB/T 9704 asks of a number issued then (tests fix the day).
func FillFor(s *store.Store, packageDay time.Time) error {
	return FillProvince(s, packageDay, Province, Candidates)
}

// FillProvince writes a demo case for another recommending unit (the ministry's
// intake is tested with one package per province): the given candidates, the first
// of each measure chosen, the same invented figures, and the 山东 events, industries
// and commendation only where their cities are candidates. A measure without
// candidates is left without a choice.
func FillProvince(s *store.Store, packageDay time.Time, province string, candidates map[forms.MeasureID][]string) error {
	return FillCampaign(s, packageDay, Options{Province: province, Candidates: candidates})
}

// Picks are a demo's units for any campaign and province: the first four
// prefecture-level units of each measure (and one county where the measure takes
// counties) as candidates, as many of them chosen, in order, as the quota allows.
func Picks(def *forms.Campaign, province string) (candidates, chosen map[forms.MeasureID][]string) {
	prov, _ := divisions.Province(province)
	c := &forms.Case{Campaign: def, Province: prov, Units: divisions.UnitsFor(prov.Code, def)}
	candidates, chosen = map[forms.MeasureID][]string{}, map[forms.MeasureID][]string{}
	for i := range def.Measures {
		m := &def.Measures[i]
		prefectures, counties := 0, 0
		for _, u := range c.Units {
			switch {
			case u.Level() == forms.LevelCounty && m.Quota.Allows(forms.LevelCounty) && counties < 1:
				counties++
			case u.Level() == forms.LevelPrefecture && prefectures < 4:
				prefectures++
			default:
				continue
			}
			candidates[m.ID] = append(candidates[m.ID], u.Code)
			if c.CheckQuota(m, append(slices.Clone(chosen[m.ID]), u.Code)) == nil {
				chosen[m.ID] = append(chosen[m.ID], u.Code)
			}
		}
	}
	return candidates, chosen
}

// Options say what FillCampaign writes.
type Options struct {
	Province   string
	Candidates map[forms.MeasureID][]string
	// Definition is a campaign definition file to run the demo on (nil: the built-in
	// 2021 one), read from Source; Chosen names the units chosen per measure (nil:
	// the first candidate of each measure).
	Definition []byte
	Source     string
	Chosen     map[forms.MeasureID][]string
}

// FillCampaign writes a demo case as FillProvince does, under any campaign
// definition: the dates of the verifications, consents and screenings fall before
// the campaign's deadline as in the 2021 demo (17, 6 and 7 days before it), and
// every chosen unit of a measure gets its texts, screening and consent.
func FillCampaign(s *store.Store, packageDay time.Time, o Options) error {
	province, candidates := o.Province, o.Candidates
	st, err := s.Settings()
	if err != nil {
		return err
	}
	if st.ProvinceCode != "" {
		return fmt.Errorf("数据文件 %s 已有数据，演示数据只能写入新的数据文件", s.Path())
	}
	return s.Update("创建演示数据", func(t *store.Tx) error {
		dept, abbr := forms.RecommendingBodies[province], forms.ProvinceAbbrev(province)
		year := 2021
		if o.Definition != nil {
			camp, err := t.AdoptCampaign(o.Definition, o.Source)
			if err != nil {
				return err
			}
			year = camp.Year
		}
		if err := t.SetSettings(forms.Settings{
			ProvinceCode: province, Year: year,
			Department: dept + "（演示）", Contact: "张演示", Phone: "0531-0000000",
			Demo: true,
		}); err != nil {
			return err
		}
		c, err := t.Case()
		if err != nil {
			return err
		}
		deadline := c.Campaign.Deadline
		before := func(days int) string { return deadline.AddDate(0, 0, -days).Format(time.DateOnly) }
		verifiedAt, consentAt, screenedAt := before(17), before(6), before(7)
		chosen := map[forms.MeasureID][]string{}
		for m, codes := range candidates {
			if o.Chosen != nil {
				chosen[m] = o.Chosen[m]
			} else if len(codes) > 0 {
				chosen[m] = codes[:1]
			}
		}
		for _, m := range c.Campaign.Measures {
			for i, code := range candidates[m.ID] {
				if err := t.SetCandidate(m.ID, code, true); err != nil {
					return err
				}
				if err := fillFigures(t, c, &m, code, i, verifiedAt); err != nil {
					return err
				}
				for _, cl := range m.Clauses {
					if cl.FromEvents {
						continue
					}
					verdict := forms.VerdictMet
					if i > 2 {
						verdict = forms.VerdictPartial
					}
					if err := t.SetAssessment(forms.Assessment{UnitCode: code, Measure: m.ID, Clause: cl.Key, Verdict: verdict,
						Evidence: fmt.Sprintf("（演示）%s对照%s%s的情况说明。", unitName(c, code), m.Article, cl.Number)}); err != nil {
						return err
					}
				}
			}
			for _, in := range m.Indicators {
				for yi, y := range c.Campaign.IndicatorYears() {
					if err := t.SetProvinceFigure(m.ID, in.ID, y, invent(in, 5, yi, 0.8).Format(in.Kind), fmt.Sprintf("%d年%s统计公报（演示）", y, c.Province.Name)); err != nil {
						return err
					}
				}
			}
		}
		own := province == Province && o.Definition == nil
		if im := c.Campaign.IndustryMeasure(); im != nil {
			codes := chosen[im.ID]
			if own {
				codes = candidates[im.ID]
			}
			for _, code := range codes {
				rows, ok := industries[code]
				if !ok || !own {
					rows = industries["370200"]
				}
				if !ok && own {
					continue
				}
				for i, r := range rows {
					if err := t.SetIndustry(store.IndustryInput{UnitCode: code, Row: i + 1, Name: r[0], Figures: [4]string{r[1], r[2], r[3], r[4]}}); err != nil {
						return err
					}
					// The rows come from the industrial statistics: verified like the figures.
					if err := t.SetIndustryVerification(code, i+1, store.IndustryVerification{State: forms.Verified, By: c.Province.Name + "统计局（演示）", At: verifiedAt, DocNo: abbr + "统演函〔2022〕5号"}); err != nil {
						return err
					}
				}
			}
		}
		for _, e := range events() {
			if !own {
				break
			}
			if _, err := t.SaveEvent(e); err != nil {
				return err
			}
		}
		approve := func(m forms.Measure) error {
			// The consents the measure needs are given for the chosen units, after the
			// choice; every letter has its 发文字号.
			a := forms.Approval{Measure: m.ID,
				LetterNo: fmt.Sprintf("%s工信演函〔%d〕%d号", abbr, forms.Day(packageDay).Year(), m.Seq)}
			if m.GovernmentConsent {
				a.Government, a.GovDocNo, a.GovDate = forms.ConsentYes, abbr+"政演字〔2022〕8号", consentAt
			}
			if m.TelecomConcurrence {
				a.Telecom, a.TelecomDocNo, a.TelecomDate = forms.ConsentYes, abbr+"通演函〔2022〕3号", before(7)
			}
			return t.SetApproval(a)
		}
		for _, m := range c.Campaign.Measures {
			for _, code := range chosen[m.ID] {
				for _, sec := range m.Sections() {
					if len(sec.Children) > 0 {
						continue
					}
					text := fmt.Sprintf("（演示数据）%s%s：%s", unitName(c, code), sec.Title, sec.Guidance)
					if sec.FromEvents {
						text = "（演示数据）经核查，本市近三年未发生重大及以上安全生产事故、重大及以上突发环境事件或造成恶劣影响的社会事件。"
					}
					if err := t.SetSection(code, m.ID, sec.Key, text); err != nil {
						return err
					}
				}
				now := time.Now()
				if s.Now != nil {
					now = s.Now() // the store's clock: tests get a fixed decision time
				}
				full, err := t.Case()
				if err != nil {
					return err
				}
				cmp, err := forms.ComparisonFor(full, m.ID, 0, nil, nil, now)
				if err != nil {
					return err
				}
				record, err := cmp.Record(code, nil, now).JSON()
				if err != nil {
					return err
				}
				if err := t.Choose(forms.Choice{Measure: m.ID, UnitCode: code, Decision: record,
					Reason: fmt.Sprintf("（演示数据）%s各项指标在候选%s中综合领先，%s所列基本条件均符合，近三年无负面情况。", unitName(c, code), m.UnitWord(), m.Article)},
					now); err != nil {
					return err
				}
			}
			if len(chosen[m.ID]) > 0 {
				if err := approve(m); err != nil {
					return err
				}
			}
			for _, code := range chosen[m.ID] {
				if err := t.SetScreening(forms.Screening{UnitCode: code, Checker: "规划处 张演示", Departments: c.Province.Name + "应急管理厅、" + c.Province.Name + "生态环境厅（演示）",
					Date: screenedAt, Basis: "两厅复函（演示）：近三年未发生重大、特大安全生产事故和环境事故"}); err != nil {
					return err
				}
			}
		}
		if !own {
			return nil
		}
		if _, err := t.AddCommendation(forms.Commendation{UnitCode: "370200", DocNo: "国办发演〔2021〕49号", Date: "2021-07-01",
			Title: "（演示）推进制造业数字化转型的典型经验做法"}); err != nil {
			return err
		}
		return nil
	})
}

func unitName(c *forms.Case, code string) string {
	u, _ := c.Unit(code)
	return u.FullName()
}

// fillFigures writes invented, verified figures for both years; rank 0 is the best.
func fillFigures(t *store.Tx, c *forms.Case, m *forms.Measure, code string, rank int, verifiedAt string) error {
	camp, abbr := c.Campaign, forms.ProvinceAbbrev(c.Province.Code)
	for _, in := range m.Indicators {
		for yi, y := range camp.IndicatorYears() {
			v := invent(in, rank, yi, 1)
			src := fmt.Sprintf("%d年%s统计公报（演示）", y, code)
			if in.Verifier == forms.VerifierMinistryList {
				src = fmt.Sprintf("工信部%d年公布名单（演示）", y)
			}
			k := forms.FigureKey{UnitCode: code, Measure: m.ID, Indicator: in.ID, Year: y}
			if err := t.SetFigure(store.FigureInput{FigureKey: k, Text: v.Format(in.Kind), Source: src}); err != nil {
				return err
			}
			if in.NeedsVerification() {
				by, doc := c.Province.Name+"统计局（演示）", abbr+"统演函〔2022〕5号"
				if in.Verifier == forms.VerifierTelecom {
					by, doc = c.Province.Name+"通信管理局（演示）", abbr+"通演函〔2022〕3号"
				}
				if err := t.SetVerification(store.Verification{FigureKey: k, State: forms.Verified, By: by, At: verifiedAt, DocNo: doc}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// invent makes a plausible figure that gets worse with rank, deterministically.
func invent(in forms.Indicator, rank, yearIndex int, scale float64) value.Value {
	h := 0
	for _, r := range in.ID {
		h = h*31 + int(r)
	}
	jitter := float64((h+rank*7+yearIndex*3)%10) / 10
	q := 1 - 0.12*float64(rank)
	switch in.Kind {
	case value.Growth:
		return value.Value{A: round1((6+4*q+jitter)*scale - float64(yearIndex))}
	case value.Share:
		return value.Value{A: round1((20 + 15*q + jitter) * scale)}
	case value.Coverage:
		if in.Unit == "%" {
			return value.Value{A: round1((70 + 40*q + jitter) * scale)}
		}
		return value.Value{A: round1((8 + 10*q + jitter) * scale)}
	case value.Number: // 每万人拥有5G基站数
		return value.Value{A: round1((8 + 10*q + jitter) * scale)}
	case value.Count:
		return value.Value{A: math.Round((3 + 12*q + jitter*3) * scale)}
	case value.CountPair:
		a := math.Round((1 + 3*q) * scale)
		return value.Value{A: a, B: math.Round(a / 2)}
	case value.YesNo:
		if rank < 2 && yearIndex == 1 {
			return value.Value{A: 1}
		}
		return value.Value{A: 0}
	}
	return value.Value{Missing: true}
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

var industries = map[string][][5]string{
	"370200": {{"家电电子（演示）", "18.2", "9.5", "3560.4", "210.7"}, {"汽车（演示）", "12.6", "11.8", "2150.0", "120.3"}, {"轨道交通装备（演示）", "6.3", "7.2", "890.5", "45.1"}},
	"370100": {{"信息技术（演示）", "16.4", "12.3", "2980.1", "180.2"}, {"高端装备（演示）", "11.0", "8.1", "1650.3", "88.6"}},
	"370600": {{"绿色化工（演示）", "15.1", "7.9", "2410.0", "150.8"}, {"高端装备（演示）", "10.2", "9.3", "1320.6", "70.4"}},
	"370700": {{"动力装备（演示）", "14.3", "8.8", "2100.7", "99.5"}},
	"370300": {{"新材料（演示）", "17.5", "6.4", "1900.2", "85.0"}},
}

func events() []forms.Event {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	return []forms.Event{
		{UnitCode: "370300", Kind: forms.EventSafety, Date: d(2020, 8, 14), Title: "某化工企业爆炸事故（演示）",
			Description: "演示数据：虚构事件。", Safety: grading.Safety{Deaths: 11, SeriousInjuries: 4, LossYuan: 38_000_000},
			Official: grading.Major, OfficialDoc: "鲁应急演〔2020〕12号"},
		{UnitCode: "370700", Kind: forms.EventSafety, Date: d(2021, 3, 2), Title: "某建筑工地坍塌（演示）",
			Description: "演示数据：虚构事件。", Safety: grading.Safety{Deaths: 2, SeriousInjuries: 3, LossYuan: 4_200_000}},
		{UnitCode: "370600", Kind: forms.EventEnvironment, Date: d(2018, 11, 20), Title: "某河段水污染事件（演示）",
			Description: "演示数据：发生在近三年之前，仅显示不计入。", Environment: grading.Environment{Evacuated: 12_000, LossYuan: 9_000_000}},
	}
}
