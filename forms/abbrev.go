package forms

import "fmt"

// provinceAbbrev is the one-character short name (简称) each recommending unit uses at
// the head of its document numbers (粤统函, 川府函…); 兵团 writes 兵. Source: the
// short names of the provincial-level divisions as listed by the Ministry of Civil
// Affairs; where two are in use (川/蜀, 贵/黔, 云/滇, 陕/秦, 甘/陇) the one of
// government document numbers is taken.
var provinceAbbrev = map[string]string{
	"110000": "京", "120000": "津", "130000": "冀", "140000": "晋", "150000": "内",
	"210000": "辽", "220000": "吉", "230000": "黑", "310000": "沪", "320000": "苏",
	"330000": "浙", "340000": "皖", "350000": "闽", "360000": "赣", "370000": "鲁",
	"410000": "豫", "420000": "鄂", "430000": "湘", "440000": "粤", "450000": "桂",
	"460000": "琼", "500000": "渝", "510000": "川", "520000": "黔", "530000": "云",
	"540000": "藏", "610000": "陕", "620000": "甘", "630000": "青", "640000": "宁",
	"650000": "新", BingtuanCode: "兵",
}

// ProvinceAbbrev is the short name of a recommending unit for document numbers, or
// "××" when the code is not one of them.
func ProvinceAbbrev(code string) string {
	if a, ok := provinceAbbrev[code]; ok {
		return a
	}
	return "××"
}

// DocNoExample is an example document number of the province for placeholders: kind
// is the issuer's part (统函, 政字, 工信函), year the year it would be issued in.
func DocNoExample(code, kind string, year, n int) string {
	return fmt.Sprintf("%s%s〔%d〕%d号", ProvinceAbbrev(code), kind, year, n)
}
