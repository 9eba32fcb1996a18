package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"tuijian/data/appdoc"
	"tuijian/data/documents"
	"tuijian/data/keyring"
	"tuijian/data/pdfdoc"
	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "documents", usage: "--out DIR [--date YYYY-MM-DD] [--force]",
		summary: "写出推荐函、推荐表、申报书、声明和比选报告：documents --out 文件夹 [--date 日期] [--force]", run: runDocuments})
	register(&verb{name: "application", summary: "申报书：application import --measure M [--unit 市] 文件.docx [--yes] | application show --measure M", run: runApplication})
}

type docFileOut struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

func runDocuments(c *cli, args []string) error {
	fs := c.flags("documents")
	out := fs.String("out", "", "写入的文件夹（须为空或不存在）")
	force := fs.Bool("force", false, "目标文件夹不是空的也覆盖")
	fp := fs.String("fingerprint", "", "推荐函上印的签名公钥指纹（默认为已生成的签名密钥的指纹）")
	fontDir := fs.String("fonts", "", "另外查找仿宋、小标宋、黑体、楷体字体文件的文件夹")
	date := dayFlag(fs)
	if err := c.parseDay(fs, args, date); err != nil {
		return err
	}
	if *out == "" {
		return usagef("请用 --out 指定写入的文件夹")
	}
	day := c.now() // --date: 填报日期、成文日期
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	var dirs []string
	if *fontDir != "" {
		dirs = append(dirs, *fontDir)
	}
	fingerprint, sm2 := strings.TrimSpace(*fp), ""
	if fingerprint == "" {
		if fingerprint, sm2, err = keyring.Fingerprints(c.st); err != nil {
			return err
		}
	}
	in := documents.NewInput(cs, day, pdfdoc.SystemFonts(dirs...), fingerprint, sm2)
	files, buildErr := documents.Build(in)
	if buildErr != nil && len(files) == 0 {
		return usageErr{buildErr}
	}
	if err := documents.WriteDir(*out, files, *force); err != nil {
		return usageErr{err}
	}

	var list []docFileOut
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		list = append(list, docFileOut{Path: f.Path, Bytes: len(f.Data), SHA256: hex.EncodeToString(sum[:])})
	}
	if err := c.emit(map[string]any{"out": *out, "files": list, "fonts": in.Fonts.Describe(), "demo": cs.Settings.Demo}, func(w io.Writer) {
		fmt.Fprintf(w, "已写出 %d 个文件到 %s：\n", len(list), *out)
		for _, f := range list {
			fmt.Fprintf(w, "  %-40s %8d 字节\n", filepath.FromSlash(f.Path), f.Bytes)
		}
		fmt.Fprintf(w, "字体：%s\n", in.Fonts.Describe())
		if cs.Settings.Demo {
			fmt.Fprintln(w, "注意：这是演示数据，数字均为虚构，不得报送。")
		}
	}); err != nil {
		return err
	}
	if buildErr != nil {
		// The documents that could be made are written; the error names the others.
		return usageErr{fmt.Errorf("其余文件已写出，以下文件未能生成：%w", buildErr)}
	}
	return nil
}

func runApplication(c *cli, args []string) error {
	if len(args) == 0 {
		return usagef("用法：tuijian-cli application import --measure M [--unit 市] 文件.docx [--yes]\n      tuijian-cli application show --measure M [--unit 市]")
	}
	switch args[0] {
	case "import":
		return applicationImport(c, args[1:])
	case "show":
		return applicationShow(c, args[1:])
	}
	return usagef("application 只有 import 和 show 两个子命令")
}

// measureUnit resolves --measure and --unit; without --unit the city chosen for the
// measure.
func measureUnit(c *cli, measure, unit string) (*forms.Case, *forms.Measure, forms.Unit, error) {
	mid, err := c.measureArg(measure)
	if err != nil {
		return nil, nil, forms.Unit{}, err
	}
	cs, err := c.loadCase()
	if err != nil {
		return nil, nil, forms.Unit{}, err
	}
	if cs.Campaign == nil {
		return nil, nil, forms.Unit{}, store.ErrNotSetUp
	}
	m, err := cs.Campaign.Measure(mid)
	if err != nil {
		return nil, nil, forms.Unit{}, usageErr{err}
	}
	if unit == "" {
		chs := cs.ChoicesOf(mid)
		switch len(chs) {
		case 0:
			return nil, nil, forms.Unit{}, usagef("%s尚未选择推荐的市（州）：请用 --unit 指定市（州）", m.Short)
		case 1:
			unit = chs[0].UnitCode
		default:
			var names []string
			for _, ch := range chs {
				u, _ := cs.Unit(ch.UnitCode)
				names = append(names, u.FullName())
			}
			return nil, nil, forms.Unit{}, usagef("%s推荐了 %s：请用 --unit 指定是哪一个的", m.Short, strings.Join(names, "、"))
		}
	}
	u, err := unitArg(cs, unit)
	if err != nil {
		return nil, nil, forms.Unit{}, err
	}
	return cs, m, u, nil
}

type importOut struct {
	Unit     string            `json:"unit"`
	Measure  forms.MeasureID   `json:"measure"`
	Complete bool              `json:"complete"`
	Report   []string          `json:"report"`
	Texts    map[string]string `json:"texts"`
	Written  []string          `json:"written"`
}

func applicationImport(c *cli, args []string) error {
	fs := c.flags("application import")
	measure := measureFlag(fs)
	unit := fs.String("unit", "", "市（州）；默认该措施已选择的市（州）")
	yes := fs.Bool("yes", false, "把识别出的各节文字写入数据文件")
	if err := parse(fs, args); err != nil {
		return err
	}
	// The file may stand before or among the flags.
	var file string
	for rest := fs.Args(); len(rest) > 0; rest = fs.Args() {
		if file != "" {
			return usagef("只能导入一个文件，多出了“%s”", rest[0])
		}
		file = rest[0]
		if err := parse(fs, rest[1:]); err != nil {
			return err
		}
	}
	if file == "" {
		return usagef("请给出申报书的 .docx 文件")
	}
	_, m, u, err := measureUnit(c, *measure, *unit)
	if err != nil {
		return err
	}
	res, err := appdoc.ImportFile(file, m)
	if err != nil {
		return usageErr{err}
	}
	out := importOut{Unit: u.Code, Measure: m.ID, Complete: res.Report.Complete(), Report: res.Report.Lines(), Texts: res.Texts}
	if *yes {
		err := c.st.Update("导入申报书 "+filepath.Base(file), func(t *store.Tx) error {
			for _, s := range m.Sections() {
				if txt := strings.TrimSpace(res.Texts[s.Key]); txt != "" {
					if err := t.SetSection(u.Code, m.ID, s.Key, txt); err != nil {
						return err
					}
					out.Written = append(out.Written, s.Key)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return c.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "%s %s申报书（%s）：\n", u.Name, m.Short, filepath.Base(file))
		for _, l := range out.Report {
			fmt.Fprintln(w, "  "+l)
		}
		switch {
		case *yes:
			fmt.Fprintf(w, "已写入 %d 节。\n", len(out.Written))
		default:
			fmt.Fprintln(w, "未写入：核对无误后加 --yes 写入（只写入识别出文字的各节，其余各节保持不变）。")
		}
	})
}

type sectionOut struct {
	Key     string `json:"key"`
	Heading string `json:"heading"`
	Text    string `json:"text"`
	Drafted bool   `json:"drafted"` // drafted from the negative-event register
}

func applicationShow(c *cli, args []string) error {
	fs := c.flags("application show")
	measure := measureFlag(fs)
	unit := fs.String("unit", "", "市（州）；默认该措施已选择的市（州）")
	if err := parse(fs, args); err != nil {
		return err
	}
	cs, m, u, err := measureUnit(c, *measure, *unit)
	if err != nil {
		return err
	}
	texts, err := c.st.Sections(u.Code, m.ID)
	if err != nil {
		return err
	}
	var out []sectionOut
	for _, s := range m.Sections() {
		t := documents.SectionText(cs, u.Code, s, texts, c.now())
		out = append(out, sectionOut{Key: s.Key, Heading: s.Heading(), Text: t, Drafted: strings.TrimSpace(texts[s.Key]) == "" && t != ""})
	}
	return c.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "%s %s申报书：\n", u.Name, m.Short)
		for _, s := range out {
			fmt.Fprintln(w, s.Heading)
			switch {
			case s.Text == "":
				fmt.Fprintln(w, "  "+documents.EmptySection)
			default:
				if s.Drafted {
					fmt.Fprintln(w, "  （按负面情况登记起草，尚未保存）")
				}
				for _, line := range strings.Split(s.Text, "\n") {
					fmt.Fprintln(w, "  "+line)
				}
			}
		}
	})
}
