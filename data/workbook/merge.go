package workbook

import (
	"fmt"
)

// MergeFigurePlans joins the plans of several returned 填报表 (one per city, each made
// against the same case) into one, to be applied in one change. The files normally
// touch different cities; when two change the same figure or 主导产业 row differently,
// nothing is merged and the error names both files and the cell. Each change keeps
// the name of its file (Change.File).
func MergeFigurePlans(names []string, plans []*FigurePlan) (*FigurePlan, error) {
	if len(plans) == 0 {
		return nil, fmt.Errorf("没有可导入的填报表")
	}
	out := &FigurePlan{Year: plans[0].Year, ProvinceCode: plans[0].ProvinceCode, oldIndustries: map[industryKey]string{}}
	type from struct {
		file string
		in   any
	}
	figs := map[[4]string]from{}
	inds := map[industryKey]from{}
	seen := map[[3]string]bool{} // sheet, cell, new text: the same change from two files
	for i, p := range plans {
		if p.Year != out.Year || p.ProvinceCode != out.ProvinceCode {
			return nil, fmt.Errorf("“%s”属于 %s %d 年度，与“%s”不同，未导入", names[i], p.ProvinceCode, p.Year, names[0])
		}
		for j, f := range p.figures {
			key := [4]string{f.UnitCode, string(f.Measure), f.Indicator, fmt.Sprint(f.Year)}
			if prev, ok := figs[key]; ok {
				if prev.in != any(f) {
					return nil, fmt.Errorf("“%s”和“%s”都修改了 %s %d年“%s”，且内容不同：请核对后分别导入", prev.file, names[i], f.UnitCode, f.Year, f.Indicator)
				}
				continue
			}
			figs[key] = from{names[i], f}
			out.figures = append(out.figures, f)
			out.oldFigures = append(out.oldFigures, p.oldFigures[j])
		}
		for _, in := range p.industries {
			key := industryKey{in.UnitCode, in.Row}
			if prev, ok := inds[key]; ok {
				if fmt.Sprint(prev.in) != fmt.Sprint(in) {
					return nil, fmt.Errorf("“%s”和“%s”都修改了 %s 主导产业第%d行，且内容不同：请核对后分别导入", prev.file, names[i], in.UnitCode, in.Row)
				}
				continue
			}
			inds[key] = from{names[i], in}
			out.industries = append(out.industries, in)
			out.oldIndustries[key] = p.oldIndustries[key]
		}
		for _, ch := range p.Changes {
			key := [3]string{ch.Sheet, ch.Cell, ch.New}
			if !seen[key] {
				seen[key] = true
				ch.File = names[i]
				out.Changes = append(out.Changes, ch)
			}
		}
	}
	return out, nil
}
