package workbook

import (
	"strconv"
	"strings"

	"tuijian/forms"
)

// firstRows streams at most n rows of a sheet.
func (b *book) firstRows(sheet string, n int) ([][]string, error) {
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for len(out) < n && rows.Next() {
		cells, err := rows.Columns()
		if err != nil {
			return out, err
		}
		out = append(out, cells)
	}
	return out, rows.Error()
}

func (b *book) hasSheet(name string) bool {
	i, err := b.f.GetSheetIndex(name)
	return err == nil && i >= 0
}

// checkMeta reads the hidden metadata and reports a workbook of another kind, version,
// campaign or province. It returns false when the workbook must not be read further.
func checkMeta(b *book, format string, c *forms.Case, p *Problems) bool {
	what := map[string]string{formatFigures: "填报表", formatVerification: "统计数据审核表"}
	if !b.hasSheet(metaSheet) {
		p.add("", "", "这不是本程序导出的%s（缺少隐藏的“%s”工作表）：请在本程序中导出%s，填写后导入该文件", what[format], metaSheet, what[format])
		return false
	}
	rows, err := b.firstRows(metaSheet, 10)
	if err != nil {
		p.add(metaSheet, "", "无法读取：%v", err)
		return false
	}
	meta := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			meta[strings.TrimSpace(r[0])] = strings.TrimSpace(r[1])
		}
	}
	got := meta["格式"]
	if got != format {
		if w, ok := what[got]; ok {
			hint := "导入填报表"
			if got == formatVerification {
				hint = "导入审核回复"
			}
			p.add("", "", "这是%s，不是%s：请用“%s”导入它", w, what[format], hint)
		} else {
			p.add("", "", "这不是本程序导出的%s（隐藏工作表“%s”中的格式标记不符）：请重新导出", what[format], metaSheet)
		}
		return false
	}
	if v, err := strconv.Atoi(meta["版本"]); err != nil || v > formatVersion || v < 1 {
		p.add("", "", "%s的格式版本“%s”本程序不认识（本程序为版本 %d）：请用同一版本的程序导出和导入，或升级本程序", what[format], meta["版本"], formatVersion)
		return false
	}
	ok := true
	if y := meta["年度"]; y != strconv.Itoa(c.Campaign.Year) {
		p.add("", "", "这份%s是 %s 年度的，当前数据文件是 %d 年度：请使用本年度导出的%s", what[format], y, c.Campaign.Year, what[format])
		ok = false
	}
	if pc := meta["推荐单位代码"]; pc != c.Province.Code {
		p.add("", "", "这份%s属于推荐单位“%s”（%s），当前数据文件是%s（%s）：请使用本省导出的%s", what[format], meta["推荐单位"], pc, c.Province.Name, c.Province.Code, what[format])
		ok = false
	}
	return ok
}

type baseKey struct {
	sheet, code string
	row         int
}

// readBases reads the fingerprints of the exported rows from the metadata sheet.
func readBases(b *book) (map[baseKey]string, error) {
	out := map[baseKey]string{}
	err := b.sheetRows(metaSheet, baseFirstRow-1, func(row int, cells []string) error {
		if row < baseFirstRow || len(cells) < 5 || cells[0] != baseTag {
			return nil
		}
		n, _ := strconv.Atoi(cells[3])
		out[baseKey{cells[1], cells[2], n}] = cells[4]
		return nil
	})
	return out, err
}
