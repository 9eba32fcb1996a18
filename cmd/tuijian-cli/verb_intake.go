package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"tuijian/data/intake"
	"tuijian/data/submission"
)

func init() {
	register(&verb{name: "intake", summary: "部里汇总：intake --keys 公钥登记表 --out 文件夹 报送包…（文件夹、.iso 或存放它们的文件夹；全部通过时退出状态 0）", run: runIntake})
}

type intakePackageOut struct {
	Name       string               `json:"name"`
	Path       string               `json:"path"`
	Province   string               `json:"province"`
	Department string               `json:"department"`
	Date       string               `json:"date"`
	Digest     string               `json:"tag_manifest_sha256"`
	OK         bool                 `json:"ok"`
	Problems   []submission.Problem `json:"problems"`
}

type intakeOut struct {
	OK       bool               `json:"ok"`
	Packages []intakePackageOut `json:"packages"`
	Files    []string           `json:"files"`
}

// runIntake is the receiving clerk's day (issue 17): every package checked, the
// national tables, the register of what came in and the 公示 draft written.
func runIntake(c *cli, args []string) error {
	fs := c.flags("intake")
	keys := fs.String("keys", "", "公钥登记表：每行“省份名称<Tab>公钥指纹”（可再加一列国密公钥指纹），按各省推荐函登记")
	out := fs.String("out", "", "写入汇总表、收件登记和公示名单草稿的文件夹")
	bars := fs.String("bars", "", "第十六条登记表（可选）：每行“市（州）<Tab>起始年度<Tab>截止年度<Tab>文号”")
	comm := fs.String("commendations", "", "国务院大督查通报表扬登记表（可选）：每行“市（州）<Tab>文号”")
	year := fs.Int("year", 0, "督查激励年度（默认为本程序所知的最新年度）")
	campaign := fs.String("campaign", "", "按部里审定的定义文件核验各包（新年度的通知）；给出时不看 --year")
	paths, err := parseWithPaths(fs, args) // paths and flags in any order
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("请用 --out 指定写入汇总表的文件夹")
	}
	if len(paths) == 0 {
		return usagef("请给出报送包：文件夹、.iso 光盘映像，或存放它们的文件夹")
	}
	opt, err := intake.LoadOptions(*keys, *bars, *comm, *year)
	if err != nil {
		return usageErr{err}
	}
	if *campaign != "" {
		if opt.Campaign, err = campaignArg(*campaign); err != nil {
			return err
		}
	}
	pkgs, err := intake.Expand(paths)
	if err != nil {
		return usageErr{err}
	}
	res, err := intake.Run(context.Background(), pkgs, opt, func(done, total int, name string) {
		if name != "" {
			fmt.Fprintf(c.errOut, "（%d/%d）正在核验 %s…\n", done+1, total, name)
		}
	})
	if err != nil {
		return err
	}
	files, err := intake.Write(*out, res, c.now())
	if err != nil {
		return err
	}
	o := intakeOut{OK: res.OK(), Files: files}
	for _, p := range res.Packages {
		probs := p.Problems
		if probs == nil {
			probs = []submission.Problem{}
		}
		o.Packages = append(o.Packages, intakePackageOut{Name: p.Name, Path: p.Path, Province: p.Province.Name, Department: p.Department,
			Date: p.Date, Digest: p.Digest, OK: p.OK(), Problems: probs})
	}
	if err := c.emit(o, func(w io.Writer) {
		bad := 0
		for _, p := range res.Packages {
			if p.OK() {
				fmt.Fprintf(w, "通过　%s（%s，%s）\n", p.Name, p.Department, p.Date)
				continue
			}
			bad++
			fmt.Fprintf(w, "未通过 %s（%s）：%d 个问题\n", p.Name, p.Department, len(p.Problems))
			for _, pr := range p.Problems {
				fmt.Fprintf(w, "    %s：%s\n", p.Name, pr)
			}
		}
		fmt.Fprintf(w, "共 %d 个报送包，%d 个通过，%d 个未通过。\n", len(res.Packages), len(res.Packages)-bad, bad)
		for _, f := range files {
			fmt.Fprintln(w, "已写出 "+f)
		}
	}); err != nil {
		return err
	}
	if !res.OK() {
		return errNo
	}
	return nil
}

func init() {
	register(&verb{name: "bagit-profile", summary: "报送包格式的 BagIt profile（JSON）：bagit-profile [--out 文件]，供通用 BagIt 校验工具使用", run: runProfile})
}

func runProfile(c *cli, args []string) error {
	fs := c.flags("bagit-profile")
	out := fs.String("out", "", "写入的文件（默认输出到屏幕）")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		_, err := c.out.Write(submission.BagItProfile)
		return err
	}
	if err := os.WriteFile(*out, submission.BagItProfile, 0o644); err != nil {
		return fmt.Errorf("无法写入 %s：%v", *out, err)
	}
	fmt.Fprintf(c.out, "已写出 %s（标识 %s）\n", *out, submission.ProfileID)
	return nil
}
