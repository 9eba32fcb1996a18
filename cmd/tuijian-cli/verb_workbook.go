package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tuijian/data/safefile"
	"tuijian/data/store"
	"tuijian/data/workbook"
	"tuijian/forms"
)

// Workbook verbs: the 填报表 for the cities and the 审核表 for the statistics bureau.
//
// import-figures and import-verification never write without consent: with --yes they
// write; on a terminal they ask; otherwise (a script, a pipe) they print what they
// would change and exit 0 without writing.
func init() {
	register(&verb{name: "export-figures", summary: "导出填报表（xlsx，发各市（州）填写指标数据）：export-figures --out 文件.xlsx", run: runExportFigures})
	register(&verb{name: "import-figures", summary: "导入填好的填报表：import-figures 文件.xlsx [--yes]（先列出问题或改动）", run: runImportFigures})
	register(&verb{name: "export-verification", summary: "导出统计数据审核表（xlsx，发省统计局）：export-verification --out 文件.xlsx", run: runExportVerification})
	register(&verb{name: "import-verification", summary: "导入统计局审核回复：import-verification 文件.xlsx --doc 文号 --date 日期 [--accept all|none|键,…] [--yes]", run: runImportVerification})
}

// confirmInput and isTerminal are the confirmation's input; tests replace them.
var (
	confirmInput io.Reader = os.Stdin
	isTerminal             = func() bool {
		fi, err := os.Stdin.Stat()
		if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			return false
		}
		if dn, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, dn) {
			return false
		}
		return true
	}
)

// parseWithPaths parses flags that may stand before, between or after positional
// arguments, and returns those.
func parseWithPaths(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return paths, nil
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseWithFile parses flags that may stand before or after one positional file name.
func parseWithFile(fs *flag.FlagSet, args []string, what string) (string, error) {
	files, err := parseWithPaths(fs, args)
	if err != nil {
		return "", err
	}
	switch len(files) {
	case 0:
		return "", usagef("请写出要导入的%s文件，例如 tuijian-cli %s 填报表.xlsx", what, fs.Name())
	case 1:
		return files[0], nil
	}
	return "", usagef("只能导入一个文件，收到了 %d 个：%s", len(files), strings.Join(files, " "))
}

// writeFile writes what fn produces to path (all or nothing).
func writeFile(path string, fn func(io.Writer) error) error {
	if path == "" {
		return usagef("请用 --out 指定要保存的 .xlsx 文件")
	}
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return usagef("--out 的文件名应以 .xlsx 结尾：%s", path)
	}
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		return err
	}
	// A kill while writing leaves the old file, never an empty one.
	return safefile.WriteFile(path, b.Bytes(), 0o644)
}

func runExportFigures(c *cli, args []string) error {
	fs := c.flags("export-figures")
	out := fs.String("out", "", "保存的 .xlsx 文件")
	if err := parse(fs, args); err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	if err := writeFile(*out, func(w io.Writer) error { return workbook.ExportFigures(cs, w) }); err != nil {
		return err
	}
	n := 0
	for _, m := range cs.Campaign.Measures {
		n += len(cs.Candidates[m.ID])
	}
	return c.emit(map[string]any{"file": *out, "rows": n}, func(w io.Writer) {
		fmt.Fprintf(w, "已导出填报表 %s（%d 个候选行）。请发各市（州）填写后，用 tuijian-cli import-figures 导入。\n", *out, n)
	})
}

func runExportVerification(c *cli, args []string) error {
	fs := c.flags("export-verification")
	out := fs.String("out", "", "保存的 .xlsx 文件")
	if err := parse(fs, args); err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	if err := writeFile(*out, func(w io.Writer) error { return workbook.ExportVerification(cs, w) }); err != nil {
		return err
	}
	return c.emit(map[string]any{"file": *out, "bureau": workbook.Bureau(cs)}, func(w io.Writer) {
		fmt.Fprintf(w, "已导出统计数据审核表 %s，请发%s审核；收到回复后用 tuijian-cli import-verification 导入。\n", *out, workbook.Bureau(cs))
	})
}

// openInput opens a file to import.
func openInput(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, usagef("无法打开 %s：%v", path, err)
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		return nil, 0, usagef("%s 不是文件", path)
	}
	return f, st.Size(), nil
}

// confirm decides whether to write: --yes, or “y” typed on a terminal.
func (c *cli) confirm(yes bool, question string) bool {
	if yes {
		return true
	}
	if !isTerminal() {
		fmt.Fprintln(c.out, "（未写入：非交互方式运行，请确认上述内容后加 --yes 再运行一次）")
		return false
	}
	fmt.Fprintf(c.out, "%s [y/N] ", question)
	line, _ := bufio.NewReader(confirmInput).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "是", "确认":
		return true
	}
	fmt.Fprintln(c.out, "已取消，未写入。")
	return false
}

func runImportFigures(c *cli, args []string) error {
	fs := c.flags("import-figures")
	yes := fs.Bool("yes", false, "不再询问，直接写入")
	path, err := parseWithFile(fs, args, "填报表")
	if err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	f, size, err := openInput(path)
	if err != nil {
		return err
	}
	defer f.Close()
	plan, err := workbook.ImportFigures(cs, f, size)
	if err != nil {
		var p *workbook.Problems
		if errors.As(err, &p) && c.json {
			c.emit(map[string]any{"file": path, "problems": p.List, "omitted": p.Omitted}, nil)
		}
		return usageErr{fmt.Errorf("%s：%w", filepath.Base(path), err)}
	}
	type out struct {
		File    string            `json:"file"`
		Changes []workbook.Change `json:"changes"`
		Written bool              `json:"written"`
	}
	o := out{File: path, Changes: plan.Changes}
	if plan.Empty() {
		return c.emit(o, func(w io.Writer) {
			fmt.Fprintf(w, "%s 与现有数据一致，没有需要导入的改动。\n", filepath.Base(path))
		})
	}
	if !c.json {
		fmt.Fprintf(c.out, "%s 将修改 %d 个指标数据、%d 行主导产业（共 %d 处）：\n", filepath.Base(path), plan.Figures(), plan.Industries(), len(plan.Changes))
		unverify := 0
		for _, ch := range plan.Changes {
			fmt.Fprintf(c.out, "  %s\n", ch)
			if ch.Unverifies {
				unverify++
			}
		}
		if unverify > 0 {
			fmt.Fprintf(c.out, "注意：%d 个已审核的数值被修改，导入后将改为“未审核”，需要重新审核。\n", unverify)
		}
	}
	if !c.confirmQuiet(*yes, "确认导入以上改动？") {
		return c.emit(o, func(io.Writer) {})
	}
	if err := c.st.Update("导入 "+filepath.Base(path), plan.Apply); err != nil {
		return err
	}
	o.Written = true
	return c.emit(o, func(w io.Writer) {
		fmt.Fprintf(w, "已导入 %d 处改动（修改记录中为一批“导入 %s”）。\n", len(plan.Changes), filepath.Base(path))
	})
}

// confirmQuiet is confirm that prints nothing extra in --json mode.
func (c *cli) confirmQuiet(yes bool, question string) bool {
	if c.json {
		return yes
	}
	return c.confirm(yes, question)
}

// itemKey is the key of a verification item on the command line: 代码/指标代码/年份,
// for a 主导产业 figure 代码/主导产业<行>.<列>/年份 (e.g. 370200/主导产业1.revenue/2021).
func itemKey(k forms.ReviewKey) string {
	ind := k.Indicator
	if k.Industry() {
		ind = "主导产业" + strconv.Itoa(k.Row) + "." + k.Column
	}
	return k.UnitCode + "/" + ind + "/" + strconv.Itoa(k.Year)
}

func runImportVerification(c *cli, args []string) error {
	fs := c.flags("import-verification")
	doc := fs.String("doc", "", "统计局复函的文号，如 鲁统函〔2022〕9号")
	date := fs.String("date", "", "复函日期 YYYY-MM-DD")
	accept := fs.String("accept", "", "对修改和疑问的决定：all 全部接受，none 全部退回，或用逗号分隔的键（代码/指标代码/年份）只接受这些")
	yes := fs.Bool("yes", false, "不再询问，直接写入")
	path, err := parseWithFile(fs, args, "审核回复")
	if err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	f, size, err := openInput(path)
	if err != nil {
		return err
	}
	defer f.Close()
	reply, err := workbook.ImportVerification(cs, f, size)
	if err != nil {
		return usageErr{fmt.Errorf("%s：%w", filepath.Base(path), err)}
	}
	if reply.AlreadyApplied() {
		return c.emit(map[string]any{"file": path, "already_applied": true}, func(w io.Writer) {
			fmt.Fprintf(w, "%s 已导入过：%d 项审核结果与已记录的一致，未作任何修改\n", filepath.Base(path), len(reply.Items))
		})
	}
	var open []workbook.Item // changed or questioned
	byKey := map[string]workbook.Item{}
	for _, it := range reply.Items {
		if it.Kind == workbook.Changed || it.Kind == workbook.Questioned {
			open = append(open, it)
			byKey[itemKey(it.Key)] = it
		}
	}
	decisions := map[forms.ReviewKey]workbook.Decision{}
	switch a := strings.TrimSpace(*accept); a {
	case "":
	case "all", "none":
		for _, it := range open {
			decisions[it.Key] = map[bool]workbook.Decision{true: workbook.Accept, false: workbook.Reject}[a == "all"]
		}
	default:
		for _, it := range open {
			decisions[it.Key] = workbook.Reject
		}
		for _, k := range strings.Split(a, ",") {
			k = strings.TrimSpace(k)
			it, ok := byKey[k]
			if !ok {
				return usagef("--accept 中的“%s”不是本回复中修改或有疑问的项；键的格式为 代码/指标代码/年份，见上面的列表", k)
			}
			decisions[it.Key] = workbook.Accept
		}
	}
	type out struct {
		File    string          `json:"file"`
		Counts  map[string]int  `json:"counts"`
		Items   []workbook.Item `json:"items"`
		Missing int             `json:"missing"`
		Written bool            `json:"written"`
	}
	counts := map[string]int{}
	for k, n := range reply.Counts() {
		counts[k.String()] = n
	}
	o := out{File: path, Counts: counts, Items: open, Missing: len(reply.Missing)}
	if !c.json {
		w := c.out
		n := reply.Counts()
		fmt.Fprintf(w, "%s：%s回复 %d 项，无误 %d，修改 %d，有疑问 %d，无数据 %d。\n", filepath.Base(path), reply.Bureau, len(reply.Items), n[workbook.Confirmed], n[workbook.Changed], n[workbook.Questioned], n[workbook.NoFigure])
		if len(open) > 0 {
			fmt.Fprintf(w, "%-26s %-10s %-6s %-12s %-12s %-8s %s\n", "键", "市（州）", "类别", "当前值", "统计局审核值", "审核人", "指标 / 审核意见")
			sort.SliceStable(open, func(i, j int) bool { return open[i].Kind < open[j].Kind })
			for _, it := range open {
				d := "未决定"
				switch decisions[it.Key] {
				case workbook.Accept:
					d = "接受"
				case workbook.Reject:
					d = "退回"
				}
				rev := it.Reviewed
				if rev == "" {
					rev = "（未改）"
				}
				fmt.Fprintf(w, "%-26s %-10s %-6s %-12s %-12s %-8s %d年“%s”%s；%s\n", itemKey(it.Key), it.UnitName, it.Kind, showValue(it.Current, it.Unit), showValue(rev, it.Unit), it.Reviewer, it.Key.Year, it.Label, opinion(it.Opinion), d)
			}
		}
		stale := 0
		for _, it := range reply.Items {
			if it.Stale && it.Kind != workbook.Changed {
				stale++
			}
		}
		if stale > 0 {
			fmt.Fprintf(w, "注意：%d 项在导出审核表后已被修改，统计局审核的不是当前数值，不会记为已审核。\n", stale)
		}
		if len(reply.Missing) > 0 {
			fmt.Fprintf(w, "注意：回复中缺少 %d 项需审核的数据（被删除，或导出后新增的候选），仍为原状态。\n", len(reply.Missing))
		}
	}
	if strings.TrimSpace(*doc) == "" || *date == "" {
		if c.json {
			c.emit(o, nil)
		}
		return usagef("请用 --doc 和 --date 写明统计局复函的文号和日期，例如 --doc 鲁统函〔2022〕9号 --date 2022-02-01")
	}
	if _, err := forms.ParseDate(*date); err != nil {
		return usagef("--date：%v", err)
	}
	if len(open) > 0 && *accept == "" {
		if c.json {
			c.emit(o, nil)
		}
		return usagef("有 %d 项修改或疑问需要决定：请加 --accept all（全部接受）、--accept none（全部退回）或 --accept 键,键（只接受这些，其余退回）", len(open))
	}
	if !c.confirmQuiet(*yes, "按以上决定记录审核结果？") {
		return c.emit(o, func(io.Writer) {})
	}
	if err := c.st.Update("导入审核回复 "+filepath.Base(path), func(tx *store.Tx) error { return reply.Apply(tx, decisions, *doc, *date) }); err != nil {
		return err
	}
	o.Written = true
	return c.emit(o, func(w io.Writer) {
		fmt.Fprintf(w, "已记录审核结果（%s %s）：接受的数据为“已审核”，退回的为“有疑问”。\n", *doc, *date)
	})
}

func showValue(v, unit string) string {
	if v == "" {
		return "（空）"
	}
	if unit == "%" && !strings.HasPrefix(v, "（") {
		return v + "%"
	}
	return v
}

func opinion(s string) string {
	if s == "" {
		return ""
	}
	return "：" + s
}
