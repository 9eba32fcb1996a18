package main

import (
	"fmt"
	"io"

	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "candidate", summary: "标记或取消候选市（州）：candidate add|remove --measure M 市（州）…", run: runCandidate})
}

func runCandidate(c *cli, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "remove") {
		return usagef("用法：tuijian-cli candidate add|remove --measure industry|digital 市（州）名称或代码 …")
	}
	on := args[0] == "add"
	fs := c.flags("candidate")
	mf := measureFlag(fs)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	m, err := c.measureArg(*mf)
	if err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("请写出要%s的市（州）", map[bool]string{true: "标记", false: "取消"}[on])
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	var units []forms.Unit
	for _, a := range fs.Args() {
		u, err := unitArg(cs, a)
		if err != nil {
			return err
		}
		units = append(units, u)
	}
	err = c.st.Update("候选市（州）", func(t *store.Tx) error {
		for _, u := range units {
			if err := t.SetCandidate(m, u.Code, on); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.emit(units, func(w io.Writer) {
		for _, u := range units {
			fmt.Fprintf(w, "%s %s：%s\n", map[bool]string{true: "已标记候选", false: "已取消候选"}[on], u.Name, m)
		}
	})
}
