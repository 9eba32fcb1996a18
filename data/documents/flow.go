package documents

import (
	"strings"

	"tuijian/data/docx"
	"tuijian/data/pdfdoc"
)

// kind is the role of a paragraph of a flowing document (申报书, 声明).
type kind int

const (
	kTitle   kind = iota // 2号小标宋, centred
	kH1                  // 一、 3号黑体
	kH2                  // （一） 3号楷体
	kBody                // 3号仿宋, first line indented two characters
	kPlain               // 3号仿宋, flush left (主送机关)
	kCenter              // 3号仿宋, centred
	kRight               // 3号仿宋, right-aligned with Right characters of space
	kPageBrk             // new page
	kDemo                // red note of the demo case
	kAnnex               // “附件2”: the attachment's number in the 推荐函, 3号黑体 top left
)

// Attachment numbers of the documents in the 推荐函's 附件说明 (GB/T 9704 §7.3.6).
const (
	AnnexTable       = "附件1"
	AnnexApplication = "附件2"
	AnnexDeclaration = "附件3"
)

// para is one paragraph; Gap blank lines come before it.
type para struct {
	Kind  kind
	Text  string
	Right float64
	Gap   float64
}

// bodyParas splits text into body paragraphs at line breaks, dropping empty lines.
func bodyParas(text string) []para {
	var out []para
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, para{Kind: kBody, Text: line})
		}
	}
	return out
}

// toDOCX writes paragraphs on a GB/T 9704 page (22 lines of 28 characters) with page
// numbers.
func toDOCX(in Input, ps []para) ([]byte, error) {
	d := docx.New(docx.PageSetup{CharsPerLine: docx.GBT9704Chars, PageNumbers: true})
	docxMarks(in, d)
	for _, p := range ps {
		for i := 0.0; i < p.Gap; i++ {
			d.Paragraph(docx.Para{})
		}
		run := []docx.Run{{Text: p.Text}}
		switch p.Kind {
		case kTitle:
			d.Paragraph(docx.Para{Style: docx.StyleTitle, Runs: []docx.Run{{Text: p.Text, Font: docx.FontXiaobiaosong, SizePt: docx.Size2Hao}}})
		case kH1:
			d.Paragraph(docx.Para{Style: docx.StyleHeading1, FirstLineIndentChars: 2, KeepNext: true, Runs: []docx.Run{{Text: p.Text, Font: docx.FontHeiti}}})
		case kH2:
			d.Paragraph(docx.Para{Style: docx.StyleHeading2, FirstLineIndentChars: 2, KeepNext: true, Runs: []docx.Run{{Text: p.Text, Font: docx.FontKaiti}}})
		case kBody:
			d.Paragraph(docx.Para{FirstLineIndentChars: 2, Runs: []docx.Run{{Text: p.Text, Font: docx.FontFangsong}}})
		case kPlain:
			d.Paragraph(docx.Para{Align: docx.AlignLeft, Runs: run})
		case kCenter:
			d.Paragraph(docx.Para{Align: docx.AlignCenter, Runs: run})
		case kRight:
			d.Paragraph(docx.Para{Align: docx.AlignRight, RightIndentChars: p.Right, Runs: run})
		case kPageBrk:
			d.PageBreak()
		case kDemo:
			// In the page header (docxMarks), on every page.
		case kAnnex:
			d.Paragraph(docx.Para{Align: docx.AlignLeft, Runs: []docx.Run{{Text: p.Text, Font: docx.FontHeiti}}})
		}
	}
	return d.Bytes()
}

// toPDF writes paragraphs on a GB/T 9704 page with page numbers.
func toPDF(in Input, ps []para, author, title string) ([]byte, error) {
	w, err := pdfdoc.New(in.Fonts, pdfdoc.Page{PageNumbers: true})
	if err != nil {
		return nil, err
	}
	w.SetInfo(title, department(in.Case), docTime(in.Date))
	marks(in, w, 14)
	for _, p := range ps {
		if p.Gap > 0 {
			w.Skip(p.Gap)
		}
		var pp pdfdoc.Para
		switch p.Kind {
		case kTitle:
			pp = pdfdoc.Para{Text: p.Text, Style: pdfdoc.Title, Align: pdfdoc.AlignCenter, LineHeightMM: 12, Bookmark: true}
		case kH1:
			pp = pdfdoc.Para{Text: p.Text, Style: pdfdoc.Level1, Align: pdfdoc.AlignLeft, FirstLineIndentChars: 2, KeepWithNext: true, Bookmark: true}
		case kH2:
			pp = pdfdoc.Para{Text: p.Text, Style: pdfdoc.Level2, Align: pdfdoc.AlignLeft, FirstLineIndentChars: 2, KeepWithNext: true, Bookmark: true}
		case kBody:
			pp = pdfdoc.Para{Text: p.Text, FirstLineIndentChars: 2}
		case kPlain:
			pp = pdfdoc.Para{Text: p.Text, Align: pdfdoc.AlignLeft}
		case kCenter:
			pp = pdfdoc.Para{Text: p.Text, Align: pdfdoc.AlignCenter}
		case kRight:
			pp = pdfdoc.Para{Text: p.Text, Align: pdfdoc.AlignRight, RightIndentChars: p.Right}
		case kPageBrk:
			w.NewPage()
			continue
		case kDemo:
			continue // drawn by marks in the top margin
		case kAnnex:
			pp = pdfdoc.Para{Text: p.Text, Style: pdfdoc.Level1, Align: pdfdoc.AlignLeft}
		}
		if err := w.Paragraph(pp); err != nil {
			return nil, err
		}
	}
	return w.Bytes()
}

// marks puts the demo note and the draft mark in the top margin of every page, the
// first at topMM, the second a line below.
func marks(in Input, w *pdfdoc.Writer, topMM float64) {
	st := pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 12, Color: "C00000"}
	for _, m := range markTexts(in) {
		w.Stamp(topMM, st, m)
		topMM += 5.5
	}
}

// markTexts are the notes every page carries: 演示数据 for the demo, 草稿 for a document
// written while the pre-flight blocks.
func markTexts(in Input) []string {
	var out []string
	if in.Case.Settings.Demo {
		out = append(out, demoNote)
	}
	if in.Draft {
		out = append(out, DraftNote)
	}
	return out
}

// DraftNote marks every page of a document written while the pre-flight blocks.
const DraftNote = "草稿：报送前检查尚未通过，仅供内部审阅，不得报送"

// docxMarks puts the marks into the DOCX page header (every page).
func docxMarks(in Input, d *docx.Doc) {
	if ms := markTexts(in); len(ms) > 0 {
		d.Header(docx.Para{Align: docx.AlignCenter, LineSpacingPt: 14, Runs: []docx.Run{{Text: strings.Join(ms, "　"), Font: docx.FontHeiti, SizePt: docx.SizeXiao4Hao, Color: "C00000"}}})
	}
}
