package main

import (
	"fmt"
	"io"

	"tuijian/data/documents"
	"tuijian/data/pdfdoc"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "check", summary: "报送前检查：列出阻断报送的问题和提示（无阻断时退出状态 0）", run: runCheck})
}

type checkOut struct {
	OK       bool          `json:"ok"`
	Blockers int           `json:"blockers"`
	Warnings int           `json:"warnings"`
	Issues   []forms.Issue `json:"issues"`
}

func runCheck(c *cli, args []string) error {
	fs := c.flags("check")
	day := dayFlag(fs)
	if err := c.parseDay(fs, args, day); err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	issues := append(forms.Preflight(cs, c.now()), documents.LayoutIssues(cs, c.now(), pdfdoc.SystemFonts())...)
	out := checkOut{Issues: issues}
	if out.Issues == nil {
		out.Issues = []forms.Issue{}
	}
	out.Blockers = len(forms.Blockers(issues))
	out.Warnings = len(issues) - out.Blockers
	out.OK = out.Blockers == 0
	if err := c.emit(out, func(w io.Writer) {
		for _, i := range issues {
			fmt.Fprintf(w, "[%s] %s（在“%s”处理；%s）\n", i.Severity, i.Message, i.Step.Label(), i.Field)
		}
		if out.OK {
			fmt.Fprintf(w, "检查通过：没有阻断报送的问题（%d 条提示）\n", out.Warnings)
		} else {
			fmt.Fprintf(w, "检查未通过：%d 个问题阻断报送，%d 条提示\n", out.Blockers, out.Warnings)
		}
	}); err != nil {
		return err
	}
	if !out.OK {
		return errNo
	}
	return nil
}
