// Command tuijian-cli is the headless Tuijian: the same workflow as the desktop app,
// verb by verb, over the same store and rules, built without cgo.
//
// Exit status: 0 success; 1 the answer is “no” (check found blockers, verify found a
// fault); 2 bad arguments or input, in which case nothing was written.
//
// Each verb lives in a file of its own (verb_*.go) and registers itself in init.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"tuijian/data/oplog"
	"tuijian/data/store"
	"tuijian/forms"
)

// verb is one command of the CLI.
type verb struct {
	name    string
	usage   string // arguments, e.g. "--measure M --unit CODE"
	summary string // one line in Chinese
	run     func(c *cli, args []string) error
}

var verbs = map[string]*verb{}

func register(v *verb) { verbs[v.name] = v }

// cli is the state one invocation shares between verbs.
type cli struct {
	dbPath string
	json   bool
	out    io.Writer
	errOut io.Writer
	now    func() time.Time
	st     *store.Store
}

// usageErr marks bad arguments.
type usageErr struct{ error }

func usagef(format string, args ...any) error { return usageErr{fmt.Errorf(format, args...)} }

// errNo is returned by verbs whose answer is “no” after printing it: exit status 1.
var errNo = errors.New("no")

// version is set by the release build (cmd/tuijian-dist: -X main.version=…).
var version = "开发版"

func main() {
	c := &cli{out: textOut(os.Stdout), errOut: textOut(os.Stderr), now: time.Now}
	os.Exit(c.main(os.Args[1:]))
}

func (c *cli) main(args []string) int {
	defer func() {
		if c.st != nil {
			c.st.Close()
		}
	}()
	rest, err := c.globalFlags(args)
	if c.json {
		c.out, c.errOut = utf8Writer(c.out), utf8Writer(c.errOut)
	}
	if err == nil && len(rest) == 0 {
		c.help()
		return 2
	}
	if err == nil {
		v, ok := verbs[rest[0]]
		if !ok {
			if rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
				c.help()
				return 0
			}
			err = usagef("未知的命令“%s”；运行 tuijian-cli help 查看全部命令", rest[0])
		} else {
			err = v.run(c, rest[1:])
		}
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errNo):
		return 1
	case errors.Is(err, flag.ErrHelp):
		return 0
	}
	// Bad arguments, invalid input and a store that cannot be opened: the store
	// wrote nothing (every change is one transaction). Input errors are the officer's
	// to mend; anything else goes to the operator's log beside the data file too.
	if c.json {
		// Machine-readable callers get machine-readable errors too (on stderr).
		enc := json.NewEncoder(c.errOut)
		enc.SetEscapeHTML(false)
		enc.Encode(map[string]any{"ok": false, "error": err.Error()})
	} else {
		fmt.Fprintln(c.errOut, "错误：", err)
	}
	var bad usageErr
	if !errors.As(err, &bad) && c.st != nil {
		lg := oplog.ForStore(c.st.Path())
		lg.Record("命令行", err)
		if !c.json {
			fmt.Fprintln(c.errOut, "详细信息已记入日志：", lg.Path())
		}
	}
	return 2
}

// globalFlags takes --db and --json wherever they stand, --date before the verb (after
// it, verbs such as event add have a --date of their own), and returns the rest.
func (c *cli) globalFlags(args []string) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		beforeVerb := len(rest) == 0
		switch {
		case a == "--json" || a == "-json":
			c.json = true
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return nil, usagef("--db 后面要写数据文件的路径")
			}
			c.dbPath = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="):
			c.dbPath = strings.TrimPrefix(a, "--db=")
		case beforeVerb && (a == "--date" || a == "-date" || strings.HasPrefix(a, "--date=")):
			v, ok := strings.CutPrefix(a, "--date=")
			if !ok {
				if i+1 >= len(args) {
					return nil, usagef("--date 后面要写报送日期，如 2022-02-10")
				}
				v = args[i+1]
				i++
			}
			if err := c.setDay(v); err != nil {
				return nil, err
			}
		default:
			rest = append(rest, a)
		}
	}
	return rest, nil
}

// setDay fixes the package date (“today” of every rule) to the day s.
func (c *cli) setDay(s string) error {
	d, err := forms.ParseDate(s)
	if err != nil {
		return usagef("--date“%s”格式不对，应为 YYYY-MM-DD，例如 2022-02-10", s)
	}
	c.now = func() time.Time { return d }
	return nil
}

// dayFlag adds --date, the package date, to a verb that computes with it (check,
// units, exclusions, documents, export); parseDay applies it after parsing.
func dayFlag(fs *flag.FlagSet) *string {
	return fs.String("date", "", "报送日期 YYYY-MM-DD（推荐函成文日期、负面情况“近三年”的截止日；默认今天）")
}

func (c *cli) parseDay(fs *flag.FlagSet, args []string, day *string) error {
	if err := parse(fs, args); err != nil {
		return err
	}
	if *day != "" {
		return c.setDay(*day)
	}
	return nil
}

func (c *cli) help() {
	fmt.Fprintln(c.out, "tuijian-cli — 督查激励推荐助手（命令行） "+version+"\n\n用法：tuijian-cli [--db 数据文件] [--json] [--date 报送日期] 命令 [参数]\n\n"+
		"--date 是报送包的日期（推荐函成文日期、填报日期），也是负面情况“近三年”的截止日；check、units、exclusions、documents、export 都按它计算（也可写在这些命令之后），默认今天。\n\n命令：")
	var names []string
	for n := range verbs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(c.out, "  %-20s %s\n", n, verbs[n].summary)
	}
	p, _ := store.DefaultPath()
	fmt.Fprintf(c.out, "\n默认数据文件：%s\n退出状态：0 成功；1 检查未通过；2 参数或输入有误（未写入任何内容）。\n", p)
}

// open opens the store once per invocation.
func (c *cli) open() (*store.Store, error) {
	if c.st != nil {
		return c.st, nil
	}
	p := c.dbPath
	if p == "" {
		var err error
		if p, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	s, err := store.Open(p)
	if err != nil {
		return nil, err
	}
	c.st = s
	// A case whose definition changed where it came from says so (issue 16); it keeps
	// running on the definition stored in the data file.
	if msg, err := s.CampaignDrift(); err == nil && msg != "" {
		fmt.Fprintln(c.errOut, "注意："+msg)
	}
	return s, nil
}

// flags makes a flag set for a verb whose errors are usage errors.
func (c *cli) flags(v string) *flag.FlagSet {
	fs := flag.NewFlagSet(v, flag.ContinueOnError)
	fs.SetOutput(c.errOut)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr{fmt.Errorf("%s：%v", fs.Name(), err)}
	}
	return nil
}

// emit prints v as JSON with --json, else calls text.
func (c *cli) emit(v any, text func(w io.Writer)) error {
	if c.json {
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	text(c.out)
	return nil
}
