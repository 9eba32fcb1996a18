package submission

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tuijian/data/demo"
	"tuijian/data/documents"
	"tuijian/data/signing"
	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/value"
)

const testPass = "测试口令 correct horse"

var (
	keyOnce sync.Once
	testKey signing.PrivateKey
	testEnc []byte
	keyErr  error
)

// sharedKey unlocks the test key once per test binary (scrypt takes seconds). The
// encrypted key is made with GenerateKey on first use and kept in testdata so that
// later runs only pay for Unlock.
func sharedKey(tb testing.TB) signing.PrivateKey {
	tb.Helper()
	keyOnce.Do(func() {
		p := filepath.Join("testdata", "test.key")
		testEnc, keyErr = os.ReadFile(p)
		if keyErr != nil {
			_, testEnc, keyErr = signing.GenerateKey(testPass, nil)
			if keyErr == nil {
				os.MkdirAll("testdata", 0o755)
				keyErr = os.WriteFile(p, testEnc, 0o644)
			}
		}
		if keyErr == nil {
			testKey, keyErr = signing.Unlock(testEnc, testPass)
		}
	})
	if keyErr != nil {
		tb.Fatal(keyErr)
	}
	return testKey
}

var exportDay = time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)

var (
	demoOnce sync.Once
	demoCase *forms.Case
	demoSecs map[forms.ChoiceKey]map[string]string
	demoErr  error
)

// demoInput loads the demo case once (from a store in a temporary folder).
func demoCaseAndSections(tb testing.TB) (*forms.Case, map[forms.ChoiceKey]map[string]string) {
	tb.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tuijian-demo-")
		if err != nil {
			demoErr = err
			return
		}
		defer os.RemoveAll(dir)
		s, err := store.Open(filepath.Join(dir, "demo.db"))
		if err != nil {
			demoErr = err
			return
		}
		defer s.Close()
		if demoErr = demo.FillFor(s, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)); demoErr != nil {
			return
		}
		if demoCase, demoErr = s.Case(); demoErr != nil {
			return
		}
		demoSecs = demoCase.Applications
	})
	if demoErr != nil {
		tb.Fatal(demoErr)
	}
	return demoCase, demoSecs
}

// fakeDocuments stands in for data/documents in the tests of this package: per
// chosen measure a 推荐表 workbook in the agreed layout (sheet 推荐表, column A the
// indicator label, B/C the two years, D the remark, the city in the header rows), a
// letter carrying the fingerprint, and a nested file (Chinese names at depth 3).
func fakeDocuments(in DocumentsInput) ([]File, error) {
	var out []File
	years := in.Case.Campaign.IndicatorYears()
	for i, m := range in.Case.Campaign.Measures {
		ch, ok := in.Case.Choice(m.ID)
		if !ok {
			continue
		}
		u, _ := in.Case.Unit(ch.UnitCode)
		dir := fmt.Sprintf("%02d-%s", i+1, m.Short)
		x := excelize.NewFile()
		x.SetSheetName("Sheet1", "推荐表")
		set := func(cell string, v any) { x.SetCellValue("推荐表", cell, v) }
		set("A1", m.TableTitle)
		set("A2", "市（州）名称")
		set("B2", u.Name)
		set("A3", documents.ApprovalQuestion)
		set("B3", documents.ApprovalMarks(in.Case.Approval(m.ID).Government))
		set("A4", "指标")
		set("B4", fmt.Sprintf("%d年", years[0]))
		set("C4", fmt.Sprintf("%d年", years[1]))
		set("D4", "备注")
		row := 5
		for _, ind := range m.Indicators {
			set(fmt.Sprintf("A%d", row), ind.Label)
			for j, y := range years {
				f, _ := in.Case.Figure(forms.FigureKey{UnitCode: ch.UnitCode, Measure: m.ID, Indicator: ind.ID, Year: y})
				set(fmt.Sprintf("%c%d", 'B'+j, row), f.Value.Format(ind.Kind))
			}
			set(fmt.Sprintf("D%d", row), ind.Remark)
			row++
		}
		if len(m.LeadingIndustries) > 0 {
			set(fmt.Sprintf("A%d", row), fmt.Sprintf("制造业主导产业发展情况（%d年）", years[1]))
			row += 2
			n := 0
			for _, li := range in.Case.Industries {
				if li.UnitCode == ch.UnitCode {
					for j, v := range []string{li.Name, li.Share.Format(value.Share), li.Growth.Format(value.Growth), li.Revenue.Format(value.Number), li.Profit.Format(value.SignedNumber)} {
						set(fmt.Sprintf("%c%d", 'A'+j, row), v)
					}
					row++
					n++
				}
			}
			if n == 0 {
				for j := range 5 {
					set(fmt.Sprintf("%c%d", 'A'+j, row), documents.MissingValue)
				}
			}
		}
		var b bytes.Buffer
		if err := x.Write(&b); err != nil {
			return nil, err
		}
		out = append(out,
			File{dir + "/推荐表.xlsx", b.Bytes()},
			File{dir + "/推荐函.txt", []byte(fmt.Sprintf("%s 推荐 %s。公钥指纹：%s\n", in.Case.Settings.Department, u.Name, in.Fingerprint))},
			File{dir + "/申报书/申报书正文.txt", []byte(in.Sections[forms.ChoiceKey{Measure: m.ID, UnitCode: u.Code}]["1"])},
		)
	}
	return out, nil
}

func exportDemo(tb testing.TB, out, iso string) Result {
	tb.Helper()
	c, secs := demoCaseAndSections(tb)
	res, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(tb), Date: exportDay,
		Out: out, ISO: iso}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

var (
	pkgOnce sync.Once
	pkgDir  string
	pkgRes  Result
	pkgErr  error
)

// sharedPackage exports the demo once per test binary with the real documents and
// a disc image (<dir>/pkg and <dir>/pkg.iso); tests copy it before changing it.
func sharedPackage(tb testing.TB) (string, Result) {
	tb.Helper()
	pkgOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tuijian-pkg-")
		if err != nil {
			pkgErr = err
			return
		}
		pkgDir = dir
		c, secs := demoCaseAndSections(tb)
		pkgRes, pkgErr = Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(tb), Date: exportDay,
			Out: filepath.Join(dir, "pkg"), ISO: filepath.Join(dir, "pkg.iso")}, nil)
	})
	if pkgErr != nil {
		tb.Fatal(pkgErr)
	}
	return pkgDir, pkgRes
}

func TestMain(m *testing.M) {
	if out := os.Getenv("TUIJIAN_TEST_EXPORT_LOOP"); out != "" {
		exportLoop(out)
		return
	}
	code := m.Run()
	if pkgDir != "" {
		os.RemoveAll(pkgDir)
	}
	os.Exit(code)
}

// readTree reads every file under dir.
func readTree(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func copyTree(tb testing.TB, src, dst string) {
	tb.Helper()
	for rel, b := range readTree(tb, src) {
		p := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// exportLoop is the child of TestKilledExport: it exports the demo to out again and
// again, alternating the contact, and prints "done N" after each, until killed.
func exportLoop(out string) {
	t := &testing.T{}
	c, secs := demoCaseAndSections(t)
	key := sharedKey(t)
	for i := 0; ; i++ {
		c2 := *c
		c2.Settings.Contact = fmt.Sprintf("联系人%d", i%2)
		if _, err := Export(context.Background(), ExportInput{Case: &c2, Sections: secs, Key: key, Date: exportDay, Out: out, ISO: out + ".iso"}, nil); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("done", i)
	}
}

// campaign2021 is the built-in definition the hand-made submissions are checked by.
func campaign2021() *forms.Campaign {
	c, _ := forms.CampaignFor(2021)
	return c
}
