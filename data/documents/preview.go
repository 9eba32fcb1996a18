package documents

import (
	"errors"
	"fmt"
	"strings"

	"tuijian/forms"
)

// Texts returns, for every path Build writes, the document's text as a person reads
// it, for a preview where the PDFs cannot be shown: the letter, the table's rows, the
// application and the declaration as written, and for the 比选报告 its findings
// (candidates, exclusions, scores, choice). The DOCX and PDF of a document share the
// text.
func Texts(in Input) (map[string]string, error) {
	chs, err := chosenMeasures(&in)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, ch := range chs {
		n := NamesFor(ch.m, ch.unit)
		l := letterContent(in, ch)
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n%s\n\n%s\n\n%s\n", l.Issuer, l.DocNo, l.Title, Addressee(in.Case.Campaign))
		for _, p := range l.Body {
			b.WriteString("　　" + p + "\n")
		}
		for i, a := range l.Attachments {
			if i == 0 {
				fmt.Fprintf(&b, "\n　　附件：%d. %s\n", i+1, a)
			} else {
				fmt.Fprintf(&b, "　　　　　%d. %s\n", i+1, a)
			}
		}
		fmt.Fprintf(&b, "\n%s\n%s\n", l.Signer, l.Date)
		for _, note := range l.Notes {
			b.WriteString("　　" + note + "\n")
		}
		for _, k := range l.KeyLines {
			b.WriteString(k + "\n")
		}
		if ch.first {
			out[n.LetterDOCX], out[n.LetterPDF] = b.String(), b.String()
			decl := parasText(declarationParas(in, ch))
			out[n.DeclarationDOCX], out[n.DeclarationPDF] = decl, decl
		}

		t := makeTable(in, ch)
		b.Reset()
		b.WriteString(t.Title + "\n\n")
		for _, cv := range t.Cover {
			fmt.Fprintf(&b, "%s：%s\n", cv[0], cv[1])
		}
		fmt.Fprintf(&b, "%s\n\n指标 | %d年 | %d年 | 备注\n", MinistryImprint, t.Years[0], t.Years[1])
		for _, r := range t.Rows {
			fmt.Fprintf(&b, "%s | %s | %s | %s\n", r.Label, r.Earlier, r.Later, r.Remark)
		}
		if t.IndTitle != "" {
			fmt.Fprintf(&b, "\n%s\n%s\n", t.IndTitle, strings.Join(t.IndLabels, " | "))
			for _, r := range t.Industries {
				b.WriteString(strings.Join(r, " | ") + "\n")
			}
		}
		out[n.TableXLSX], out[n.TablePDF] = b.String(), b.String()

		app := parasText(applicationParas(in, ch, in.Sections[forms.ChoiceKey{Measure: ch.m.ID, UnitCode: ch.unit.Code}]))
		out[n.ApplicationDOCX], out[n.ApplicationPDF] = app, app
	}
	if in.IncludeReport {
		out[ReportPDF] = reportSummary(in)
	}
	return out, nil
}

func parasText(ps []para) string {
	var b strings.Builder
	for _, p := range ps {
		for i := 0.0; i < p.Gap; i++ {
			b.WriteString("\n")
		}
		switch p.Kind {
		case kBody:
			b.WriteString("　　" + p.Text + "\n")
		case kPageBrk:
			b.WriteString("\n")
		default:
			b.WriteString(p.Text + "\n")
		}
	}
	return b.String()
}

// reportSummary is the gist of the 比选报告.
func reportSummary(in Input) string {
	c := in.Case
	var b strings.Builder
	fmt.Fprintf(&b, "%d年度工业和信息化领域督查激励推荐市（州）比选报告\n（图表和比较表见 PDF）\n", c.Campaign.Year)
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		fmt.Fprintf(&b, "\n%s、%s\n", cnNum(i), m.Name)
		cmp, err := forms.ComparisonFor(c, m.ID, 0, nil, nil, in.ExportDay)
		if err != nil && !errors.Is(err, forms.ErrNoEligible) {
			b.WriteString("　　无法比较：" + err.Error() + "\n")
			continue
		}
		fmt.Fprintf(&b, "　　参与比选：%s\n", unitNames(cmp.Candidates))
		for _, ex := range cmp.Excluded {
			fmt.Fprintf(&b, "　　不参与比选：%s（%s）\n", ex.Unit.Name, strings.Join(ex.Reasons, "；"))
		}
		for _, k := range cmp.Scores.Order {
			fmt.Fprintf(&b, "　　第%d名 %s，综合得分 %.3f（等权）\n", cmp.Scores.Rank[k], cmp.Candidates[k].Name, cmp.Scores.Score[k])
		}
		chosen := c.ChoicesOf(m.ID)
		for _, ch := range chosen {
			u, _ := c.Unit(ch.UnitCode)
			fmt.Fprintf(&b, "　　拟推荐：%s\n　　推荐理由：%s\n", u.FullName(), ch.Reason)
		}
		if len(chosen) == 0 {
			b.WriteString("　　尚未确定推荐对象\n")
		}
	}
	return b.String()
}
