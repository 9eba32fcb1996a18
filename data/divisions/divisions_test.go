package divisions

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"tuijian/forms"
)

func TestCounts(t *testing.T) {
	all := All()
	byType := map[forms.UnitType]int{}
	for _, u := range all {
		byType[u.Type]++
	}
	prefecture := byType[forms.TypeCity] + byType[forms.TypePrefecture] + byType[forms.TypeArea] + byType[forms.TypeLeague]
	t.Logf("units: %d total; prefecture-level %d (地级市 %d, 自治州 %d, 地区 %d, 盟 %d); 直辖市辖区/县 %d; 兵团师市 %d",
		len(all), prefecture, byType[forms.TypeCity], byType[forms.TypePrefecture], byType[forms.TypeArea],
		byType[forms.TypeLeague], byType[forms.TypeMunicipalDistrict], byType[forms.TypeBingtuanCity])
	want := map[forms.UnitType]int{
		forms.TypeCity: 293, forms.TypePrefecture: 30, forms.TypeArea: 7, forms.TypeLeague: 3,
		forms.TypeMunicipalDistrict: 86, forms.TypeBingtuanCity: 11,
	}
	for typ, n := range want {
		if byType[typ] != n {
			t.Errorf("%s: %d units, want %d", typ, byType[typ], n)
		}
	}
	if prefecture != 333 {
		t.Errorf("prefecture-level units: %d, want 333", prefecture)
	}
	if len(all) != 333+86+11 {
		t.Errorf("all units: %d, want 430", len(all))
	}

	perProvince := map[string]int{
		"110000": 16, "120000": 16, "310000": 16, "500000": 38, forms.BingtuanCode: 11,
		"370000": 16, "440000": 21, "650000": 14, "460000": 4, "130000": 11, "510000": 21,
	}
	for code, n := range perProvince {
		if got := len(Units(code)); got != n {
			t.Errorf("Units(%s): %d, want %d", code, got, n)
		}
	}
	// 重庆 2021: 26 districts and 12 counties.
	var districts, counties int
	for _, u := range Units("500000") {
		switch {
		case strings.HasSuffix(u.Name, "区"):
			districts++
		case strings.HasSuffix(u.Name, "县"):
			counties++
		default:
			t.Errorf("重庆 unit %s %s is neither 区 nor 县", u.Code, u.Name)
		}
	}
	if districts != 26 || counties != 12 {
		t.Errorf("重庆: %d districts, %d counties; want 26, 12", districts, counties)
	}
	for _, p := range Provinces() {
		t.Logf("%s %s: %d units", p.Code, p.Name, len(Units(p.Code)))
		if len(Units(p.Code)) == 0 {
			t.Errorf("%s %s has no units", p.Code, p.Name)
		}
	}
}

func TestProvinces(t *testing.T) {
	ps := Provinces()
	if len(ps) != 32 {
		t.Fatalf("%d provinces, want 32", len(ps))
	}
	if !slices.IsSortedFunc(ps, func(a, b forms.Province) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("Provinces not sorted by code")
	}
	region := map[string]forms.Region{}
	for _, s := range strings.Split("内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 兵团", " ") {
		region[s] = forms.RegionWest
	}
	for _, s := range strings.Split("辽宁 吉林 黑龙江", " ") {
		region[s] = forms.RegionNortheast
	}
	for _, s := range strings.Split("山西 安徽 江西 河南 湖北 湖南", " ") {
		region[s] = forms.RegionCentral
	}
	for _, s := range strings.Split("北京 天津 上海 河北 江苏 浙江 福建 山东 广东 海南", " ") {
		region[s] = forms.RegionEast
	}
	if len(region) != 32 {
		t.Fatalf("test table has %d provinces", len(region))
	}
	counts := map[forms.Region]int{}
	for short, want := range region {
		p, ok := ProvinceByName(short)
		if !ok {
			t.Errorf("ProvinceByName(%q) not found", short)
			continue
		}
		counts[p.Region]++
		if p.Region != want {
			t.Errorf("%s: region %s, want %s", p.Name, p.Region, want)
		}
		if ShortName(p.Code) != short {
			t.Errorf("ShortName(%s) = %q, want %q", p.Code, ShortName(p.Code), short)
		}
		q, ok := Province(p.Code)
		if !ok || q != p {
			t.Errorf("Province(%s) = %+v, %v; want %+v", p.Code, q, ok, p)
		}
		r, ok := ProvinceByName(p.Name)
		if !ok || r != p {
			t.Errorf("ProvinceByName(%s) = %+v, %v", p.Name, r, ok)
		}
	}
	t.Logf("regions: %v", counts)
	if counts[forms.RegionWest] != 13 || counts[forms.RegionNortheast] != 3 || counts[forms.RegionCentral] != 6 || counts[forms.RegionEast] != 10 {
		t.Errorf("region counts %v", counts)
	}

	for _, c := range []struct {
		name, code string
	}{
		{"山东", "370000"}, {"山东省", "370000"}, {" 山东省\u3000", "370000"},
		{"内蒙古", "150000"}, {"内蒙古自治区", "150000"}, {"广西壮族自治区", "450000"}, {"广西", "450000"},
		{"宁夏回族自治区", "640000"}, {"新疆维吾尔自治区", "650000"}, {"新疆", "650000"}, {"西藏自治区", "540000"},
		{"兵团", forms.BingtuanCode}, {"新疆兵团", forms.BingtuanCode}, {"新疆生产建设兵团", forms.BingtuanCode},
		{"北京市", "110000"}, {"重庆", "500000"},
	} {
		p, ok := ProvinceByName(c.name)
		if !ok || p.Code != c.code {
			t.Errorf("ProvinceByName(%q) = %s, %v; want %s", c.name, p.Code, ok, c.code)
		}
	}
	for _, bad := range []string{"", "山", "省", "莱芜市", "台湾省", "香港", "370000"} {
		if p, ok := ProvinceByName(bad); ok {
			t.Errorf("ProvinceByName(%q) = %+v, want not found", bad, p)
		}
	}
	if _, ok := Province("710000"); ok {
		t.Error("Province(710000) found")
	}

	var munis []string
	for _, p := range ps {
		if p.Municipality {
			munis = append(munis, p.Code)
		}
		if p.Bingtuan != (p.Code == forms.BingtuanCode) {
			t.Errorf("%s: Bingtuan=%v", p.Code, p.Bingtuan)
		}
		if p.Name == "" || len(p.Code) != 6 || !strings.HasSuffix(p.Code, "0000") {
			t.Errorf("bad province %+v", p)
		}
	}
	if !slices.Equal(munis, []string{"110000", "120000", "310000", "500000"}) {
		t.Errorf("municipalities %v", munis)
	}
	bt, _ := Province(forms.BingtuanCode)
	if bt.Name != "新疆生产建设兵团" || bt.Region != forms.RegionWest || !bt.Bingtuan {
		t.Errorf("兵团: %+v", bt)
	}
}

func TestUnits(t *testing.T) {
	all := All()
	if !slices.IsSortedFunc(all, func(a, b forms.Unit) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("All not sorted by code")
	}
	seen := map[string]bool{}
	for _, u := range all {
		if seen[u.Code] {
			t.Errorf("duplicate code %s", u.Code)
		}
		seen[u.Code] = true
		if u.Name == "" || len(u.Code) != 6 {
			t.Errorf("bad unit %+v", u)
		}
		if u.Code[4] == '7' {
			t.Errorf("development zone %s %s", u.Code, u.Name)
		}
		if u.Name == "市辖区" || u.Name == "县" || strings.Contains(u.Name, "直辖县级行政区划") {
			t.Errorf("placeholder %s %s", u.Code, u.Name)
		}
		p, ok := Province(u.ProvinceCode)
		if !ok {
			t.Errorf("%s %s: province %s missing", u.Code, u.Name, u.ProvinceCode)
			continue
		}
		if u.Region != p.Region {
			t.Errorf("%s %s: region %s, province %s has %s", u.Code, u.Name, u.Region, p.Name, p.Region)
		}
		switch {
		case p.Bingtuan:
			if u.Type != forms.TypeBingtuanCity || !strings.HasPrefix(u.Code, "6590") || !strings.HasSuffix(u.Name, "市") {
				t.Errorf("兵团 unit %+v", u)
			}
		case p.Municipality:
			if u.Type != forms.TypeMunicipalDistrict || u.Code[:2] != p.Code[:2] {
				t.Errorf("直辖市 unit %+v", u)
			}
		default:
			if u.Code[:2] != p.Code[:2] || !strings.HasSuffix(u.Code, "00") {
				t.Errorf("prefecture unit %+v", u)
			}
			switch u.Type {
			case forms.TypeCity, forms.TypePrefecture, forms.TypeArea, forms.TypeLeague:
			default:
				t.Errorf("prefecture unit %+v has type %s", u, u.Type)
			}
		}
		if v, ok := Unit(u.Code); !ok || v != u {
			t.Errorf("Unit(%s) = %+v, %v", u.Code, v, ok)
		}
		if v, ok := UnitByName(u.ProvinceCode, u.Name); !ok || v != u {
			t.Errorf("UnitByName(%s, %s) = %+v, %v", u.ProvinceCode, u.Name, v, ok)
		}
		if !slices.Contains(Units(u.ProvinceCode), u) {
			t.Errorf("%s not in Units(%s)", u.Code, u.ProvinceCode)
		}
	}

	// 计划单列市: flagged, inside their provinces, and nothing else flagged.
	plan := map[string]string{"210200": "210000", "370200": "370000", "330200": "330000", "350200": "350000", "440300": "440000"}
	var flagged []string
	for _, u := range all {
		if u.PlanCity {
			flagged = append(flagged, u.Code)
		}
	}
	if len(flagged) != 5 {
		t.Errorf("plan cities flagged: %v", flagged)
	}
	for code, prov := range plan {
		u, ok := Unit(code)
		if !ok || !u.PlanCity || u.ProvinceCode != prov || u.Type != forms.TypeCity {
			t.Errorf("plan city %s: %+v, %v", code, u, ok)
		}
		if !slices.Contains(Units(prov), u) {
			t.Errorf("plan city %s not in Units(%s)", code, prov)
		}
	}
	if u, _ := Unit("210200"); u.Name != "大连市" || u.Region != forms.RegionNortheast {
		t.Errorf("大连: %+v", u)
	}

	// 2019–2021 changes.
	if u, ok := Unit("371200"); ok {
		t.Errorf("莱芜 present: %+v", u)
	}
	if _, ok := UnitByName("370000", "莱芜"); ok {
		t.Error("莱芜 found by name")
	}
	for code, name := range map[string]string{"500105": "江北区", "500112": "渝北区", "500113": "巴南区", "500243": "彭水苗族土家族自治县"} {
		if u, ok := Unit(code); !ok || u.Name != name || u.ProvinceCode != "500000" {
			t.Errorf("重庆 %s: %+v, %v; want %s", code, u, ok, name)
		}
	}
	if u, ok := Unit("500157"); ok {
		t.Errorf("两江新区 (2025) present: %+v", u)
	}
	if u, ok := Unit("659011"); !ok || u.Name != "新星市" || u.ProvinceCode != forms.BingtuanCode || u.Type != forms.TypeBingtuanCity {
		t.Errorf("新星市: %+v, %v", u, ok)
	}
	if _, ok := Unit("659012"); ok {
		t.Error("白杨市 (2023) present")
	}
	if Units("999999") != nil || Units("") != nil {
		t.Error("Units of unknown province not nil")
	}

	// Names without suffix, scoped by province.
	for _, c := range []struct{ prov, name, code string }{
		{"370000", "青岛", "370200"}, {"370000", "青岛市", "370200"}, {"110000", "朝阳", "110105"},
		{"210000", "朝阳", "211300"}, {"110000", "大兴", "110115"}, {"310000", "浦东新区", "310115"},
		{"150000", "阿拉善", "152900"}, {"650000", "阿克苏", "652900"}, {forms.BingtuanCode, "石河子", "659001"},
		{"500000", "忠县", "500233"}, {"500000", "忠", "500233"},
	} {
		if u, ok := UnitByName(c.prov, c.name); !ok || u.Code != c.code {
			t.Errorf("UnitByName(%s, %q) = %s, %v; want %s", c.prov, c.name, u.Code, ok, c.code)
		}
	}
	if _, ok := UnitByName("370000", "大连"); ok {
		t.Error("大连 found in 山东")
	}
	if _, ok := UnitByName("370000", ""); ok {
		t.Error("empty name found")
	}

	// Returned slices are copies.
	a := All()
	a[0].Name = "X"
	if All()[0].Name == "X" {
		t.Error("All returns the cache")
	}
	us := Units("370000")
	us[0].Name = "X"
	if Units("370000")[0].Name == "X" {
		t.Error("Units returns the cache")
	}
	ps := Provinces()
	ps[0].Name = "X"
	if Provinces()[0].Name == "X" {
		t.Error("Provinces returns the cache")
	}
}

// TestSelected2021 checks that every city the ministry selected for 2021
// (testdata/selected-2021.json, a copy of the shared reference) is a unit of
// the province named.
func TestSelected2021(t *testing.T) {
	b, err := os.ReadFile("testdata/selected-2021.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	type entry struct{ Province, Name, Code string }
	n := 0
	for key, raw := range doc {
		if !strings.HasPrefix(key, "measure_") {
			continue
		}
		var es []entry
		if err := json.Unmarshal(raw, &es); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		for _, e := range es {
			n++
			p, ok := ProvinceByName(e.Province)
			if !ok {
				t.Errorf("%s: province %q not found", key, e.Province)
				continue
			}
			u, ok := Unit(e.Code)
			if !ok || u.Name != e.Name || u.ProvinceCode != p.Code {
				t.Errorf("%s: %s %s (%s): got %+v, %v", key, e.Code, e.Name, e.Province, u, ok)
			}
			if !slices.Contains(Units(p.Code), u) {
				t.Errorf("%s: %s not among Units(%s)", key, e.Code, p.Code)
			}
		}
	}
	if n != 20 {
		t.Errorf("%d selected entries, want 20", n)
	}
}

func TestParseErrors(t *testing.T) {
	const ph = "code,name,short_name,region,municipality,bingtuan,aliases\n370000,山东省,山东,东部,0,0,\n"
	const uh = "code,name,province_code,type,plan_city,region\n"
	if _, err := parse([]byte(ph), []byte(uh+"370200,青岛市,370000,地级市,1,东部\n")); err != nil {
		t.Fatalf("valid input: %v", err)
	}
	for name, c := range map[string][2]string{
		"unknown province": {ph, uh + "370200,青岛市,380000,地级市,1,东部\n"},
		"unknown type":     {ph, uh + "370200,青岛市,370000,县级市,1,东部\n"},
		"bad region":       {ph, uh + "370200,青岛市,370000,地级市,1,南部\n"},
		"bad flag":         {ph, uh + "370200,青岛市,370000,地级市,yes,东部\n"},
		"duplicate":        {ph, uh + "370200,青岛市,370000,地级市,1,东部\n370200,青岛市,370000,地级市,1,东部\n"},
		"unsorted":         {ph, uh + "370300,淄博市,370000,地级市,0,东部\n370200,青岛市,370000,地级市,1,东部\n"},
		"short code":       {ph, uh + "3702,青岛市,370000,地级市,1,东部\n"},
		"empty name":       {ph, uh + "370200,,370000,地级市,1,东部\n"},
		"field count":      {ph, uh + "370200,青岛市,370000\n"},
		"no header":        {ph, "370200,青岛市,370000,地级市,1,东部\n"},
		"dup province":     {ph + "370000,山东省,山东,东部,0,0,\n", uh},
		"dup prov name":    {ph + "380000,鲁省,山东,东部,0,0,\n", uh},
	} {
		if _, err := parse([]byte(c[0]), []byte(c[1])); err == nil {
			t.Errorf("%s: no error", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

func TestEmbeddedParses(t *testing.T) {
	if _, err := parse(provincesCSV, unitsCSV); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkParse measures what the first call of any function costs.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(provincesCSV, unitsCSV); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnits(b *testing.B) {
	get()
	b.ReportAllocs()
	for b.Loop() {
		if len(Units("440000")) != 21 {
			b.Fatal("广东")
		}
	}
}

func BenchmarkUnitByName(b *testing.B) {
	get()
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := UnitByName("370000", "青岛"); !ok {
			b.Fatal("青岛")
		}
	}
}
