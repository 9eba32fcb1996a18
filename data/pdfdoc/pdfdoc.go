// Package pdfdoc lays out the recommendation documents as PDF on
// github.com/signintech/gopdf (v0.38.0), which embeds only the glyphs used (a one-page
// letter is tens of KB from a 14 MB font) and writes a ToUnicode map so pdftotext gets
// the exact Chinese back.
//
// Decisions:
//
//   - Units: the API takes millimetres (and font sizes in points); internally all is
//     points with the origin at the top left. Y positions name the top of a line box.
//   - Fonts: four roles, 仿宋/小标宋/黑体/楷体 (GB/T 9704 §6.2). SystemFonts finds the
//     usual files by name (simfang.ttf, FZXBSJW.TTF, …); missing roles take the embedded
//     Noto Serif/Sans SC (see Fallback). A character missing from a system font (仿宋_GB2312
//     covers only GB 2312, so rare place-name characters are absent) is drawn with the
//     embedded fallback of that role instead of being lost.
//   - Line breaking is our own rather than gopdf's SplitText (which measures every prefix
//     again, O(n²), and knows no Chinese rules): glyph widths are cached; runs of Latin
//     letters and digits ("2021", "10.5%") are not split; a line never starts with closing
//     punctuation (，。、；：？！）》”’ …) nor ends with opening punctuation (（《“‘ …):
//     a closing mark is pulled up into the line (the line is squeezed by up to half an
//     em) or characters are pushed down to the next line.
//   - Justification is done with the PDF character spacing operator (Tc) over the whole
//     line, as Chinese typesetting spreads or squeezes every character gap. A line may
//     be squeezed by up to 1/64 em per character, which is what fits GB/T 9704's 28
//     characters of 3号 (16 pt) into the 156 mm 版心 (28 × 16 pt = 448 pt > 442.2 pt), as
//     Word's document grid does.
//   - The body sits on a fixed line pitch: the 225 mm 版心 divided by Page.LinesPerPage
//     (22), ≈ 10.23 mm; each line's em box is centred in its line box.
//   - Output is deterministic: gopdf writes no /Info (hence no CreationDate) unless
//     SetInfo is called, and SetInfo takes the date from the caller (e.g. the letter's
//     成文日期), never the clock; font subset tags are fixed ("TJAAAA+Fangsong").
package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // image sizes
	_ "image/png"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/signintech/gopdf"
)

// Face is one of the four 公文 type faces.
type Face int

// Faces.
const (
	Fangsong     Face = iota // 仿宋: body text, 三级/四级标题
	Xiaobiaosong             // 小标宋: 标题, 发文机关标志
	Heiti                    // 黑体: 一级标题, 附件 label
	Kaiti                    // 楷体: 二级标题
)

func (f Face) String() string {
	switch f {
	case Xiaobiaosong:
		return "小标宋"
	case Heiti:
		return "黑体"
	case Kaiti:
		return "楷体"
	}
	return "仿宋"
}

// Style is a face, a size and a colour.
type Style struct {
	Face   Face
	SizePt float64 // 3号 16, 2号 22, 4号 14, 小四 12
	Color  string  // hex RGB, e.g. "FF0000"; "" black
}

// Styles of GB/T 9704.
var (
	Body    = Style{Face: Fangsong, SizePt: 16}     // 正文 3号仿宋
	Title   = Style{Face: Xiaobiaosong, SizePt: 22} // 标题 2号小标宋
	Level1  = Style{Face: Heiti, SizePt: 16}        // 一、 3号黑体
	Level2  = Style{Face: Kaiti, SizePt: 16}        // （一） 3号楷体
	Imprint = Style{Face: Fangsong, SizePt: 14}     // 版记 4号仿宋
)

// Align is a horizontal alignment. The zero value justifies, as body text should.
type Align int

// Alignments.
const (
	AlignJustify Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Page describes an A4 portrait page. Zero margins take GB/T 9704's.
type Page struct {
	TopMM, BottomMM, LeftMM, RightMM float64
	// LinesPerPage sets the line pitch: text height / LinesPerPage; 0 means 22.
	LinesPerPage int
	// PageNumbers draws "— N —" in 4号 below the text area (its dash 7 mm below),
	// odd pages right and even pages left with one character of space (GB/T 9704 §7.5).
	// The standard asks for 宋体, which is not among the four roles; the 仿宋 role's
	// font is used (its digits are half width as required).
	PageNumbers         bool
	NoNumberOnFirstPage bool // 信函格式: the first page has no number
}

// GBT9704 is the page of GB/T 9704-2012: 版心 156 × 225 mm, 22 lines.
var GBT9704 = Page{TopMM: 37, BottomMM: 35, LeftMM: 28, RightMM: 26, LinesPerPage: 22}

const (
	ptPerMM = 72 / 25.4
	pageW   = 210 * ptPerMM
	pageH   = 297 * ptPerMM
	ascent  = 0.88 // baseline below the em box top, in em (ideographic em box)
	eps     = 0.01
)

func mm(v float64) float64 { return v * ptPerMM }

type family struct {
	name     string
	data     []byte
	fallback int // index of the fallback family, -1 none
	loaded   bool
	widths   map[rune]float64 // advance at 1 pt, or -1 when the glyph is missing
}

// Writer writes one PDF document. It is not safe for concurrent use.
type Writer struct {
	pdf      *gopdf.GoPdf
	page     Page
	fonts    Fonts
	families []*family
	faces    [4]int // family index per Face
	pitch    float64
	y        float64 // top of the next line, pt from the page top
	pages    int
	stamps   []stamp
	out      []byte
	err      error
}

// stamp is a line of text drawn on every page when the document is finished.
type stamp struct {
	x, top float64
	st     Style
	text   string
}

// Stamp draws text centred at topMM on every page of the document (drafts, the demo
// mark): drawn when the document is finished, so pages added later carry it too.
func (w *Writer) Stamp(topMM float64, st Style, text string) {
	w.stamps = append(w.stamps, stamp{105, topMM, st, text})
}

// New starts a document with its first page.
func New(f Fonts, p Page) (*Writer, error) {
	if p.TopMM == 0 && p.BottomMM == 0 && p.LeftMM == 0 && p.RightMM == 0 {
		p.TopMM, p.BottomMM, p.LeftMM, p.RightMM = GBT9704.TopMM, GBT9704.BottomMM, GBT9704.LeftMM, GBT9704.RightMM
	}
	if p.LinesPerPage <= 0 {
		p.LinesPerPage = 22
	}
	if p.TopMM+p.BottomMM >= 280 || p.LeftMM+p.RightMM >= 200 || p.TopMM < 0 || p.BottomMM < 0 || p.LeftMM < 0 || p.RightMM < 0 {
		return nil, fmt.Errorf("页边距不合理（上 %g、下 %g、左 %g、右 %g 毫米），请检查页面设置", p.TopMM, p.BottomMM, p.LeftMM, p.RightMM)
	}
	w := &Writer{pdf: &gopdf.GoPdf{}, page: p, fonts: f}
	w.pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}, Unit: gopdf.UnitPT})
	w.pdf.SetCompressLevel(9)
	w.pitch = (pageH - mm(p.TopMM) - mm(p.BottomMM)) / float64(p.LinesPerPage)
	// One family per distinct font data; each system face falls back to its embedded one.
	tags := []string{"TJAAAA", "TJAAAB", "TJAAAC", "TJAAAD", "TJAAAE", "TJAAAF", "TJAAAG", "TJAAAH"}
	find := func(data []byte, name string) int {
		for i, fam := range w.families {
			if sameBytes(fam.data, data) {
				return i
			}
		}
		w.families = append(w.families, &family{name: tags[len(w.families)] + "+" + name, data: data, fallback: -1, widths: map[rune]float64{}})
		return len(w.families) - 1
	}
	names := [4]string{"Fangsong", "Xiaobiaosong", "Heiti", "Kaiti"}
	for _, face := range []Face{Fangsong, Xiaobiaosong, Heiti, Kaiti} {
		data := *f.slot(face)
		fb, _ := fallbackFor(face)
		if data == nil {
			data = fb
		}
		w.faces[face] = find(data, names[face])
	}
	// A system face falls back to the role's embedded face, an embedded subset to the
	// embedded face with every glyph.
	last := find(lastResort(), "Fallback")
	for _, face := range []Face{Fangsong, Xiaobiaosong, Heiti, Kaiti} {
		fb, _ := fallbackFor(face)
		if fam := w.families[w.faces[face]]; !sameBytes(fam.data, fb) && fam.fallback < 0 {
			fam.fallback = find(fb, names[face]+"Fallback")
		}
	}
	for i, fam := range w.families {
		if fam.fallback < 0 && i != last {
			fam.fallback = last
		}
	}
	w.newPage()
	return w, nil
}

func (w *Writer) load(i int) error {
	fam := w.families[i]
	if fam.loaded {
		return nil
	}
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(r rune) rune { return ' ' }}
	if err := w.pdf.AddTTFFontDataWithOption(fam.name, fam.data, opt); err != nil {
		return fmt.Errorf("无法读取字体 %s（%v），请换用其他 TrueType (.ttf) 字体或删除该字体文件后重试", fam.name, err)
	}
	fam.loaded = true
	return nil
}

func (w *Writer) setFont(fam int, size float64) error {
	if err := w.load(fam); err != nil {
		return err
	}
	return w.pdf.SetFont(w.families[fam].name, "", size)
}

// glyph is one character with the family that draws it and its width in points.
type glyph struct {
	r   rune
	fam int
	w   float64
}

// width returns the advance of r at 1 pt in family fam, or -1 if the font lacks it.
func (w *Writer) width(fam int, r rune) (float64, error) {
	f := w.families[fam]
	if v, ok := f.widths[r]; ok {
		return v, nil
	}
	if err := w.setFont(fam, 1000); err != nil {
		return 0, err
	}
	// gopdf adds the current character spacing to measured widths.
	if err := w.pdf.SetCharSpacing(0); err != nil {
		return 0, err
	}
	has, err := w.pdf.IsCurrFontContainGlyph(r)
	if err != nil {
		return 0, err
	}
	v := -1.0
	if has {
		m, err := w.pdf.MeasureTextWidth(string(r))
		if err != nil {
			return 0, err
		}
		v = m / 1000
	}
	f.widths[r] = v
	return v, nil
}

// shape resolves each character's family (falling back for missing glyphs) and width.
func (w *Writer) shape(text string, st Style) ([]glyph, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	gs := make([]glyph, 0, len(text)/3+1)
	primary := w.faces[st.Face]
	for _, r := range text {
		switch {
		case r == '\n':
			gs = append(gs, glyph{r: r, fam: primary})
			continue
		case r == '\t':
			r = ' '
		case r < ' ' || r == 0x7f:
			continue
		}
		fam := primary
		v, err := w.width(fam, r)
		if err != nil {
			return nil, err
		}
		for hops := 0; v < 0 && w.families[fam].fallback >= 0 && hops < len(w.families); hops++ {
			fam = w.families[fam].fallback
			if v, err = w.width(fam, r); err != nil {
				return nil, err
			}
		}
		if v < 0 {
			// Drawn as a space by gopdf; keep the line's geometry honest.
			if v, err = w.width(fam, ' '); err != nil {
				return nil, err
			}
			if v < 0 {
				v = 0.5
			}
			r = ' '
		}
		gs = append(gs, glyph{r: r, fam: fam, w: v * st.SizePt})
	}
	return gs, nil
}

func parseColor(s string) (r, g, b uint8) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return 0, 0, 0
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return 0, 0, 0
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}

func norm(st Style) Style {
	if st.SizePt <= 0 {
		st.SizePt = Body.SizePt
	}
	if st.Face < Fangsong || st.Face > Kaiti {
		st.Face = Fangsong
	}
	return st
}

// drawGlyphs draws gs with its em box top at top, starting at x, with tc points of
// extra space after each glyph.
func (w *Writer) drawGlyphs(gs []glyph, st Style, x, top, tc float64) error {
	r, g, b := parseColor(st.Color)
	w.pdf.SetTextColor(r, g, b)
	baseline := top + ascent*st.SizePt
	for i := 0; i < len(gs); {
		j := i
		var seg strings.Builder
		adv := 0.0
		for ; j < len(gs) && gs[j].fam == gs[i].fam; j++ {
			seg.WriteRune(gs[j].r)
			adv += gs[j].w + tc
		}
		if err := w.setFont(gs[i].fam, st.SizePt); err != nil {
			return err
		}
		if err := w.pdf.SetCharSpacing(tc); err != nil {
			return err
		}
		w.pdf.SetXY(x, baseline)
		if err := w.pdf.Text(seg.String()); err != nil {
			return err
		}
		x += adv
		i = j
	}
	w.pdf.SetTextColor(0, 0, 0)
	return nil
}

func sumWidth(gs []glyph) float64 {
	s := 0.0
	for _, g := range gs {
		s += g.w
	}
	return s
}

// drawLine draws one line of glyphs into the box [left, left+avail] with its em box
// top at top. justify spreads the glyphs to fill the box.
func (w *Writer) drawLine(gs []glyph, st Style, left, avail, top float64, align Align, justify bool) error {
	if len(gs) == 0 {
		return nil
	}
	nat := sumWidth(gs)
	tc := 0.0
	n := float64(len(gs))
	if n > 1 && (nat > avail || (justify && align == AlignJustify && avail-nat < st.SizePt*(n-1))) {
		tc = (avail - nat) / (n - 1)
	}
	width := nat + (n-1)*tc
	x := left
	switch align {
	case AlignCenter:
		x = left + (avail-width)/2
	case AlignRight:
		x = left + avail - width
	}
	return w.drawGlyphs(gs, st, x, top, tc)
}

// newPage starts a page and puts the cursor at the top of the text area.
func (w *Writer) newPage() {
	w.pdf.AddPage()
	w.pages++
	w.y = mm(w.page.TopMM)
}

// NewPage starts a new page.
func (w *Writer) NewPage() { w.newPage() }

// Pages is the number of pages so far.
func (w *Writer) Pages() int { return w.pages }

// Y is the top of the next line, in mm from the top of the page.
func (w *Writer) Y() float64 { return w.y / ptPerMM }

// SetY moves the cursor to yMM from the top of the page.
func (w *Writer) SetY(yMM float64) { w.y = mm(yMM) }

// LinePitchMM is the body line pitch (225 mm / 22 ≈ 10.23 mm on a GB/T 9704 page).
func (w *Writer) LinePitchMM() float64 { return w.pitch / ptPerMM }

// TextWidthMM is the width of the text area.
func (w *Writer) TextWidthMM() float64 { return 210 - w.page.LeftMM - w.page.RightMM }

func (w *Writer) bottom() float64 { return pageH - mm(w.page.BottomMM) }

// Skip advances the cursor by lines body lines (may be fractional).
func (w *Writer) Skip(lines float64) { w.y += lines * w.pitch }

// EnsureSpace starts a new page unless heightMM fits above the bottom margin.
func (w *Writer) EnsureSpace(heightMM float64) {
	if w.y+mm(heightMM) > w.bottom()+eps && w.y > mm(w.page.TopMM)+eps {
		w.newPage()
	}
}

// RemainingMM is the height left above the bottom margin on this page.
func (w *Writer) RemainingMM() float64 { return (w.bottom() - w.y) / ptPerMM }

// Para is a paragraph that flows at the cursor and breaks across pages.
type Para struct {
	Text  string // "\n" breaks the line
	Style Style  // zero: Body (3号仿宋)
	Align Align  // zero: justified
	// Indents in characters of the paragraph's size: FirstLineIndentChars 2 for body
	// text; RightIndentChars 4 for the date's 右空四字.
	FirstLineIndentChars, LeftIndentChars, RightIndentChars float64
	// LineHeightMM is the line pitch; 0 is the page's (≈ 10.23 mm).
	LineHeightMM float64
	// KeepWithNext moves the paragraph to the next page unless it and one more line fit.
	KeepWithNext bool
	// Bookmark adds the text to the PDF outline (shown as a navigation pane).
	Bookmark bool
}

// Paragraph lays out p at the cursor and moves the cursor below it.
func (w *Writer) Paragraph(p Para) error {
	st := norm(p.Style)
	lh := w.pitch
	if p.LineHeightMM > 0 {
		lh = mm(p.LineHeightMM)
	}
	gs, err := w.shape(p.Text, st)
	if err != nil {
		return err
	}
	left := mm(w.page.LeftMM) + p.LeftIndentChars*st.SizePt
	avail := pageW - mm(w.page.RightMM) - p.RightIndentChars*st.SizePt - left
	first := p.FirstLineIndentChars * st.SizePt
	if avail-first < st.SizePt || avail < st.SizePt {
		return fmt.Errorf("段落缩进过大，一行放不下一个字（“%s”），请减少缩进", clip(p.Text))
	}
	lines := breakLines(gs, avail-first, avail, st.SizePt)
	if p.KeepWithNext {
		w.EnsureSpace(float64(len(lines)+1) * lh / ptPerMM)
	}
	for i, ln := range lines {
		if w.y+lh > w.bottom()+eps && w.y > mm(w.page.TopMM)+eps {
			w.newPage()
		}
		if i == 0 && p.Bookmark {
			w.pdf.AddOutline(strings.TrimSpace(p.Text))
		}
		x, a := left, avail
		if i == 0 {
			x, a = left+first, avail-first
		}
		if err := w.drawLine(gs[ln.s:ln.e], st, x, a, w.y+(lh-st.SizePt)/2, p.Align, !ln.hard); err != nil {
			return err
		}
		w.y += lh
	}
	return nil
}

// Title lays out a centred 2号小标宋 title (it may take several lines) on the body grid.
func (w *Writer) Title(text string) error {
	return w.Paragraph(Para{Text: text, Style: Title, Align: AlignCenter, KeepWithNext: true})
}

// RightLine lays out a right-aligned 3号仿宋 line with rightIndentChars characters of
// space after it (4 for the 成文日期, 右空四字).
func (w *Writer) RightLine(text string, rightIndentChars float64) error {
	return w.Paragraph(Para{Text: text, Align: AlignRight, RightIndentChars: rightIndentChars})
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 12 {
		return string(r[:12]) + "…"
	}
	return s
}

// Text draws a single line of text without wrapping, its em box top at topMM. For
// AlignLeft xMM is the left end, for AlignCenter the centre, for AlignRight the right
// end. The cursor does not move.
func (w *Writer) Text(xMM, topMM float64, align Align, st Style, text string) error {
	st = norm(st)
	gs, err := w.shape(strings.ReplaceAll(text, "\n", " "), st)
	if err != nil {
		return err
	}
	x := mm(xMM)
	nat := sumWidth(gs)
	switch align {
	case AlignCenter:
		x -= nat / 2
	case AlignRight:
		x -= nat
	}
	return w.drawGlyphs(gs, st, x, mm(topMM), 0)
}

// MeasureMM is the natural width of text in style st.
func (w *Writer) MeasureMM(st Style, text string) (float64, error) {
	gs, err := w.shape(text, norm(st))
	if err != nil {
		return 0, err
	}
	return sumWidth(gs) / ptPerMM, nil
}

// HLine draws a horizontal line from x1MM to x2MM at yMM, widthMM thick.
func (w *Writer) HLine(x1MM, x2MM, yMM, widthMM float64, color string) {
	r, g, b := parseColor(color)
	w.pdf.SetStrokeColor(r, g, b)
	w.pdf.SetLineWidth(mm(widthMM))
	w.pdf.SetLineType("solid")
	w.pdf.Line(mm(x1MM), mm(yMM), mm(x2MM), mm(yMM))
	w.pdf.SetStrokeColor(0, 0, 0)
}

// Double-line geometry of the 信函格式 (GB/T 9704 §10.1 names 上粗下细 but no widths;
// these follow common templates).
const (
	ThickLineMM = 0.8
	ThinLineMM  = 0.3
	LineGapMM   = 0.6
)

// DoubleLine draws two parallel red-or-other lines lengthMM long, centred on the page,
// the upper one's top edge at yMM. thickTop draws 上粗下细 (under the 标志); otherwise
// 上细下粗 (the line 20 mm above the page bottom). It returns the y of the lower edge.
func (w *Writer) DoubleLine(yMM, lengthMM float64, color string, thickTop bool) float64 {
	x1 := (210 - lengthMM) / 2
	x2 := x1 + lengthMM
	a, b := ThickLineMM, ThinLineMM
	if !thickTop {
		a, b = b, a
	}
	w.HLine(x1, x2, yMM+a/2, a, color)
	y2 := yMM + a + LineGapMM
	w.HLine(x1, x2, y2+b/2, b, color)
	return y2 + b
}

// Image places a PNG or JPEG image at the cursor, widthMM wide (0: natural size at
// 96 dpi, at most the text width), centred, and moves the cursor below it; it starts a
// new page when the image does not fit.
func (w *Writer) Image(data []byte, widthMM float64) error {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("图片无法读取（%v），请使用 PNG 或 JPEG 图片", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return errors.New("图片尺寸为零，请更换图片")
	}
	tw := w.TextWidthMM()
	if widthMM <= 0 {
		widthMM = float64(cfg.Width) * 25.4 / 96
	}
	widthMM = math.Min(widthMM, tw)
	h := widthMM * float64(cfg.Height) / float64(cfg.Width)
	if maxH := (pageH - mm(w.page.TopMM) - mm(w.page.BottomMM)) / ptPerMM; h > maxH {
		h = maxH
		widthMM = h * float64(cfg.Width) / float64(cfg.Height)
	}
	w.EnsureSpace(h)
	x := w.page.LeftMM + (tw-widthMM)/2
	if err := w.ImageAt(data, x, w.Y(), widthMM, h); err != nil {
		return err
	}
	w.y += mm(h)
	return nil
}

// ImageAt places a PNG or JPEG image with its top-left corner at (xMM, yMM).
func (w *Writer) ImageAt(data []byte, xMM, yMM, wMM, hMM float64) error {
	holder, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return fmt.Errorf("图片无法读取（%v），请使用 PNG 或 JPEG 图片", err)
	}
	if err := w.pdf.ImageByHolder(holder, mm(xMM), mm(yMM), &gopdf.Rect{W: mm(wMM), H: mm(hMM)}); err != nil {
		return fmt.Errorf("图片无法放入 PDF（%v），请使用 PNG 或 JPEG 图片", err)
	}
	return nil
}

// SetInfo sets the document's title and author and, when created is not zero, its
// creation date. Pass a date derived from the inputs (never time.Now) to keep
// re-exports identical.
func (w *Writer) SetInfo(title, author string, created time.Time) {
	w.pdf.SetInfo(gopdf.PdfInfo{Title: title, Author: author, Creator: "督查激励推荐助手", CreationDate: created})
}

// drawPageNumbers puts "— N —" on every page (GB/T 9704 §7.5).
func (w *Writer) drawPageNumbers() error {
	st := Style{Face: Fangsong, SizePt: 14}
	center := pageH - mm(w.page.BottomMM) + mm(7) // the dash's height
	top := (center - 0.5*st.SizePt) / ptPerMM
	for i := 1; i <= w.pages; i++ {
		if i == 1 && w.page.NoNumberOnFirstPage {
			continue
		}
		if err := w.pdf.SetPage(i); err != nil {
			return err
		}
		label := fmt.Sprintf("— %d —", i)
		var err error
		if i%2 == 1 {
			err = w.Text(210-w.page.RightMM-st.SizePt/ptPerMM, top, AlignRight, st, label)
		} else {
			err = w.Text(w.page.LeftMM+st.SizePt/ptPerMM, top, AlignLeft, st, label)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Bytes finishes the document (page numbers) and returns the PDF. Later calls return
// the same bytes; nothing may be added afterwards.
func (w *Writer) Bytes() ([]byte, error) {
	if w.out != nil || w.err != nil {
		return w.out, w.err
	}
	if w.page.PageNumbers {
		if w.err = w.drawPageNumbers(); w.err != nil {
			return nil, w.err
		}
	}
	for i := 1; i <= w.pages && len(w.stamps) > 0; i++ {
		if w.err = w.pdf.SetPage(i); w.err != nil {
			return nil, w.err
		}
		for _, s := range w.stamps {
			if w.err = w.Text(s.x, s.top, AlignCenter, s.st, s.text); w.err != nil {
				return nil, w.err
			}
		}
	}
	var buf bytes.Buffer
	if _, err := w.pdf.WriteTo(&buf); err != nil {
		w.err = fmt.Errorf("生成 PDF 失败：%v", err)
		return nil, w.err
	}
	w.out = buf.Bytes()
	return w.out, nil
}
