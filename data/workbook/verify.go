package workbook

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/value"
)

// verifyRow is one figure of the 审核表.
type verifyRow struct {
	key  forms.ReviewKey
	unit forms.Unit
	m    *forms.Measure
	in   forms.Indicator
	li   *forms.LeadingIndustry // the 主导产业 row of an industry figure, nil otherwise
}

// industryLabel is the 指标 cell of a 主导产业 figure, e.g.
// 主导产业第1行“家电”：销售收入（亿元）.
func industryLabel(li *forms.LeadingIndustry, col forms.IndustryColumn) string {
	return fmt.Sprintf("主导产业第%d行“%s”：%s", li.Row, li.Name, col.Label)
}

var industryLabelRE = regexp.MustCompile(`^主导产业第(\d+)行“(.*)”：(.+)$`)

// industryUnit is the unit in the column label's last parentheses: “%”, “亿元”.
func industryUnit(label string) string {
	i := strings.LastIndex(label, "（")
	if i < 0 {
		return ""
	}
	return strings.TrimSuffix(label[i+len("（"):], "）")
}

func industryValue(li *forms.LeadingIndustry, col string) value.Value {
	switch col {
	case "share":
		return li.Share
	case "growth":
		return li.Growth
	case "revenue":
		return li.Revenue
	case "profit":
		return li.Profit
	}
	return value.Value{Missing: true}
}

// industryRows lists the figures of the named 主导产业 rows of a candidate.
func industryRows(c *forms.Case, m *forms.Measure, u forms.Unit) []verifyRow {
	var out []verifyRow
	for i := range c.Industries {
		li := &c.Industries[i]
		if li.UnitCode != u.Code || li.Name == "" {
			continue
		}
		for _, col := range m.LeadingIndustries {
			if col.Text {
				continue
			}
			k := forms.IndustryReview(m.ID, u.Code, li.Row, col.Key, c.Campaign.Year)
			in := forms.Indicator{Label: industryLabel(li, col), Unit: industryUnit(col.Label), Kind: col.Kind, Verifier: forms.VerifierStats}
			out = append(out, verifyRow{key: k, unit: u, m: m, in: in, li: li})
		}
	}
	return out
}

// reviewed is the current content of one figure of the 审核表.
type reviewed struct {
	value  value.Value
	kind   value.Kind
	source string
	state  forms.VerifyState
}

// current is the canonical current value.
func (r reviewed) current() string { return r.value.Format(r.kind) }

// verifyIndex gives the current content of every 审核表 figure that exists, the
// indicators' figures and the 主导产业 rows' alike.
func verifyIndex(c *forms.Case) map[forms.ReviewKey]reviewed {
	figs := figureIndex(c)
	idx := map[forms.ReviewKey]reviewed{}
	for _, vr := range verifyRows(c) {
		if vr.li != nil {
			idx[vr.key] = reviewed{value: industryValue(vr.li, vr.key.Column), kind: vr.in.Kind, state: vr.li.State}
		} else if f, ok := figs[vr.key.FigureKey]; ok {
			idx[vr.key] = reviewed{value: f.Value, kind: vr.in.Kind, source: f.Source, state: f.State}
		}
	}
	return idx
}

// verifyRows lists the statistical-system figures of the candidates, measure by
// measure, candidate by candidate, indicator by indicator, year by year.
func verifyRows(c *forms.Case) []verifyRow {
	var out []verifyRow
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		for _, u := range candidates(c, m.ID) {
			for _, in := range m.Indicators {
				if !in.Statistical() {
					continue
				}
				for _, y := range c.Campaign.IndicatorYears() {
					out = append(out, verifyRow{key: forms.FigureReview(forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: in.ID, Year: y}), unit: u, m: m, in: in})
				}
			}
			if len(m.LeadingIndustries) > 0 {
				out = append(out, industryRows(c, m, u)...)
			}
		}
	}
	return out
}

// Bureau is the name of the verifying statistics bureau of the case's province.
func Bureau(c *forms.Case) string {
	if c.Province.Bingtuan {
		return "新疆生产建设兵团统计局"
	}
	return c.Province.Name + "统计局"
}

// ExportVerification writes the 审核表 for the statistics bureau: every statistical-system
// figure of every candidate with its value, unit and source, and the empty columns
// 审核值, 审核意见, 审核人, the only cells the bureau can edit.
func ExportVerification(c *forms.Case, w io.Writer) error {
	var fe firstErr
	if c == nil || c.Campaign == nil {
		return fmt.Errorf("尚未设置推荐单位和年度，无法导出审核表")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	guide := []string{
		fmt.Sprintf("%s拟于%d年度督查激励工作（%s）中推荐市（州），按通知要求，属于统计系统的指标数据须经%s审核确认。", c.Province.Name, c.Campaign.Year, c.Campaign.Notice, Bureau(c)),
		fmt.Sprintf("一、“%s”工作表每行是一个候选市（州）一项指标一年的数值，灰色各列已锁定，请勿修改。", verifySheet),
		"二、数值无误的：“审核值”和“审核意见”留空，在“审核人”填写审核人姓名。",
		"三、数值有误的：在“审核值”填写核实后的数值（百分比指标填百分数，如 12.3），可在“审核意见”说明理由。",
		"四、无法确认、需要进一步核实的：“审核值”留空，在“审核意见”写明疑问。",
		fmt.Sprintf("　　制造业主导产业（%d年）各行的占比、增速、销售收入、利润总额也来自工业统计，每项一行，“指标”列写明第几行和产业名称，审核方法同上。", c.Campaign.Year),
		"五、请勿增删行、调换列或修改工作表名称；填好后请随复函（注明文号）一并交回，由省工业和信息化厅导入本程序核对。",
	}
	if err := writeGuide(f, st, verifyGuideSheet, "统计数据审核说明", guide); err != nil {
		return err
	}
	sheet := verifySheet
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	last := colName(len(verifyHeaders))
	fe.do(f.SetColStyle(sheet, "I:K", st.dataText))
	for i, wd := range []float64{9, 12, 16, 40, 8, 10, 8, 30, 12, 30, 12} {
		fe.do(f.SetColWidth(sheet, colName(i+1), colName(i+1), wd))
	}
	fe.do(f.SetCellStr(sheet, "A1", verifyTitle(c)))
	fe.do(f.MergeCell(sheet, "A1", last+"1"))
	fe.do(f.SetCellStyle(sheet, "A1", "A1", st.title))
	for i, h := range verifyHeaders {
		fe.do(f.SetCellStr(sheet, cellName(i+1, 2), h.top))
	}
	fe.do(f.SetCellStyle(sheet, "A2", last+"2", st.header))
	fe.do(f.SetRowHeight(sheet, 1, 28))
	figs := verifyIndex(c)
	rows := verifyRows(c)
	for i, vr := range rows {
		row := headerRows + 1 + i
		fe.do(f.SetCellStr(sheet, cellName(vCode, row), vr.unit.Code))
		fe.do(f.SetCellStr(sheet, cellName(vName, row), vr.unit.Name))
		fe.do(f.SetCellStr(sheet, cellName(vMeasure, row), vr.m.Short))
		fe.do(f.SetCellStr(sheet, cellName(vIndicator, row), vr.in.Label))
		fe.do(f.SetCellInt(sheet, cellName(vYear, row), int64(vr.key.Year)))
		fe.do(f.SetCellStr(sheet, cellName(vUnit, row), vr.in.Unit))
		if fig, ok := figs[vr.key]; ok {
			if err := setFigureValue(f, sheet, cellName(vValue, row), fig.value, vr.in); err != nil {
				return err
			}
			setText(f, sheet, cellName(vSource, row), fig.source)
		}
	}
	if n := len(rows); n > 0 {
		fe.do(f.SetCellStyle(sheet, "A3", cellName(vSource, headerRows+n), st.locked))
		fe.do(f.SetCellStyle(sheet, cellName(vReviewed, 3), cellName(vReviewer, headerRows+n), st.dataText))
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerRows, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if fe.err != nil {
		return fe.err
	}
	if err := protect(f, sheet); err != nil {
		return err
	}
	if err := writeMeta(f, formatVerification, c, nil); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// ItemKind is the bureau's answer on one figure.
type ItemKind int

const (
	Confirmed  ItemKind = iota // 审核值 blank or equal, no 审核意见
	Changed                    // 审核值 differs from the current value
	Questioned                 // 审核意见 without a value change
	NoFigure                   // no figure entered and none given by the bureau: nothing to verify
)

func (k ItemKind) String() string {
	return [...]string{"无误", "修改", "有疑问", "无数据"}[k]
}

// Item is the bureau's answer on one figure, beside the current value.
type Item struct {
	Key       forms.ReviewKey
	Cell      string // the 审核值 cell
	UnitName  string
	Measure   string // short name
	Label     string
	Unit      string
	Kind      ItemKind
	Exported  string // the value the bureau saw (数值 column), canonical
	Current   string // the value in the store now, canonical
	State     forms.VerifyState
	Reviewed  string // 审核值, canonical ("" when blank)
	Opinion   string // 审核意见
	Reviewer  string // 审核人
	Stale     bool   // the current value is not the one the bureau saw
	HasFigure bool
	// Applied: the store already holds this reply's outcome (its value and state), as
	// after an earlier import of the same reply.
	Applied bool
}

// VerificationReply is the bureau's reply, read and checked, not yet applied.
type VerificationReply struct {
	Year         int
	ProvinceCode string
	Bureau       string
	Items        []Item
	// Missing lists the statistical figures of the candidates that have no row in the
	// reply (the bureau deleted it, or the candidate was added after the export).
	Missing []forms.ReviewKey
}

// Decision is the officer's decision on a changed or questioned figure.
type Decision int

const (
	Undecided Decision = iota
	Accept
	Reject
)

// Counts returns how many items are of each kind.
func (r *VerificationReply) Counts() map[ItemKind]int {
	out := map[ItemKind]int{}
	for _, it := range r.Items {
		out[it.Kind]++
	}
	return out
}

// ImportVerification reads the bureau's reply to a 审核表. Like ImportFigures it lists
// every problem at once (a *Problems error) or returns the reply.
func ImportVerification(c *forms.Case, r io.ReaderAt, size int64) (*VerificationReply, error) {
	if c == nil || c.Campaign == nil {
		return nil, fmt.Errorf("尚未设置推荐单位和年度，无法导入审核回复")
	}
	b, err := openBook(r, size)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	var p Problems
	if !checkMeta(b, formatVerification, c, &p) {
		return nil, p.err()
	}
	sheet := verifySheet
	if !b.hasSheet(sheet) {
		p.add("", "", "缺少工作表“%s”：请使用本程序导出的审核表", sheet)
		return nil, p.err()
	}
	// An indicator's row is found by its label, a 主导产业 row's figure by its row
	// number and column (the name may have changed since the export).
	type rowID struct {
		code, label string
		year, row   int
	}
	expected := map[rowID]verifyRow{}
	for _, vr := range verifyRows(c) {
		id := rowID{code: vr.unit.Code, label: norm(vr.in.Label), year: vr.key.Year}
		if vr.li != nil {
			id.label, id.row = vr.key.Column, vr.key.Row
		}
		expected[id] = vr
	}
	industryCol := map[string]string{} // label → key of the 主导产业 columns
	for _, m := range c.Campaign.Measures {
		for _, col := range m.LeadingIndustries {
			industryCol[norm(col.Label)] = col.Key
		}
	}
	figs := verifyIndex(c)
	reply := &VerificationReply{Year: c.Campaign.Year, ProvinceCode: c.Province.Code, Bureau: Bureau(c)}
	seen := map[forms.ReviewKey]int{}
	var cols []int
	err = b.sheetRows(sheet, headerRows, func(row int, cells []string) error {
		switch {
		case row == 1:
			if t := cellAt(cells, 1); norm(t) != norm(verifyTitle(c)) {
				p.add(sheet, "A1", "标题“%s”与当前数据文件不符（应为“%s”）：请使用本省本年度导出的审核表", t, verifyTitle(c))
			}
			return nil
		case row == 2:
			cols = matchHeaders(sheet, 2, cells, nil, verifyHeaders, c.Campaign.IndicatorYears(), &p)
			return nil
		case blank(cells) && !b.rowHasUncached(sheet, row):
			return nil
		}
		for _, x := range cols {
			if x == 0 {
				return nil
			}
		}
		get := func(i int) (string, bool) { return textCell(b, sheet, cells, cols[i-1], row, &p) }
		code, _ := get(vCode)
		name, _ := get(vName)
		label, _ := get(vIndicator)
		ys, _ := get(vYear)
		u, ok := rowUnit(c, sheet, row, cols[vCode-1], cols[vName-1], code, name, &p)
		if !ok {
			return nil
		}
		year, err := strconv.Atoi(strings.TrimSuffix(ys, "年"))
		lookup, exportedName := rowID{code: u.Code, label: norm(label), year: year}, ""
		if sm := industryLabelRE.FindStringSubmatch(norm(label)); sm != nil && industryCol[sm[3]] != "" {
			n, _ := strconv.Atoi(sm[1])
			lookup.label, lookup.row, exportedName = industryCol[sm[3]], n, sm[2]
		}
		vr, found := expected[lookup]
		if err != nil || !found {
			p.add(sheet, cellName(cols[vIndicator-1], row), "%s“%s”（%s年）不是本次需审核的统计指标：请勿修改前八列，或删除此行", u.Name, label, ys)
			return nil
		}
		if prev, dup := seen[vr.key]; dup {
			p.add(sheet, cellName(cols[vCode-1], row), "%s %d年“%s”重复（第 %d 行已有）：请删除重复的行", u.Name, year, vr.in.Label, prev)
			return nil
		}
		seen[vr.key] = row
		it := Item{Key: vr.key, Cell: cellName(cols[vReviewed-1], row), UnitName: u.Name, Measure: vr.m.Short, Label: vr.in.Label, Unit: vr.in.Unit}
		good := true
		exported, ok := get(vValue)
		good = good && ok
		if v, err := value.Parse(exported, vr.in.Kind); err != nil {
			p.add(sheet, cellName(cols[vValue-1], row), "“数值”列被改动（%s）：请勿修改前八列，核实后的数值请填在“审核值”", err.Error())
			good = false
		} else {
			it.Exported = v.Format(vr.in.Kind)
		}
		reviewed, ok := get(vReviewed)
		good = good && ok
		if v, err := value.Parse(reviewed, vr.in.Kind); err != nil {
			p.add(sheet, it.Cell, "%s %d年“%s”的审核值：%s", u.Name, year, vr.in.Label, err.Error())
			good = false
		} else {
			it.Reviewed = v.Format(vr.in.Kind)
		}
		op, ok1 := get(vOpinion)
		who, ok2 := get(vReviewer)
		if !good || !ok1 || !ok2 {
			return nil
		}
		it.Opinion, it.Reviewer = op, who
		if f, ok := figs[vr.key]; ok {
			it.HasFigure = !f.value.Missing
			it.Current = f.current()
			it.State = f.state
		}
		it.Stale = it.Current != it.Exported
		if vr.li != nil && exportedName != norm(vr.li.Name) {
			it.Stale = true // the bureau saw another 主导产业 in this row
		}
		// Re-running is harmless (issue 20): the reply's own change is not a later edit.
		outcome := it.Exported
		if it.Reviewed != "" {
			outcome = it.Reviewed
		}
		// A 主导产业 row has one state for its four figures: a row questioned on one of
		// them leaves the others of the same reply 有疑问 too.
		accepted := (it.State == forms.Verified || (it.Key.Industry() && it.State == forms.Questioned)) && it.Current == outcome
		rejected := it.State == forms.Questioned && it.Current == it.Exported && (it.Opinion != "" || it.Reviewed != "")
		if it.HasFigure && (accepted || rejected) {
			it.Applied, it.Stale = true, false
		}
		switch {
		case it.Reviewed != "" && it.Reviewed != it.Current:
			it.Kind = Changed
		case it.Opinion != "":
			it.Kind = Questioned
		case !it.HasFigure:
			it.Kind = NoFigure
		default:
			it.Kind = Confirmed
		}
		reply.Items = append(reply.Items, it)
		return nil
	})
	if err != nil {
		p.add("", "", "%s", err.Error())
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	for _, vr := range verifyRows(c) {
		if _, ok := seen[vr.key]; !ok {
			reply.Missing = append(reply.Missing, vr.key)
		}
	}
	return reply, nil
}

// AlreadyApplied reports a reply whose every answer is already what the store holds:
// importing it again changes nothing.
func (r *VerificationReply) AlreadyApplied() bool {
	applied := 0
	for _, it := range r.Items {
		switch {
		case it.Applied:
			applied++
		case it.Kind != NoFigure:
			return false
		}
	}
	return applied > 0
}

// By is who verified an item: the bureau and the 审核人.
func (r *VerificationReply) By(it Item) string {
	if it.Reviewer == "" {
		return r.Bureau
	}
	return r.Bureau + " " + it.Reviewer
}

// Apply records the reply through tx (call it inside one store.Update). decisions gives
// Accept or Reject per figure; changed and questioned items must have one, confirmed
// items default to Accept. docNo is the document number of the bureau's reply and date
// its date (YYYY-MM-DD).
//
// Accept: the figure becomes 已审核 by “<bureau> <审核人>” with docNo and date; for a
// changed item the 审核值 first replaces the value. Reject: a changed or questioned
// figure becomes 有疑问 (recorded with the same reference); a rejected confirmation leaves
// the figure as it is. An item whose value changed since the export (Stale) cannot be
// accepted unless the bureau gave a value.
func (r *VerificationReply) Apply(tx *store.Tx, decisions map[forms.ReviewKey]Decision, docNo, date string) error {
	docNo = strings.TrimSpace(docNo)
	if docNo == "" {
		return fmt.Errorf("请填写统计局复函的文号")
	}
	date, err := forms.NormalizeDate(date)
	if err != nil || date == "" {
		if err == nil {
			err = fmt.Errorf("未填写")
		}
		return fmt.Errorf("复函日期：%w", err)
	}
	c, err := tx.Case()
	if err != nil {
		return err
	}
	if c.Campaign.Year != r.Year || c.Province.Code != r.ProvinceCode {
		return fmt.Errorf("审核回复属于 %s %d 年度，与当前数据文件不符，未导入", r.ProvinceCode, r.Year)
	}
	figs := verifyIndex(c)
	var undecided []string
	for _, it := range r.Items {
		if (it.Kind == Changed || it.Kind == Questioned) && decisions[it.Key] == Undecided {
			undecided = append(undecided, fmt.Sprintf("%s %d年“%s”", it.UnitName, it.Key.Year, it.Label))
		}
	}
	if len(undecided) > 0 {
		return fmt.Errorf("以下 %d 项修改或疑问尚未决定接受还是退回：%s", len(undecided), strings.Join(undecided, "；"))
	}
	rows := map[industryKey]*industryOutcome{}
	for _, it := range r.Items {
		if it.Key.Industry() {
			if cur := figs[it.Key].current(); cur != it.Current {
				return fmt.Errorf("导入审核回复之后，%s“%s”已在别处被修改：请重新导入审核回复", it.UnitName, it.Label)
			}
			k := industryKey{it.Key.UnitCode, it.Key.Row}
			o := rows[k]
			if o == nil {
				o = &industryOutcome{measure: it.Key.Measure, changes: map[string]string{}}
				rows[k] = o
			}
			if err := o.add(it, it.Key.Column, decisions[it.Key], r.By(it)); err != nil {
				return err
			}
			continue
		}
		if it.Kind == NoFigure {
			continue
		}
		d := decisions[it.Key]
		if d == Undecided {
			if it.Stale {
				continue // a confirmation of a value no longer current is not recorded
			}
			d = Accept
		}
		cur := ""
		if f, ok := figs[it.Key]; ok {
			cur = f.current()
		}
		if cur != it.Current {
			return fmt.Errorf("导入审核回复之后，%s %d年“%s”已在别处被修改：请重新导入审核回复", it.UnitName, it.Key.Year, it.Label)
		}
		v := store.Verification{FigureKey: it.Key.FigureKey, By: r.By(it), At: date, DocNo: docNo}
		switch {
		case d == Accept && it.Kind == Changed:
			text := it.Reviewed
			if err := tx.UpdateFigure(store.FigureUpdate{FigureKey: it.Key.FigureKey, Text: &text}); err != nil {
				return err
			}
			v.State = forms.Verified
		case d == Accept:
			if it.Stale {
				return fmt.Errorf("%s %d年“%s”在导出审核表后已改为 %s（统计局审核的是 %s），不能按原审核结果确认：请退回，或重新导出审核表", it.UnitName, it.Key.Year, it.Label, show(it.Current), show(it.Exported))
			}
			v.State = forms.Verified
		case d == Reject && it.Kind == Confirmed:
			continue
		default:
			v.State = forms.Questioned
		}
		if err := tx.SetVerification(v); err != nil {
			return fmt.Errorf("%s %d年“%s”：%w", it.UnitName, it.Key.Year, it.Label, err)
		}
	}
	return r.applyIndustries(tx, c, rows, docNo, date)
}

// industryOutcome gathers the bureau's answers on the figures of one 主导产业 row: the
// row carries one verification state for its four figures.
type industryOutcome struct {
	measure    forms.MeasureID
	changes    map[string]string // column key → accepted 审核值
	cols       int               // figures of the row in the reply
	verified   int               // figures accepted (or blank on both sides)
	questioned bool
	by         []string
}

func (o *industryOutcome) add(it Item, col string, d Decision, by string) error {
	o.cols++
	if !slicesContains(o.by, by) {
		o.by = append(o.by, by)
	}
	if it.Kind == NoFigure {
		o.verified++ // nothing to verify: does not hold the row back
		return nil
	}
	if d == Undecided {
		if it.Stale {
			return nil // a confirmation of a value no longer current is not recorded
		}
		d = Accept
	}
	switch {
	case d == Accept && it.Kind == Changed:
		o.changes[col] = it.Reviewed
		o.verified++
	case d == Accept:
		if it.Stale {
			return fmt.Errorf("%s“%s”在导出审核表后已改为 %s 或改了产业名称（统计局审核的是 %s），不能按原审核结果确认：请退回，或重新导出审核表", it.UnitName, it.Label, show(it.Current), show(it.Exported))
		}
		o.verified++
	case d == Reject && it.Kind == Confirmed:
	default:
		o.questioned = true
	}
	return nil
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// applyIndustries writes the accepted changes of each 主导产业 row, then its state:
// 有疑问 when any figure of the row was questioned or its change rejected, 已审核 when
// every figure of the row was answered and accepted, otherwise unchanged.
func (r *VerificationReply) applyIndustries(tx *store.Tx, c *forms.Case, rows map[industryKey]*industryOutcome, docNo, date string) error {
	keys := make([]industryKey, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].unit != keys[j].unit {
			return keys[i].unit < keys[j].unit
		}
		return keys[i].row < keys[j].row
	})
	lis := industryIndex(c)
	for _, k := range keys {
		o := rows[k]
		li, ok := lis[k]
		if !ok || li.Name == "" {
			continue
		}
		m, err := c.Campaign.Measure(o.measure)
		if err != nil {
			return err
		}
		name := k.unit
		if u, ok := c.Unit(k.unit); ok {
			name = u.Name
		}
		if len(o.changes) > 0 {
			in := store.IndustryInput{UnitCode: k.unit, Row: k.row, Name: li.Name}
			i := 0
			for _, col := range m.LeadingIndustries {
				if col.Text || i >= len(in.Figures) {
					continue
				}
				in.Figures[i] = industryValue(li, col.Key).Format(col.Kind)
				if v, ok := o.changes[col.Key]; ok {
					in.Figures[i] = v
				}
				i++
			}
			if err := tx.SetIndustry(in); err != nil {
				return fmt.Errorf("%s 主导产业第 %d 行“%s”：%w", name, k.row, li.Name, err)
			}
		}
		numeric := 0
		for _, col := range m.LeadingIndustries {
			if !col.Text {
				numeric++
			}
		}
		v := store.IndustryVerification{By: strings.Join(o.by, "、"), At: date, DocNo: docNo}
		switch {
		case o.questioned:
			v.State = forms.Questioned
		case o.cols == numeric && o.verified == numeric:
			v.State = forms.Verified
		default:
			continue
		}
		if err := tx.SetIndustryVerification(k.unit, k.row, v); err != nil {
			return fmt.Errorf("%s 主导产业第 %d 行“%s”：%w", name, k.row, li.Name, err)
		}
	}
	return nil
}
