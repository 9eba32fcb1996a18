package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tuijian/data/demo"
	"tuijian/data/divisions"
	"tuijian/data/store"
	"tuijian/forms"
)

// The whole workflow — eligibility, choose, pre-flight, documents, export, verify —
// on campaign definitions other than the built-in 2021 one (issue 16): the 2017-style
// rules (2 prefectures and 1 county a measure, 计划单列市 outside the quota, 3 paper
// copies, no accident exclusion, no statistics-bureau check) and a 2031 test copy that
// takes 2 cities for industry, in provinces of every kind, with 1–4 units chosen and
// a measure left empty.
func TestCampaignDefinitionsEndToEnd(t *testing.T) {
	cases := []struct {
		name       string
		def        string
		province   string
		day        string
		candidates map[forms.MeasureID][]string
		chosen     map[forms.MeasureID][]string
		files      []string // documents expected under data/
		notFiles   []string
	}{
		{
			name: "2017-style 山东: 2 cities, 1 county, 青岛 outside the quota", def: "2017-style.json", province: "370000", day: "2018-02-20",
			candidates: map[forms.MeasureID][]string{forms.Industry: {"370100", "370600", "370700", "370112", "370200"}}, // 济南 烟台 潍坊 历城区 青岛
			chosen:     map[forms.MeasureID][]string{forms.Industry: {"370100", "370600", "370112", "370200"}},
			files:      []string{"01-工业稳增长/推荐函.pdf", "01-工业稳增长/推荐表-济南市.xlsx", "01-工业稳增长/推荐表-济南市历城区.xlsx", "01-工业稳增长/申报书-青岛市.docx", "01-工业稳增长/真实性合规性声明.pdf"},
			notFiles:   []string{"02-信息基础设施和产业数字化/推荐函.pdf", "01-工业稳增长/推荐表-潍坊市.xlsx"},
		},
		{
			name: "2031 新疆: two 自治州 with long names, digital left empty", def: "2031-test.json", province: "650000", day: "2032-02-10",
			candidates: map[forms.MeasureID][]string{forms.Industry: {"654000", "652800", "650100"}}, // 伊犁哈萨克自治州 巴音郭楞蒙古自治州 乌鲁木齐市
			chosen:     map[forms.MeasureID][]string{forms.Industry: {"654000", "652800"}},
			files:      []string{"01-工业稳增长/推荐表-伊犁哈萨克自治州.xlsx", "01-工业稳增长/申报书-巴音郭楞蒙古自治州.pdf", "01-工业稳增长/推荐函.docx"},
			notFiles:   []string{"02-信息基础设施和产业数字化/推荐函.pdf"},
		},
		{
			name: "2031 重庆: districts, one candidate each", def: "2031-test.json", province: "500000", day: "2032-02-10",
			candidates: map[forms.MeasureID][]string{forms.Industry: {"500112"}, forms.Digital: {"500105"}}, // 渝北区 江北区
			files:      []string{"01-工业稳增长/推荐表-渝北区.xlsx", "02-信息基础设施和产业数字化/推荐表.xlsx", "02-信息基础设施和产业数字化/推荐函.pdf"},
		},
		{
			name: "2031 兵团: three 师市, two chosen", def: "2031-test.json", province: forms.BingtuanCode, day: "2032-02-10",
			candidates: map[forms.MeasureID][]string{forms.Industry: {"659001", "659002", "659003"}, forms.Digital: {"659001"}},
			chosen:     map[forms.MeasureID][]string{forms.Industry: {"659001", "659003"}, forms.Digital: {"659001"}},
			files:      []string{"01-工业稳增长/推荐表-石河子市.xlsx", "01-工业稳增长/推荐表-图木舒克市.xlsx", "02-信息基础设施和产业数字化/申报书.docx"},
		},
	}
	t.Setenv(PassphraseEnv, "定义文件端到端测试口令 e2e")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "case.db")
			defPath := filepath.Join(dir, tc.def)
			b, err := os.ReadFile(testDefs + tc.def)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(defPath, b, 0o644); err != nil {
				t.Fatal(err)
			}
			day, _ := time.Parse(time.DateOnly, tc.day)
			s, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			s.Now = func() time.Time { return day }
			err = demo.FillCampaign(s, day, demo.Options{Province: tc.province, Candidates: tc.candidates, Definition: b, Source: defPath, Chosen: tc.chosen})
			s.Close()
			if err != nil {
				t.Fatal(err)
			}
			ok, status := dbRunner(t, db)
			ok("--date", tc.day, "check")
			docs := filepath.Join(dir, "documents")
			ok("--date", tc.day, "documents", "--out", docs)
			for _, f := range tc.files {
				if _, err := os.Stat(filepath.Join(docs, f)); err != nil {
					t.Errorf("document %s missing", f)
				}
			}
			for _, f := range tc.notFiles {
				if _, err := os.Stat(filepath.Join(docs, f)); err == nil {
					t.Errorf("document %s should not exist", f)
				}
			}
			ok("key", "create")
			pkg := filepath.Join(dir, "报送包")
			ok("--date", tc.day, "export", "--out", pkg)
			if out := ok("verify", pkg); !strings.Contains(out, "校验通过") {
				t.Fatalf("verify: %s", out)
			}
			var sub struct {
				Campaign struct {
					Year             int    `json:"year"`
					DefinitionSHA256 string `json:"definition_sha256"`
				} `json:"campaign"`
				Choices []struct {
					Measure string `json:"measure"`
					Unit    string `json:"unit"`
				} `json:"choices"`
				Approvals []struct {
					Measure string `json:"measure"`
					GovUnit string `json:"gov_unit"`
				} `json:"approvals"`
			}
			js, err := os.ReadFile(filepath.Join(pkg, "data", "submission.json"))
			if err != nil || json.Unmarshal(js, &sub) != nil {
				t.Fatalf("submission.json: %v", err)
			}
			def, _ := forms.DecodeCampaign(b)
			if sub.Campaign.Year != def.Year || sub.Campaign.DefinitionSHA256 == "" {
				t.Errorf("campaign in submission.json: %+v", sub.Campaign)
			}
			want := tc.chosen
			if want == nil {
				want = map[forms.MeasureID][]string{}
				for m, codes := range tc.candidates {
					want[m] = codes[:1]
				}
			}
			got := map[forms.MeasureID][]string{}
			for _, ch := range sub.Choices {
				got[forms.MeasureID(ch.Measure)] = append(got[forms.MeasureID(ch.Measure)], ch.Unit)
			}
			for m, codes := range want {
				w := slices.Sorted(slices.Values(codes))
				if !slices.Equal(got[m], w) {
					t.Errorf("%s chosen in the package: %v, want %v", m, got[m], w)
				}
			}
			if _, err := os.Stat(filepath.Join(pkg, "data", "campaign.json")); err != nil {
				t.Error("the package does not carry its campaign definition")
			}
			// Checked against another definition (the ministry's 2021 file), the package
			// is refused naming the mismatch.
			if msg := status(1, "verify", pkg, "--campaign", "2021"); !strings.Contains(msg, "2021 年度") {
				t.Errorf("verify against another year: %s", msg)
			}
			// The ministry's intake with its own copy of the definition: one row per
			// recommended unit.
			var k keyOut
			json.Unmarshal([]byte(ok("key", "show", "--json")), &k)
			keys := filepath.Join(dir, "登记表.txt")
			prov, _ := divisions.Province(tc.province)
			os.WriteFile(keys, []byte(prov.Name+"\t"+k.Fingerprint+"\n"), 0o644)
			sum := filepath.Join(dir, "汇总")
			msg := status(1, "intake", "--keys", keys, "--campaign", defPath, "--out", sum, pkg) // 演示数据 is never a submission
			if strings.Contains(msg, "不在公钥登记表中") || strings.Contains(msg, "本次收件为") {
				t.Errorf("intake:\n%s", msg)
			}
			if _, err := os.Stat(filepath.Join(sum, "汇总表-工业稳增长.xlsx")); err != nil {
				t.Errorf("intake wrote no table: %v\n%s", err, msg)
			}
		})
	}
}

// Choices changed after approval, with a quota above one: the quota refuses a unit too
// many (naming the rule), choosing in a full pool of one replaces, and a consent given
// for the units chosen before no longer covers the new one.
func TestQuotaChoicesAfterApproval(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "case.db")
	b, err := os.ReadFile(testDefs + "2017-style.json")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2018, 2, 20, 0, 0, 0, 0, time.UTC)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return day }
	err = demo.FillCampaign(s, day, demo.Options{Province: "370000", Definition: b, Source: "2017-style.json",
		Candidates: map[forms.MeasureID][]string{forms.Industry: {"370100", "370600", "370700", "370112", "370200", "370212", "370102"}},
		Chosen:     map[forms.MeasureID][]string{forms.Industry: {"370100", "370600", "370112", "370200"}}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	ok, status := dbRunner(t, db)
	ok("--date", "2018-02-20", "check")
	// A third prefecture: two could make room, so the officer must say which.
	if msg := status(2, "choose", "--measure", "industry", "--unit", "潍坊", "--reason", "x"); !strings.Contains(msg, "地级行政区最多推荐 2 个") || !strings.Contains(msg, "请先取消") {
		t.Errorf("a third prefecture: %s", msg)
	}
	// 历下区 is a second county: it replaces 历城区, the one county chosen.
	ok("choose", "--measure", "industry", "--unit", "历下区", "--reason", "改选历下区")
	// 崂山区 lies under 青岛: it takes 青岛's own place, outside the province's quota.
	ok("choose", "--measure", "industry", "--unit", "崂山区", "--reason", "改选崂山区")
	cs, err := func() (*forms.Case, error) {
		s, err := store.Open(db)
		if err != nil {
			return nil, err
		}
		defer s.Close()
		return s.Case()
	}()
	if err != nil {
		t.Fatal(err)
	}
	if got := cs.ChosenCodes(forms.Industry); !slices.Equal(got, []string{"370100", "370600", "370102", "370212"}) {
		t.Errorf("chosen after the changes: %v", got)
	}
	// The new units have no texts or screening yet: the check names them; the 2017
	// rules ask no consent, so none is missing.
	out := status(1, "--date", "2018-02-20", "check")
	for _, want := range []string{"济南市历下区 申报书", "尚未记录对青岛市崂山区近三年负面情况的核查"} {
		if !strings.Contains(out, want) {
			t.Errorf("check after changing the choices lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "approval.gov") || strings.Contains(out, "尚未记录省级人民政府") {
		t.Errorf("the 2017 rules ask no government consent:\n%s", out)
	}
	// 市中区 is a county of both 济南 and 枣庄: the name alone is refused.
	if msg := status(2, "candidate", "add", "--measure", "industry", "市中区"); !strings.Contains(msg, "济南市市中区") || !strings.Contains(msg, "请写明所属的市") {
		t.Errorf("an ambiguous county name: %s", msg)
	}
	ok("candidate", "add", "--measure", "industry", "枣庄市市中区")

	// 2031 copy, 新疆, two cities for industry, consent given for both: replacing one
	// of them after the consent makes it stale; a third is refused.
	b, _ = os.ReadFile(testDefs + "2031-test.json")
	db2 := filepath.Join(dir, "xj.db")
	day = time.Date(2032, 2, 10, 0, 0, 0, 0, time.UTC)
	s, err = store.Open(db2)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return day }
	err = demo.FillCampaign(s, day, demo.Options{Province: "650000", Definition: b, Source: "2031-test.json",
		Candidates: map[forms.MeasureID][]string{forms.Industry: {"654000", "652800", "650100"}, forms.Digital: {"650100"}},
		Chosen:     map[forms.MeasureID][]string{forms.Industry: {"654000", "652800"}, forms.Digital: {"650100"}}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	ok, status = dbRunner(t, db2)
	ok("--date", "2032-02-10", "check")
	if msg := status(2, "choose", "--measure", "industry", "--unit", "乌鲁木齐", "--reason", "x"); !strings.Contains(msg, "最多推荐 2 个") || !strings.Contains(msg, "请先取消") {
		t.Errorf("a third city: %s", msg)
	}
	if msg := status(2, "application", "show", "--measure", "industry"); !strings.Contains(msg, "推荐了 伊犁哈萨克自治州、巴音郭楞蒙古自治州") {
		t.Errorf("application show without --unit: %s", msg)
	}
	if out := ok("application", "show", "--measure", "industry", "--unit", "巴音郭楞蒙古自治州"); !strings.Contains(out, "巴音郭楞蒙古自治州") {
		t.Errorf("application show --unit: %.200s", out)
	}
	// 2 cities for industry and 1 for digital: the 2021 rule of one city would have
	// refused the second; here the digital choice replaces as before.
	ok("unchoose", "--measure", "industry", "--unit", "巴音郭楞蒙古自治州")
	ok("choose", "--measure", "industry", "--unit", "乌鲁木齐", "--reason", "改选乌鲁木齐市")
	out = status(1, "--date", "2032-02-10", "check")
	if !strings.Contains(out, "省政府同意的是伊犁哈萨克自治州、巴音郭楞蒙古自治州，现推荐乌鲁木齐市，请重新报批") {
		t.Errorf("stale consent not blocked:\n%s", out)
	}
	if strings.Contains(out, "现推荐伊犁哈萨克自治州") {
		t.Errorf("the consent still covers 伊犁:\n%s", out)
	}
	// The consent given again covers both cities; what is left is the new city's own
	// material.
	ok("approve", "--measure", "industry", "--government", "是", "--gov-doc", "新政函〔2032〕9号", "--gov-date", "2032-02-09")
	out = status(1, "--date", "2032-02-10", "check")
	if strings.Contains(out, "请重新报批") || !strings.Contains(out, "乌鲁木齐市 申报书") {
		t.Errorf("after the new consent:\n%s", out)
	}
}
