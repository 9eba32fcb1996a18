package workbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"tuijian/data/divisions"
	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/value"
)

// Change is one cell an import changes.
type Change struct {
	File      string // the workbook, when several were imported together (MergeFigurePlans)
	Sheet     string
	Cell      string // A1 reference
	UnitCode  string
	UnitName  string
	Measure   forms.MeasureID
	Indicator string // indicator id; "" for a 主导产业 row
	Label     string // indicator label, or “主导产业第 N 行”
	Year      int    // 0 for a 主导产业 row
	Field     string // 数值, 来源, 备注 or 主导产业
	Old, New  string
	// Unverifies: the figure was 已审核 or 有疑问 and its value changes, so it returns to
	// 未审核 and must be verified again.
	Unverifies bool
}

func (ch Change) String() string {
	what := ch.Label
	if ch.Year != 0 {
		what = fmt.Sprintf("%d年“%s”%s", ch.Year, ch.Label, map[string]string{"数值": "", "来源": "的来源", "备注": "的备注"}[ch.Field])
	}
	s := fmt.Sprintf("%s!%s %s %s：%s → %s", ch.Sheet, ch.Cell, ch.UnitName, what, show(ch.Old), show(ch.New))
	if ch.File != "" {
		s = ch.File + "：" + s
	}
	if ch.Unverifies {
		s += "（已审核的数值被修改，将改为未审核）"
	}
	return s
}

func show(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// FigurePlan is what an import of a 填报表 would change. Nothing is written until Apply.
type FigurePlan struct {
	Year         int
	ProvinceCode string
	Changes      []Change

	figures    []store.FigureInput
	industries []store.IndustryInput
	// what the case held when the plan was made, to refuse applying a stale plan
	oldFigures    [][3]string // parallel to figures
	oldIndustries map[industryKey]string
}

type industryKey struct {
	unit string
	row  int
}

// Empty reports whether the workbook changes nothing.
func (p *FigurePlan) Empty() bool { return len(p.Changes) == 0 }

// Figures is the number of figures the plan writes; Industries the 主导产业 rows.
func (p *FigurePlan) Figures() int    { return len(p.figures) }
func (p *FigurePlan) Industries() int { return len(p.industries) }

// Apply writes the plan through tx; call it inside one store.Update (e.g. with the note
// “导入 <文件名>”) so the import is one audit batch. It refuses a plan made for another
// campaign, or one whose cells were changed in the store after the plan was made.
func (p *FigurePlan) Apply(tx *store.Tx) error {
	c, err := tx.Case()
	if err != nil {
		return err
	}
	if c.Campaign.Year != p.Year || c.Province.Code != p.ProvinceCode {
		return fmt.Errorf("导入计划属于 %s %d 年度，与当前数据文件（%s %d 年度）不符，未导入", p.ProvinceCode, p.Year, c.Province.Code, c.Campaign.Year)
	}
	figs := figureIndex(c)
	for i, old := range p.oldFigures {
		k := p.figures[i].FigureKey
		if cur := figureState(c, figs, k); cur != old {
			u, _ := c.Unit(k.UnitCode)
			return fmt.Errorf("预览导入之后，%s %d年“%s”已在别处被修改：请重新导入以核对最新数据", u.Name, k.Year, k.Indicator)
		}
	}
	ind := industryIndex(c)
	var kinds [4]value.Kind
	if m := c.Campaign.IndustryMeasure(); m != nil && len(m.LeadingIndustries) == 5 {
		kinds = industryKinds(m)
	}
	for k, old := range p.oldIndustries {
		if cur := industryText(ind[k], kinds); cur != old {
			u, _ := c.Unit(k.unit)
			return fmt.Errorf("预览导入之后，%s 主导产业第 %d 行已在别处被修改：请重新导入以核对最新数据", u.Name, k.row)
		}
	}
	for _, in := range p.figures {
		if err := tx.SetFigure(in); err != nil {
			return err
		}
	}
	for _, in := range p.industries {
		if err := tx.SetIndustry(in); err != nil {
			return err
		}
	}
	return nil
}

func figureState(c *forms.Case, figs map[forms.FigureKey]*forms.Figure, k forms.FigureKey) [3]string {
	f, ok := figs[k]
	if !ok {
		return [3]string{}
	}
	kind := value.Kind(-1)
	if m, err := c.Campaign.Measure(k.Measure); err == nil {
		if in, ok := m.Indicator(k.Indicator); ok {
			kind = in.Kind
		}
	}
	return [3]string{f.Value.Format(kind), f.Source, f.Remark}
}

func industryIndex(c *forms.Case) map[industryKey]*forms.LeadingIndustry {
	out := map[industryKey]*forms.LeadingIndustry{}
	for i := range c.Industries {
		li := &c.Industries[i]
		out[industryKey{li.UnitCode, li.Row}] = li
	}
	return out
}

// industryKinds are the kinds of the four figures of a 主导产业 row.
func industryKinds(m *forms.Measure) [4]value.Kind {
	var k [4]value.Kind
	for i := range k {
		k[i] = m.LeadingIndustries[i+1].Kind
	}
	return k
}

func industryText(li *forms.LeadingIndustry, k [4]value.Kind) string {
	if li == nil {
		return ""
	}
	return strings.Join([]string{li.Name, li.Share.Format(k[0]), li.Growth.Format(k[1]), li.Revenue.Format(k[2]), li.Profit.Format(k[3])}, " | ")
}

// ImportFigures reads a filled 填报表 and plans its changes. It is all or nothing: on any
// problem it returns a *Problems error listing every problem (sheet, cell, what is
// wrong) and no plan; a file that cannot be read safely at all gives a plain error.
func ImportFigures(c *forms.Case, r io.ReaderAt, size int64) (*FigurePlan, error) {
	if c == nil || c.Campaign == nil {
		return nil, fmt.Errorf("尚未设置推荐单位和年度，无法导入填报表")
	}
	b, err := openBook(r, size)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	var p Problems
	if !checkMeta(b, formatFigures, c, &p) {
		return nil, p.err()
	}
	plan := &FigurePlan{Year: c.Campaign.Year, ProvinceCode: c.Province.Code,
		oldIndustries: map[industryKey]string{}}
	figs := figureIndex(c)
	bases, err := readBases(b)
	if err != nil {
		p.add("", "", "%s", err.Error())
		return nil, p.err()
	}
	for i := range c.Campaign.Measures {
		importMeasure(b, c, &c.Campaign.Measures[i], figs, bases, plan, &p)
	}
	if m := c.Campaign.IndustryMeasure(); m != nil && len(m.LeadingIndustries) == 5 {
		importIndustries(b, c, m, bases, plan, &p)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return plan, nil
}

// rowUnit resolves the unit of a data row from its code and name cells.
func rowUnit(c *forms.Case, sheet string, row, codeCol, nameCol int, code, name string, p *Problems) (forms.Unit, bool) {
	codeRef, nameRef := cellName(codeCol, row), cellName(nameCol, row)
	if code != "" {
		if u, ok := c.Unit(code); ok {
			if name != "" && norm(name) != norm(u.Name) {
				if u2, ok := divisions.UnitByName(u.ProvinceCode, name); !ok || u2.Code != u.Code {
					p.add(sheet, nameRef, "市（州）名称“%s”与代码 %s（%s）不一致：请勿修改“代码”和“市（州）”两列", name, u.Code, u.Name)
					return u, false
				}
			}
			return u, true
		}
		if u, ok := divisions.Unit(code); ok {
			pv, _ := divisions.Province(u.ProvinceCode)
			p.add(sheet, codeRef, "%s（%s）属于%s，不是%s可推荐的市（州）：请删除此行", u.Name, u.Code, pv.Name, c.Province.Name)
			return u, false
		}
		p.add(sheet, codeRef, "“%s”不是有效的市（州）代码：请勿修改“代码”列，或删除此行", code)
		return forms.Unit{}, false
	}
	if name == "" {
		p.add(sheet, codeRef, "此行填写了数据，但没有“代码”和“市（州）”：请把数据填到对应市（州）的行中，或删除此行")
		return forms.Unit{}, false
	}
	if u, ok := divisions.UnitByName(c.Province.Code, name); ok {
		if u, ok := c.Unit(u.Code); ok {
			return u, true
		}
	}
	for _, u := range divisions.All() {
		if u.Name == name {
			if _, ok := c.Unit(u.Code); ok {
				return u, true
			}
			pv, _ := divisions.Province(u.ProvinceCode)
			p.add(sheet, nameRef, "%s属于%s，不是%s可推荐的市（州）：请删除此行", u.Name, pv.Name, c.Province.Name)
			return u, false
		}
	}
	p.add(sheet, nameRef, "找不到市（州）“%s”：请填写%s所辖市（州）的全称和 6 位代码，或删除此行", name, c.Province.Name)
	return forms.Unit{}, false
}

// textCell reads a cell as text, reporting an over-long cell or a formula without a
// cached result.
func textCell(b *book, sheet string, cells []string, col, row int, p *Problems) (string, bool) {
	s := cellAt(cells, col)
	ref := cellName(col, row)
	if tooLong(s) {
		p.add(sheet, ref, "内容过长（%d 个字，上限 %d 个字）：请精简，详细说明可写入申报书", len([]rune(s)), maxCellChars)
		return "", false
	}
	if s == "" && b.formulaWithoutCache(sheet, ref) {
		p.add(sheet, ref, "公式没有计算结果：请在 Excel/WPS 中打开此文件、重新计算并保存后再导入，或改为直接填写数值")
		return "", false
	}
	return s, true
}

func importMeasure(b *book, c *forms.Case, m *forms.Measure, figs map[forms.FigureKey]*forms.Figure, bases map[baseKey]string, plan *FigurePlan, p *Problems) {
	sheet := m.Short
	if !b.hasSheet(sheet) {
		p.add("", "", "缺少工作表“%s”：请使用本程序导出的填报表，不要删除或重命名工作表", sheet)
		return
	}
	years := c.Campaign.IndicatorYears()
	want := measureHeaders(c.Campaign, m)
	fcols := measureColumns(c.Campaign, m)
	var top []string
	var cols []int
	seen := map[string]int{}
	// One accumulator per indicator and year (fields in ascending field order, so
	// field values index cols).
	type acc struct {
		text, source, remark string
		cols                 [3]int
		ok                   bool
	}
	accs := make([]acc, 2*len(m.Indicators))
	accIndex := make([]int, len(fcols))
	for i, fc := range fcols {
		ii := 0
		for j := range m.Indicators {
			if m.Indicators[j].ID == fc.ind.ID {
				ii = j
			}
		}
		yi := 0
		if fc.year == years[1] {
			yi = 1
		}
		accIndex[i] = 2*ii + yi
	}
	if n := len(c.Candidates[m.ID]) * len(accs); cap(plan.figures)-len(plan.figures) < n {
		plan.figures = append(make([]store.FigureInput, 0, len(plan.figures)+n), plan.figures...)
		plan.oldFigures = append(make([][3]string, 0, len(plan.oldFigures)+n), plan.oldFigures...)
		plan.Changes = append(make([]Change, 0, len(plan.Changes)+2*n), plan.Changes...)
	}
	err := b.sheetRows(sheet, headerRows, func(row int, cells []string) error {
		switch {
		case row == 1:
			top = cells
			return nil
		case row == 2:
			cols = matchHeaders(sheet, 2, top, cells, want, years, p)
			return nil
		case blank(cells) && !b.rowHasUncached(sheet, row):
			return nil
		}
		if cols[0] == 0 && cols[1] == 0 {
			return nil // reported as missing columns
		}
		code, name := cellAt(cells, cols[0]), cellAt(cells, cols[1])
		u, ok := rowUnit(c, sheet, row, max(cols[0], 1), max(cols[1], 2), code, name, p)
		if !ok {
			return nil
		}
		if !c.IsCandidate(m.ID, u.Code) {
			p.add(sheet, cellName(max(cols[1], 2), row), "%s 不是“%s”的候选市（州）：请先在“候选市（州）”中加入，或删除此行", u.Name, m.Short)
			return nil
		}
		if prev, dup := seen[u.Code]; dup {
			p.add(sheet, cellName(max(cols[0], 1), row), "%s 重复（第 %d 行已有）：每个市（州）只能有一行，请删除重复的行", u.Name, prev)
			return nil
		}
		seen[u.Code] = row
		for i := range accs {
			accs[i] = acc{ok: true}
		}
		for i, fc := range fcols {
			a := &accs[accIndex[i]]
			col := cols[2+i]
			if col == 0 {
				a.ok = false
				continue
			}
			s, ok := textCell(b, sheet, cells, col, row, p)
			a.ok = a.ok && ok
			a.cols[fc.field] = col
			switch fc.field {
			case fieldValue:
				a.text = s
			case fieldSource:
				a.source = s
			case fieldRemark:
				a.remark = s
			}
		}
		base := bases[baseKey{sheet, u.Code, 0}]
		if len(base) != 8*len(accs) {
			base = ""
		}
		for ai := range accs {
			a := &accs[ai]
			in := m.Indicators[ai/2]
			k := forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: in.ID, Year: years[ai%2]}
			v, err := value.Parse(a.text, in.Kind)
			if err == nil {
				err = plausible(v, in.Kind)
			}
			if err != nil {
				p.add(sheet, cellName(a.cols[fieldValue], row), "%s %d年“%s”：%s", u.Name, k.Year, in.Label, err.Error())
				continue
			}
			if !a.ok {
				continue
			}
			old := figureState(c, figs, k)
			now := [3]string{v.Format(in.Kind), a.source, a.remark}
			if now == old || (base != "" && fingerprint(now[0], now[1], now[2]) == base[8*ai:8*ai+8]) {
				continue // unchanged, or left as exported by the city
			}
			plan.oldFigures = append(plan.oldFigures, old)
			plan.figures = append(plan.figures, store.FigureInput{FigureKey: k, Text: now[0], Source: now[1], Remark: now[2]})
			f := figs[k]
			for fi, name := range [3]string{"数值", "来源", "备注"} {
				if now[fi] == old[fi] {
					continue
				}
				ch := Change{Sheet: sheet, Cell: cellName(a.cols[fi], row), UnitCode: u.Code, UnitName: u.Name,
					Measure: m.ID, Indicator: in.ID, Label: in.Label, Year: k.Year, Field: name, Old: old[fi], New: now[fi]}
				if fi == 0 && f != nil && f.State != forms.Unverified && f.State != "" {
					ch.Unverifies = true
				}
				plan.Changes = append(plan.Changes, ch)
			}
		}
		return nil
	})
	if err != nil {
		p.add("", "", "%s", err.Error())
	}
	if cols == nil && err == nil {
		p.add(sheet, "", "工作表没有表头（第 1、2 行）：请使用本程序导出的填报表")
	}
}

// rowHasUncached reports whether a seemingly blank row holds a formula without a
// cached value.
func (b *book) rowHasUncached(sheet string, row int) bool {
	return b.uncachedRows[sheet][row]
}

func importIndustries(b *book, c *forms.Case, m *forms.Measure, bases map[baseKey]string, plan *FigurePlan, p *Problems) {
	sheet := industrySheet
	if !b.hasSheet(sheet) {
		p.add("", "", "缺少工作表“%s”：请使用本程序导出的填报表，不要删除或重命名工作表", sheet)
		return
	}
	kinds := industryKinds(m)
	stored := industryIndex(c)
	want := industryHeaders(m)
	var cols []int
	seen := map[industryKey]int{}
	err := b.sheetRows(sheet, headerRows, func(row int, cells []string) error {
		switch {
		case row == 1:
			if t := cellAt(cells, 1); norm(t) != norm(industryTitle(c.Campaign)) {
				p.add(sheet, "A1", "标题“%s”与本年度不符（应为“%s”）：请使用本年度导出的填报表", t, industryTitle(c.Campaign))
			}
			return nil
		case row == 2:
			cols = matchHeaders(sheet, 2, cells, nil, want, c.Campaign.IndicatorYears(), p)
			return nil
		case blank(cells) && !b.rowHasUncached(sheet, row):
			return nil
		}
		for _, x := range cols {
			if x == 0 {
				return nil // reported as missing columns
			}
		}
		u, ok := rowUnit(c, sheet, row, cols[0], cols[1], cellAt(cells, cols[0]), cellAt(cells, cols[1]), p)
		if !ok {
			return nil
		}
		if !c.IsCandidate(m.ID, u.Code) {
			p.add(sheet, cellName(cols[1], row), "%s 不是“%s”的候选市（州）：请先在“候选市（州）”中加入，或删除此行", u.Name, m.Short)
			return nil
		}
		nref := cellName(cols[2], row)
		n, err := strconv.Atoi(cellAt(cells, cols[2]))
		if err != nil || n < 1 || n > 20 {
			p.add(sheet, nref, "序号“%s”无效：应为 1 到 20 的整数，请勿修改“序号”列", cellAt(cells, cols[2]))
			return nil
		}
		key := industryKey{u.Code, n}
		if prev, dup := seen[key]; dup {
			p.add(sheet, nref, "%s 的序号 %d 重复（第 %d 行已有）：请删除重复的行", u.Name, n, prev)
			return nil
		}
		seen[key] = row
		good := true
		name, ok := textCell(b, sheet, cells, cols[3], row, p)
		good = good && ok
		var canon [4]string
		any := false
		for i := 0; i < 4; i++ {
			s, ok := textCell(b, sheet, cells, cols[4+i], row, p)
			if !ok {
				good = false
				continue
			}
			v, err := value.Parse(s, kinds[i])
			if err == nil {
				err = plausible(v, kinds[i])
			}
			if err != nil {
				p.add(sheet, cellName(cols[4+i], row), "%s 主导产业第 %d 行“%s”：%s", u.Name, n, m.LeadingIndustries[i+1].Label, err.Error())
				good = false
				continue
			}
			canon[i] = v.Format(kinds[i])
			any = any || canon[i] != ""
		}
		if name == "" && any {
			p.add(sheet, cellName(cols[3], row), "%s 主导产业第 %d 行填写了数值但没有填写名称：请填写“%s”，或清空该行的数值", u.Name, n, m.LeadingIndustries[0].Label)
			return nil
		}
		if !good {
			return nil
		}
		old := industryText(stored[key], kinds)
		now := ""
		if name != "" {
			now = strings.Join(append([]string{name}, canon[:]...), " | ")
		}
		if fp, ok := bases[baseKey{sheet, u.Code, n}]; old == now || (ok && fp == fingerprint(now)) {
			return nil // unchanged, or left as exported by the city
		}
		plan.oldIndustries[key] = old
		plan.industries = append(plan.industries, store.IndustryInput{UnitCode: u.Code, Row: n, Name: name, Figures: canon})
		plan.Changes = append(plan.Changes, Change{Sheet: sheet, Cell: cellName(cols[3], row), UnitCode: u.Code, UnitName: u.Name, Measure: m.ID,
			Label: fmt.Sprintf("主导产业第 %d 行", n), Field: "主导产业", Old: old, New: now})
		return nil
	})
	if err != nil {
		p.add("", "", "%s", err.Error())
	}
}

// plausible refuses, in a city's workbook, figures that are possible but far more
// likely a slip (issue 20): a growth rate above +100 % (a misplaced decimal point, an
// amount in the rate's column). A genuine one is typed in the app, with a 备注.
func plausible(v value.Value, k value.Kind) error {
	if k == value.Growth && !v.Missing && v.A > 100 {
		return fmt.Errorf("增速 %s%% 超过 100%%，很可能是输错了（小数点位置、把金额填进了增速栏）：请核对；如确实如此，请在程序中直接填写并在备注中说明", v.Format(k))
	}
	return nil
}
