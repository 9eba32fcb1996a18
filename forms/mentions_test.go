package forms

import (
	"slices"
	"testing"
)

func TestOtherUnitNamed(t *testing.T) {
	units := []Unit{
		{Code: "370100", Name: "济南市"}, {Code: "370200", Name: "青岛市"},
		{Code: "653000", Name: "克孜勒苏柯尔克孜自治州"}, {Code: "652800", Name: "巴音郭楞蒙古自治州"},
		{Code: "110105", Name: "朝阳区"}, {Code: "211300", Name: "朝阳市"},
	}
	for _, tc := range []struct {
		name, text, want, other string
	}{
		{"own text", "济南市基本情况。济南工业……济南市", "370100", ""},
		{"another city's file", "青岛市基本情况。青岛市工业……青岛港、青岛", "370100", "370200"},
		{"own city often, neighbour once", "济南市与青岛市协同，济南市、济南", "370100", ""},
		{"short names of 自治州", "克孜勒苏柯尔克孜自治州……克孜勒苏柯尔克孜……克州（克孜勒苏柯尔克孜）", "652800", "653000"},
		{"the city named a few times, another more", "青岛市、青岛、青岛、青岛，济南市", "370100", "370200"},
		{"too few mentions to tell", "青岛市、青岛", "370100", ""},
		{"朝阳市 not counted as 朝阳区", "朝阳市……朝阳市……朝阳市", "211300", ""},
		{"no names at all", "基本情况：略", "370100", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, _, ok := OtherUnitNamed(tc.text, units, tc.want)
			if got := map[bool]string{true: u.Unit.Code, false: ""}[ok]; got != tc.other {
				t.Errorf("other %q, want %q (mentions %v)", got, tc.other, MentionedUnits(tc.text, units))
			}
		})
	}
	if ShortUnitName("北京市") != "北京" || ShortUnitName("东城区") != "东城" || ShortUnitName("城区") != "城区" {
		t.Error("short names")
	}
}

func TestMostNamed(t *testing.T) {
	all := []Unit{{Code: "440100", Name: "广州市"}, {Code: "440300", Name: "深圳市"}, {Code: "440600", Name: "佛山市"}}
	cands := []Unit{all[2], all[1]}
	for _, c := range []struct {
		text string
		i    int
		ok   bool
	}{
		{"佛山市申报书：佛山……", 0, true},
		{"深圳市……深圳、佛山", 1, true},
		{"佛山、深圳", 0, false},
		{"广州市", 0, false},
		{"", 0, false},
	} {
		if i, ok := MostNamed(c.text, all, cands); ok != c.ok || (ok && i != c.i) {
			t.Errorf("%q: %d %v, want %d %v", c.text, i, ok, c.i, c.ok)
		}
	}
}

func TestAssignByMention(t *testing.T) {
	all := []Unit{{Code: "652800", Name: "巴音郭楞蒙古自治州"}, {Code: "650100", Name: "乌鲁木齐市"}, {Code: "653000", Name: "克孜勒苏柯尔克孜自治州"}}
	cands := []Unit{all[0], all[1]}
	texts := []string{
		"巴音郭楞蒙古自治州申报书：巴州……巴音郭楞",
		"乌鲁木齐市数字化申报书",
		"克孜勒苏柯尔克孜自治州的材料", // not a candidate
		"巴音郭楞蒙古自治州的第二份稿", // a second file for the same city
	}
	by, none := AssignByMention(texts, all, cands)
	if len(by) != 2 || !slices.Equal(by[0], []int{0, 3}) || !slices.Equal(by[1], []int{1}) || !slices.Equal(none, []int{2}) {
		t.Errorf("by %v none %v", by, none)
	}
}
