// Package documents writes the submission documents of a campaign (办法 第八条, 通知
// item 五) from a forms.Case: per chosen city and measure the 推荐函 (GB/T 9704-2012
// 信函格式, DOCX and PDF), the 推荐表 (附件3/附件4, XLSX and one-page PDF), the 申报书
// (附件1/附件2 outline, DOCX and PDF), the 真实性合规性声明 (办法 第八条（三）, DOCX and
// PDF), and for the province's leadership the 比选报告 (PDF, with Input.IncludeReport:
// drafts and the province's archive, never the ministry's package).
//
// # Contract
//
// Build returns every file as a slash-separated relative path and its bytes, sorted
// by path; the same Input gives the same bytes (no clock is read: dates come from
// Input.Date, zip entries and document properties carry fixed times). Names gives
// the paths of one measure's files so that the package writer and its verifier
// agree. Layout:
//
//	比选报告.pdf   (only with Input.IncludeReport)
//	01-工业稳增长/推荐函.docx, 推荐函.pdf, 推荐表.xlsx, 推荐表.pdf,
//	             申报书.docx, 申报书.pdf, 真实性合规性声明.docx, 真实性合规性声明.pdf
//	02-信息基础设施和产业数字化/… the same names
//
// A measure gets its folder only when a city is chosen for it. Every name is at most
// 64 UTF-16 units and free of % and of the characters Windows forbids.
//
// # 推荐表 workbook (read back by the package verifier; keep it stable)
//
// One sheet named TableSheet ("推荐表"), A4 portrait, fitted to one page:
//
//	row 1        A1:E1 merged: the table title (Measure.TableTitle)
//	rows 2–7     A: 市（州）名称, 推荐单位, 联系人, 联系电话, 填报日期, and the approval
//	             question of 附件3/4; B:E merged: the answer (the approval row holds
//	             “■是　□否” / “□是　■否” / “□是　□否”, ■ marking the answer: ☑ is
//	             missing from 仿宋_GB2312 and most Chinese fonts)
//	row 8        A8:E8 merged, right-aligned: “工业和信息化部制”
//	row 9        A: 市（州）名称, B:E merged: the city
//	row 10       A: 指标, B: “2020年” (earlier year), C: “2021年” (later year), D:E merged: 备注
//	rows 11…     one row per indicator in Measure.Indicators order (TableFirstRow):
//	             A the label exactly as forms.Indicator.Label, B the earlier year's
//	             value, C the later year's, D (merged D:E) the 备注. A plain figure is
//	             a number cell whose number format shows value.Format(kind) exactly
//	             (as many decimals); pairs, 是/否 and MissingValue ("—", not entered
//	             or entered as missing) are text.
//	then, for a measure with LeadingIndustries (附件3): a row “制造业主导产业发展情况
//	             （2021年）” (A:E merged), a header row with the column labels of
//	             Measure.LeadingIndustries in A…E, and one row per 主导产业 in order
//	             (name, then the four figures as value text).
//
// Labels are strings, figures numbers as above. Document properties carry fixed Created/Modified times
// (Input.Date at 00:00 UTC+8), so two writes are byte-identical.
//
// # Fonts
//
// PDFs use Input.Fonts (data/pdfdoc: a configured system 仿宋/小标宋/黑体/楷体, else the
// embedded OFL Noto fonts) and embed only the glyphs used. DOCX files name the
// conventional fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312) so Word and WPS
// render them as officers expect.
//
// The demo case (Settings.Demo) prints “演示数据” on every document.
package documents

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"tuijian/data/lowpriority"
	"unicode/utf16"

	"tuijian/data/pdfdoc"
	"tuijian/forms"
)

// Input is everything the documents are made from.
type Input struct {
	Case *forms.Case
	// Sections holds the application text of each chosen unit of each measure by
	// section key (Case.Applications).
	Sections map[forms.ChoiceKey]map[string]string
	// Fingerprint is the signing key's fingerprint printed on the 推荐函; "" prints
	// “（签名密钥尚未生成）”.
	Fingerprint string
	// SM2Fingerprint is the 国密 co-signature key's (data/sm2sig), printed as a 附注 of
	// the 推荐函 just above the minisign one (the space below the 版心 holds one line);
	// "" prints nothing.
	SM2Fingerprint string
	// Date is the document date (填报日期, the letter's 成文日期); the caller fixes it
	// for reproducible output.
	Date  time.Time
	Fonts pdfdoc.Fonts
	// ExportDay is the day of export, for the negative-event window and exclusions.
	ExportDay time.Time
	// IncludeReport adds the 比选报告: it is for the province's leadership and its
	// archive, never the ministry's package (通知 五 “精简报送材料”).
	IncludeReport bool
	// Draft marks every page “草稿” (DraftNote): documents written while the
	// pre-flight blocks, for sign-off, never for the package (export refuses them).
	Draft bool
}

// File is one written document.
type File struct {
	Path string // slash-separated relative path, e.g. "01-工业稳增长/推荐表.xlsx"
	Data []byte
}

// DocNames are the relative paths of one measure's documents.
type DocNames struct {
	Dir             string // e.g. "01-工业稳增长"
	LetterDOCX      string // 推荐函.docx
	LetterPDF       string
	TableXLSX       string // 推荐表.xlsx
	TablePDF        string
	ApplicationDOCX string // 申报书.docx
	ApplicationPDF  string
	DeclarationDOCX string // 真实性合规性声明.docx
	DeclarationPDF  string
}

// All lists the paths in sorted order.
func (n DocNames) All() []string {
	out := []string{n.LetterDOCX, n.LetterPDF, n.TableXLSX, n.TablePDF, n.ApplicationDOCX, n.ApplicationPDF, n.DeclarationDOCX, n.DeclarationPDF}
	sort.Strings(out)
	return out
}

// ReportPDF is the path of the 比选报告 (top level).
const ReportPDF = "比选报告.pdf"

// TableSheet is the sheet of the 推荐表 workbook; TableFirstRow is the row of the first
// indicator (1-based); MissingValue is written for a missing figure.
const (
	TableSheet    = "推荐表"
	TableFirstRow = 11
	MissingValue  = "—"
)

// MeasureDir is the folder of a measure's documents: its number in the notice and its
// short name, “01-工业稳增长”.
func MeasureDir(m *forms.Measure) string {
	return fmt.Sprintf("%02d-%s", max(m.Seq, 1), safeName(m.Short))
}

// Names returns the file names of a measure's documents for a measure that takes one
// unit (the 推荐表 and 申报书 of its one city).
func Names(m *forms.Measure) DocNames { return NamesFor(m, forms.Unit{}) }

// MultiUnit reports whether a measure may take more than one unit, so that its 推荐表
// and 申报书 are one per unit, named with the unit (“推荐表-青岛市.xlsx”). The names
// depend on the quota, not on how many are chosen, so that they never change under
// the officer.
func MultiUnit(m *forms.Measure) bool { return !m.Quota.Single() }

// NamesFor returns the file names of a measure's documents; the 推荐表 and 申报书 are
// the unit's (named with it when the measure may take more than one unit).
func NamesFor(m *forms.Measure, u forms.Unit) DocNames {
	d := MeasureDir(m)
	p := func(s string) string { return d + "/" + s }
	suffix := ""
	if MultiUnit(m) && u.Code != "" {
		suffix = "-" + safeName(u.FullName())
	}
	return DocNames{
		Dir:        d,
		LetterDOCX: p("推荐函.docx"), LetterPDF: p("推荐函.pdf"),
		TableXLSX: p("推荐表" + suffix + ".xlsx"), TablePDF: p("推荐表" + suffix + ".pdf"),
		ApplicationDOCX: p("申报书" + suffix + ".docx"), ApplicationPDF: p("申报书" + suffix + ".pdf"),
		DeclarationDOCX: p("真实性合规性声明.docx"), DeclarationPDF: p("真实性合规性声明.pdf"),
	}
}

// safeName drops characters not allowed in file names and limits the length.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*%`, r) {
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	for len(utf16.Encode([]rune(out))) > 40 {
		rs := []rune(out)
		out = string(rs[:len(rs)-1])
	}
	return out
}

// ErrNoChoice is returned by Build when no measure has a chosen city.
var ErrNoChoice = errors.New("尚未确定推荐的市（州）：请先在“比选”中为至少一项措施选择推荐对象（命令行：tuijian-cli choose）")

// job is one file to make.
type job struct {
	path string
	make func() ([]byte, error)
}

// chosen is one unit chosen for a measure, with every unit chosen for it (the 推荐函
// and the 声明 name them all).
type chosen struct {
	m      *forms.Measure
	choice forms.Choice
	unit   forms.Unit
	all    []forms.Unit // every unit chosen for the measure, in the order chosen
	first  bool         // the first of the measure's units: its jobs make the letter
}

// allNames joins the names of the measure's chosen units (“青岛市、烟台市”).
func (ch chosen) allNames() string {
	var names []string
	for _, u := range ch.all {
		names = append(names, u.FullName())
	}
	return strings.Join(names, "、")
}

// Build writes every document of every measure that has a choice, and the 比选报告
// when Input.IncludeReport.
// Files are sorted by path; the same input gives the same bytes. When some document
// cannot be made, the others are returned with an error naming each that failed.
func Build(in Input) ([]File, error) {
	jobs, err := plan(in)
	if err != nil {
		return nil, err
	}
	return runJobs(jobs, nil)
}

// BuildProgress is Build that reports each finished file (done of total) from the
// goroutine that finished it.
func BuildProgress(in Input, progress func(done, total int, path string)) ([]File, error) {
	jobs, err := plan(in)
	if err != nil {
		return nil, err
	}
	return runJobs(jobs, progress)
}

func plan(in Input) ([]job, error) {
	chs, err := chosenMeasures(&in)
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, ch := range chs {
		ch := ch
		n := NamesFor(ch.m, ch.unit)
		secs := in.Sections[forms.ChoiceKey{Measure: ch.m.ID, UnitCode: ch.unit.Code}]
		if ch.first {
			jobs = append(jobs,
				job{n.LetterDOCX, func() ([]byte, error) { return letterDOCX(in, ch) }},
				job{n.LetterPDF, func() ([]byte, error) { return letterPDF(in, ch) }},
				job{n.DeclarationDOCX, func() ([]byte, error) { return toDOCX(in, declarationParas(in, ch)) }},
				job{n.DeclarationPDF, func() ([]byte, error) {
					return toPDF(in, declarationParas(in, ch), "声明", "推荐材料真实性合规性声明")
				}},
			)
		}
		jobs = append(jobs,
			job{n.TableXLSX, func() ([]byte, error) { return tableXLSX(in, ch) }},
			job{n.TablePDF, func() ([]byte, error) { return tablePDF(in, ch) }},
			job{n.ApplicationDOCX, func() ([]byte, error) { return toDOCX(in, applicationParas(in, ch, secs)) }},
			job{n.ApplicationPDF, func() ([]byte, error) {
				return toPDF(in, applicationParas(in, ch, secs), "申报书", ch.unit.FullName()+ch.m.Name+"申报书")
			}},
		)
	}
	if in.IncludeReport {
		jobs = append(jobs, job{ReportPDF, func() ([]byte, error) { return reportPDF(in) }})
	}
	return jobs, nil
}

// chosenMeasures checks the input and lists the measures that have a chosen city.
func chosenMeasures(in *Input) ([]chosen, error) {
	c := in.Case
	if c == nil || c.Campaign == nil {
		return nil, errors.New("尚未设置推荐单位和年度：请先完成“设置”")
	}
	if in.Date.IsZero() {
		return nil, errors.New("没有给出文件日期（填报日期、成文日期）")
	}
	if in.ExportDay.IsZero() {
		in.ExportDay = in.Date
	}
	var chs []chosen
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		var group []chosen
		var all []forms.Unit
		for _, ch := range c.ChoicesOf(m.ID) {
			u, ok := c.Unit(ch.UnitCode)
			if !ok {
				return nil, fmt.Errorf("%s推荐的单位代码 %s 不是%s所辖单位，请在“比选”中重新选择", m.Short, ch.UnitCode, c.Province.Name)
			}
			group = append(group, chosen{m: m, choice: ch, unit: u, first: len(group) == 0})
			all = append(all, u)
		}
		for i := range group {
			group[i].all = all
		}
		chs = append(chs, group...)
	}
	if len(chs) == 0 {
		return nil, ErrNoChoice
	}
	return chs, nil
}

func runJobs(jobs []job, progress func(done, total int, path string)) ([]File, error) {
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		lowpriority.Go(func() {
			defer func() { <-sem; wg.Done() }()
			data, err := j.make()
			if err != nil {
				errs[i] = fmt.Errorf("生成 %s 失败：%w", j.path, err)
				return
			}
			files[i] = File{Path: j.path, Data: data}
			if progress != nil {
				mu.Lock()
				done++
				d := done
				mu.Unlock()
				progress(d, len(jobs), j.path)
			}
		})
	}
	wg.Wait()
	// One failing document never hides the others: the ones made are returned with
	// the error, which names each that failed.
	var made []File
	for _, f := range files {
		if f.Path != "" {
			made = append(made, f)
		}
	}
	sort.Slice(made, func(a, b int) bool { return made[a].Path < made[b].Path })
	return made, errors.Join(errs...)
}

// Text helpers shared by the documents.

func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func cnMonth(t time.Time) string {
	return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
}

// docTime is the date as a fixed instant (00:00 China time) for document properties.
func docTime(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.FixedZone("CST", 8*3600)).UTC()
}

// government is the provincial government whose consent the recommendation needs.
func government(p forms.Province) string {
	if p.Bingtuan {
		return "新疆生产建设兵团"
	}
	return p.Name + "人民政府"
}

// telecomAdmin is the provincial 通信管理局.
func telecomAdmin(p forms.Province) string {
	if p.Bingtuan {
		return "新疆通信管理局"
	}
	return p.Name + "通信管理局"
}

func department(c *forms.Case) string {
	if d := strings.TrimSpace(c.Settings.Department); d != "" {
		return d
	}
	return c.Province.Name + "工业和信息化厅"
}

// demoNote is printed on every document of the demo case.
const demoNote = "演示数据：数字均为虚构，不得报送"

// statsVerified reports whether every figure of the chosen city for the measure that
// the verifier confirms is entered and verified (false when the measure has none).
func statsVerified(c *forms.Case, m *forms.Measure, code string, by forms.Verifier) bool {
	any := false
	for _, ind := range m.Indicators {
		if ind.Verifier != by {
			continue
		}
		for _, y := range c.Campaign.IndicatorYears() {
			f, ok := c.Figure(forms.FigureKey{UnitCode: code, Measure: m.ID, Indicator: ind.ID, Year: y})
			if !ok || f.State != forms.Verified {
				return false
			}
			any = true
		}
	}
	return any
}
