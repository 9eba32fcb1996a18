package intake

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tuijian/data/docx"
	"tuijian/data/pdfdoc"
	"tuijian/data/safefile"
	"tuijian/forms"
)

// Names of the files Write makes.
const (
	LedgerXLSX    = "收件登记.xlsx"
	LedgerPDF     = "收件登记.pdf"
	PublicityDOCX = "公示名单（草稿）.docx"
)

// TableName is the national table of a measure.
func TableName(m *forms.Measure) string { return "汇总表-" + m.Short + ".xlsx" }

// Write writes the intake's files into dir (created if needed): one national table
// per measure, the register of what came in (XLSX and PDF) and the 公示 draft. day is
// printed as the date of the register.
func Write(dir string, res Result, day time.Time) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%v", dir, err)
	}
	var written []string
	put := func(name string, data []byte, err error) error {
		if err != nil {
			return fmt.Errorf("生成 %s 失败：%v", name, err)
		}
		p := filepath.Join(dir, name)
		if err := safefile.WriteFile(p, data, 0o644); err != nil {
			return fmt.Errorf("无法写入 %s：%v", p, err)
		}
		written = append(written, p)
		return nil
	}
	for i := range res.Campaign.Measures {
		m := &res.Campaign.Measures[i]
		b, err := tableXLSX(res, m)
		if err := put(TableName(m), b, err); err != nil {
			return written, err
		}
	}
	b, err := ledgerXLSX(res)
	if err := put(LedgerXLSX, b, err); err != nil {
		return written, err
	}
	b, err = ledgerPDF(res, day)
	if err := put(LedgerPDF, b, err); err != nil {
		return written, err
	}
	b, err = publicityDOCX(res)
	if err := put(PublicityDOCX, b, err); err != nil {
		return written, err
	}
	return written, nil
}

// cellValue is a figure as a cell: a number where it is one, else its text.
func cellValue(v string) any {
	if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
		return f
	}
	return v
}

func verdict(ok bool) string {
	if ok {
		return "通过"
	}
	return "未通过"
}

// tableXLSX is the national table of a measure: a row per recommended city, every
// indicator of both years (numbers as numbers) and its 备注, the verification
// documents and the consents.
func tableXLSX(res Result, m *forms.Measure) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := m.Short
	if len(sheet) > 31 {
		sheet = "汇总表"
	}
	f.SetSheetName("Sheet1", sheet)
	years := res.Campaign.IndicatorYears()
	head := []any{"序号", "行政区划代码", "推荐单位", "市（州）", "报送包核验"}
	for _, in := range m.Indicators {
		unit := ""
		if in.Unit != "" {
			unit = "（" + in.Unit + "）"
		}
		head = append(head, fmt.Sprintf("%s%s %d年", in.Label, unit, years[0]), fmt.Sprintf("%s%s %d年", in.Label, unit, years[1]), in.Label+" 备注")
	}
	head = append(head, "审核文号", "省级人民政府同意文号")
	if m.TelecomConcurrence {
		head = append(head, "通信管理局会同文号")
	}
	head = append(head, "推荐函文号", "国务院大督查通报表扬（第十一条）", "报送包")
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return nil, err
	}
	for i, r := range res.Rows[m.ID] {
		row := []any{i + 1, r.Unit.Code, r.Province.Name, r.Unit.Name, verdict(r.OK)}
		docs := []string{}
		for _, in := range m.Indicators {
			pair := r.Figures[in.ID]
			var remarks []string
			for y := range years {
				fg := pair[y]
				if fg.Missing || fg.Value == "" {
					row = append(row, "")
				} else {
					row = append(row, cellValue(fg.Value))
				}
				if fg.Remark != "" {
					remarks = append(remarks, fmt.Sprintf("%d年：%s", years[y], fg.Remark))
				}
				if fg.VerifyDocNo != "" && !slices.Contains(docs, fg.VerifyDocNo) {
					docs = append(docs, fg.VerifyDocNo)
				}
			}
			row = append(row, strings.Join(remarks, "；"))
		}
		row = append(row, strings.Join(docs, "、"), r.Approval.GovDocNo)
		if m.TelecomConcurrence {
			row = append(row, r.Approval.TelecomDocNo)
		}
		row = append(row, r.Approval.LetterNo, r.Commendation, r.Package)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return nil, err
		}
	}
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 4, YSplit: 1, TopLeftCell: "E2", ActivePane: "bottomRight"})
	f.SetColWidth(sheet, "B", "D", 16)
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ledgerXLSX is the register of what came in, and every problem on a second sheet.
func ledgerXLSX(res Result) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "收件登记")
	head := []any{"序号", "报送包", "推荐单位", "省份", "报送日期", "标签清单 SHA-256", "结论", "问题数"}
	f.SetSheetRow("收件登记", "A1", &head)
	f.NewSheet("问题清单")
	ph := []any{"报送包", "文件", "检查", "问题"}
	f.SetSheetRow("问题清单", "A1", &ph)
	n := 2
	for i, p := range res.Packages {
		row := []any{i + 1, p.Name, p.Department, p.Province.Name, p.Date, p.Digest, verdict(p.OK()), len(p.Problems)}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow("收件登记", cell, &row); err != nil {
			return nil, err
		}
		for _, pr := range p.Problems {
			file := pr.File
			if file == "" {
				file = "（整个报送包）"
			}
			row := []any{p.Name, file, pr.Check, pr.What}
			cell, _ := excelize.CoordinatesToCellName(1, n)
			f.SetSheetRow("问题清单", cell, &row)
			n++
		}
	}
	f.SetColWidth("收件登记", "B", "C", 28)
	f.SetColWidth("收件登记", "F", "F", 66)
	f.SetColWidth("问题清单", "D", "D", 90)
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ledgerPDF is the register as a printable sheet, with every problem under it.
func ledgerPDF(res Result, day time.Time) ([]byte, error) {
	w, err := pdfdoc.New(pdfdoc.Fallback(), pdfdoc.Page{TopMM: 20, BottomMM: 22, LeftMM: 20, RightMM: 20, LinesPerPage: 30, PageNumbers: true})
	if err != nil {
		return nil, err
	}
	w.SetInfo("督查激励推荐材料收件登记", "工业和信息化部", day)
	if err := w.Paragraph(pdfdoc.Para{Text: fmt.Sprintf("%d年度督查激励推荐材料收件登记", res.Campaign.Year), Style: pdfdoc.Style{Face: pdfdoc.Xiaobiaosong, SizePt: 18}, Align: pdfdoc.AlignCenter, LineHeightMM: 12}); err != nil {
		return nil, err
	}
	small := pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 11}
	okN := 0
	for _, p := range res.Packages {
		if p.OK() {
			okN++
		}
	}
	if err := w.Paragraph(pdfdoc.Para{Text: fmt.Sprintf("依据：%s。登记日期：%s。共收到 %d 个报送包，%d 个通过核验，%d 个未通过。",
		res.Campaign.Notice, forms.Day(day).Format("2006年1月2日"), len(res.Packages), okN, len(res.Packages)-okN), Style: small, Align: pdfdoc.AlignLeft, LineHeightMM: 6.5}); err != nil {
		return nil, err
	}
	cellStyle := pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 9}
	head := pdfdoc.Style{Face: pdfdoc.Heiti, SizePt: 9}
	t := pdfdoc.Table{ColumnsMM: []float64{10, 38, 40, 20, 44, 18}, Style: cellStyle, HeaderRows: 1, LineMM: 4.6, PadMM: 1.2}
	var hr []pdfdoc.Cell
	for _, h := range []string{"序号", "报送包", "推荐单位", "报送日期", "标签清单 SHA-256", "结论"} {
		hr = append(hr, pdfdoc.Cell{Text: h, Align: pdfdoc.AlignCenter, Style: head})
	}
	t.Rows = append(t.Rows, pdfdoc.Row{Cells: hr})
	for i, p := range res.Packages {
		digest := p.Digest // four lines of 16 hex digits fit the column at 7 pt
		if len(digest) == 64 {
			digest = digest[:16] + "\n" + digest[16:32] + "\n" + digest[32:48] + "\n" + digest[48:]
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{{Text: strconv.Itoa(i + 1), Align: pdfdoc.AlignCenter}, {Text: p.Name, Align: pdfdoc.AlignLeft},
			{Text: p.Department, Align: pdfdoc.AlignLeft}, {Text: p.Date, Align: pdfdoc.AlignCenter}, {Text: digest, Align: pdfdoc.AlignLeft, Style: pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 7}},
			{Text: verdict(p.OK()), Align: pdfdoc.AlignCenter}}})
	}
	if err := w.Table(t); err != nil {
		return nil, err
	}
	for _, p := range res.Packages {
		if p.OK() {
			continue
		}
		if err := w.Paragraph(pdfdoc.Para{Text: p.Name + "：", Style: pdfdoc.Style{Face: pdfdoc.Heiti, SizePt: 11}, Align: pdfdoc.AlignLeft, LineHeightMM: 7}); err != nil {
			return nil, err
		}
		for _, pr := range p.Problems {
			if err := w.Paragraph(pdfdoc.Para{Text: "· " + pr.String(), Style: pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 10}, Align: pdfdoc.AlignLeft, LineHeightMM: 5.5}); err != nil {
				return nil, err
			}
		}
	}
	return w.Bytes()
}

// publicityDOCX is the draft of the 公示 list: per measure, the cities of the packages
// that passed, by 行政区划代码.
func publicityDOCX(res Result) ([]byte, error) {
	d := docx.New(docx.PageSetup{})
	d.Paragraph(docx.Para{Align: docx.AlignCenter, Runs: []docx.Run{{Text: fmt.Sprintf("%d年度督查激励拟支持地方名单（公示稿·草稿）", res.Campaign.Year), Font: docx.FontXiaobiaosong, SizePt: docx.Size2Hao}}})
	d.Text("说明：按报送包核验结果生成，仅列核验通过的报送包推荐的市（州），按行政区划代码排序；公示前须经审定。")
	for _, m := range res.Campaign.Measures {
		d.Heading(1, m.Name)
		t := docx.Table{ColumnWidthsMM: []float64{20, 50, 90}}
		t.Rows = append(t.Rows, docx.Row{Header: true, Cells: []docx.Cell{{Runs: []docx.Run{{Text: "序号"}}, Align: docx.AlignCenter},
			{Runs: []docx.Run{{Text: "省（区、市）"}}, Align: docx.AlignCenter}, {Runs: []docx.Run{{Text: "市（州）"}}, Align: docx.AlignCenter}}})
		n := 0
		for _, r := range res.Rows[m.ID] {
			if !r.OK {
				continue
			}
			n++
			t.Rows = append(t.Rows, docx.Row{Cells: []docx.Cell{{Runs: []docx.Run{{Text: strconv.Itoa(n)}}, Align: docx.AlignCenter},
				{Runs: []docx.Run{{Text: r.Province.Name}}}, {Runs: []docx.Run{{Text: r.Unit.Name}}}}})
		}
		if n == 0 {
			d.Text("（暂无核验通过的推荐）")
			continue
		}
		d.Table(t)
	}
	return d.Bytes()
}
