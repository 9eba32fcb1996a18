package forms

import "fmt"

// Verification is the one record of a check by another body (通知 item 四): of a figure
// by the statistics bureau or the 通信管理局, or of a 主导产业 row by the statistics
// bureau. The rules live here; the store and the workbooks only persist and read it:
//
//   - the state is 未审核, 已审核 or 有疑问;
//   - 已审核 needs who verified, the reply's 文号 and its date;
//   - a date is any form ParseDate reads, stored as 2022-02-08;
//   - a changed value is no longer what was verified: it returns to 未审核
//     (StateAfterEdit).
type Verification struct {
	State VerifyState
	By    string // body and person, e.g. 省统计局 王五
	At    string // date of the reply
	DocNo string // 文号 of the reply
}

// Checked returns v with its date normalized, or what is wrong in Chinese.
func (v Verification) Checked() (Verification, error) {
	switch v.State {
	case Unverified, Verified, Questioned:
	default:
		return v, fmt.Errorf("审核状态“%s”无效：应为%s、%s或%s", v.State, Unverified, Verified, Questioned)
	}
	at, err := NormalizeDate(v.At)
	if err != nil {
		return v, fmt.Errorf("审核日期：%w", err)
	}
	v.At = at
	if v.State == Verified && (v.By == "" || v.DocNo == "" || v.At == "") {
		return v, fmt.Errorf("标记为已审核须填写审核单位（人）、审核文件文号和日期")
	}
	return v, nil
}

// StateAfterEdit is the state of a checked record after an edit: unchanged when the
// verified content is the same, 未审核 otherwise (also for a new record).
func StateAfterEdit(old VerifyState, exists, changed bool) VerifyState {
	if !exists || (changed && old != Unverified) || old == "" {
		return Unverified
	}
	return old
}

// ReviewKey names one figure the statistics bureau is asked to check (审核表 and its
// reply): an indicator's figure for one year (Row 0), or one column of a 主导产业 row
// (Row ≥ 1, Column the column key, Indicator empty, Year the campaign year the row
// describes). A 主导产业 row is one record with four figures, not four indicators,
// so it has its own fields here instead of an invented indicator code.
type ReviewKey struct {
	FigureKey
	Row    int
	Column string
}

// FigureReview is the review key of an indicator's figure.
func FigureReview(k FigureKey) ReviewKey { return ReviewKey{FigureKey: k} }

// IndustryReview is the review key of one figure of a 主导产业 row.
func IndustryReview(m MeasureID, code string, row int, column string, year int) ReviewKey {
	return ReviewKey{FigureKey: FigureKey{UnitCode: code, Measure: m, Year: year}, Row: row, Column: column}
}

// Industry reports a key of a 主导产业 row's figure.
func (k ReviewKey) Industry() bool { return k.Row > 0 }

// BatchScope selects the figures one confirmation covers (a reply of the statistics
// bureau or the 通信管理局 about many cells): one measure, the units (empty: every
// candidate of the measure), the years (empty: both indicator years), the indicators
// (empty: every indicator the verifier checks).
type BatchScope struct {
	Measure    MeasureID
	Verifier   Verifier
	Units      []string
	Years      []int
	Indicators []string
}

// BatchTargets returns the keys a batch confirmation records, in table order (unit,
// indicator, year), and the number of cells in scope left out because no value was
// entered (a missing figure is not confirmed; its 备注 says why it is missing).
func BatchTargets(c *Case, s BatchScope) (keys []FigureKey, missing int) {
	m, err := c.Campaign.Measure(s.Measure)
	if err != nil {
		return nil, 0
	}
	units := s.Units
	if len(units) == 0 {
		units = c.Candidates[s.Measure]
	}
	years := s.Years
	if len(years) == 0 {
		ys := c.Campaign.IndicatorYears()
		years = ys[:]
	}
	in := func(list []string, x string) bool {
		if len(list) == 0 {
			return true
		}
		for _, y := range list {
			if y == x {
				return true
			}
		}
		return false
	}
	for _, u := range units {
		for _, ind := range m.Indicators {
			if ind.Verifier != s.Verifier || !in(s.Indicators, ind.ID) {
				continue
			}
			for _, y := range years {
				k := FigureKey{UnitCode: u, Measure: s.Measure, Indicator: ind.ID, Year: y}
				if f, ok := c.Figure(k); ok && !f.Value.Missing {
					keys = append(keys, k)
				} else {
					missing++
				}
			}
		}
	}
	return keys, missing
}
