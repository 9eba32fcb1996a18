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
	// TypeCounty is a county-level division (县, 县级市, 市辖区, 旗…) of a province's
	// prefecture, a candidate only in campaigns whose measures accept the county level
	// (the 2017 notice: “县级行政区不超过1个”).
	TypeCounty UnitType = "县级行政区"
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
	// Parent is the prefecture a county-level unit (TypeCounty) belongs to, "" else.
	Parent string `json:",omitempty"`
	// ParentName is the prefecture's name, to tell apart counties of the same name.
	ParentName string `json:",omitempty"`
}

// Level is the administrative level the unit is recommended at: LevelCounty for a
// county of a province's prefecture, LevelPrefecture for every other unit (the
// districts of a 直辖市 and the 兵团's 师市 stand at the prefecture level, 办法 第五条).
func (u Unit) Level() Level {
	if u.Type == TypeCounty {
		return LevelCounty
	}
	return LevelPrefecture
}

// FullName is the name with its prefecture for a county (“济南市历城区”).
func (u Unit) FullName() string {
	if u.Type == TypeCounty && u.ParentName != "" {
		return u.ParentName + u.Name
	}
	return u.Name
}

// ApplicantLabel is the 申报书 cover's label of the applying unit.
func (u Unit) ApplicantLabel() string {
	if u.Type == TypeCounty {
		return "申报县（市、区）"
	}
	return "申报市（州）"
}
