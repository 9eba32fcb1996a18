package documents

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tuijian/data/pdfdoc"
	"tuijian/forms"
	"tuijian/forms/value"
)

// ApprovalQuestion is the approval row of 附件3/附件4.
const ApprovalQuestion = "是否报请省（自治区、直辖市）政府（新疆生产建设兵团）同意"

// MinistryImprint is the line under the cover block of 附件3/附件4.
const MinistryImprint = "工业和信息化部制"

// tableRow is one indicator row of the 推荐表.
type tableRow struct {
	Label, Earlier, Later, Remark string
}

// tableModel is the 推荐表 of one measure, shared by the XLSX and the PDF.
type tableModel struct {
	Title      string
	Cover      [][2]string // rows 2–7: label, answer
	City       string
	Years      [2]int
	Rows       []tableRow
	IndTitle   string     // 制造业主导产业发展情况（2021年）; "" without the sub-table
	IndLabels  []string   // column labels
	Industries [][]string // one row per 主导产业
}

func figureText(f forms.Figure, ok bool, k value.Kind) string {
	if !ok || f.Value.Missing {
		return MissingValue
	}
	return f.Value.Format(k)
}

func valueText(v value.Value, k value.Kind) string {
	if v.Missing {
		return MissingValue
	}
	return v.Format(k)
}

// ApprovalMarks is the answer of the approval row for a consent.
func ApprovalMarks(c forms.Consent) string {
	switch c {
	case forms.ConsentYes:
		return "■是　□否"
	case forms.ConsentNo:
		return "□是　■否"
	}
	return "□是　□否"
}

func makeTable(in Input, ch chosen) tableModel {
	c := in.Case
	years := c.Campaign.IndicatorYears()
	t := tableModel{
		Title: ch.m.TableTitle,
		City:  ch.unit.FullName(),
		Years: years,
		Cover: [][2]string{
			{"市（州）名称", ch.unit.FullName()},
			{"推荐单位", department(c) + "（盖章）"},
			{"联系人", c.Settings.Contact},
			{"联系电话", c.Settings.Phone},
			{"填报日期", cnMonth(in.Date)},
			{ApprovalQuestion, ApprovalMarks(c.Approval(ch.m.ID).Government)},
		},
	}
	for _, ind := range ch.m.Indicators {
		var r tableRow
		r.Label = ind.Label
		var yr [2]string
		for yi, y := range years {
			f, ok := c.Figure(forms.FigureKey{UnitCode: ch.unit.Code, Measure: ch.m.ID, Indicator: ind.ID, Year: y})
			txt := figureText(f, ok, ind.Kind)
			if yi == 0 {
				r.Earlier = txt
			} else {
				r.Later = txt
			}
			if ok {
				yr[yi] = strings.TrimSpace(f.Remark)
			}
		}
		var remarks []string
		if ind.Remark != "" {
			remarks = append(remarks, ind.Remark)
		}
		switch {
		case yr[0] != "" && yr[0] == yr[1]:
			remarks = append(remarks, yr[0])
		default:
			for yi, y := range years {
				if yr[yi] != "" {
					remarks = append(remarks, fmt.Sprintf("%d年：%s", y, yr[yi]))
				}
			}
		}
		r.Remark = strings.Join(remarks, "；")
		t.Rows = append(t.Rows, r)
	}
	if len(ch.m.LeadingIndustries) > 0 {
		t.IndTitle = fmt.Sprintf("制造业主导产业发展情况（%d年）", years[1])
		for _, col := range ch.m.LeadingIndustries {
			t.IndLabels = append(t.IndLabels, col.Label)
		}
		for _, li := range c.Industries {
			if li.UnitCode != ch.unit.Code {
				continue
			}
			row := []string{li.Name}
			vals := map[string]value.Value{"share": li.Share, "growth": li.Growth, "revenue": li.Revenue, "profit": li.Profit}
			for _, col := range ch.m.LeadingIndustries[1:] {
				row = append(row, valueText(vals[col.Key], col.Kind))
			}
			t.Industries = append(t.Industries, row)
		}
		if len(t.Industries) == 0 {
			row := []string{MissingValue}
			for range ch.m.LeadingIndustries[1:] {
				row = append(row, MissingValue)
			}
			t.Industries = append(t.Industries, row)
		}
	}
	return t
}

// tableXLSX writes the 推荐表 workbook in the layout of the package comment.
func tableXLSX(in Input, ch chosen) ([]byte, error) {
	t := makeTable(in, ch)
	f := excelize.NewFile()
	defer f.Close()
	sh := TableSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return nil, err
	}
	font := func(size float64, family string, bold bool) *excelize.Font {
		return &excelize.Font{Family: family, Size: size, Bold: bold}
	}
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	style := func(s excelize.Style) (int, error) { return f.NewStyle(&s) }
	title, err := style(excelize.Style{Font: font(16, "方正小标宋简体", false),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return nil, err
	}
	coverLabel, _ := style(excelize.Style{Font: font(12, "黑体", false), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	coverValue, _ := style(excelize.Style{Font: font(12, "仿宋_GB2312", false), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	imprint, _ := style(excelize.Style{Font: font(11, "仿宋_GB2312", false),
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	head, _ := style(excelize.Style{Font: font(11, "黑体", false), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	label, _ := style(excelize.Style{Font: font(11, "仿宋_GB2312", false), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	num, _ := style(excelize.Style{Font: font(11, "仿宋_GB2312", false), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	remark, _ := style(excelize.Style{Font: font(10, "仿宋_GB2312", false), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})

	widths := map[string]float64{"A": 44, "B": 12, "C": 12, "D": 14, "E": 16}
	for _, col := range []string{"A", "B", "C", "D", "E"} {
		if err := f.SetColWidth(sh, col, col, widths[col]); err != nil {
			return nil, err
		}
	}
	// height estimates the row height (points) for text in a column of w width units
	// (one CJK character is about two units).
	height := func(text string, w float64, pt float64) float64 {
		lines := 0
		for _, part := range strings.Split(text, "\n") {
			lines += int(math.Max(1, math.Ceil(widthChars(part)*2/(w-1))))
		}
		return math.Max(20, float64(lines)*pt*1.35+6)
	}
	set := func(cell, v string, st int) error {
		if err := f.SetCellStr(sh, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sh, cell, cell, st)
	}
	// A figure is written as a number in a number format with its own decimals, so
	// that Excel and WPS can sum and chart it and the cell still shows the table's text
	// (value.Format); pairs (“3/1”), 是/否 and “—” stay text.
	numFmt := map[int]int{}
	setValue := func(cell, v string, st int) error {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || strings.ContainsAny(v, "eE+") || math.IsInf(x, 0) || math.IsNaN(x) {
			return set(cell, v, st)
		}
		dec := 0
		if i := strings.IndexByte(v, '.'); i >= 0 {
			dec = len(v) - i - 1
		}
		id, ok := numFmt[dec]
		if !ok {
			code := "0"
			if dec > 0 {
				code += "." + strings.Repeat("0", dec)
			}
			if id, err = style(excelize.Style{Font: font(11, "仿宋_GB2312", false), Border: border, CustomNumFmt: &code,
				Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
				return err
			}
			numFmt[dec] = id
		}
		if err := f.SetCellFloat(sh, cell, x, dec, 64); err != nil {
			return err
		}
		return f.SetCellStyle(sh, cell, cell, id)
	}
	merge := func(a, b string, st int) error {
		if err := f.MergeCell(sh, a, b); err != nil {
			return err
		}
		return f.SetCellStyle(sh, a, b, st)
	}
	var err2 error
	must := func(err error) {
		if err != nil && err2 == nil {
			err2 = err
		}
	}
	must(set("A1", t.Title, title))
	must(merge("A1", "E1", title))
	must(f.SetRowHeight(sh, 1, 48))
	row := 2
	for _, cv := range t.Cover {
		a, b := fmt.Sprintf("A%d", row), fmt.Sprintf("B%d", row)
		must(set(a, cv[0], coverLabel))
		must(set(b, cv[1], coverValue))
		must(merge(b, fmt.Sprintf("E%d", row), coverValue))
		must(f.SetRowHeight(sh, row, math.Max(height(cv[0], widths["A"], 12), 24)))
		row++
	}
	must(set(fmt.Sprintf("A%d", row), MinistryImprint, imprint))
	must(merge(fmt.Sprintf("A%d", row), fmt.Sprintf("E%d", row), imprint))
	must(f.SetRowHeight(sh, row, 22))
	row++ // 9
	must(set(fmt.Sprintf("A%d", row), "市（州）名称", head))
	must(set(fmt.Sprintf("B%d", row), t.City, num))
	must(merge(fmt.Sprintf("B%d", row), fmt.Sprintf("E%d", row), num))
	must(f.SetRowHeight(sh, row, 22))
	row++ // 10
	must(set(fmt.Sprintf("A%d", row), "指标", head))
	must(set(fmt.Sprintf("B%d", row), fmt.Sprintf("%d年", t.Years[0]), head))
	must(set(fmt.Sprintf("C%d", row), fmt.Sprintf("%d年", t.Years[1]), head))
	must(set(fmt.Sprintf("D%d", row), "备注", head))
	must(merge(fmt.Sprintf("D%d", row), fmt.Sprintf("E%d", row), head))
	must(f.SetRowHeight(sh, row, 22))
	row++
	if row != TableFirstRow {
		return nil, fmt.Errorf("internal: first indicator row %d, want %d", row, TableFirstRow)
	}
	for _, r := range t.Rows {
		must(set(fmt.Sprintf("A%d", row), r.Label, label))
		must(setValue(fmt.Sprintf("B%d", row), r.Earlier, num))
		must(setValue(fmt.Sprintf("C%d", row), r.Later, num))
		must(set(fmt.Sprintf("D%d", row), r.Remark, remark))
		must(merge(fmt.Sprintf("D%d", row), fmt.Sprintf("E%d", row), remark))
		must(f.SetRowHeight(sh, row, math.Max(height(r.Label, widths["A"], 11), height(r.Remark, widths["D"]+widths["E"], 10))))
		row++
	}
	if t.IndTitle != "" {
		must(set(fmt.Sprintf("A%d", row), t.IndTitle, head))
		must(merge(fmt.Sprintf("A%d", row), fmt.Sprintf("E%d", row), head))
		must(f.SetRowHeight(sh, row, 22))
		row++
		cols := []string{"A", "B", "C", "D", "E"}
		h := 20.0
		for i, l := range t.IndLabels {
			if i < len(cols) {
				must(set(fmt.Sprintf("%s%d", cols[i], row), l, head))
				h = math.Max(h, height(l, widths[cols[i]], 11))
			}
		}
		must(f.SetRowHeight(sh, row, h))
		row++
		for _, ir := range t.Industries {
			for i, v := range ir {
				if i < len(cols) {
					if i == 0 {
						must(set(fmt.Sprintf("%s%d", cols[i], row), v, label))
					} else {
						must(setValue(fmt.Sprintf("%s%d", cols[i], row), v, num))
					}
				}
			}
			must(f.SetRowHeight(sh, row, 22))
			row++
		}
	}
	if ms := markTexts(in); len(ms) > 0 {
		warn, _ := style(excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 11, Color: "C00000"}})
		must(set(fmt.Sprintf("A%d", row), strings.Join(ms, "　"), warn))
		row++
	}
	if err2 != nil {
		return nil, err2
	}
	last := row - 1
	size, portrait, one := 9, "portrait", 1 // 9 = A4
	fit := true
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &portrait, FitToWidth: &one, FitToHeight: &one}); err != nil {
		return nil, err
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	m := func(v float64) *float64 { return &v }
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Top: m(0.8), Bottom: m(0.6), Left: m(0.6), Right: m(0.6), Header: m(0.3), Footer: m(0.3)}); err != nil {
		return nil, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$E$%d", sh, last), Scope: sh}); err != nil {
		return nil, err
	}
	ts := docTime(in.Date).Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{Created: ts, Modified: ts, Creator: department(in.Case), LastModifiedBy: department(in.Case),
		Title: t.City + t.Title, Language: "zh-CN"}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// tablePDF writes the 推荐表 on one A4 page, shrinking the type until it fits.
func tablePDF(in Input, ch chosen) ([]byte, error) {
	t := makeTable(in, ch)
	var data []byte
	for _, size := range []float64{10.5, 9, 8} {
		d, pages, err := tablePDFSize(in, t, size, false)
		if err == nil && pages > 1 && size == 8 {
			// Still longer than a page: number the pages (GB/T 9704 §7.5).
			d, pages, err = tablePDFSize(in, t, size, true)
		}
		if err != nil {
			return nil, err
		}
		if data = d; pages == 1 {
			break
		}
	}
	return data, nil
}

func tablePDFSize(in Input, t tableModel, size float64, numbers bool) ([]byte, int, error) {
	page := pdfdoc.Page{TopMM: 22, BottomMM: 18, LeftMM: 20, RightMM: 20, LinesPerPage: 30, PageNumbers: numbers}
	w, err := pdfdoc.New(in.Fonts, page)
	if err != nil {
		return nil, 0, err
	}
	w.SetInfo(t.City+t.Title, department(in.Case), docTime(in.Date))
	marks(in, w, 8)
	if err := w.Paragraph(pdfdoc.Para{Text: AnnexTable, Style: pdfdoc.Style{Face: pdfdoc.Heiti, SizePt: 14}, Align: pdfdoc.AlignLeft, LineHeightMM: 7}); err != nil {
		return nil, 0, err
	}
	titleStyle := pdfdoc.Style{Face: pdfdoc.Xiaobiaosong, SizePt: 18}
	if err := w.Paragraph(pdfdoc.Para{Text: t.Title, Style: titleStyle, Align: pdfdoc.AlignCenter, LineHeightMM: 10}); err != nil {
		return nil, 0, err
	}
	w.Skip(0.3)
	st := pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: size}
	hd := pdfdoc.Style{Face: pdfdoc.Heiti, SizePt: size}
	line := size * 25.4 / 72 * 1.45
	cover := pdfdoc.Table{ColumnsMM: []float64{62, 108}, Style: st, LineMM: line, PadMM: 1.5}
	for _, cv := range t.Cover {
		cover.Rows = append(cover.Rows, pdfdoc.Row{MinHeightMM: 9, Cells: []pdfdoc.Cell{
			{Text: cv[0], Style: hd, Align: pdfdoc.AlignCenter}, {Text: cv[1], Align: pdfdoc.AlignLeft}}})
	}
	if err := w.Table(cover); err != nil {
		return nil, 0, err
	}
	if err := w.Paragraph(pdfdoc.Para{Text: MinistryImprint, Style: st, Align: pdfdoc.AlignRight, LineHeightMM: 8}); err != nil {
		return nil, 0, err
	}
	main := pdfdoc.Table{ColumnsMM: []float64{78, 22, 22, 48}, Style: st, LineMM: line, PadMM: 1.2, HeaderRows: 2}
	main.Rows = append(main.Rows,
		pdfdoc.Row{MinHeightMM: 7, Cells: []pdfdoc.Cell{{Text: "市（州）名称", Style: hd, Align: pdfdoc.AlignCenter}, {Text: t.City, ColSpan: 3, Align: pdfdoc.AlignCenter}}},
		pdfdoc.Row{MinHeightMM: 7, Cells: []pdfdoc.Cell{{Text: "指标", Style: hd, Align: pdfdoc.AlignCenter},
			{Text: fmt.Sprintf("%d年", t.Years[0]), Style: hd, Align: pdfdoc.AlignCenter},
			{Text: fmt.Sprintf("%d年", t.Years[1]), Style: hd, Align: pdfdoc.AlignCenter},
			{Text: "备注", Style: hd, Align: pdfdoc.AlignCenter}}})
	for _, r := range t.Rows {
		main.Rows = append(main.Rows, pdfdoc.Row{MinHeightMM: 7, Cells: []pdfdoc.Cell{
			{Text: r.Label, Align: pdfdoc.AlignLeft}, {Text: r.Earlier, Align: pdfdoc.AlignCenter}, {Text: r.Later, Align: pdfdoc.AlignCenter},
			{Text: r.Remark, Align: pdfdoc.AlignLeft, Style: pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: size - 1}}}})
	}
	if err := w.Table(main); err != nil {
		return nil, 0, err
	}
	if t.IndTitle != "" {
		// The title and column labels repeat on a following page.
		it := pdfdoc.Table{ColumnsMM: []float64{50, 30, 30, 30, 30}, Style: st, LineMM: line, PadMM: 1.2, HeaderRows: 2}
		it.Rows = append(it.Rows, pdfdoc.Row{MinHeightMM: 7, Cells: []pdfdoc.Cell{{Text: t.IndTitle, ColSpan: 5, Style: hd, Align: pdfdoc.AlignCenter}}})
		var hr []pdfdoc.Cell
		for _, l := range t.IndLabels {
			hr = append(hr, pdfdoc.Cell{Text: l, Style: hd, Align: pdfdoc.AlignCenter})
		}
		it.Rows = append(it.Rows, pdfdoc.Row{MinHeightMM: 7, Cells: hr})
		for _, ir := range t.Industries {
			var cells []pdfdoc.Cell
			for i, v := range ir {
				a := pdfdoc.AlignCenter
				if i == 0 {
					a = pdfdoc.AlignLeft
				}
				cells = append(cells, pdfdoc.Cell{Text: v, Align: a})
			}
			it.Rows = append(it.Rows, pdfdoc.Row{MinHeightMM: 7, Cells: cells})
		}
		if err := w.Table(it); err != nil {
			return nil, 0, err
		}
	}
	pages := w.Pages()
	if pages > 1 && size > 8 {
		return nil, pages, nil // too long at this size: the caller tries a smaller one
	}
	data, err := w.Bytes()
	return data, pages, err
}
