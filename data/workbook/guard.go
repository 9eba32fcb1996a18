package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Limits of the defensive reader (see the package comment).
const (
	maxFileSize      = 50 << 20  // compressed file
	maxUnzipped      = 100 << 20 // all entries, uncompressed
	maxXMLInMemory   = 16 << 20  // excelize UnzipXMLSizeLimit
	maxEntries       = 1000
	maxRatio         = 200 // per entry larger than ratioFloor
	ratioFloor       = 1 << 20
	maxDataRows      = 10000
	maxCellChars     = 1000
	maxProblems      = 1000
	maxRowsIterated  = 1 << 20 // Excel's own limit; excelize stops there too
	maxColumnsPerRow = 1000
)

var oleHeader = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// book is an opened, checked workbook.
type book struct {
	f *excelize.File
	// uncached holds, per sheet name, the cells that hold a formula without a cached
	// value (excelize reads them as blank).
	uncached map[string]map[string]bool
	// uncachedRows: the row numbers of those cells, per sheet
	uncachedRows map[string]map[int]bool
	// merged holds, per sheet name, the merged ranges (read from the part as a stream:
	// excelize's GetMergeCells loads the whole sheet).
	merged map[string][]string
}

func (b *book) Close() { b.f.Close() }

// openBook checks the file before excelize parses it and opens it with limits.
func openBook(r io.ReaderAt, size int64) (*book, error) {
	if size <= 0 {
		return nil, errors.New("文件是空的：请选择由本程序导出、填写后保存的 .xlsx 文件")
	}
	if size > maxFileSize {
		return nil, fmt.Errorf("文件过大（%.1f MB，上限 %d MB）：填报表不会这么大，请确认选择的是本程序导出的 .xlsx 文件", float64(size)/(1<<20), maxFileSize>>20)
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if bytes.Equal(head, oleHeader) {
		return nil, errors.New("这是旧版 .xls 文件或加了密码的工作簿：请在 Excel/WPS 中取消密码并“另存为” .xlsx 格式后再导入")
	}
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return nil, errors.New("文件不是 .xlsx 工作簿（不是 zip 格式）：请选择由本程序导出、填写后保存的 .xlsx 文件")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("文件不是完整的 .xlsx 工作簿（zip 结构损坏：%v）：请重新保存或重新导出", err)
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("工作簿包含 %d 个部件（上限 %d），不是正常的填报表，已拒绝读取", len(zr.File), maxEntries)
	}
	var total uint64
	uncachedParts := map[string]map[string]bool{}
	mergedParts := map[string][]string{}
	for _, zf := range zr.File {
		u := zf.UncompressedSize64
		total += u
		if total > maxUnzipped || u > maxUnzipped {
			return nil, fmt.Errorf("工作簿解压后超过 %d MB（疑似“压缩炸弹”），已拒绝读取：请确认文件来源", maxUnzipped>>20)
		}
		if u > ratioFloor && (zf.CompressedSize64 == 0 || u/zf.CompressedSize64 > maxRatio) {
			return nil, fmt.Errorf("工作簿中的“%s”压缩比异常（超过 %d:1，疑似“压缩炸弹”），已拒绝读取：请确认文件来源", zf.Name, maxRatio)
		}
		if zf.Method != zip.Store && zf.Method != zip.Deflate {
			return nil, fmt.Errorf("工作簿中的“%s”使用了不支持的压缩方式，请在 Excel/WPS 中重新保存为 .xlsx", zf.Name)
		}
	}
	for _, zf := range zr.File {
		name := partName(zf.Name)
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			dtd, err := hasDTD(zf)
			if err != nil {
				return nil, fmt.Errorf("工作簿中的“%s”已损坏（%v）：请在 Excel/WPS 中重新保存为 .xlsx", zf.Name, err)
			}
			if dtd {
				return nil, fmt.Errorf("工作簿中的“%s”含有 DTD 实体声明（<!DOCTYPE>/<!ENTITY>），Excel/WPS 保存的文件不会有，疑似恶意构造（实体展开攻击），已拒绝读取：请确认文件来源", zf.Name)
			}
		}
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		refs, err := mergedRanges(zf)
		if err != nil {
			return nil, fmt.Errorf("工作簿中的“%s”已损坏（%v）：请在 Excel/WPS 中重新保存为 .xlsx", zf.Name, err)
		}
		if len(refs) > 0 {
			mergedParts[name] = refs
		}
		has, err := hasFormula(zf)
		if err == nil && has {
			var cells map[string]bool
			if cells, err = uncachedFormulas(zf); len(cells) > 0 {
				uncachedParts[name] = cells
			}
		}
		if err != nil {
			return nil, fmt.Errorf("工作簿中的“%s”已损坏（%v）：请在 Excel/WPS 中重新保存为 .xlsx", zf.Name, err)
		}
	}
	uncached, merged := map[string]map[string]bool{}, map[string][]string{}
	if len(uncachedParts) > 0 || len(mergedParts) > 0 {
		names, err := sheetParts(zr)
		if err != nil {
			return nil, fmt.Errorf("工作簿结构已损坏（%v）：请在 Excel/WPS 中重新保存为 .xlsx", err)
		}
		for part, cells := range uncachedParts {
			if sheet, ok := names[part]; ok {
				uncached[sheet] = cells
			}
		}
		for part, refs := range mergedParts {
			if sheet, ok := names[part]; ok {
				merged[sheet] = refs
			}
		}
	}
	// Read the checked bytes once; excelize gets the same limits.
	buf := make([]byte, size)
	if _, err := r.ReadAt(buf, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("读取文件失败：%v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxXMLInMemory})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, fmt.Errorf("无法读取工作簿（%v）：请在 Excel/WPS 中打开并重新保存为 .xlsx 后再导入", err)
	}
	rows := map[string]map[int]bool{}
	for sheet, cells := range uncached {
		rows[sheet] = map[int]bool{}
		for ref := range cells {
			if _, r, err := excelize.CellNameToCoordinates(ref); err == nil {
				rows[sheet][r] = true
			}
		}
	}
	return &book{f: f, uncached: uncached, uncachedRows: rows, merged: merged}, nil
}

// hasDTD reports whether an XML part declares a document type or entities, reading
// it as a stream.
func hasDTD(zf *zip.File) (bool, error) {
	return scanPart(zf, 9, func(b []byte) bool {
		u := bytes.ToUpper(b)
		return bytes.Contains(u, []byte("<!DOCTYPE")) || bytes.Contains(u, []byte("<!ENTITY"))
	})
}

// scanPart streams a part through match, chunk by chunk with keep bytes carried over.
func scanPart(zf *zip.File, keep int, match func([]byte) bool) (bool, error) {
	rc, err := zf.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	buf := make([]byte, 64<<10)
	var carry []byte
	for {
		n, err := rc.Read(buf)
		chunk := append(carry, buf[:n]...)
		if match(chunk) {
			return true, nil
		}
		if len(chunk) > keep {
			carry = append(carry[:0], chunk[len(chunk)-keep:]...)
		} else {
			carry = append(carry[:0], chunk...)
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
}

var mergeCellRE = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref="([A-Za-z]{1,3}\d{1,7}:[A-Za-z]{1,3}\d{1,7})"`)

// maxMerges bounds the merged ranges read from one sheet.
const maxMerges = 10000

// mergedRanges lists the merged ranges of a worksheet part (e.g. "A5:C5"), reading
// it as a stream.
func mergedRanges(zf *zip.File) ([]string, error) {
	seen := map[string]bool{}
	var refs []string
	var tooMany bool
	_, err := scanPart(zf, 96, func(b []byte) bool {
		for _, m := range mergeCellRE.FindAllSubmatch(b, -1) {
			ref := strings.ToUpper(string(m[1]))
			if !seen[ref] {
				seen[ref] = true
				refs = append(refs, ref)
			}
		}
		tooMany = len(refs) > maxMerges
		return tooMany
	})
	if tooMany {
		return nil, fmt.Errorf("合并单元格超过 %d 处", maxMerges)
	}
	return refs, err
}

// hasFormula reports whether a worksheet part contains a formula element (<f> or a
// prefixed <x:f>), reading it as a stream.
func hasFormula(zf *zip.File) (bool, error) {
	return scanPart(zf, 8, containsFormulaTag)
}

func containsFormulaTag(b []byte) bool {
	for i := 1; i+1 < len(b); i++ {
		if b[i] == 'f' && (b[i-1] == '<' || b[i-1] == ':') {
			switch b[i+1] {
			case '>', ' ', '/', '\t', '\n', '\r':
				return true
			}
		}
	}
	return false
}

// sheetRows streams the rows of a sheet: fn gets the 1-based row number and the cells
// (formatted values). It stops with an error past maxDataRows non-blank rows after
// the first skip rows.
func (b *book) sheetRows(sheet string, skip int, fn func(row int, cells []string) error) error {
	for _, ref := range b.merged[sheet] {
		_, end, _ := strings.Cut(ref, ":")
		if _, last, err := excelize.CellNameToCoordinates(end); err == nil && last <= skip {
			continue // the title and header rows are merged by design
		}
		return fmt.Errorf("工作表“%s”的数据区有合并单元格 %s：合并后只保留左上角的值，其余单元格的数值会丢失。请选中它，取消合并（开始→合并后居中），把各单元格填回后再导入", sheet, ref)
	}
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("无法读取工作表“%s”：%v", sheet, err)
	}
	defer rows.Close()
	n, data := 0, 0
	for rows.Next() {
		n++
		if n > maxRowsIterated {
			break
		}
		cells, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("工作表“%s”第 %d 行无法读取（%v）：请在 Excel/WPS 中重新保存", sheet, n, err)
		}
		if len(cells) > maxColumnsPerRow {
			return fmt.Errorf("工作表“%s”第 %d 行有 %d 列，超过上限 %d 列：请删除多余的列", sheet, n, len(cells), maxColumnsPerRow)
		}
		if n > skip && !blank(cells) {
			data++
			if data > maxDataRows {
				return fmt.Errorf("工作表“%s”的数据超过 %d 行（读到第 %d 行时停止）：填报表每个市（州）只占一行，请删除多余的行", sheet, maxDataRows, n)
			}
		}
		if err := fn(n, cells); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return fmt.Errorf("工作表“%s”无法读取（%v）：请在 Excel/WPS 中重新保存", sheet, err)
	}
	return nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// formulaWithoutCache reports whether a cell holds a formula without a cached value.
func (b *book) formulaWithoutCache(sheet, cell string) bool {
	return b.uncached[sheet][cell]
}

// tooLong reports a cell longer than maxCellChars characters.
func tooLong(s string) bool {
	return len(s) > maxCellChars && utf8.RuneCountInString(s) > maxCellChars
}

// cellName is the A1 reference of a 1-based column and row.
func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}
