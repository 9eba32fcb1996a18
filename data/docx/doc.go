// Package docx writes and reads the small subset of WordprocessingML (DOCX) that the
// recommendation documents need, with the standard library only (archive/zip and
// encoding/xml).
//
// Why our own code rather than a DOCX library:
//
//   - Re-exports must be byte-identical, so the writer uses a fixed zip entry order, a
//     fixed modification time (1980-01-01 00:00) and writes no docProps (no creation or
//     modification dates, no application name, no revision numbers).
//
//   - The documents need exact East Asian font names (仿宋_GB2312, 方正小标宋简体, 黑体,
//     楷体_GB2312). Each run names its Chinese font in w:eastAsia; Latin letters and digits
//     go to Doc.LatinFont (default "Times New Roman", the usual practice for 公文, where
//     numbers in body text are set in Times New Roman) unless Run.LatinFont says otherwise.
//     w:hint="eastAsia" makes Word use the Chinese font for ambiguous characters such
//     as “” and ……, which then stay full width.
//
//   - styles.xml defines Heading1–Heading4 with outline levels 0–3 in the 公文 hierarchy
//     (一、 黑体 / （一） 楷体 / 1. 仿宋 / （1） 仿宋, all 3号) and a Title style (2号小标宋,
//     centred), so Word and WPS show a navigation outline.
//
//   - The reader (Read) must never follow anything: it opens only word/document.xml and
//     word/styles.xml from the zip, never resolves relationships (no external links,
//     no templates, no OLE objects), ignores macros, and bounds every read.
//
//   - GB/T 9704 asks for 22 lines of 28 characters of 3号 (16 pt) in the 156 mm 版心,
//     narrower than 28 × 16 pt. PageSetup.CharsPerLine writes Word's document grid
//     (w:docGrid w:type="linesAndChars" with the w:charSpace that makes 28 cells), and
//     scales the Normal style's characters to 98 % so that LibreOffice, which gives a
//     character wider than its cell two cells, also sets 28 a line. Paragraphs of other
//     sizes (titles, notes, rules, table cells) keep out of the grid.
//
//   - Rule draws the 信函格式's red double lines in either order (LineThickThin,
//     LineThinThick).
//
// Units: the page is set up in millimetres; Word stores twips (1/20 pt; 1 mm = 56.6929
// twips), font sizes in half-points and border widths in eighths of a point.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Common East Asian font names of 公文 (GB/T 9704-2012 §6.2).
const (
	FontFangsong     = "仿宋_GB2312"
	FontXiaobiaosong = "方正小标宋简体"
	FontHeiti        = "黑体"
	FontKaiti        = "楷体_GB2312"
	FontSongti       = "宋体"
)

// Chinese type sizes in points.
const (
	Size2Hao     = 22.0 // 二号
	Size3Hao     = 16.0 // 三号
	Size4Hao     = 14.0 // 四号
	SizeXiao4Hao = 12.0 // 小四
	Size5Hao     = 10.5 // 五号
	// LinePitch22Pt is the exact line spacing giving 22 lines in the 225 mm 版心.
	// 225 mm / 22 is 28.99 pt (580 twips), but 22 × 580 twips exceeds the 12756-twip
	// text height Word computes from the rounded margins and it sets only 21 lines;
	// 28.95 pt (579 twips), the value common in practice, fits 22.
	LinePitch22Pt = 28.95
)

const (
	ptPerMM    = 72 / 25.4
	twipsPerMM = 1440 / 25.4
)

// PageSetup describes an A4 portrait page. Zero margins take the GB/T 9704 values.
type PageSetup struct {
	TopMM, BottomMM, LeftMM, RightMM float64
	// Default run font (East Asian name) and size for the Normal style; zero values mean
	// 仿宋_GB2312 3号 (16 pt).
	Font   string
	SizePt float64
	// LineSpacingPt is the Normal style's exact line spacing; 0 means 225 mm / 22 lines
	// (≈ 28.95 pt), the 22-lines-per-page grid of GB/T 9704.
	LineSpacingPt float64
	// LatinFont is used for Latin letters and digits (w:ascii, w:hAnsi); "" means
	// "Times New Roman".
	LatinFont string
	// PageNumbers adds footers "— N —" in 4号宋体, odd pages right and even pages left
	// with one character of space (GB/T 9704 §7.5).
	PageNumbers bool
	// NoNumberOnFirstPage suppresses the number on the first page (信函格式).
	NoNumberOnFirstPage bool
	// CharsPerLine, when positive, adds a character grid to the line grid (Word's
	// 文档网格 "指定行和字符网格", w:docGrid w:type="linesAndChars"): the character pitch
	// is set so that exactly this many characters of SizePt fit the text width. GB/T
	// 9704 asks for 28 characters of 3号 (16 pt) in 156 mm, narrower than 28 × 16 pt,
	// so without the grid Word and LibreOffice set only 27 characters a line.
	CharsPerLine int
	// FooterMM, when positive, is the distance of the footers' bottom from the page's
	// bottom edge (Word's 页脚距边界); 0 places the page number ~7 mm below the text.
	FooterMM float64
}

// GBT9704 is the page of GB/T 9704-2012: A4, 版心 156 × 225 mm, 22 lines of 28
// characters.
var GBT9704 = PageSetup{TopMM: 37, BottomMM: 35, LeftMM: 28, RightMM: 26, CharsPerLine: GBT9704Chars}

// GBT9704Chars is the number of characters a line of GB/T 9704 holds.
const GBT9704Chars = 28

// Align is a paragraph or cell alignment. The zero value keeps the style's alignment
// (justified for body text, centred for StyleTitle).
type Align int

// Alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	AlignJustify
)

func (a Align) val() string {
	switch a {
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	case AlignJustify:
		return "both"
	}
	return "left"
}

// Run is a piece of text with one format. Zero fields inherit from the paragraph style.
// "\n" in Text becomes a line break, "\t" a tab.
type Run struct {
	Text      string
	Font      string  // East Asian font name, e.g. FontFangsong
	LatinFont string  // overrides Doc LatinFont for this run
	SizePt    float64 // 3号 = 16, 2号 = 22, 小四 = 12
	Bold      bool
	Color     string // hex RGB without '#', e.g. "FF0000"
}

// Para is a paragraph.
type Para struct {
	Runs  []Run
	Align Align
	// FirstLineIndentChars indents the first line by this many characters (2 for body
	// text); LeftIndentChars and RightIndentChars indent the whole paragraph
	// (RightIndentChars 4 gives the date's 右空四字).
	FirstLineIndentChars float64
	LeftIndentChars      float64
	RightIndentChars     float64
	// LineSpacingPt is an exact line spacing; 0 inherits the style's (≈ 28.95 pt).
	LineSpacingPt float64
	// SpaceBeforePt and SpaceAfterPt add space around the paragraph.
	SpaceBeforePt, SpaceAfterPt float64
	// Style is a paragraph style ID: StyleTitle, StyleHeading1 … StyleHeading4, or "".
	Style           string
	PageBreakBefore bool
	KeepNext        bool
}

// Paragraph style IDs defined in styles.xml.
const (
	StyleNormal   = "Normal"
	StyleTitle    = "Title"
	StyleHeading1 = "Heading1"
	StyleHeading2 = "Heading2"
	StyleHeading3 = "Heading3"
	StyleHeading4 = "Heading4"
)

// VMerge marks vertically merged cells.
type VMerge int

// Vertical merge states: a VMergeRestart cell starts a merged block that the
// VMergeContinue cells below it (same column) join.
const (
	VMergeNone VMerge = iota
	VMergeRestart
	VMergeContinue
)

// Cell is a table cell. Its text is one paragraph of Runs ("\n" breaks lines) or, when
// Paras is not empty, those paragraphs.
type Cell struct {
	Runs   []Run
	Paras  []Para
	Align  Align // AlignDefault is left in cells
	Span   int   // grid columns covered (gridSpan); 0 or 1 = one
	VMerge VMerge
	// VAlignTop puts the text at the top; the default is vertically centred.
	VAlignTop bool
	Shade     string // background hex RGB, e.g. "D9D9D9"; "" none
}

// Row is a table row.
type Row struct {
	Cells []Cell
	// Header repeats the row at the top of each page.
	Header bool
	// MinHeightMM is the minimum row height; 0 automatic.
	MinHeightMM float64
	// CantSplit keeps the row on one page.
	CantSplit bool
}

// Table is a table with fixed column widths.
type Table struct {
	ColumnWidthsMM []float64
	Rows           []Row
	// NoBorders removes the grid lines (default: single 0.5 pt black lines).
	NoBorders bool
	// Font and SizePt are defaults for runs in the cells; zero = 仿宋_GB2312 小四 (12 pt).
	Font   string
	SizePt float64
	// LineSpacingPt inside cells; 0 = single spacing.
	LineSpacingPt float64
}

// Doc is a document being built. Methods append to the body in order.
type Doc struct {
	page        PageSetup
	body        bytes.Buffer
	header      []byte       // the header paragraph, nil for none
	firstFooter bytes.Buffer // the first page's footer content (with NoNumberOnFirstPage)
}

// New starts a document. Zero margins of page take the GB/T 9704 values.
func New(page PageSetup) *Doc {
	if page.TopMM == 0 {
		page.TopMM = GBT9704.TopMM
	}
	if page.BottomMM == 0 {
		page.BottomMM = GBT9704.BottomMM
	}
	if page.LeftMM == 0 {
		page.LeftMM = GBT9704.LeftMM
	}
	if page.RightMM == 0 {
		page.RightMM = GBT9704.RightMM
	}
	if page.Font == "" {
		page.Font = FontFangsong
	}
	if page.SizePt == 0 {
		page.SizePt = Size3Hao
	}
	if page.LineSpacingPt == 0 {
		page.LineSpacingPt = LinePitch22Pt
	}
	if page.LatinFont == "" {
		page.LatinFont = "Times New Roman"
	}
	return &Doc{page: page}
}

// TextWidthMM is the width of the text area (版心).
func (d *Doc) TextWidthMM() float64 { return 210 - d.page.LeftMM - d.page.RightMM }

func twips(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// textWidthTwips is the text width as Word computes it, from the rounded page width and
// margins written in sectPr.
func (d *Doc) textWidthTwips() int { return twips(210) - twips(d.page.LeftMM) - twips(d.page.RightMM) }

// charSpace is w:docGrid's w:charSpace for n characters of sizePt in widthTwips:
// ECMA-376 §17.6.5 sets the grid's character pitch to the Normal style's font size
// plus charSpace/4096 pt. It is rounded down so that n pitches never exceed the width
// (Word and LibreOffice then set n characters, not n−1). For 28 characters of 16 pt
// in 156 mm (8845 twips) it is −842, a pitch of 15.794 pt; Word writes −849 for the
// same grid with its own rounding of a 2.8 cm left margin (1588 twips).
func charSpace(widthTwips int, sizePt float64, n int) int {
	pitch := float64(widthTwips) / 20 / float64(n)
	return int(math.Floor((pitch - sizePt) * 4096))
}

// gridScale is the horizontal scale (w:w, per cent) of the Normal style's characters
// when a character grid is set, so that a character is no wider than a grid cell.
// Word puts a character slightly wider than its cell into one cell, but LibreOffice
// gives it two (14 characters a line instead of 28); condensing the spacing
// (w:spacing) does not help, as LibreOffice measures the line without it. LibreOffice's
// cell is Word's pitch rounded down to whole twips and hundredths of a millimetre (up
// to 2 twips less), so the scale is that cell over the font size, rounded down: 98 %
// for 3号 in 156 mm. Neither application then puts more characters on a line than the
// grid has cells.
func gridScale(widthTwips int, sizePt float64, n int) int {
	pitchTw := (sizePt + float64(charSpace(widthTwips, sizePt, n))/4096) * 20
	pct := int(math.Floor((pitchTw - 2) / (sizePt * 20) * 100))
	if pct > 100 {
		pct = 100
	}
	if pct < 50 {
		pct = 50
	}
	return pct
}

func ptTwips(pt float64) int { return int(math.Round(pt * 20)) }

func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

// esc escapes text for XML character data and attribute values. Characters not allowed
// in XML 1.0 are dropped so that the document always parses.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hexColor(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return ""
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return ""
		}
	}
	return strings.ToUpper(s)
}

// writeRun writes a run; fullWidth undoes the Normal style's grid scale (gridScale)
// in a paragraph off the grid.
func (d *Doc) writeRun(b *bytes.Buffer, r Run, defFont string, defSize float64, fullWidth bool) {
	font, size := r.Font, r.SizePt
	if font == "" {
		font = defFont
	}
	if size == 0 {
		size = defSize
	}
	latin := r.LatinFont
	if latin == "" && font != "" {
		latin = d.page.LatinFont
	}
	props := &bytes.Buffer{}
	if font != "" {
		fmt.Fprintf(props, `<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`,
			esc(latin), esc(latin), esc(font), esc(latin))
	}
	if r.Bold {
		props.WriteString(`<w:b/><w:bCs/>`)
	}
	if c := hexColor(r.Color); c != "" {
		fmt.Fprintf(props, `<w:color w:val="%s"/>`, c)
	}
	if fullWidth {
		props.WriteString(`<w:w w:val="100"/>`)
	}
	if size > 0 {
		fmt.Fprintf(props, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(size), halfPoints(size))
	}
	b.WriteString(`<w:r>`)
	if props.Len() > 0 {
		b.WriteString(`<w:rPr>`)
		b.Write(props.Bytes())
		b.WriteString(`</w:rPr>`)
	}
	text := strings.ReplaceAll(r.Text, "\r\n", "\n")
	var seg strings.Builder
	flush := func() {
		if seg.Len() > 0 {
			fmt.Fprintf(b, `<w:t xml:space="preserve">%s</w:t>`, esc(seg.String()))
			seg.Reset()
		}
	}
	for _, c := range text {
		switch c {
		case '\n', '\r':
			flush()
			b.WriteString(`<w:br/>`)
		case '\t':
			flush()
			b.WriteString(`<w:tab/>`)
		default:
			seg.WriteRune(c)
		}
	}
	flush()
	b.WriteString(`</w:r>`)
}

func (d *Doc) writePara(b *bytes.Buffer, p Para, defFont string, defSize float64, inCell bool) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.Style != "" {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, esc(p.Style))
	}
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.PageBreakBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	off := d.offGrid(p, defSize, inCell)
	if off {
		b.WriteString(`<w:snapToGrid w:val="0"/>`)
	}
	if inCell || p.LineSpacingPt > 0 || p.SpaceBeforePt > 0 || p.SpaceAfterPt > 0 {
		b.WriteString(`<w:spacing`)
		fmt.Fprintf(b, ` w:before="%d" w:after="%d"`, ptTwips(p.SpaceBeforePt), ptTwips(p.SpaceAfterPt))
		if p.LineSpacingPt > 0 {
			fmt.Fprintf(b, ` w:line="%d" w:lineRule="exact"`, ptTwips(p.LineSpacingPt))
		} else if inCell {
			b.WriteString(` w:line="240" w:lineRule="auto"`)
		}
		b.WriteString(`/>`)
	}
	if p.FirstLineIndentChars != 0 || p.LeftIndentChars != 0 || p.RightIndentChars != 0 {
		size := defSize
		if size == 0 {
			size = d.page.SizePt
		}
		for _, r := range p.Runs {
			if r.SizePt > 0 {
				size = r.SizePt
				break
			}
		}
		charTw := func(n float64) int { return ptTwips(n * size) }
		b.WriteString(`<w:ind`)
		if p.LeftIndentChars != 0 {
			fmt.Fprintf(b, ` w:leftChars="%d" w:left="%d"`, int(math.Round(p.LeftIndentChars*100)), charTw(p.LeftIndentChars))
		}
		if p.RightIndentChars != 0 {
			fmt.Fprintf(b, ` w:rightChars="%d" w:right="%d"`, int(math.Round(p.RightIndentChars*100)), charTw(p.RightIndentChars))
		}
		if p.FirstLineIndentChars > 0 {
			fmt.Fprintf(b, ` w:firstLineChars="%d" w:firstLine="%d"`, int(math.Round(p.FirstLineIndentChars*100)), charTw(p.FirstLineIndentChars))
		} else if p.FirstLineIndentChars < 0 {
			fmt.Fprintf(b, ` w:hangingChars="%d" w:hanging="%d"`, int(math.Round(-p.FirstLineIndentChars*100)), charTw(-p.FirstLineIndentChars))
		}
		b.WriteString(`/>`)
	}
	if p.Align != AlignDefault {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.Align.val())
	}
	b.WriteString(`</w:pPr>`)
	scaled := d.page.CharsPerLine > 0 && gridScale(d.textWidthTwips(), d.page.SizePt, d.page.CharsPerLine) != 100
	for _, r := range p.Runs {
		d.writeRun(b, r, defFont, defSize, off && scaled)
	}
	b.WriteString(`</w:p>`)
}

// offGrid reports whether a paragraph keeps out of the character grid
// (w:snapToGrid w:val="0"): table cells and paragraphs whose type is not the body size
// (the 2号 title, a 4号 note, the rules). On the grid Word and LibreOffice give each
// character of such a paragraph one or more whole grid cells, which spreads a 2号
// title and a 小四 cell apart; and LibreOffice also rounds every line of them up to
// whole grid lines.
func (d *Doc) offGrid(p Para, defSize float64, inCell bool) bool {
	if d.page.CharsPerLine <= 0 {
		return false
	}
	if inCell || p.Style == StyleTitle {
		return true
	}
	size := defSize
	for _, r := range p.Runs {
		if r.SizePt > 0 {
			size = r.SizePt
			break
		}
	}
	return size > 0 && halfPoints(size) != halfPoints(d.page.SizePt)
}

// Header sets a paragraph printed at the top of every page, in the top margin 15 mm
// from the page edge (w:header), outside the text area: a note such as "演示数据" then
// takes no line of the page and leaves the first paragraph where the layout puts it
// (the 信函格式's 发文机关标志 30 mm from the top).
func (d *Doc) Header(p Para) {
	var b bytes.Buffer
	d.writePara(&b, p, "", 0, false)
	d.header = b.Bytes()
}

// Paragraph appends a paragraph.
func (d *Doc) Paragraph(p Para) { d.writePara(&d.body, p, "", 0, false) }

// InFirstFooter writes what fn adds (paragraphs, rules) into the first page's footer
// instead of the body: with PageSetup.FooterMM it stands at a fixed distance from the
// bottom edge, as the 信函格式's closing double line 20 mm above it. It needs
// PageNumbers and NoNumberOnFirstPage (the first page has its own footer).
func (d *Doc) InFirstFooter(fn func()) {
	saved := d.body
	d.body = d.firstFooter
	fn()
	d.firstFooter = d.body
	d.body = saved
}

// Text appends a body paragraph (3号仿宋, first line indented two characters, justified).
func (d *Doc) Text(text string) {
	d.Paragraph(Para{Runs: []Run{{Text: text}}, FirstLineIndentChars: 2, Align: AlignJustify})
}

// Heading appends a heading paragraph of level 1–4 with the matching style.
func (d *Doc) Heading(level int, text string) {
	if level < 1 {
		level = 1
	}
	if level > 4 {
		level = 4
	}
	d.Paragraph(Para{Runs: []Run{{Text: text}}, Style: "Heading" + strconv.Itoa(level)})
}

// LineKind is the pattern of a horizontal rule.
type LineKind int

// Rule patterns. The double rules are w:pBdr bottom borders, whose ST_Border value
// names the inner line (toward the text, here the upper one) first.
const (
	LineSingle    LineKind = iota // one line
	LineThickThin                 // double, upper thick and lower thin (上粗下细): thickThinSmallGap
	LineThinThick                 // double, upper thin and lower thick (上细下粗): thinThickSmallGap
)

func (k LineKind) val() string {
	switch k {
	case LineThickThin:
		return "thickThinSmallGap"
	case LineThinThick:
		return "thinThickSmallGap"
	}
	return "single"
}

// Line appends a horizontal rule as wide as the text area, drawn as the bottom border
// of an empty, 2 pt high paragraph. double draws two lines, the upper thick and the
// lower thin (上粗下细); widthPt is the total width (at most 6 pt).
func (d *Doc) Line(colorHex string, widthPt float64, double bool) {
	d.LineSpan(colorHex, widthPt, double, 0)
}

// LineSpan is Line with a given length in millimetres, centred on the text area; 0 is
// the text width. The 信函格式 red lines are 170 mm long.
func (d *Doc) LineSpan(colorHex string, widthPt float64, double bool, lengthMM float64) {
	kind := LineSingle
	if double {
		kind = LineThickThin
	}
	d.Rule(colorHex, widthPt, kind, lengthMM)
}

// Rule appends a horizontal rule of the given kind, lengthMM long (0 is the text width)
// and centred on the text area, drawn as the bottom border of an empty, 2 pt high
// paragraph; widthPt is the total width (at most 6 pt). The 信函格式 (GB/T 9704 §10.1)
// draws a LineThickThin under the 发文机关标志 and a LineThinThick at the foot of the
// letter, both red and 170 mm long.
func (d *Doc) Rule(colorHex string, widthPt float64, kind LineKind, lengthMM float64) {
	c := hexColor(colorHex)
	if c == "" {
		c = "000000"
	}
	sz := int(math.Round(widthPt * 8))
	if sz < 2 {
		sz = 2
	}
	if sz > 48 {
		sz = 48
	}
	ind := ""
	if lengthMM > 0 {
		out := (lengthMM - d.TextWidthMM()) / 2
		ind = fmt.Sprintf(`<w:ind w:left="%d" w:right="%d"/>`, -twips(out), -twips(out))
	}
	grid := ""
	if d.page.CharsPerLine > 0 {
		grid = `<w:snapToGrid w:val="0"/>`
	}
	fmt.Fprintf(&d.body, `<w:p><w:pPr><w:pBdr><w:bottom w:val="%s" w:sz="%d" w:space="1" w:color="%s"/></w:pBdr>%s`+
		`<w:spacing w:before="0" w:after="0" w:line="40" w:lineRule="exact"/>%s<w:jc w:val="left"/>`+
		`<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`, kind.val(), sz, c, grid, ind)
}

// PageBreak starts a new page.
func (d *Doc) PageBreak() {
	d.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// Table appends a table.
func (d *Doc) Table(t Table) {
	font, size := t.Font, t.SizePt
	if font == "" {
		font = FontFangsong
	}
	if size == 0 {
		size = SizeXiao4Hao
	}
	total := 0
	for _, w := range t.ColumnWidthsMM {
		total += twips(w)
	}
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, total)
	if !t.NoBorders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range t.ColumnWidthsMM {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, twips(w))
	}
	b.WriteString(`</w:tblGrid>`)
	for _, row := range t.Rows {
		b.WriteString(`<w:tr>`)
		if row.Header || row.MinHeightMM > 0 || row.CantSplit {
			b.WriteString(`<w:trPr>`)
			if row.CantSplit {
				b.WriteString(`<w:cantSplit/>`)
			}
			if row.MinHeightMM > 0 {
				fmt.Fprintf(b, `<w:trHeight w:val="%d" w:hRule="atLeast"/>`, twips(row.MinHeightMM))
			}
			if row.Header {
				b.WriteString(`<w:tblHeader/>`)
			}
			b.WriteString(`</w:trPr>`)
		}
		col := 0
		for _, c := range row.Cells {
			span := c.Span
			if span < 1 {
				span = 1
			}
			w := 0
			for i := col; i < col+span && i < len(t.ColumnWidthsMM); i++ {
				w += twips(t.ColumnWidthsMM[i])
			}
			col += span
			b.WriteString(`<w:tc><w:tcPr>`)
			fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			switch c.VMerge {
			case VMergeRestart:
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case VMergeContinue:
				b.WriteString(`<w:vMerge/>`)
			}
			if s := hexColor(c.Shade); s != "" {
				fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, s)
			}
			if c.VAlignTop {
				b.WriteString(`<w:vAlign w:val="top"/>`)
			} else {
				b.WriteString(`<w:vAlign w:val="center"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			paras := c.Paras
			if len(paras) == 0 {
				paras = []Para{{Runs: c.Runs, Align: c.Align}}
			}
			for _, p := range paras {
				if p.Align == AlignDefault {
					p.Align = AlignLeft
				}
				if p.LineSpacingPt == 0 {
					p.LineSpacingPt = t.LineSpacingPt
				}
				d.writePara(b, p, font, size, true)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables and after a final one.
	d.body.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:p>`)
}

// FixedTime is the modification time stored for every zip entry.
var FixedTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Bytes returns the DOCX file.
func (d *Doc) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteTo writes the DOCX file: a zip with entries in a fixed order, each dated
// 1980-01-01 00:00, so the same document always gives the same bytes.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	type part struct{ name, body string }
	parts := []part{
		{"[Content_Types].xml", d.contentTypes()},
		{"_rels/.rels", rootRels},
		{"word/document.xml", d.documentXML()},
		{"word/styles.xml", d.stylesXML()},
		{"word/settings.xml", d.settingsXML()},
		{"word/fontTable.xml", fontTableXML},
		{"word/_rels/document.xml.rels", d.documentRels()},
	}
	if d.page.PageNumbers {
		parts = append(parts,
			part{"word/footer1.xml", d.footerXML(AlignRight)},
			part{"word/footer2.xml", d.footerXML(AlignLeft)},
			part{"word/footer3.xml", d.firstFooterXML()})
	}
	for _, h := range d.headerTypes() {
		parts = append(parts, part{"word/" + h.part, d.headerXML()})
	}
	for _, p := range parts {
		hdr := &zip.FileHeader{Name: p.name, Method: zip.Deflate}
		hdr.Modified = FixedTime
		f, err := zw.CreateHeader(hdr)
		if err != nil {
			return cw.n, err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return cw.n, err
		}
	}
	err := zw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

const emptyFooter = xmlHeader + `<w:ftr ` + nsW + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>`

func (d *Doc) firstFooterXML() string {
	if d.firstFooter.Len() == 0 {
		return emptyFooter
	}
	return xmlHeader + `<w:ftr ` + nsW + `>` + d.firstFooter.String() + `</w:ftr>`
}

// hdrRef is one header of the section: its w:type, part name and relationship ID.
type hdrRef struct{ typ, part, id string }

// headerTypes lists the header parts: the default one, and copies for even pages
// (w:evenAndOddHeaders is set with page numbers) and the first page (w:titlePg), which
// would otherwise have none.
func (d *Doc) headerTypes() []hdrRef {
	if d.header == nil {
		return nil
	}
	hs := []hdrRef{{"default", "header1.xml", "rId6"}}
	if d.page.PageNumbers {
		hs = append(hs, hdrRef{"even", "header2.xml", "rId7"})
		if d.page.NoNumberOnFirstPage {
			hs = append(hs, hdrRef{"first", "header3.xml", "rId8"})
		}
	}
	return hs
}

func (d *Doc) headerXML() string {
	return xmlHeader + `<w:hdr ` + nsW + `>` + string(d.header) + `</w:hdr>`
}

func (d *Doc) contentTypes() string {
	s := xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>`
	if d.page.PageNumbers {
		for i := 1; i <= 3; i++ {
			s += fmt.Sprintf(`<Override PartName="/word/footer%d.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`, i)
		}
	}
	for _, h := range d.headerTypes() {
		s += `<Override PartName="/word/` + h.part + `" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
	}
	return s + `</Types>`
}

func (d *Doc) documentRels() string {
	s := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>`
	if d.page.PageNumbers {
		for i := 1; i <= 3; i++ {
			s += fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer%d.xml"/>`, 2+i, i)
		}
	}
	for _, h := range d.headerTypes() {
		s += `<Relationship Id="` + h.id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="` + h.part + `"/>`
	}
	return s + `</Relationships>`
}

// fontTableXML declares the fonts with the substitutes Word and WPS use when one is
// not installed: a stock Windows has 仿宋 (FangSong) and 楷体 (KaiTi) but not the
// GB2312 faces nor 方正小标宋简体, and without the declaration shows 宋体 instead
// (w:altName, GB 2312 charset, the face's PANOSE family).
const fontTableXML = xmlHeader + `<w:fonts ` + nsW + `>` +
	`<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="楷体"><w:altName w:val="KaiTi"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

func (d *Doc) settingsXML() string {
	s := xmlHeader + `<w:settings ` + nsW + `>`
	if d.page.PageNumbers {
		s += `<w:evenAndOddHeaders/>`
	}
	return s + `<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
		`<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`</w:settings>`
}

// footerXML is a page-number footer: "— PAGE —" in 4号宋体 (half-width), one character
// of space on the outer side.
func (d *Doc) footerXML(a Align) string {
	ind := `<w:ind w:right="280"/>`
	if a == AlignLeft {
		ind = `<w:ind w:left="280"/>`
	}
	rpr := `<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:hint="eastAsia"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`
	return xmlHeader + `<w:ftr ` + nsW + `><w:p><w:pPr><w:pStyle w:val="Footer"/>` + ind +
		`<w:jc w:val="` + a.val() + `"/></w:pPr>` +
		`<w:r>` + rpr + `<w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + rpr + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r>` + rpr + `<w:t>1</w:t></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r>` + rpr + `<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
}

func (d *Doc) documentXML() string {
	p := d.page
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document ` + nsW + `><w:body>`)
	b.Write(d.body.Bytes())
	b.WriteString(`<w:sectPr>`)
	for _, h := range d.headerTypes() {
		fmt.Fprintf(&b, `<w:headerReference w:type="%s" r:id="%s"/>`, h.typ, h.id)
	}
	if p.PageNumbers {
		b.WriteString(`<w:footerReference w:type="default" r:id="rId3"/><w:footerReference w:type="even" r:id="rId4"/>`)
		if p.NoNumberOnFirstPage {
			b.WriteString(`<w:footerReference w:type="first" r:id="rId5"/>`)
		}
	}
	// The footer sits so that its 一字线 is about 7 mm below the text area.
	footer := p.BottomMM - 7 - 4
	if footer < 5 {
		footer = 5
	}
	if p.FooterMM > 0 {
		footer = p.FooterMM
	}
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"/>`, twips(210), twips(297))
	fmt.Fprintf(&b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`,
		twips(p.TopMM), twips(p.RightMM), twips(p.BottomMM), twips(p.LeftMM), twips(footer))
	if p.PageNumbers && p.NoNumberOnFirstPage {
		b.WriteString(`<w:titlePg/>`)
	}
	if p.CharsPerLine > 0 {
		fmt.Fprintf(&b, `<w:docGrid w:type="linesAndChars" w:linePitch="%d" w:charSpace="%d"/>`,
			ptTwips(p.LineSpacingPt), charSpace(d.textWidthTwips(), p.SizePt, p.CharsPerLine))
	} else {
		fmt.Fprintf(&b, `<w:docGrid w:type="lines" w:linePitch="%d"/>`, ptTwips(p.LineSpacingPt))
	}
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.String()
}

func (d *Doc) rFonts(east string) string {
	l := esc(d.page.LatinFont)
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`, l, l, esc(east), l)
}

func (d *Doc) stylesXML() string {
	p := d.page
	line := ptTwips(p.LineSpacingPt)
	sz := halfPoints(p.SizePt)
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles ` + nsW + `>`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr>%s<w:kern w:val="2"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`+
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		d.rFonts(p.Font), sz, sz, line)
	// The title's lines are 1.5 × 2号 apart; on a GB/T 9704 grid page they keep the body
	// pitch, as in the PDF, so that the page holds its 22 lines.
	titleLine := ptTwips(Size2Hao * 1.5)
	condense, titleGrid, fullScale := "", "", ""
	if p.CharsPerLine > 0 {
		titleLine = line
		if pct := gridScale(d.textWidthTwips(), p.SizePt, p.CharsPerLine); pct != 100 {
			condense = fmt.Sprintf(`<w:w w:val="%d"/>`, pct)
			fullScale = `<w:w w:val="100"/>`
		}
		titleGrid = `<w:snapToGrid w:val="0"/>`
	}
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>`+
		`<w:rPr>%s%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, line, d.rFonts(p.Font), condense, sz, sz)
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/>%s<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>`+
		`<w:rPr>%s%s<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>`, titleGrid, titleLine, d.rFonts(FontXiaobiaosong), fullScale)
	heads := []struct {
		font string
		bold bool
	}{{FontHeiti, false}, {FontKaiti, false}, {p.Font, false}, {p.Font, false}}
	for i, h := range heads {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="%d"/><w:outlineLvl w:val="%d"/></w:pPr>`+
			`<w:rPr>%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
			i+1, i+1, ptTwips(2*p.SizePt), i, d.rFonts(h.font), sz, sz)
	}
	footerRPr := ""
	if fullScale != "" {
		footerRPr = `<w:rPr>` + fullScale + `</w:rPr>`
	}
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>` + footerRPr + `</w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}
