package forms

import (
	"fmt"
	"strings"
)

// RecommendingBodies are the 32 recommending bodies (推荐单位) the notice addresses
// (“各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门”), by province code, in the
// names they carry since the provincial institutional reforms of 2018–2019 (each
// province's 机构改革方案 as approved by the 中共中央、国务院, and the bodies' own portals),
// checked against the ministry's 2022 correspondence. Setup fills the department from
// this table; the officer may type another name (e.g. after a later reform), and the
// app never invents one.
var RecommendingBodies = map[string]string{
	"110000":     "北京市经济和信息化局",
	"120000":     "天津市工业和信息化局",
	"130000":     "河北省工业和信息化厅",
	"140000":     "山西省工业和信息化厅",
	"150000":     "内蒙古自治区工业和信息化厅",
	"210000":     "辽宁省工业和信息化厅",
	"220000":     "吉林省工业和信息化厅",
	"230000":     "黑龙江省工业和信息化厅",
	"310000":     "上海市经济和信息化委员会",
	"320000":     "江苏省工业和信息化厅",
	"330000":     "浙江省经济和信息化厅",
	"340000":     "安徽省经济和信息化厅",
	"350000":     "福建省工业和信息化厅",
	"360000":     "江西省工业和信息化厅",
	"370000":     "山东省工业和信息化厅",
	"410000":     "河南省工业和信息化厅",
	"420000":     "湖北省经济和信息化厅",
	"430000":     "湖南省工业和信息化厅",
	"440000":     "广东省工业和信息化厅",
	"450000":     "广西壮族自治区工业和信息化厅",
	"460000":     "海南省工业和信息化厅",
	"500000":     "重庆市经济和信息化委员会",
	"510000":     "四川省经济和信息化厅",
	"520000":     "贵州省工业和信息化厅",
	"530000":     "云南省工业和信息化厅",
	"540000":     "西藏自治区经济和信息化厅",
	"610000":     "陕西省工业和信息化厅",
	"620000":     "甘肃省工业和信息化厅",
	"630000":     "青海省工业和信息化厅",
	"640000":     "宁夏回族自治区工业和信息化厅",
	"650000":     "新疆维吾尔自治区工业和信息化厅",
	BingtuanCode: "新疆生产建设兵团工业和信息化局",
}

// DepartmentFor is the department name a case keeps when its province is set to
// newCode (from oldCode): a change of province never keeps the old name (it named
// another province's body) and takes the new province's body from the table; the same
// province keeps the officer's text unless it is empty or the placeholder
// “××工业和信息化主管部门” that earlier versions invented.
func DepartmentFor(current, oldCode, newCode string) string {
	if oldCode != newCode || current == "" || isPlaceholderBody(current) {
		return RecommendingBodies[newCode]
	}
	return current
}

// isPlaceholderBody reports the invented name earlier versions filled in.
func isPlaceholderBody(s string) bool {
	return strings.HasSuffix(s, "工业和信息化主管部门")
}

// Field limits of the settings: the longest real body name has 15 characters
// (新疆维吾尔自治区工业和信息化厅), a 附注 line holds about 26; longer text is a paste
// gone wrong and would widen the window and spill the letter.
const (
	MaxDepartmentChars = 40
	MaxContactChars    = 30
	MaxPhoneChars      = 60
)

// CheckSettings says what is wrong with typed settings, naming the field.
func CheckSettings(st Settings) error {
	for _, f := range []struct {
		name, v string
		max     int
	}{{"推荐单位名称", st.Department, MaxDepartmentChars}, {"联系人", st.Contact, MaxContactChars}, {"联系电话", st.Phone, MaxPhoneChars}} {
		if n := len([]rune(f.v)); n > f.max {
			return fmt.Errorf("%s有 %d 个字，最多 %d 个字，请删减", f.name, n, f.max)
		}
	}
	if st.Phone != "" {
		digits := 0
		for _, r := range st.Phone {
			switch {
			case r >= '0' && r <= '9' || r >= '０' && r <= '９':
				digits++
			case strings.ContainsRune(" -－—()（）、，,/;；：:+转传真手机办公室", r):
			default:
				return fmt.Errorf("联系电话“%s”含有“%c”：请只写号码（可写区号-号码，多个号码用、分隔，如 0531-86000001、13912345678）", st.Phone, r)
			}
		}
		if digits < 7 {
			return fmt.Errorf("联系电话“%s”不像电话号码（至少 7 位数字），请写区号-号码或手机号", st.Phone)
		}
	}
	return nil
}
