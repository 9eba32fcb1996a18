package workbook

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"tuijian/data/divisions"
	"tuijian/forms"
	"tuijian/forms/value"
)

// nationalCase is a case whose province may recommend every unit of the division list
// (430), each a candidate for both measures, with every figure of both years filled
// when filled is true.
func nationalCase(tb testing.TB, filled bool) *forms.Case {
	camp, err := forms.CampaignFor(2021)
	if err != nil {
		tb.Fatal(err)
	}
	p, _ := divisions.Province("370000")
	c := &forms.Case{Settings: forms.Settings{ProvinceCode: p.Code, Year: 2021}, Campaign: camp, Province: p,
		Units: divisions.All(), Candidates: map[forms.MeasureID][]string{}}
	for i, u := range c.Units {
		for _, m := range camp.Measures {
			c.Candidates[m.ID] = append(c.Candidates[m.ID], u.Code)
			if !filled {
				continue
			}
			for j, in := range m.Indicators {
				for _, y := range camp.IndicatorYears() {
					v := value.Value{A: float64((i*7+j*3+y)%90) + 0.25}
					switch in.Kind {
					case value.Count:
						v.A = float64((i + j + y) % 40)
					case value.CountPair:
						v.A, v.B = float64((i+j)%5+1), float64((i+j)%2)
					case value.YesNo:
						v.A = float64(i % 2)
					}
					c.Figures = append(c.Figures, forms.Figure{FigureKey: forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: in.ID, Year: y},
						Value: v, Source: fmt.Sprintf("%d年%s统计公报", y, u.Name), State: forms.Unverified})
				}
			}
		}
	}
	return c
}

// nationalWorkbook is the blank national 填报表 with every figure filled in (with
// excelize), as if every city had returned its row.
func nationalWorkbook(tb testing.TB) []byte {
	var b bytes.Buffer
	if err := ExportFigures(nationalCase(tb, false), &b); err != nil {
		tb.Fatal(err)
	}
	full := nationalCase(tb, true)
	figs := figureIndex(full)
	f, err := excelize.OpenReader(&b)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	for i := range full.Campaign.Measures {
		m := &full.Campaign.Measures[i]
		cols := measureColumns(full.Campaign, m)
		for r, u := range candidates(full, m.ID) {
			row := make([]any, len(cols))
			for j, fc := range cols {
				fig := figs[forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: fc.ind.ID, Year: fc.year}]
				switch {
				case fc.field == fieldSource:
					row[j] = fig.Source
				case fc.field == fieldRemark:
					row[j] = fig.Remark
				case numeric(fc.ind.Kind):
					row[j] = fig.Value.A
				default:
					row[j] = fig.Value.Format(fc.ind.Kind)
				}
			}
			if err := f.SetSheetRow(m.Short, cellName(3, headerRows+1+r), &row); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

func TestNationalImport(t *testing.T) {
	if testing.Short() {
		t.Skip("national workbook")
	}
	data := nationalWorkbook(t)
	empty := nationalCase(t, false)
	plan, err := importFigures(empty, data)
	if err != nil {
		t.Fatal(err)
	}
	full := nationalCase(t, true)
	if plan.Figures() != len(full.Figures) {
		t.Errorf("planned %d figures, want %d", plan.Figures(), len(full.Figures))
	}
	again, err := importFigures(full, data)
	if err != nil || !again.Empty() {
		t.Errorf("national workbook into the filled case: %v, %d changes", err, len(again.Changes))
	}
	t.Logf("national workbook: %d KiB, %d units, %d figures", len(data)>>10, len(full.Units), len(full.Figures))
}

// BenchmarkImportNational: ImportFigures of the national-scale workbook (430 units ×
// all indicators × both years, values and sources) into a case without figures.
func BenchmarkImportNational(b *testing.B) {
	data := nationalWorkbook(b)
	c := nationalCase(b, false)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu := cpuTime()
	defer func() { b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op") }()
	for i := 0; i < b.N; i++ {
		plan, err := importFigures(c, data)
		if err != nil || plan.Empty() {
			b.Fatal(err)
		}
	}
}

// BenchmarkExcelizeOnly reads the same cells with excelize's Rows iterator and nothing
// else: the floor ImportFigures is measured against.
func BenchmarkExcelizeOnly(b *testing.B) {
	data := nationalWorkbook(b)
	camp, _ := forms.CampaignFor(2021)
	sheets := []string{metaSheet, industrySheet}
	for _, m := range camp.Measures {
		sheets = append(sheets, m.Short)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu := cpuTime()
	defer func() { b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op") }()
	for i := 0; i < b.N; i++ {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, s := range sheets {
			rows, err := f.Rows(s)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				cells, err := rows.Columns()
				if err != nil {
					b.Fatal(err)
				}
				n += len(cells)
			}
			rows.Close()
		}
		f.Close()
		if n == 0 {
			b.Fatal("no cells")
		}
	}
}
