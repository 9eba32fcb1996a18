package forms

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testDefinitions are the definition files the tests run the workflow on besides the
// built-in ones.
var testDefinitions = []string{"testdata/campaigns/2017-style.json", "testdata/campaigns/2031-test.json"}

func readDefinition(t testing.TB, path string) *Campaign {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := DecodeCampaign(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// Each definition file is in canonical form: decoding and encoding gives the same bytes.
func TestDefinitionRoundTrip(t *testing.T) {
	files := map[string][]byte{}
	for _, y := range CampaignYears() {
		b, _ := BuiltinCampaign(y)
		files[fmt.Sprintf("campaigns/%d.json", y)] = b
	}
	for _, p := range testDefinitions {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = b
	}
	for name, b := range files {
		c, err := DecodeCampaign(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, err := EncodeCampaign(c)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, b) {
			t.Errorf("%s is not in canonical form (EncodeCampaign differs)", name)
		}
		again, err := DecodeCampaign(out)
		if err != nil || len(DiffCampaigns(c, again)) != 0 {
			t.Errorf("%s: encode/decode changed the definition: %v %v", name, err, DiffCampaigns(c, again))
		}
	}
}

// The built-in 2021 definition names the notice text it was transcribed from.
func TestBuiltinNamesItsNotice(t *testing.T) {
	c, err := CampaignFor(2021)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "notice-2022-13.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if h := sha256.Sum256(b); hex.EncodeToString(h[:]) != c.NoticeSHA256 {
		t.Errorf("text_sha256 %s is not that of testdata/notice-2022-13.txt", c.NoticeSHA256)
	}
	if c.Notice != "工信厅规函〔2022〕13号" || c.Deadline.Format("2006-01-02") != "2022-02-14" || !c.EventExclusion ||
		!c.StatisticsVerification || c.PaperCopies != 1 || c.Addressee != "工业和信息化部（规划司）" {
		t.Errorf("2021 definition: %+v", c)
	}
	for _, m := range c.Measures {
		if m.Quota.Max != 1 || !m.Quota.PlanCitiesInQuota || !m.Quota.Single() || !m.GovernmentConsent {
			t.Errorf("%s quota %+v", m.ID, m.Quota)
		}
	}
	dig, _ := c.Measure(Digital)
	if !dig.TelecomConcurrence || dig.Seq != 2 {
		t.Errorf("digital: %+v", dig)
	}
	s := readDefinition(t, "testdata/campaigns/2017-style.json")
	b, _ = os.ReadFile("testdata/campaigns/2017-style.txt")
	if h := sha256.Sum256(b); hex.EncodeToString(h[:]) != s.NoticeSHA256 {
		t.Error("2017-style.json does not name its basis text")
	}
}

func TestQuotaText(t *testing.T) {
	s := readDefinition(t, "testdata/campaigns/2017-style.json")
	q := s.Measures[0].Quota
	if got, want := q.Text(), "地级行政区不超过2个，县级行政区不超过1个；计划单列市（含其下辖县区）各不超过1个，不占用所在省名额"; got != want {
		t.Errorf("2017 quota %q, want %q", got, want)
	}
	if q.Single() || !q.Allows(LevelCounty) || q.LevelMax(LevelPrefecture) != 2 {
		t.Errorf("2017 quota %+v", q)
	}
	c, _ := CampaignFor(2021)
	if got := c.Measures[0].Quota.Text(); got != "不超过1个市（州）" {
		t.Errorf("2021 quota %q", got)
	}
}

// mutate decodes the 2021 file as a generic tree, applies fn and encodes it again.
func mutate(t *testing.T, fn func(d map[string]any)) []byte {
	t.Helper()
	b, _ := BuiltinCampaign(2021)
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	fn(d)
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func measure0(d map[string]any) map[string]any {
	return d["measures"].([]any)[0].(map[string]any)
}

func indicator0(d map[string]any) map[string]any {
	return measure0(d)["indicators"].([]any)[0].(map[string]any)
}

// A bad definition is refused with the JSON path of each fault and a Chinese message.
func TestDefinitionFaults(t *testing.T) {
	cases := []struct {
		name     string
		def      []byte
		path     string
		contains string
	}{
		{"syntax", []byte(`{"year": 2021,`), "$", "JSON"},
		{"not an object", []byte(`[1]`), "$", "应为"},
		{"format", mutate(t, func(d map[string]any) { d["format"] = "tuijian-campaign/9" }), "$.format", "不是本程序能读的格式"},
		{"unknown key", mutate(t, func(d map[string]any) { d["yaer"] = 2021 }), "$.yaer", "未知字段"},
		{"year type", mutate(t, func(d map[string]any) { d["year"] = "2021" }), "$.year", "应为整数"},
		{"deadline", mutate(t, func(d map[string]any) { d["timetable"].(map[string]any)["deadline"] = "2022-2-14" }), "$.timetable.deadline", "YYYY-MM-DD"},
		{"deadline year", mutate(t, func(d map[string]any) { d["timetable"].(map[string]any)["deadline"] = "2030-02-14" }), "$.timetable.deadline", "与年度 2021 不符"},
		{"years order", mutate(t, func(d map[string]any) { d["timetable"].(map[string]any)["indicator_years"] = []int{2021, 2020} }), "$.timetable.indicator_years", "由早到晚"},
		{"sha", mutate(t, func(d map[string]any) { d["notice"].(map[string]any)["text_sha256"] = "abc" }), "$.notice.text_sha256", "SHA-256"},
		{"no notice number", mutate(t, func(d map[string]any) { delete(d["notice"].(map[string]any), "number") }), "$.notice.number", "缺少必填字段"},
		{"kind", mutate(t, func(d map[string]any) { indicator0(d)["kind"] = "percent" }), "$.measures[0].indicators[0].kind", "不是可用的取值"},
		{"verifier", mutate(t, func(d map[string]any) { indicator0(d)["verifier"] = "统计局" }), "$.measures[0].indicators[0].verifier", "不是可用的取值"},
		{"indicator years", mutate(t, func(d map[string]any) { indicator0(d)["years"] = []int{2019} }), "$.measures[0].indicators[0].years[0]", "indicator_years"},
		{"duplicate indicator", mutate(t, func(d map[string]any) {
			ins := measure0(d)["indicators"].([]any)
			ins[1].(map[string]any)["id"] = ins[0].(map[string]any)["id"]
		}), "$.measures[0].indicators[1].id", "重复"},
		{"clause reference", mutate(t, func(d map[string]any) {
			measure0(d)["clauses"].([]any)[0].(map[string]any)["indicators"] = []string{"ind.nonesuch"}
		}), "$.measures[0].clauses[0].indicators[0]", "ind.nonesuch"},
		{"max_choices", mutate(t, func(d map[string]any) { measure0(d)["max_choices"] = 0 }), "$.measures[0].max_choices", "超出范围"},
		{"level", mutate(t, func(d map[string]any) { measure0(d)["levels"] = []any{map[string]any{"level": "town", "max": 1}} }), "$.measures[0].levels[0].level", "不是可用的取值"},
		{"level above max", mutate(t, func(d map[string]any) { measure0(d)["levels"] = []any{map[string]any{"level": "prefecture", "max": 3}} }), "$.measures[0].levels[0].max", "大于合计上限"},
		{"plan city max missing", mutate(t, func(d map[string]any) { measure0(d)["plan_cities_in_quota"] = false }), "$.measures[0].plan_city_max", "缺少必填字段"},
		{"approval", mutate(t, func(d map[string]any) { measure0(d)["approvals"] = []string{"governor"} }), "$.measures[0].approvals[0]", "government"},
		{"measure id", mutate(t, func(d map[string]any) { measure0(d)["id"] = "Industry!" }), "$.measures[0].id", "措施标识"},
		{"duplicate measure", mutate(t, func(d map[string]any) {
			ms := d["measures"].([]any)
			ms[1].(map[string]any)["id"] = "industry"
		}), "$.measures[1].id", "重复"},
		{"no measures", mutate(t, func(d map[string]any) { d["measures"] = []any{} }), "$.measures", "应有 1 到 4 项"},
		{"article", mutate(t, func(d map[string]any) { measure0(d)["article"] = "6" }), "$.measures[0].article", "条款号"},
		{"industry columns", mutate(t, func(d map[string]any) {
			measure0(d)["leading_industries"].([]any)[1].(map[string]any)["key"] = "sales"
		}), "$.measures[0].leading_industries[1].key", "share"},
		{"blank padded", mutate(t, func(d map[string]any) { indicator0(d)["label"] = " 增速 " }), "$.measures[0].indicators[0].label", "空白"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := DecodeCampaign(tc.def)
			var de *DefinitionError
			if !errors.As(err, &de) || c != nil {
				t.Fatalf("accepted or wrong error: %v", err)
			}
			found := false
			for _, f := range de.Faults {
				if f.Path == tc.path && strings.Contains(f.Msg, tc.contains) {
					found = true
				}
			}
			if !found {
				t.Errorf("no fault at %s containing %q: %v", tc.path, tc.contains, err)
			}
			if tc.path != "$" && !strings.Contains(err.Error(), "行）") {
				t.Errorf("fault without a line: %v", err)
			}
		})
	}
}

func TestDiffCampaigns(t *testing.T) {
	a, _ := CampaignFor(2021)
	if d := DiffCampaigns(a, a); len(d) != 0 {
		t.Errorf("a definition differs from itself: %v", d)
	}
	b := readDefinition(t, "testdata/campaigns/2031-test.json")
	d := strings.Join(DiffCampaigns(a, b), "\n")
	for _, want := range []string{"年度：2021 → 2031", "报送截止日期：2022-02-14 → 2032-02-14", "措施 industry（工业稳增长）最多推荐（max_choices）：1 → 2", "指标年份：2020、2021 → 2030、2031"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
	if strings.Contains(d, "digital（信息基础设施和产业数字化）最多") || strings.Contains(d, "指标 ind.") {
		t.Errorf("diff names what did not change:\n%s", d)
	}
	s := readDefinition(t, "testdata/campaigns/2017-style.json")
	d = strings.Join(DiffCampaigns(a, s), "\n")
	for _, want := range []string{"删除措施 digital（信息基础设施和产业数字化）", "纸质材料份数：1 → 3", "重大事故一票否决：是 → 否", "需要的同意：省级人民政府同意 → （无）", "县级行政区不超过1个"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
	m := mutate(t, func(d map[string]any) {
		ins := measure0(d)["indicators"].([]any)
		for _, cl := range measure0(d)["clauses"].([]any) {
			cl := cl.(map[string]any)
			if refs, ok := cl["indicators"].([]any); ok {
				var keep []any
				for _, r := range refs {
					if r != "ind.va_growth" {
						keep = append(keep, r)
					}
				}
				cl["indicators"] = keep
			}
		}
		ins[1].(map[string]any)["label"] = "制造业增加值比重（%）"
		measure0(d)["indicators"] = append(ins[1:], map[string]any{"id": "ind.new", "label": "新指标（个）", "unit": "个", "kind": "count", "verifier": "ministry_list", "higher_is_better": true})
	})
	c, err := DecodeCampaign(m)
	if err != nil {
		t.Fatal(err)
	}
	d = strings.Join(DiffCampaigns(a, c), "\n")
	for _, want := range []string{"删除指标 ind.va_growth", "新增指标 ind.new“新指标（个）”", "指标 ind.mfg_share 的名称：制造业增加值占地区国内生产总值比重（%） → 制造业增加值比重（%）"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
}

// The JSON Schema accepts every definition the program accepts and is itself a valid
// draft 2020-12 schema (checked with python3-jsonschema where installed).
func TestSchemaWithJSONSchemaTool(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import jsonschema").Run() != nil {
		t.Skip("python3-jsonschema not installed")
	}
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.json")
	if err := os.WriteFile(schema, CampaignSchema(), 0o644); err != nil {
		t.Fatal(err)
	}
	files := append([]string{}, testDefinitions...)
	for _, y := range CampaignYears() {
		b, _ := BuiltinCampaign(y)
		p := filepath.Join(dir, "builtin.json")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, mutate(t, func(d map[string]any) { indicator0(d)["kind"] = "percent" }), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(s)
v = jsonschema.Draft202012Validator(s)
for p in sys.argv[2:]:
    errs = list(v.iter_errors(json.load(open(p))))
    print(p, "invalid" if errs else "valid")
`
	out, err := exec.Command(py, append([]string{"-c", script, schema}, append(files, bad)...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := string(out)
	for _, f := range files {
		if !strings.Contains(got, f+" valid") {
			t.Errorf("schema refuses %s:\n%s", f, got)
		}
	}
	if !strings.Contains(got, bad+" invalid") {
		t.Errorf("schema accepts a bad kind:\n%s", got)
	}
}

// FuzzDecodeCampaign: any input is either refused with faults or decoded into a
// definition that encodes and decodes to itself; nothing panics.
func FuzzDecodeCampaign(f *testing.F) {
	b, _ := BuiltinCampaign(2021)
	f.Add(b)
	for _, p := range testDefinitions {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"format":"tuijian-campaign/1","year":2021,"measures":[{"levels":[{"level":"county","max":1}]}]}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DecodeCampaign(b)
		if err != nil {
			var de *DefinitionError
			if !errors.As(err, &de) || len(de.Faults) == 0 || c != nil {
				t.Fatalf("refusal without faults: %v", err)
			}
			return
		}
		out, err := EncodeCampaign(c)
		if err != nil {
			t.Fatal(err)
		}
		again, err := DecodeCampaign(out)
		if err != nil {
			t.Fatalf("encoded definition refused: %v", err)
		}
		if d := DiffCampaigns(c, again); len(d) != 0 {
			t.Fatalf("round trip changed: %v", d)
		}
	})
}

func BenchmarkDecodeCampaign(b *testing.B) {
	def, _ := BuiltinCampaign(2021)
	for b.Loop() {
		if _, err := DecodeCampaign(def); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRecentYears(t *testing.T) {
	for n, want := range map[int]string{3: "近三年", 2: "近两年", 5: "近五年", 1: "近一年", 12: "近12年"} {
		if got := (&Campaign{EventYears: n}).Recent(); got != want {
			t.Errorf("%d years: %q, want %q", n, got, want)
		}
	}
}
