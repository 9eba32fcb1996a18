package forms

// UnitType is the administrative kind of a unit that may be recommended (办法 第五条).
type UnitType string

const (
	TypeCity       UnitType = "地级市"
	TypePrefecture UnitType = "自治州"
	TypeArea       UnitType = "地区"
	TypeLeague     UnitType = "盟"
	// TypeMunicipalDistrict is a district or county of a 直辖市 (办法 第五条).
	TypeMunicipalDistrict UnitType = "直辖市辖区/县"
	// TypeBingtuanCity is a 师市 of 新疆生产建设兵团 (county-level city, code 6590xx).
	TypeBingtuanCity UnitType = "兵团师市"
)

// Region is the four-region division of 国家统计局 (2011) used by 办法 第十一条.
type Region string

const (
	RegionEast      Region = "东部"
	RegionCentral   Region = "中部"
	RegionWest      Region = "西部"
	RegionNortheast Region = "东北"
)

// BingtuanCode is the code Tuijian uses for 新疆生产建设兵团 as a recommending unit.
// GB/T 2260 gives the 兵团 no code of its own; 66 is the prefix in common use.
const BingtuanCode = "660000"

// Province is a recommending unit (推荐单位): a province-level division or the 兵团.
type Province struct {
	Code         string // six digits, e.g. "370000"; BingtuanCode for the 兵团
	Name         string // e.g. "山东省"
	Region       Region
	Municipality bool // 直辖市: its districts/counties are the candidates
	Bingtuan     bool
}

// Unit is a division that can be a candidate city (市（州）).
type Unit struct {
	Code         string // six digits, e.g. "370200"
	Name         string // e.g. "青岛市"
	ProvinceCode string // the recommending unit it belongs to
	Type         UnitType
	PlanCity     bool // 计划单列市, recommended inside its province (通知 item 二)
	Region       Region
}
