package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Block is one paragraph or one table of a read document, in document order.
type Block struct {
	// Text is the paragraph's text ("\t" for tabs, "\n" for line breaks). For a table it
	// is the flattened cell text: paragraphs in a cell joined by "\n", cells by "\t",
	// rows by "\n".
	Text      string
	StyleID   string // paragraph style ID as written, e.g. "1" (Chinese Word) or "Heading1"
	StyleName string // that style's name, e.g. "heading 1"; "" if not defined
	// OutlineLevel is 0 for a level-1 heading, 1 for level 2 …, and -1 for body text.
	// It comes from w:outlineLvl in the paragraph, else from the style chain
	// (w:outlineLvl, or a name "heading N"/"标题 N"), else from a style ID "1"–"9" or
	// "HeadingN" that styles.xml does not define.
	OutlineLevel int
	// Bold is true when every run with visible text is bold (direct w:b, else the run's
	// character style, else the paragraph style). Such paragraphs numbered 一、/（一）
	// are how many documents mark headings without heading styles.
	Bold    bool
	IsTable bool
}

// Limits of Read. A DOCX's document.xml is rarely above a few MiB.
const (
	MaxEntries = 10000 // zip entries
	// MaxDirectoryBytes bounds the zip's central directory (about 100 bytes an entry).
	MaxDirectoryBytes = 4 << 20
	MaxPartBytes      = 32 << 20 // uncompressed bytes of document.xml or styles.xml
	MaxTotalBytes     = 64 << 20 // uncompressed bytes read in all
	MaxRatio          = 200      // uncompressed/compressed, for parts above 256 KiB
	MaxBlocks         = 200000
)

// Errors of Read. Every message says what is wrong and what to do.
var (
	ErrOldDoc         = errors.New("这是旧版 .doc 或加密文件，请在 Word 中另存为 .docx 后再导入")
	ErrNotDocx        = errors.New("文件不是 DOCX 格式（不是 zip 压缩包），请在 Word 中另存为 .docx 后再导入")
	ErrNoDocument     = errors.New("DOCX 文件中缺少正文部分 word/document.xml，文件可能已损坏，请在 Word 中重新另存为 .docx 后再导入")
	ErrTooManyEntries = fmt.Errorf("DOCX 文件包含的部件超过 %d 个或目录过大（或为 zip64 格式），不像正常的 Word 文档，请在 Word 中另存为 .docx 后再导入", MaxEntries)
	ErrTooLarge       = fmt.Errorf("DOCX 文件正文解压后超过 %d MiB 或压缩比异常，可能是恶意构造的文件，已拒绝导入；请删去其中不需要的内容后另存为 .docx 再导入", MaxPartBytes>>20)
	ErrEncrypted      = errors.New("DOCX 文件中的部件已加密，请在 Word 中取消密码后另存为 .docx 再导入")
)

// MalformedError reports a document whose XML cannot be read.
type MalformedError struct {
	Part string
	Err  error
}

func (e *MalformedError) Error() string {
	return fmt.Sprintf("DOCX 文件的 %s 内容格式错误（%v），文件可能已损坏，请在 Word 中打开并另存为 .docx 后再导入", e.Part, e.Err)
}

func (e *MalformedError) Unwrap() error { return e.Err }

// ErrDTD is a part with a document type declaration (<!DOCTYPE …> with <!ENTITY …>):
// Word never writes one, and entity expansion is the “billion laughs” attack.
var ErrDTD = errors.New("含有 DTD 实体声明（<!DOCTYPE>/<!ENTITY>），Word 保存的文件不会有，疑似恶意构造，已拒绝读取：请确认文件来源，或在 Word 中另存为 .docx 后再导入")

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read reads the paragraphs and tables of a DOCX file. It opens only word/document.xml
// and word/styles.xml, never resolves relationships (external links, templates, OLE
// objects and macros are never touched), skips text boxes, deleted text and field
// codes, and bounds everything it reads (see the Max constants), so that any input
// gives either blocks or an error in bounded time and memory.
func Read(r io.ReaderAt, size int64) ([]Block, error) {
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if bytes.HasPrefix(head, oleMagic) {
		return nil, ErrOldDoc
	}
	if !bytes.HasPrefix(head, []byte("PK")) {
		return nil, ErrNotDocx
	}
	if err := checkDirectory(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrInsecurePath) && zr != nil {
			// Names with ".." or absolute paths: we never write files, so read on.
		} else {
			return nil, ErrNotDocx
		}
	}
	if len(zr.File) > MaxEntries {
		return nil, ErrTooManyEntries
	}
	var docF, stylesF *zip.File
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		var slot **zip.File
		switch name {
		case "word/document.xml":
			slot = &docF
		case "word/styles.xml":
			slot = &stylesF
		default:
			continue
		}
		if *slot != nil {
			return nil, &MalformedError{Part: f.Name, Err: errors.New("部件重复出现")}
		}
		*slot = f
	}
	if docF == nil {
		return nil, ErrNoDocument
	}
	budget := int64(MaxTotalBytes)
	docXML, err := readPart(docF, &budget)
	if err != nil {
		return nil, err
	}
	styles := map[string]*style{}
	if stylesF != nil {
		data, err := readPart(stylesF, &budget)
		if err != nil {
			return nil, err
		}
		if styles, err = parseStyles(data); errors.Is(err, ErrDTD) {
			return nil, fmt.Errorf("DOCX 文件的 word/styles.xml %w", err)
		} else if err != nil {
			return nil, &MalformedError{Part: "word/styles.xml", Err: err}
		}
	}
	blocks, err := parseDocument(docXML, styles)
	if errors.Is(err, ErrDTD) {
		return nil, fmt.Errorf("DOCX 文件的 word/document.xml %w", err)
	}
	if err != nil {
		return nil, &MalformedError{Part: "word/document.xml", Err: err}
	}
	return blocks, nil
}

// checkDirectory reads the zip's end-of-central-directory record the way archive/zip
// finds it and rejects, before archive/zip allocates anything for the entries, a
// directory above MaxDirectoryBytes or MaxEntries, and zip64 archives (a DOCX never
// needs them; their 64-bit counts would bypass the check).
func checkDirectory(r io.ReaderAt, size int64) error {
	const endLen = 22
	n := min(size, 65535+endLen)
	if n < endLen {
		return ErrNotDocx
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return ErrNotDocx
	}
	for i := len(buf) - endLen; i >= 0; i-- {
		if buf[i] != 'P' || buf[i+1] != 'K' || buf[i+2] != 5 || buf[i+3] != 6 {
			continue
		}
		if commentLen := int(binary.LittleEndian.Uint16(buf[i+20:])); i+endLen+commentLen > len(buf) {
			return ErrNotDocx
		}
		entries := binary.LittleEndian.Uint16(buf[i+10:])
		dirSize := binary.LittleEndian.Uint32(buf[i+12:])
		dirOffset := binary.LittleEndian.Uint32(buf[i+16:])
		if entries == 0xFFFF || dirSize == 0xFFFFFFFF || dirOffset == 0xFFFFFFFF || entries > MaxEntries || dirSize > MaxDirectoryBytes {
			return ErrTooManyEntries
		}
		return nil
	}
	return ErrNotDocx
}

func readPart(f *zip.File, budget *int64) ([]byte, error) {
	if f.Flags&0x1 != 0 {
		return nil, ErrEncrypted
	}
	if f.UncompressedSize64 > MaxPartBytes || int64(f.UncompressedSize64) > *budget {
		return nil, ErrTooLarge
	}
	if f.UncompressedSize64 > 256<<10 && f.UncompressedSize64 > MaxRatio*f.CompressedSize64 {
		return nil, ErrTooLarge
	}
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, &MalformedError{Part: f.Name, Err: errors.New("使用了不支持的压缩方式")}
		}
		return nil, &MalformedError{Part: f.Name, Err: err}
	}
	defer rc.Close()
	limit := int64(MaxPartBytes)
	if *budget < limit {
		limit = *budget
	}
	// The zip reader checks the size and CRC-32 the header declares, so reading to
	// the end with a limit bounds the work even when the header lies.
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, &MalformedError{Part: f.Name, Err: err}
	}
	if int64(len(data)) > limit {
		return nil, ErrTooLarge
	}
	*budget -= int64(len(data))
	return data, nil
}

type style struct {
	id, name, typ, basedOn string
	outline                *int
	bold                   *bool
}

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a WordprocessingML on/off property such as <w:b/> or <w:b w:val="0"/>.
func onOff(se xml.StartElement) bool {
	v, ok := attr(se, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

func outlineVal(se xml.StartElement) *int {
	v, ok := attr(se, "val")
	if !ok {
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return nil
	}
	if n < 0 || n > 8 {
		n = -1 // 9 is "body text"
	}
	return &n
}

func parseStyles(data []byte) (map[string]*style, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	styles := map[string]*style{}
	var cur *style
	inPPr, inRPr := false, false
	depth, styleDepth := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return styles, nil
		}
		if err != nil {
			return nil, err
		}
		if _, ok := tok.(xml.Directive); ok {
			return nil, ErrDTD
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "style":
				if cur == nil {
					id, _ := attr(t, "styleId")
					typ, _ := attr(t, "type")
					cur = &style{id: id, typ: typ}
					styleDepth = depth
				}
			case "name":
				if cur != nil && depth == styleDepth+1 {
					cur.name, _ = attr(t, "val")
				}
			case "basedOn":
				if cur != nil && depth == styleDepth+1 {
					cur.basedOn, _ = attr(t, "val")
				}
			case "pPr":
				if cur != nil && depth == styleDepth+1 {
					inPPr = true
				}
			case "rPr":
				if cur != nil && depth == styleDepth+1 {
					inRPr = true
				}
			case "outlineLvl":
				if cur != nil && inPPr {
					cur.outline = outlineVal(t)
				}
			case "b":
				if cur != nil && inRPr {
					b := onOff(t)
					cur.bold = &b
				}
			}
		case xml.EndElement:
			if cur != nil {
				switch {
				case depth == styleDepth:
					if _, dup := styles[cur.id]; !dup && cur.id != "" {
						styles[cur.id] = cur
					}
					cur = nil
					inPPr, inRPr = false, false
				case depth == styleDepth+1:
					inPPr, inRPr = false, false
				}
			}
			depth--
		}
	}
}

// headingLevelFromName returns N-1 for names like "heading 1", "Heading1", "标题 1".
func headingLevelFromName(name string) (int, bool) {
	s := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), " ", ""))
	for _, prefix := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 9 {
				return n - 1, true
			}
		}
	}
	return 0, false
}

// styleOutline resolves a paragraph style's outline level through its basedOn chain.
func styleOutline(styles map[string]*style, id string) int {
	if id == "" {
		return -1
	}
	if _, ok := styles[id]; !ok {
		if n, err := strconv.Atoi(id); err == nil && n >= 1 && n <= 9 {
			return n - 1
		}
		if lvl, ok := headingLevelFromName(id); ok {
			return lvl
		}
		return -1
	}
	for i, s := 0, styles[id]; s != nil && i < 32; i, s = i+1, styles[s.basedOn] {
		if s.outline != nil {
			return *s.outline
		}
		if lvl, ok := headingLevelFromName(s.name); ok {
			return lvl
		}
	}
	return -1
}

func styleBold(styles map[string]*style, id string) bool {
	for i, s := 0, styles[id]; s != nil && i < 32; i, s = i+1, styles[s.basedOn] {
		if s.bold != nil {
			return *s.bold
		}
	}
	return false
}

// skipped elements: their whole subtree adds no text. Text boxes (txbxContent) are
// skipped because their paragraphs sit inside another paragraph and mc:Fallback would
// repeat them; del/moveFrom hold deleted text; instrText holds field codes.
var skipped = map[string]bool{
	"Fallback": true, "txbxContent": true, "del": true, "moveFrom": true,
	"instrText": true, "delText": true, "sdtPr": true,
}

type paraState struct {
	text       strings.Builder
	styleID    string
	outline    *int
	runs, bold int // runs with visible text, and how many of them are bold
}

func parseDocument(data []byte, styles map[string]*style) ([]Block, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var blocks []Block
	var (
		skipDepth        int // >0 while inside a skipped subtree
		tblDepth         int
		table            strings.Builder
		rowCells         []string
		cell             strings.Builder
		para             *paraState
		paraDepth        int // element depth of the open w:p (nested w:p are ignored)
		inPPr, inRunRPr  bool
		inRun, inT       bool
		runText          strings.Builder
		runBold          *bool
		runStyle         string
		depth, runDepth  int
		pPrDepth, rPrDep int
	)
	visible := func(s string) bool {
		return strings.TrimFunc(s, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
		}) != ""
	}
	emit := func(b Block) error {
		if len(blocks) >= MaxBlocks {
			return fmt.Errorf("段落超过 %d 个", MaxBlocks)
		}
		blocks = append(blocks, b)
		return nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if _, ok := tok.(xml.Directive); ok {
			return nil, ErrDTD
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if skipDepth > 0 {
				skipDepth++
				continue
			}
			local := t.Name.Local
			if skipped[local] {
				skipDepth = 1
				continue
			}
			switch local {
			case "tbl":
				tblDepth++
				if tblDepth == 1 {
					table.Reset()
					rowCells = rowCells[:0]
				}
			case "tr":
				if tblDepth == 1 {
					rowCells = rowCells[:0]
				}
			case "tc":
				if tblDepth == 1 {
					cell.Reset()
				}
			case "p":
				if para == nil {
					para = &paraState{}
					paraDepth = depth
				}
			case "pPr":
				if para != nil && depth == paraDepth+1 {
					inPPr, pPrDepth = true, depth
				}
			case "pStyle":
				if inPPr && depth == pPrDepth+1 {
					para.styleID, _ = attr(t, "val")
				}
			case "outlineLvl":
				if inPPr && depth == pPrDepth+1 {
					para.outline = outlineVal(t)
				}
			case "r":
				if para != nil && !inPPr && !inRun {
					inRun, runDepth = true, depth
					runText.Reset()
					runBold, runStyle = nil, ""
				}
			case "rPr":
				if inRun && depth == runDepth+1 {
					inRunRPr, rPrDep = true, depth
				}
			case "b":
				if inRunRPr && depth == rPrDep+1 {
					b := onOff(t)
					runBold = &b
				}
			case "rStyle":
				if inRunRPr && depth == rPrDep+1 {
					runStyle, _ = attr(t, "val")
				}
			case "t":
				if inRun {
					inT = true
				}
			case "tab":
				if inRun && !inRunRPr {
					runText.WriteByte('\t')
				}
			case "br", "cr":
				if inRun && !inRunRPr {
					runText.WriteByte('\n')
				}
			case "noBreakHyphen":
				if inRun {
					runText.WriteByte('-')
				}
			}
		case xml.CharData:
			if skipDepth == 0 && inT {
				runText.Write(t)
			}
		case xml.EndElement:
			if skipDepth > 0 {
				skipDepth--
				depth--
				continue
			}
			switch t.Name.Local {
			case "t":
				inT = false
			case "rPr":
				if inRunRPr && depth == rPrDep {
					inRunRPr = false
				}
			case "pPr":
				if inPPr && depth == pPrDepth {
					inPPr = false
				}
			case "r":
				if inRun && depth == runDepth {
					inRun = false
					s := runText.String()
					para.text.WriteString(s)
					if visible(s) {
						para.runs++
						bold := false
						switch {
						case runBold != nil:
							bold = *runBold
						case runStyle != "" && styleBold(styles, runStyle):
							bold = true
						default:
							bold = styleBold(styles, para.styleID)
						}
						if bold {
							para.bold++
						}
					}
				}
			case "p":
				if para != nil && depth == paraDepth {
					text := para.text.String()
					if tblDepth > 0 {
						if c := cell.String(); c != "" && !strings.HasSuffix(c, "\t") && !strings.HasSuffix(c, "\n") {
							cell.WriteByte('\n')
						}
						cell.WriteString(text)
					} else if visible(text) {
						lvl := styleOutline(styles, para.styleID)
						if para.outline != nil {
							lvl = *para.outline
						}
						name := ""
						if s := styles[para.styleID]; s != nil {
							name = s.name
						}
						if err := emit(Block{Text: text, StyleID: para.styleID, StyleName: name, OutlineLevel: lvl,
							Bold: para.runs > 0 && para.bold == para.runs}); err != nil {
							return nil, err
						}
					}
					para, inPPr, inRun, inRunRPr, inT = nil, false, false, false, false
				}
			case "tc":
				if tblDepth == 1 {
					rowCells = append(rowCells, cell.String())
				} else if tblDepth > 1 {
					cell.WriteByte('\t')
				}
			case "tr":
				if tblDepth == 1 {
					if table.Len() > 0 {
						table.WriteByte('\n')
					}
					table.WriteString(strings.Join(rowCells, "\t"))
				} else if tblDepth > 1 {
					cell.WriteByte('\n')
				}
			case "tbl":
				if tblDepth > 0 {
					tblDepth--
					if tblDepth == 0 && visible(table.String()) {
						if err := emit(Block{Text: table.String(), OutlineLevel: -1, IsTable: true}); err != nil {
							return nil, err
						}
					}
				}
			}
			depth--
		}
	}
	return blocks, nil
}
