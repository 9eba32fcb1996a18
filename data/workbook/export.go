package workbook

import (
	"fmt"
	"hash/fnv"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"tuijian/forms"
	"tuijian/forms/value"
)

// styles used by the writers.
type styles struct {
	header, title, text, locked, data, dataText, note int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1}, {Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: &excelize.Protection{Locked: true}})
	s.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Protection: &excelize.Protection{Locked: true}})
	s.locked = mk(&excelize.Style{Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Protection: &excelize.Protection{Locked: true}})
	s.data = mk(&excelize.Style{Border: border, Protection: &excelize.Protection{Locked: false}})
	s.dataText = mk(&excelize.Style{Border: border, NumFmt: 49, Protection: &excelize.Protection{Locked: false}})
	s.text = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Protection: &excelize.Protection{Locked: true}})
	s.note = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Protection: &excelize.Protection{Locked: true}})
	return &s, err
}

// protect locks a sheet: locked cells cannot be edited, unlocked ones can. No password:
// the protection guards against accidents, not against the city.
func protect(f *excelize.File, sheet string) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	})
}

// baseRow is the fingerprint of an exported row, kept in the metadata so that the
// import can tell the cells a city edited from those it left as exported.
type baseRow struct {
	sheet, code string
	row         int // 序号 of a 主导产业 row, 0 for a measure row
	fp          string
}

// fingerprint is a short hash of exported content (change detection, not security).
func fingerprint(parts ...string) string {
	h := fnv.New32a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%08x", h.Sum32())
}

// writeMeta adds the very hidden metadata sheet: key/value rows, then from row
// baseFirstRow one row per exported data row (基准, sheet, code, 序号, fingerprint).
func writeMeta(f *excelize.File, format string, c *forms.Case, bases []baseRow) error {
	if _, err := f.NewSheet(metaSheet); err != nil {
		return err
	}
	rows := [][2]string{
		{"格式", format},
		{"版本", strconv.Itoa(formatVersion)},
		{"年度", strconv.Itoa(c.Campaign.Year)},
		{"推荐单位代码", c.Province.Code},
		{"推荐单位", c.Province.Name},
		{"说明", "本工作表由督查激励推荐助手使用，请勿修改"},
	}
	for i, r := range rows {
		if err := f.SetCellStr(metaSheet, cellName(1, i+1), r[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(metaSheet, cellName(2, i+1), r[1]); err != nil {
			return err
		}
	}
	for i, b := range bases {
		if err := f.SetSheetRow(metaSheet, cellName(1, baseFirstRow+i), &[]any{baseTag, b.sheet, b.code, b.row, b.fp}); err != nil {
			return err
		}
	}
	if err := protect(f, metaSheet); err != nil {
		return err
	}
	return f.SetSheetVisible(metaSheet, false, true)
}

// writeGuide writes an instruction sheet; it must be the first sheet ("Sheet1" renamed).
func writeGuide(f *excelize.File, st *styles, sheet, title string, lines []string) error {
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", 110); err != nil {
		return err
	}
	if err := f.SetCellStr(sheet, "A1", title); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", st.note); err != nil {
		return err
	}
	for i, l := range lines {
		ref := cellName(1, i+3)
		if err := f.SetCellStr(sheet, ref, l); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, ref, ref, st.text); err != nil {
			return err
		}
	}
	return protect(f, sheet)
}

// candidates returns the candidate units of a measure in code order.
func candidates(c *forms.Case, m forms.MeasureID) []forms.Unit {
	var out []forms.Unit
	for _, code := range c.Candidates[m] {
		if u, ok := c.Unit(code); ok {
			out = append(out, u)
		}
	}
	return out
}

// figureIndex maps keys to the case's figures.
func figureIndex(c *forms.Case) map[forms.FigureKey]*forms.Figure {
	idx := make(map[forms.FigureKey]*forms.Figure, len(c.Figures))
	for i := range c.Figures {
		idx[c.Figures[i].FigureKey] = &c.Figures[i]
	}
	return idx
}

// ExportFigures writes the 填报表 of the case: an instruction sheet, one sheet per
// measure with its candidates and their stored figures, the 主导产业 sheet and the
// hidden metadata. See the package comment for the layout.
func ExportFigures(c *forms.Case, w io.Writer) error {
	if c == nil || c.Campaign == nil {
		return fmt.Errorf("尚未设置推荐单位和年度，无法导出填报表")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	ys := c.Campaign.IndicatorYears()
	guide := []string{
		fmt.Sprintf("本表用于收集%s各候选市（州）%d年度督查激励推荐表（%s）所需的指标数据，由“督查激励推荐助手”导出，填写后请原样交回导入。", c.Province.Name, c.Campaign.Year, annexes(c.Campaign)),
		"一、每项督查激励措施一个工作表，每个候选市（州）一行。表头（第1、2行）和“代码”“市（州）”两列已锁定，请勿修改、删除或调换；不要改动工作表名称。",
		fmt.Sprintf("二、每项指标有六列：%d年、%d年两年的数值，两年数值各自的来源（如“%d年××市国民经济和社会发展统计公报”）和备注。", ys[0], ys[1], ys[1]),
		"三、百分比指标填写百分数，如增速 12.3% 填 12.3 或 12.3%；负增长填 -2.5。数量填整数。“初赛/决赛”“基地数/五星级”类填两个整数，用“/”分隔，如 3/1。是否类从下拉列表中选“是”或“否”。",
		"四、没有数据的单元格请留空或填写“—”；不要填写“无”“暂无”等文字。已有数值被清空的，导入后视为“无数据”。",
		"五、可以粘贴数值或使用公式，导入时读取单元格显示的结果；数值最多保留4位小数。请在 Excel 或 WPS 中保存后交回（不要只在网页或手机上编辑）。",
		fmt.Sprintf("六、“主导产业”工作表填写%d年制造业主导产业发展情况（附件3），每个市（州）按序号填写，名称留空表示删除该行。", c.Campaign.Year),
		"七、统计系统的指标（规模以上工业增加值增速等）导入后还须经省统计局审核；审核通过后再修改数值，需重新审核。",
		"八、导入时会逐一检查每个单元格，有任何错误将全部列出（注明工作表和单元格），全部改正后才会导入。",
	}
	if err := writeGuide(f, st, guideSheet, "填报说明", guide); err != nil {
		return err
	}
	figs := figureIndex(c)
	var bases []baseRow
	for i := range c.Campaign.Measures {
		b, err := writeMeasureSheet(f, st, c, &c.Campaign.Measures[i], figs)
		if err != nil {
			return err
		}
		bases = append(bases, b...)
	}
	if m := c.Campaign.IndustryMeasure(); m != nil && len(m.LeadingIndustries) == 5 {
		b, err := writeIndustrySheet(f, st, c, m)
		if err != nil {
			return err
		}
		bases = append(bases, b...)
	}
	if err := writeMeta(f, formatFigures, c, bases); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

func annexes(camp *forms.Campaign) string {
	s := ""
	for i, m := range camp.Measures {
		if i > 0 {
			s += "、"
		}
		s += m.TableAnnex
	}
	return s
}

func writeMeasureSheet(f *excelize.File, st *styles, c *forms.Case, m *forms.Measure, figs map[forms.FigureKey]*forms.Figure) ([]baseRow, error) {
	var fe firstErr
	sheet := m.Short
	if _, err := f.NewSheet(sheet); err != nil {
		return nil, err
	}
	cols := measureColumns(c.Campaign, m)
	lastCol := colName(2 + len(cols))
	units := candidates(c, m.ID)
	lastRow := headerRows + len(units)
	// Column defaults first (cells added later in Excel are unlocked), then cells.
	if err := f.SetColStyle(sheet, "C:"+lastCol, st.data); err != nil {
		return nil, err
	}
	for _, fc := range cols {
		cn := colName(fc.col)
		width := 11.0
		switch fc.field {
		case fieldSource:
			width = 26
		case fieldRemark:
			width = 16
		}
		if err := f.SetColWidth(sheet, cn, cn, width); err != nil {
			return nil, err
		}
		if fc.field != fieldValue || !numeric(fc.ind.Kind) {
			if err := f.SetColStyle(sheet, cn, st.dataText); err != nil {
				return nil, err
			}
		}
	}
	fe.do(f.SetColWidth(sheet, "A", "A", 9))
	fe.do(f.SetColWidth(sheet, "B", "B", 14))
	// Header.
	fe.do(f.SetCellStr(sheet, "A1", "代码"))
	fe.do(f.SetCellStr(sheet, "B1", "市（州）"))
	fe.do(f.MergeCell(sheet, "A1", "A2"))
	fe.do(f.MergeCell(sheet, "B1", "B2"))
	for i, fc := range cols {
		if i%colsPerIndicator == 0 {
			fe.do(f.SetCellStr(sheet, cellName(fc.col, 1), fc.ind.Label))
			if err := f.MergeCell(sheet, cellName(fc.col, 1), cellName(fc.col+colsPerIndicator-1, 1)); err != nil {
				return nil, err
			}
		}
		fe.do(f.SetCellStr(sheet, cellName(fc.col, 2), fc.sub))
	}
	if err := f.SetCellStyle(sheet, "A1", lastCol+"2", st.header); err != nil {
		return nil, err
	}
	fe.do(f.SetRowHeight(sheet, 1, 75))
	fe.do(f.SetRowHeight(sheet, 2, 30))
	// Rows.
	ys := c.Campaign.IndicatorYears()
	var bases []baseRow
	for r, u := range units {
		row := headerRows + 1 + r
		fp := ""
		for _, in := range m.Indicators {
			for _, y := range ys {
				fp += figureFingerprint(figs[forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: in.ID, Year: y}], in.Kind)
			}
		}
		bases = append(bases, baseRow{sheet: sheet, code: u.Code, fp: fp})
		fe.do(f.SetCellStr(sheet, cellName(1, row), u.Code))
		fe.do(f.SetCellStr(sheet, cellName(2, row), u.Name))
		for _, fc := range cols {
			fig, ok := figs[forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: fc.ind.ID, Year: fc.year}]
			if !ok {
				continue
			}
			ref := cellName(fc.col, row)
			var err error
			switch fc.field {
			case fieldValue:
				err = setFigureValue(f, sheet, ref, fig.Value, fc.ind)
			case fieldSource:
				err = setText(f, sheet, ref, fig.Source)
			case fieldRemark:
				err = setText(f, sheet, ref, fig.Remark)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	if len(units) > 0 {
		if err := f.SetCellStyle(sheet, "A3", cellName(2, lastRow), st.locked); err != nil {
			return nil, err
		}
		for _, fc := range cols {
			s := st.data
			if fc.field != fieldValue || !numeric(fc.ind.Kind) {
				s = st.dataText
			}
			if err := f.SetCellStyle(sheet, cellName(fc.col, 3), cellName(fc.col, lastRow), s); err != nil {
				return nil, err
			}
		}
	}
	// 是/否 drop-down lists.
	for _, fc := range cols {
		if fc.field != fieldValue || fc.ind.Kind != value.YesNo {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s3:%s%d", colName(fc.col), colName(fc.col), validationTo)
		if err := dv.SetDropList([]string{"是", "否"}); err != nil {
			return nil, err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "只能填写是或否", "请从下拉列表中选择“是”或“否”，没有数据请留空。")
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return nil, err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: headerRows, TopLeftCell: "C3", ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	if fe.err != nil {
		return nil, fe.err
	}
	return bases, protect(f, sheet)
}

// firstErr keeps the first error of a run of excelize writes, so that none goes
// unchecked and the sheet code stays readable.
type firstErr struct{ err error }

func (e *firstErr) do(err error) {
	if e.err == nil {
		e.err = err
	}
}

func setText(f *excelize.File, sheet, ref, s string) error {
	if s == "" {
		return nil
	}
	return f.SetCellStr(sheet, ref, s)
}

// setFigureValue writes a stored value: numbers as numbers, pairs and 是/否 as text.
func setFigureValue(f *excelize.File, sheet, ref string, v value.Value, in forms.Indicator) error {
	if v.Missing {
		return nil
	}
	if numeric(in.Kind) {
		return f.SetCellFloat(sheet, ref, v.A, -1, 64)
	}
	return f.SetCellStr(sheet, ref, v.Format(in.Kind))
}

func writeIndustrySheet(f *excelize.File, st *styles, c *forms.Case, m *forms.Measure) ([]baseRow, error) {
	var fe firstErr
	sheet := industrySheet
	if _, err := f.NewSheet(sheet); err != nil {
		return nil, err
	}
	hs := industryHeaders(m)
	lastCol := colName(len(hs))
	fe.do(f.SetColStyle(sheet, "D:"+lastCol, st.data))
	fe.do(f.SetColStyle(sheet, "D", st.dataText))
	fe.do(f.SetColWidth(sheet, "A", "A", 9))
	fe.do(f.SetColWidth(sheet, "B", "B", 14))
	fe.do(f.SetColWidth(sheet, "C", "C", 6))
	fe.do(f.SetColWidth(sheet, "D", "D", 30))
	fe.do(f.SetColWidth(sheet, "E", lastCol, 16))
	fe.do(f.SetCellStr(sheet, "A1", industryTitle(c.Campaign)))
	fe.do(f.MergeCell(sheet, "A1", lastCol+"1"))
	fe.do(f.SetCellStyle(sheet, "A1", "A1", st.title))
	for i, h := range hs {
		fe.do(f.SetCellStr(sheet, cellName(i+1, 2), h.top))
	}
	fe.do(f.SetCellStyle(sheet, "A2", lastCol+"2", st.header))
	fe.do(f.SetRowHeight(sheet, 1, 28))
	fe.do(f.SetRowHeight(sheet, 2, 32))
	stored := map[[2]any]forms.LeadingIndustry{}
	for _, li := range c.Industries {
		stored[[2]any{li.UnitCode, li.Row}] = li
	}
	row := headerRows + 1
	kinds := industryKinds(m)
	var bases []baseRow
	for _, u := range candidates(c, m.ID) {
		n := industrySlot
		for _, li := range c.Industries {
			if li.UnitCode == u.Code && li.Row > n {
				n = li.Row
			}
		}
		for k := 1; k <= n; k++ {
			fe.do(f.SetCellStr(sheet, cellName(1, row), u.Code))
			fe.do(f.SetCellStr(sheet, cellName(2, row), u.Name))
			fe.do(f.SetCellInt(sheet, cellName(3, row), int64(k)))
			li, ok := stored[[2]any{u.Code, k}]
			var lip *forms.LeadingIndustry
			if ok {
				lip = &li
			}
			bases = append(bases, baseRow{sheet: sheet, code: u.Code, row: k, fp: fingerprint(industryText(lip, kinds))})
			if ok {
				fe.do(f.SetCellStr(sheet, cellName(4, row), li.Name))
				for i, v := range []value.Value{li.Share, li.Growth, li.Revenue, li.Profit} {
					if !v.Missing {
						fe.do(f.SetCellFloat(sheet, cellName(5+i, row), v.A, -1, 64))
					}
				}
			}
			row++
		}
	}
	if row > headerRows+1 {
		fe.do(f.SetCellStyle(sheet, "A3", cellName(3, row-1), st.locked))
		fe.do(f.SetCellStyle(sheet, "D3", cellName(4, row-1), st.dataText))
		fe.do(f.SetCellStyle(sheet, "E3", cellName(len(hs), row-1), st.data))
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: headerRows, TopLeftCell: "D3", ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	if fe.err != nil {
		return nil, fe.err
	}
	return bases, protect(f, sheet)
}

// figureFingerprint is the fingerprint of a stored figure as exported (value, source,
// remark); a missing figure has the fingerprint of three blanks.
func figureFingerprint(f *forms.Figure, k value.Kind) string {
	if f == nil {
		return fingerprint("", "", "")
	}
	return fingerprint(f.Value.Format(k), f.Source, f.Remark)
}
