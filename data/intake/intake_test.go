package intake

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tuijian/data/demo"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/sm2sig"
	"tuijian/data/store"
	"tuijian/data/submission"
	"tuijian/forms"
)

var day = time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)

// province is one recommender of the test intake: its case, its own key.
type province struct {
	code  string
	cands map[forms.MeasureID][]string
}

var provinces = []province{
	{"370000", demo.Candidates},
	{"450000", map[forms.MeasureID][]string{forms.Industry: {"450200", "450100"}, forms.Digital: {"450100"}}}, // 广西, 柳州 for industry
	{"110000", map[forms.MeasureID][]string{forms.Industry: {"110108"}}},                                      // 北京: one measure empty
	{"660000", map[forms.MeasureID][]string{forms.Digital: {"659001", "659003"}}},                             // 兵团
	{"650000", map[forms.MeasureID][]string{forms.Industry: {"652800", "650100"}, forms.Digital: {"650100"}}}, // 新疆 自治州
}

// made is a package exported once per test binary.
type made struct {
	path        string
	fingerprint string
	sm2         string
}

var (
	packOnce sync.Once
	packDir  string
	packs    map[string]made // by name
	packErr  error
)

// export writes a real package of a province's case (not marked demo: the intake
// refuses 演示数据) dated on, with a key of its own.
func export(dir, name string, p province, on time.Time, iso bool) (made, error) {
	st, err := store.Open(filepath.Join(dir, name+".db"))
	if err != nil {
		return made{}, err
	}
	defer st.Close()
	st.Now = func() time.Time { return on }
	if err := demo.FillProvince(st, on, p.code, p.cands); err != nil {
		return made{}, err
	}
	c, _ := st.Case()
	s := c.Settings
	s.Demo, s.Department = false, forms.RecommendingBodies[p.code]
	if err := st.Update("设置", func(t *store.Tx) error { return t.SetSettings(s) }); err != nil {
		return made{}, err
	}
	c, _ = st.Case()
	key, _, err := signing.GenerateKeyPair("测试口令 "+name, nil)
	if err != nil {
		return made{}, err
	}
	out := filepath.Join(dir, name)
	in := submission.ExportInput{Case: c, Sections: c.Applications, Key: key, Date: on, Out: out, Fonts: pdfdoc.Fallback()}
	if iso {
		in.ISO = out + ".iso"
	}
	res, err := submission.Export(context.Background(), in, nil)
	if err != nil {
		return made{}, fmt.Errorf("%s: %w", name, err)
	}
	if iso {
		os.RemoveAll(out)
		out += ".iso"
	}
	return made{out, res.Fingerprint, res.SM2Fingerprint}, nil
}

func testPackages(t testing.TB) (string, map[string]made) {
	t.Helper()
	packOnce.Do(func() {
		packDir, packErr = os.MkdirTemp("", "tuijian-intake-")
		if packErr != nil {
			return
		}
		packs = map[string]made{}
		for i, p := range provinces {
			name := "报送包-" + p.code
			m, err := export(packDir, name, p, day, i%2 == 1) // every other one as a disc image
			if err != nil {
				packErr = err
				return
			}
			packs[name] = m
		}
		// A second package from 山东, and one from 广东 sent after the deadline.
		if packs["second-370000"], packErr = export(packDir, "重报-山东", provinces[0], day, false); packErr != nil {
			return
		}
		packs["late-440000"], packErr = export(packDir, "广东-逾期", province{"440000", map[forms.MeasureID][]string{forms.Industry: {"440300"}}}, day.AddDate(0, 0, 10), false)
	})
	if packErr != nil {
		t.Fatal(packErr)
	}
	return packDir, packs
}

// register is the clerk's key register: the letters' fingerprints.
func register(packs map[string]made, wrong string) Keys {
	var b strings.Builder
	names := map[string]string{"370000": "山东", "450000": "广西壮族自治区", "110000": "北京", "660000": "新疆生产建设兵团", "650000": "新疆", "440000": "广东省"}
	for code, n := range names {
		key := "报送包-" + code
		if code == "440000" {
			key = "late-440000"
		}
		fp := packs[key].fingerprint
		if code == wrong {
			fp = "0000 1111 2222 3333 4444 5555 6666 7777"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", n, strings.ReplaceAll(fp, " ", ""), packs[key].sm2)
	}
	k, err := ParseKeys(strings.NewReader(b.String()))
	if err != nil {
		panic(err)
	}
	return k
}

func problemsOf(p Package, check string) []string {
	var out []string
	for _, pr := range p.Problems {
		if pr.Check == check {
			out = append(out, pr.String())
		}
	}
	return out
}

// The clerk's day: every province's package (folders and images), a second one from
// 山东, a late one, a tampered one, a key that does not match the register, a
// barred city; the tables read back.
func TestIntakeOfAllPackages(t *testing.T) {
	dir, packs := testPackages(t)
	work := t.TempDir()
	// The tampered copy of 北京's package: one byte of its 推荐表.
	tampered := filepath.Join(work, "北京-篡改")
	copyDir(t, packs["报送包-110000"].path, tampered)
	table := filepath.Join(tampered, "data", "01-工业稳增长", "推荐表.xlsx")
	b, _ := os.ReadFile(table)
	b[len(b)/2] ^= 1
	os.WriteFile(table, b, 0o644)

	paths, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(provinces)+2 {
		t.Fatalf("expanded %d packages: %v", len(paths), paths)
	}
	bars, err := ParseBars(strings.NewReader("# 第十六条\n新疆 巴音郭楞蒙古自治州\t2021\t2022\t工信厅督〔2021〕1号\n"))
	if err != nil {
		t.Fatal(err)
	}
	comm, _ := ParseCommendations(strings.NewReader("450200\t国办发〔2021〕49号\n"))
	opt := Options{Keys: register(packs, "660000"), Bars: bars, Commendations: comm}
	var seen []string
	res, err := Run(context.Background(), append(paths, tampered), opt, func(done, total int, name string) {
		if name != "" {
			seen = append(seen, name)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(paths)+1 || res.OK() {
		t.Fatalf("progress %v, all ok %v", seen, res.OK())
	}
	byName := map[string]Package{}
	for _, p := range res.Packages {
		byName[p.Name] = p
	}
	must := func(name, check, want string) {
		t.Helper()
		ps := problemsOf(byName[name], check)
		if len(ps) == 0 || !strings.Contains(strings.Join(ps, "\n"), want) {
			t.Errorf("%s: no 【%s】 problem with %q; problems:\n%v", name, check, want, byName[name].Problems)
		}
	}
	for _, ok := range []string{"报送包-370000", "报送包-450000.iso", "报送包-110000"} {
		if p := byName[ok]; !p.OK() {
			t.Errorf("%s should pass: %v", ok, p.Problems)
		}
	}
	must("报送包-660000.iso", CheckRegister, "指纹与登记不符")
	must("重报-山东", CheckDuplicate, "报送包-370000")
	must("广东-逾期", CheckDeadline, "晚于截止日期 2022-02-14")
	must("北京-篡改", submission.CheckBag, "推荐表.xlsx")
	must("报送包-650000", CheckBar, "巴音郭楞蒙古自治州")

	// The national tables, read back: one row per recommended city, numbers as numbers.
	out := filepath.Join(work, "汇总")
	files, err := Write(out, res, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(res.Campaign.Measures)+3 {
		t.Errorf("written %v", files)
	}
	ind, _ := res.Campaign.Measure(forms.Industry)
	f, err := excelize.OpenFile(filepath.Join(out, TableName(ind)))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(ind.Short)
	f.Close()
	// 山东, 广西, 北京, 北京-篡改, 新疆, 山东-重报, 广东 recommend for industry.
	if len(rows) != 1+7 {
		t.Fatalf("%d rows in the industry table:\n%v", len(rows), rows)
	}
	if rows[0][5] != fmt.Sprintf("%s（%s） 2020年", ind.Indicators[0].Label, ind.Indicators[0].Unit) {
		t.Errorf("header %q", rows[0][5])
	}
	var liuzhou []string
	for _, r := range rows[1:] {
		if r[1] == "450200" {
			liuzhou = r
		}
	}
	if liuzhou == nil || liuzhou[2] != "广西壮族自治区" || liuzhou[3] != "柳州市" || liuzhou[4] != "通过" || !strings.Contains(strings.Join(liuzhou, "|"), "国办发〔2021〕49号") {
		t.Errorf("柳州's row: %v", liuzhou)
	}
	f, _ = excelize.OpenFile(filepath.Join(out, TableName(ind)))
	typ, _ := f.GetCellType(ind.Short, "F2")
	f.Close()
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("a figure is stored as %v, not a number", typ)
	}
	if rows[1][1] > rows[len(rows)-1][1] {
		t.Errorf("rows not by 行政区划代码: %s … %s", rows[1][1], rows[len(rows)-1][1])
	}
	// The register of what came in.
	f, err = excelize.OpenFile(filepath.Join(out, LedgerXLSX))
	if err != nil {
		t.Fatal(err)
	}
	led, _ := f.GetRows("收件登记")
	probs, _ := f.GetRows("问题清单")
	f.Close()
	if len(led) != 1+len(res.Packages) || len(probs) < 5 {
		t.Fatalf("ledger %d rows, problems %d", len(led), len(probs))
	}
	if st, err := os.Stat(filepath.Join(out, LedgerPDF)); err != nil || st.Size() < 1000 {
		t.Errorf("ledger PDF: %v", err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		q := filepath.Join(to, rel)
		if fi.IsDir() {
			return os.MkdirAll(q, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(q, b, 0o644)
	})
}

var _ = sm2sig.UserID
