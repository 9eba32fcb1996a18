package intake

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"tuijian/data/bagit"
	"tuijian/data/submission"
	"tuijian/forms"
)

// Checks the intake adds to those of submission.Verify.
const (
	CheckRegister  = "公钥登记"
	CheckCampaign  = "年度与文件"
	CheckSender    = "推荐单位"
	CheckDeadline  = "报送时间"
	CheckDuplicate = "重复报送"
	CheckBar       = "第十六条"
)

// Options are the registers and the campaign of one intake.
type Options struct {
	Keys          Keys
	Bars          []Bar
	Commendations []Commendation
	Year          int // the campaign; 0 is the latest the app knows
	// Campaign, when given, is the ministry's own definition of the campaign (a
	// definition file): every package is checked against it instead of the one it
	// carries, and Year is ignored.
	Campaign *forms.Campaign
}

// Package is what came in: one package and its verdict.
type Package struct {
	Path       string
	Name       string // the folder's or image's name
	Province   forms.Province
	Department string
	Date       string // the export day the package states
	Digest     string // SHA-256 of its tag manifest
	Problems   []submission.Problem
	Notes      []string
}

// OK reports whether every check passed.
func (p Package) OK() bool { return len(p.Problems) == 0 }

// Row is one recommended city of the national table of a measure.
type Row struct {
	Province     forms.Province
	Unit         submission.Unit
	Package      string
	OK           bool                            // its package passed every check
	Figures      map[string][2]submission.Figure // indicator → both years
	Approval     submission.Approval
	Commendation string // 国务院大督查通报表扬 (第十一条), from the package and the register
}

// Result is the whole intake.
type Result struct {
	Campaign *forms.Campaign
	Packages []Package
	Rows     map[forms.MeasureID][]Row // sorted by 行政区划代码
}

// OK reports whether every package passed.
func (r Result) OK() bool {
	for _, p := range r.Packages {
		if !p.OK() {
			return false
		}
	}
	return len(r.Packages) > 0
}

// isPackage reports whether dir is a package folder (it has the bag declaration).
func isPackage(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, bagit.BagitFile))
	return err == nil
}

// Expand lists the packages the paths name: a package folder or an .iso as it is, a
// folder of them by its entries (sorted), anything else is an error naming it.
func Expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到 %s", p)
		}
		switch {
		case !st.IsDir() && strings.EqualFold(filepath.Ext(p), ".iso"):
			out = append(out, p)
		case !st.IsDir():
			return nil, fmt.Errorf("%s 既不是报送包文件夹，也不是 .iso 光盘映像", p)
		case isPackage(p):
			out = append(out, p)
		default:
			ents, err := os.ReadDir(p)
			if err != nil {
				return nil, fmt.Errorf("无法读取文件夹 %s：%v", p, err)
			}
			n := 0
			for _, e := range ents {
				q := filepath.Join(p, e.Name())
				if (e.IsDir() && isPackage(q)) || (!e.IsDir() && strings.EqualFold(filepath.Ext(q), ".iso")) {
					out = append(out, q)
					n++
				}
			}
			if n == 0 {
				return nil, fmt.Errorf("文件夹 %s 中没有报送包（含 bagit.txt 的文件夹）或 .iso 光盘映像", p)
			}
		}
	}
	return out, nil
}

// Run checks every package in turn and gathers the tables; progress (may be nil)
// hears of each package before it is read. Cancelling ctx stops between packages.
func Run(ctx context.Context, paths []string, opt Options, progress func(done, total int, name string)) (Result, error) {
	year := opt.Year
	if year == 0 {
		year = forms.LatestCampaignYear()
	}
	camp := opt.Campaign
	if camp == nil {
		var err error
		if camp, err = forms.CampaignFor(year); err != nil {
			return Result{}, err
		}
	}
	res := Result{Campaign: camp, Rows: map[forms.MeasureID][]Row{}}
	first := map[string]string{} // province code → the first package from it
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if progress != nil {
			progress(i, len(paths), filepath.Base(p))
		}
		pkg, rows := check(p, camp, opt, first)
		res.Packages = append(res.Packages, pkg)
		for m, r := range rows {
			res.Rows[m] = append(res.Rows[m], r...)
		}
	}
	if progress != nil {
		progress(len(paths), len(paths), "")
	}
	for m := range res.Rows {
		slices.SortStableFunc(res.Rows[m], func(a, b Row) int { return strings.Compare(a.Unit.Code, b.Unit.Code) })
	}
	return res, nil
}

// check verifies one package; first records the first package of each province.
func check(p string, camp *forms.Campaign, opt Options, first map[string]string) (Package, map[forms.MeasureID][]Row) {
	pkg := Package{Path: p, Name: filepath.Base(p)}
	add := func(file, check, format string, a ...any) {
		pkg.Problems = append(pkg.Problems, submission.Problem{File: file, Check: check, What: fmt.Sprintf(format, a...)})
	}
	// The expected keys cannot be given before the package says who sent it, so the
	// package's own keys are checked against the register's fingerprints instead.
	rep := submission.VerifyKeys(p, submission.Keys{Campaign: opt.Campaign})
	pkg.Problems = append(pkg.Problems, rep.Problems...)
	pkg.Notes = rep.Notes
	pkg.Digest = rep.TagManifest
	sub := rep.Submission
	if sub == nil {
		return pkg, nil
	}
	pkg.Department, pkg.Date = sub.Department, sub.Date
	pkg.Province = forms.Province{Code: sub.Province.Code, Name: sub.Province.Name}

	// The register of keys.
	e, ok := opt.Keys[sub.Province.Code]
	switch {
	case !ok:
		add("", CheckRegister, "%s不在公钥登记表中：请按其推荐函登记公钥指纹后再收件", sub.Province.Name)
	case rep.Fingerprint != "" && rep.Fingerprint != e.Fingerprint:
		add(submission.PublicKeyName, CheckRegister, "指纹与登记不符：包内公钥指纹为 %s，%s登记的（推荐函所印）为 %s", rep.Fingerprint, e.Province.Name, e.Fingerprint)
	}
	if ok && e.SM2 != "" && rep.SM2Fingerprint != "" && rep.SM2Fingerprint != e.SM2 {
		add(submission.SM2PublicKeyName, CheckRegister, "国密公钥指纹与登记不符：包内为 %s，登记为 %s", rep.SM2Fingerprint, e.SM2)
	}
	// Campaign, sender, deadline.
	if sub.Campaign.Year != camp.Year || sub.Campaign.Notice != camp.Notice {
		add(submission.JSONName, CheckCampaign, "报送包属于 %d 年度（%s），本次收件为 %d 年度（%s）", sub.Campaign.Year, sub.Campaign.Notice, camp.Year, camp.Notice)
	}
	if want := forms.RecommendingBodies[sub.Province.Code]; want == "" {
		add(submission.JSONName, CheckSender, "推荐单位代码 %s 不是省级推荐单位", sub.Province.Code)
	} else if sub.Department != want {
		add(submission.JSONName, CheckSender, "推荐单位写为“%s”，%s的推荐单位应为“%s”", sub.Department, sub.Province.Name, want)
	}
	if sub.Demo {
		add(submission.JSONName, CheckSender, "这是演示数据（数字均为虚构），不是报送材料")
	}
	if dl := camp.Deadline.Format("2006-01-02"); sub.Date > dl {
		add(submission.JSONName, CheckDeadline, "报送包日期 %s 晚于截止日期 %s（逾期）", sub.Date, dl)
	}
	if prev, dup := first[sub.Province.Code]; dup {
		add("", CheckDuplicate, "%s已有一个报送包（%s）：每个推荐单位只报送一个，请向其核实以哪个为准", sub.Province.Name, prev)
	} else {
		first[sub.Province.Code] = pkg.Name
	}
	// 第十六条 bars of the campaign year, and the 第十一条 commendations.
	for _, ch := range sub.Choices {
		for _, b := range opt.Bars {
			if b.Unit.Code == ch.Unit && camp.Year >= b.FromYear && camp.Year <= b.ToYear {
				add(submission.JSONName, CheckBar, "推荐的 %s 在 %d—%d 年度不得推荐（%s，办法第十六条）", sub.UnitName(ch.Unit), b.FromYear, b.ToYear, b.DocNo)
			}
		}
	}
	rows := map[forms.MeasureID][]Row{}
	for _, ch := range sub.Choices {
		r := Row{Province: pkg.Province, Package: pkg.Name, OK: pkg.OK(), Figures: map[string][2]submission.Figure{}}
		for _, u := range sub.Units {
			if u.Code == ch.Unit {
				r.Unit = u
			}
		}
		if r.Unit.Code == "" {
			r.Unit = submission.Unit{Code: ch.Unit, Name: ch.UnitName}
		}
		years := camp.IndicatorYears()
		for _, f := range sub.Figures {
			if f.Unit == ch.Unit && f.Measure == ch.Measure {
				pair := r.Figures[f.Indicator]
				for y := range years {
					if f.Year == years[y] {
						pair[y] = f
					}
				}
				r.Figures[f.Indicator] = pair
			}
		}
		for _, a := range sub.Approvals {
			if a.Measure == ch.Measure {
				r.Approval = a
			}
		}
		var cs []string
		for _, c := range sub.Commendations {
			if c.Unit == ch.Unit {
				cs = append(cs, c.DocNo)
			}
		}
		for _, c := range opt.Commendations {
			if c.Unit.Code == ch.Unit && !slices.Contains(cs, c.DocNo) {
				cs = append(cs, c.DocNo)
			}
		}
		r.Commendation = strings.Join(cs, "；")
		rows[ch.Measure] = append(rows[ch.Measure], r)
	}
	return pkg, rows
}
