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
			d.Paragraph(docx.Para{Align: docx.AlignCenter, Runs: []docx.Run{{Text: p.Text, Font: docx.FontHeiti, SizePt: docx.SizeXiao4Hao, Color: "C00000"}}})
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
	if in.Case.Settings.Demo {
		if err := demoStamp(w); err != nil {
			return nil, err
		}
	}
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
			continue // drawn by demoStamp in the top margin
		}
		if err := w.Paragraph(pp); err != nil {
			return nil, err
		}
	}
	return w.Bytes()
}

// demoStamp prints the demo note in the top margin of the current page.
func demoStamp(w *pdfdoc.Writer) error {
	return w.Text(105, 14, pdfdoc.AlignCenter, pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 12, Color: "C00000"}, demoNote)
}
