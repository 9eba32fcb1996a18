package workbook

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong in an imported workbook.
type Problem struct {
	Sheet string // worksheet name; "" for the file as a whole
	Cell  string // A1 reference, a column ("C") or "" for the sheet as a whole
	Msg   string // what is wrong and what to do, in Chinese
}

func (p Problem) String() string {
	switch {
	case p.Sheet == "":
		return p.Msg
	case p.Cell == "":
		return fmt.Sprintf("工作表“%s”：%s", p.Sheet, p.Msg)
	default:
		return fmt.Sprintf("工作表“%s”单元格 %s：%s", p.Sheet, p.Cell, p.Msg)
	}
}

// Problems is the error of an import that found problems: nothing was planned. It lists
// every problem (up to 1,000; Omitted counts the rest).
type Problems struct {
	List    []Problem
	Omitted int
}

func (e *Problems) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "工作簿有 %d 处问题，未导入任何数据：", len(e.List)+e.Omitted)
	for _, p := range e.List {
		b.WriteString("\n")
		b.WriteString(p.String())
	}
	if e.Omitted > 0 {
		fmt.Fprintf(&b, "\n……另有 %d 处问题未列出，请先改正以上问题", e.Omitted)
	}
	return b.String()
}

// add records a problem, keeping at most maxProblems.
func (e *Problems) add(sheet, cell, format string, args ...any) {
	if len(e.List) >= maxProblems {
		e.Omitted++
		return
	}
	e.List = append(e.List, Problem{Sheet: sheet, Cell: cell, Msg: fmt.Sprintf(format, args...)})
}

func (e *Problems) err() error {
	if len(e.List) == 0 && e.Omitted == 0 {
		return nil
	}
	return e
}
