package documents

import (
	"fmt"
	"math"
	"strings"
	"time"

	"tuijian/data/docx"
	"tuijian/data/pdfdoc"
	"tuijian/forms"
)

// Addressee is the 主送机关 line of the 推荐函, from the campaign's definition (通知
// 五 of 2021: 报工业和信息化部（规划司））.
func Addressee(c *forms.Campaign) string { return c.Addressee + "：" }

// NoKeyYet is printed on the 推荐函 in place of the fingerprint when no signing key
// exists yet.
const NoKeyYet = "（签名密钥尚未生成）"

// letter is the content of one 推荐函 (GB/T 9704-2012 信函格式).
type letter struct {
	Issuer      string // 发文机关标志
	DocNo       string // 发文字号
	Title       string
	Body        []string
	Attachments []string
	Signer      string
	Date        string
	Notes       []string // 附注 lines, each in parentheses
	// KeyLines name the signing keys' fingerprints (minisign, then the 国密 SM2 key
	// when known). They sit just above the closing double line, where the 信函格式
	// allows text (GB/T 9704 §10.1), so that they never push the letter onto a second
	// page: one line in 4号仿宋, two in 小四 (the space below the 版心 holds two).
	KeyLines []string
}

func letterContent(in Input, ch chosen) letter {
	c := in.Case
	p := c.Province
	dept := department(c)
	camp := c.Campaign
	l := letter{
		Issuer: dept,
		DocNo:  strings.TrimSpace(c.Approval(ch.m.ID).LetterNo),
		Title:  letterTitle(ch.allNames(), camp.Year, ch.m.Name),
		Signer: dept,
		Date:   cnDate(in.Date),
	}
	if l.DocNo == "" {
		l.DocNo = "〔　〕号"
	}
	// The letter must fit one page of the 信函格式: the approvals' document numbers,
	// the verification of figures and the conditions are stated in the 声明, the 推荐表
	// and the 比选报告; the letter names the notice, the consents and the city.
	a := c.Approval(ch.m.ID)
	b := fmt.Sprintf("根据《%s》（%s）要求，", camp.NoticeTitle, camp.Notice)
	consents := []string{}
	// A consent is stated only for the city it was given for (通知 五): after a switch of
	// city the letter says nothing of a consent until it is given again.
	if ch.m.GovernmentConsent && allFor(ch, a.GovFor) {
		consents = append(consents, "经"+government(p)+"同意")
	}
	if ch.m.TelecomConcurrence && allFor(ch, a.TelecomFor) {
		if len(consents) == 0 {
			consents = append(consents, "经商"+telecomAdmin(p)+"同意")
		} else {
			consents = append(consents, "并商"+telecomAdmin(p)+"同意")
		}
	}
	if len(consents) > 0 {
		b += strings.Join(consents, "，") + "，"
	}
	b += fmt.Sprintf("现推荐%s为%d年度%s。", ch.allNames(), camp.Year, ch.m.Name)
	var codes []string
	for _, u := range ch.all {
		codes = append(codes, u.Code)
	}
	if s, ok := forms.NoAccidentStatements(c, codes, in.ExportDay); ok {
		b += s
	}
	l.Body = []string{b}
	l.Attachments = nil
	for _, u := range ch.all {
		l.Attachments = append(l.Attachments, u.FullName()+"推荐表", u.FullName()+"申报书")
	}
	l.Attachments = append(l.Attachments, "推荐材料真实性、合规性声明")
	if c.Settings.Contact != "" || c.Settings.Phone != "" {
		l.Notes = append(l.Notes, fmt.Sprintf("（联系人：%s，电话：%s）", c.Settings.Contact, c.Settings.Phone))
	}
	fp := strings.TrimSpace(in.Fingerprint)
	if fp == "" {
		l.KeyLines = []string{"电子版签名公钥指纹：" + NoKeyYet}
	} else {
		l.KeyLines = []string{"电子版签名公钥指纹：" + fp}
	}
	if sm2 := strings.TrimSpace(in.SM2Fingerprint); sm2 != "" && fp != "" {
		l.KeyLines = append(l.KeyLines, SM2KeyLine(sm2))
	}
	return l
}

// allFor reports whether a consent was given for every unit chosen for the measure.
func allFor(ch chosen, given func(code string) bool) bool {
	for _, u := range ch.all {
		if !given(u.Code) {
			return false
		}
	}
	return len(ch.all) > 0
}

// Imprint4HaoIndent is the fingerprint lines' indent: one 4号 character.
const Imprint4HaoIndent = 14 * 25.4 / 72

// SM2KeyLine is the 推荐函's line with the SM2 key's fingerprint.
func SM2KeyLine(fp string) string { return "国密签名公钥指纹（SM2）：" + fp }

// keyLineSizePt is the size of the fingerprint lines: 4号, or 小四 for two.
func (l letter) keyLineSizePt() float64 {
	if len(l.KeyLines) > 1 {
		return docx.SizeXiao4Hao
	}
	return docx.Size4Hao
}

// titleChars is the width of the 2号 title line in characters: 156 mm / 22 pt is 20.1,
// less the quarter em Word, WPS and LibreOffice put on each side of the year's digits
// (East Asian–Latin autospace).
const titleChars = 19.5

// letterTitle is “关于推荐××为2021年度××的函” broken into lines at word boundaries
// (after the city, the year, the 和 of the measure's name, before 成效明显), never
// inside a name: the 2号 title takes two or three lines and a break inside
// “建设” or a city name reads wrong.
func letterTitle(unit string, year int, measure string) string {
	segs := []string{"关于推荐", unit, "为", fmt.Sprintf("%d年度", year)}
	// The measure's name breaks before or after its 和, before 成效明显 and before 市（州）.
	name := measure
	for _, cut := range []string{"和", "成效明显", "市（州）"} {
		head, tail, ok := strings.Cut(name, cut)
		if !ok {
			continue
		}
		if head != "" {
			segs = append(segs, head)
		}
		name = cut + tail
		if cut == "和" {
			segs = append(segs, "和")
			name = tail
		}
	}
	segs = append(segs, name+"的函")
	return packSegments(segs, titleChars)
}

// packSegments joins segments greedily into lines of at most width characters; a
// segment wider than a line stands alone (the line breaker splits it).
func packSegments(segs []string, width float64) string {
	var lines []string
	cur := ""
	for _, s := range segs {
		if cur != "" && widthChars(cur+s) > width {
			lines = append(lines, cur)
			cur = ""
		}
		cur += s
	}
	return strings.Join(append(lines, cur), "\n")
}

// widthChars is the width of s in characters of its size: full-width characters
// count 1, ASCII 0.5.
func widthChars(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// signerIndent centres the signer over the date that sits 右空四字.
func signerIndent(signer, date string) float64 {
	v := 4 + (widthChars(date)-widthChars(signer))/2
	if v < 0 {
		return 0
	}
	return v
}

// issuerSize fits the 发文机关标志 into the 版心 width (156 mm), at most 26 pt.
func issuerSize(s string) float64 {
	size := 26.0
	if w := widthChars(s); w > 0 {
		if fit := 156 / w * 72 / 25.4; fit < size {
			size = fit
		}
	}
	return size
}

func letterDOCX(in Input, ch chosen) ([]byte, error) {
	l := letterContent(in, ch)
	// One step tighter than the PDF's fit (line pitch, the blank above the 署名): Word,
	// WPS and LibreOffice set Latin text and the 附注 a little wider than our PDF, and
	// the letter must stay on one page there too.
	_, fit, err := fitLetter(in, ch)
	if err != nil {
		return nil, err
	}
	for i, f := range letterFits[:len(letterFits)-1] {
		if f == fit {
			fit = letterFits[i+1]
			break
		}
	}
	// 信函格式: the 标志 sits 30 mm from the page top, so the first page's top margin is
	// 30 mm; the text ends at the 版心's bottom (35 mm), and the first page's footer holds
	// the fingerprint line and the closing double line, its bottom 20 mm above the page
	// bottom edge (GB/T 9704 §10.1); the rest follows GB/T 9704 (版心 156 mm wide, lines of
	// 28 characters at the pitch the PDF chose).
	d := docx.New(docx.PageSetup{TopMM: 30, BottomMM: pdfdoc.GBT9704.BottomMM, LeftMM: 28, RightMM: 26, CharsPerLine: docx.GBT9704Chars,
		LineSpacingPt: 225 / float64(fit.lines) * 72 / 25.4, FooterMM: letterBottomGap, PageNumbers: true, NoNumberOnFirstPage: true})
	// In the page header, above the 标志 as in the PDF, so that the 标志 stays 30 mm
	// from the top and the letter keeps its one page.
	docxMarks(in, d)
	d.Paragraph(docx.Para{Align: docx.AlignCenter, LineSpacingPt: issuerSize(l.Issuer) * 1.2,
		Runs: []docx.Run{{Text: l.Issuer, Font: docx.FontXiaobiaosong, SizePt: issuerSize(l.Issuer), Color: "FF0000"}}})
	d.Rule("FF0000", 3, docx.LineThickThin, 170)
	d.Paragraph(docx.Para{Align: docx.AlignRight, Runs: []docx.Run{{Text: l.DocNo, Font: docx.FontFangsong}}})
	d.Paragraph(docx.Para{})
	d.Paragraph(docx.Para{Style: docx.StyleTitle, Runs: []docx.Run{{Text: l.Title, Font: docx.FontXiaobiaosong, SizePt: docx.Size2Hao}}})
	d.Paragraph(docx.Para{})
	d.Paragraph(docx.Para{Align: docx.AlignLeft, Runs: []docx.Run{{Text: Addressee(in.Case.Campaign), Font: docx.FontFangsong}}})
	for _, t := range l.Body {
		d.Paragraph(docx.Para{FirstLineIndentChars: 2, Runs: []docx.Run{{Text: t, Font: docx.FontFangsong}}})
	}
	d.Paragraph(docx.Para{})
	for i, a := range l.Attachments {
		if i == 0 {
			d.Paragraph(docx.Para{Align: docx.AlignLeft, FirstLineIndentChars: 2, Runs: []docx.Run{{Text: fmt.Sprintf("附件：%d. %s", i+1, a), Font: docx.FontFangsong}}})
		} else {
			d.Paragraph(docx.Para{Align: docx.AlignLeft, LeftIndentChars: 5, Runs: []docx.Run{{Text: fmt.Sprintf("%d. %s", i+1, a), Font: docx.FontFangsong}}})
		}
	}
	for range int(fit.signerGap) {
		d.Paragraph(docx.Para{})
	}
	d.Paragraph(docx.Para{Align: docx.AlignRight, RightIndentChars: signerIndent(l.Signer, l.Date), Runs: []docx.Run{{Text: l.Signer, Font: docx.FontFangsong}}})
	d.Paragraph(docx.Para{Align: docx.AlignRight, RightIndentChars: 4, Runs: []docx.Run{{Text: l.Date, Font: docx.FontFangsong}}})
	for _, n := range l.Notes {
		d.Paragraph(docx.Para{Align: docx.AlignLeft, FirstLineIndentChars: 2, Runs: []docx.Run{{Text: n, Font: docx.FontFangsong}}})
	}
	d.InFirstFooter(func() {
		for _, k := range l.KeyLines {
			d.Paragraph(docx.Para{Align: docx.AlignLeft, Runs: []docx.Run{{Text: k, Font: docx.FontFangsong, SizePt: l.keyLineSizePt()}}})
		}
		// The closing double line, 上细下粗, 20 mm above the page bottom.
		d.Rule("FF0000", 3, docx.LineThinThick, 170)
	})
	return d.Bytes()
}

// Geometry of the 信函格式 (GB/T 9704-2012 §10.1), in mm.
const (
	letterIssuerTop = 30.0 // top of the 发文机关标志 from the page top
	letterLineGap   = 4.0  // the first double line, below the 标志
	letterBelowLine = 4.94 // 3号字高×7/8: the 发文字号 below the double line
	letterBottomGap = 20.0 // the second double line, above the page bottom
	pageRightEdge   = 210 - 26.0
)

// letterLines are the line counts per 版心 the letter tries, in order, to stay on one
// page: GB/T 9704 §7.1 sets 22 lines “一般”, and allows 特定情况 to adjust; the app
// goes down to 24 lines (pitch 9.4 mm: the gap between lines stays above 2/3 of a
// 3号 character), never tighter. Text that still does not fit continues on a second
// page laid out as the standard asks (see letterLayout) and the pre-flight warns.
//
// The last step also drops the blank line above the 署名: GB/T 9704 §7.3.5.1 asks only
// that the seal's top stand within one line of the text.
var letterFits = []letterFit{{22, 1}, {23, 1}, {24, 1}, {24, 0}}

type letterFit struct {
	lines     int     // lines per 版心
	signerGap float64 // blank lines between the 附件说明 and the 署名
}

func letterPDF(in Input, ch chosen) ([]byte, error) {
	w, _, err := fitLetter(in, ch)
	if err != nil {
		return nil, err
	}
	return w.Bytes()
}

// fitLetter lays the letter out at the first fit that keeps it on one page, else at
// the tightest.
func fitLetter(in Input, ch chosen) (*pdfdoc.Writer, letterFit, error) {
	var w *pdfdoc.Writer
	var err error
	var f letterFit
	for _, f = range letterFits {
		if w, err = letterLayout(in, ch, f); err != nil {
			return nil, f, err
		}
		if w.Pages() == 1 {
			break
		}
	}
	return w, f, nil
}

// LetterPages is the number of pages the measure's 推荐函 takes (1 unless its text
// cannot fit one page even at the tightest line pitch).
func LetterPages(in Input, m forms.MeasureID) (int, error) {
	chs, err := chosenMeasures(&in)
	if err != nil {
		return 0, err
	}
	for _, ch := range chs {
		if ch.m.ID != m || !ch.first {
			continue
		}
		w, _, err := fitLetter(in, ch)
		if err != nil {
			return 0, err
		}
		return w.Pages(), nil
	}
	return 0, nil
}

// letterLayout lays the letter out with lines lines per 版心; the caller checks the
// page count. On a second page the fingerprint is a 附注 in the flow (the page number
// sits where the one-page letter prints it), the 署名 keeps the date and the last
// 附件 line with it, and the closing double line is on the last page.
func letterLayout(in Input, ch chosen, fit letterFit) (*pdfdoc.Writer, error) {
	l := letterContent(in, ch)
	w, err := pdfdoc.New(in.Fonts, pdfdoc.Page{TopMM: pdfdoc.GBT9704.TopMM, BottomMM: pdfdoc.GBT9704.BottomMM, LeftMM: pdfdoc.GBT9704.LeftMM,
		RightMM: pdfdoc.GBT9704.RightMM, LinesPerPage: fit.lines, PageNumbers: true, NoNumberOnFirstPage: true})
	if err != nil {
		return nil, err
	}
	w.SetInfo(strings.ReplaceAll(l.Title, "\n", ""), l.Signer, docTime(in.Date))
	marks(in, w, 14)
	size := issuerSize(l.Issuer)
	red := pdfdoc.Style{Face: pdfdoc.Xiaobiaosong, SizePt: size, Color: "FF0000"}
	if err := w.Text(105, letterIssuerTop, pdfdoc.AlignCenter, red, l.Issuer); err != nil {
		return nil, err
	}
	lineBottom := w.DoubleLine(letterIssuerTop+size*25.4/72+letterLineGap, 170, "FF0000", true)
	noTop := lineBottom + letterBelowLine
	if err := w.Text(pageRightEdge, noTop, pdfdoc.AlignRight, pdfdoc.Body, l.DocNo); err != nil {
		return nil, err
	}
	pitch := w.LinePitchMM()
	em := pdfdoc.Body.SizePt * 25.4 / 72
	// The 发文字号's em box is centred in line n; the title goes two lines below it.
	w.SetY(noTop - (pitch-em)/2 + 2*pitch)
	if err := w.Paragraph(pdfdoc.Para{Text: l.Title, Style: pdfdoc.Title, Align: pdfdoc.AlignCenter}); err != nil {
		return nil, err
	}
	w.Skip(1)
	if err := w.Paragraph(pdfdoc.Para{Text: Addressee(in.Case.Campaign), Align: pdfdoc.AlignLeft}); err != nil {
		return nil, err
	}
	for _, t := range l.Body {
		if err := w.Paragraph(pdfdoc.Para{Text: t, FirstLineIndentChars: 2}); err != nil {
			return nil, err
		}
	}
	w.Skip(1)
	for i, a := range l.Attachments {
		p := pdfdoc.Para{Text: fmt.Sprintf("%d. %s", i+1, a), Align: pdfdoc.AlignLeft, LeftIndentChars: 5}
		if i == 0 {
			p = pdfdoc.Para{Text: fmt.Sprintf("附件：%d. %s", i+1, a), Align: pdfdoc.AlignLeft, FirstLineIndentChars: 2}
		}
		if err := w.Paragraph(p); err != nil {
			return nil, err
		}
	}
	w.Skip(fit.signerGap)
	// The 署名 never stands alone: it, the date and the 附注 stay on one page.
	noteLines := 0
	for _, n := range l.Notes {
		nw, err := w.MeasureMM(pdfdoc.Body, n)
		if err != nil {
			return nil, err
		}
		noteLines += int(math.Ceil((nw + 2*em) / w.TextWidthMM()))
	}
	w.EnsureSpace(float64(2+noteLines) * pitch)
	// 署名 centred over the 成文日期, which sits 右空四字.
	dateW, err := w.MeasureMM(pdfdoc.Body, l.Date)
	if err != nil {
		return nil, err
	}
	centre := pageRightEdge - 4*em - dateW/2
	signW, err := w.MeasureMM(pdfdoc.Body, l.Signer)
	if err != nil {
		return nil, err
	}
	if centre+signW/2 > pageRightEdge {
		centre = pageRightEdge - signW/2
	}
	if err := w.Text(centre, w.Y()+(pitch-em)/2, pdfdoc.AlignCenter, pdfdoc.Body, l.Signer); err != nil {
		return nil, err
	}
	w.Skip(1)
	if err := w.Paragraph(pdfdoc.Para{Text: l.Date, Align: pdfdoc.AlignRight, RightIndentChars: 4}); err != nil {
		return nil, err
	}
	for _, n := range l.Notes {
		// A 附注 is indented two characters; a note one line long without the indent
		// (the fingerprint) drops it rather than wrap.
		indent := 2.0
		if nw, err := w.MeasureMM(pdfdoc.Body, n); err == nil && nw+2*em > w.TextWidthMM() && nw <= w.TextWidthMM() {
			indent = 0
		}
		if err := w.Paragraph(pdfdoc.Para{Text: n, Align: pdfdoc.AlignLeft, FirstLineIndentChars: indent}); err != nil {
			return nil, err
		}
	}
	lineTop := 297 - letterBottomGap - (pdfdoc.ThickLineMM + pdfdoc.ThinLineMM + pdfdoc.LineGapMM)
	imprint := pdfdoc.Imprint
	imprint.SizePt = l.keyLineSizePt()
	if w.Pages() > 1 {
		// Below the 版心 of a later page stands its number: the fingerprints go in the flow.
		for _, k := range l.KeyLines {
			if err := w.Paragraph(pdfdoc.Para{Text: k, Style: imprint, Align: pdfdoc.AlignLeft, LeftIndentChars: 1}); err != nil {
				return nil, err
			}
		}
		w.DoubleLine(lineTop, 170, "FF0000", false)
		return w, nil
	}
	w.DoubleLine(lineTop, 170, "FF0000", false)
	kem := imprint.SizePt * 25.4 / 72
	gap := letterBelowLine // one 4号 line: as far below it as the 发文字号 is below the first
	if len(l.KeyLines) > 1 {
		gap = 2.5 // two 小四 lines between the 版心 (262 mm) and the double line
	}
	for i, k := range l.KeyLines {
		y := lineTop - gap - kem - float64(len(l.KeyLines)-1-i)*1.2*kem
		if err := w.Text(28+Imprint4HaoIndent, y, pdfdoc.AlignLeft, imprint, k); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// manyUnits adds why a letter naming several units is long.
func manyUnits(ch chosen) string {
	if len(ch.all) > 1 {
		return fmt.Sprintf("（本函推荐 %d 个单位，附件列出各自的推荐表和申报书）", len(ch.all))
	}
	return ""
}

// LayoutIssues are the pre-flight's findings the layout alone can make (issue 12): a
// 推荐函 that does not fit one page even at the tightest spacing GB/T 9704 allows. It
// is written on two pages laid out as the standard asks; the officer is told to shorten
// the 附注 or the department's name. The check lays the letters out without fonts
// embedded, a few milliseconds each.
func LayoutIssues(c *forms.Case, day time.Time, fonts pdfdoc.Fonts) []forms.Issue {
	var out []forms.Issue
	in := Input{Case: c, Date: forms.Day(day), ExportDay: forms.Day(day), Fonts: fonts}
	chs, err := chosenMeasures(&in)
	if err != nil {
		return nil
	}
	for _, ch := range chs {
		if !ch.first {
			continue // one letter a measure
		}
		w, _, err := fitLetter(in, ch)
		if err != nil || w.Pages() == 1 {
			continue
		}
		out = append(out, forms.Issue{Severity: forms.Warning, Measure: ch.m.ID, Step: forms.StepSetup, Field: "settings.phone",
			Message: fmt.Sprintf("%s：推荐函一页排不下（%d 页），将按 GB/T 9704 续排到第二页；如需一页，请缩短联系人、电话或推荐单位名称%s", ch.m.Short, w.Pages(), manyUnits(ch))})
	}
	return out
}
