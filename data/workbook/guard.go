package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
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
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			continue
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
	uncached := map[string]map[string]bool{}
	if len(uncachedParts) > 0 {
		names, err := sheetParts(zr)
		if err != nil {
			return nil, fmt.Errorf("工作簿结构已损坏（%v）：请在 Excel/WPS 中重新保存为 .xlsx", err)
		}
		for part, cells := range uncachedParts {
			if sheet, ok := names[part]; ok {
				uncached[sheet] = cells
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
	return &book{f: f, uncached: uncached, uncachedRows: rows}, nil
}

// hasFormula reports whether a worksheet part contains a formula element (<f> or a
// prefixed <x:f>), reading it as a stream.
func hasFormula(zf *zip.File) (bool, error) {
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
		if containsFormulaTag(chunk) {
			return true, nil
		}
		if len(chunk) > 8 {
			carry = append(carry[:0], chunk[len(chunk)-8:]...)
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
