package forms

import (
	"sort"
	"strings"
)

// UnitMention is how often a text names a unit (full or short name).
type UnitMention struct {
	Unit  Unit
	Count int
}

// unitSuffixes are cut from a name to get the short form a city's own text uses
// (青岛市 → 青岛, 克孜勒苏柯尔克孜自治州 → 克孜勒苏柯尔克孜); longest first.
var unitSuffixes = []string{"自治州", "地区", "林区", "市", "盟", "区", "县"}

// ShortUnitName is the name without its administrative suffix, or the name itself
// when that would leave fewer than two characters.
func ShortUnitName(name string) string {
	for _, s := range unitSuffixes {
		if short, ok := strings.CutSuffix(name, s); ok && len([]rune(short)) >= 2 {
			return short
		}
	}
	return name
}

// MentionedUnits counts, for each unit, how often the text names it, most named
// first; units not named are left out. Full names are counted first (longest first,
// each occurrence removed so that 巴音郭楞蒙古自治州 is not also counted as a shorter
// name inside it), then short names that only one of the units has (朝阳区 and 朝阳市
// share 朝阳: only their full names count).
func MentionedUnits(text string, units []Unit) []UnitMention {
	byLen := func(name func(Unit) string) []Unit {
		order := append([]Unit(nil), units...)
		sort.SliceStable(order, func(i, j int) bool { return len(name(order[i])) > len(name(order[j])) })
		return order
	}
	shortOf := func(u Unit) string { return ShortUnitName(u.Name) }
	shared := map[string]int{}
	for _, u := range units {
		shared[shortOf(u)]++
	}
	counts := map[string]int{}
	for _, u := range byLen(func(u Unit) string { return u.Name }) {
		counts[u.Code] += strings.Count(text, u.Name)
		text = strings.ReplaceAll(text, u.Name, "□")
	}
	for _, u := range byLen(shortOf) {
		if short := shortOf(u); short != u.Name && shared[short] == 1 {
			counts[u.Code] += strings.Count(text, short)
			text = strings.ReplaceAll(text, short, "□")
		}
	}
	var out []UnitMention
	for _, u := range units {
		if counts[u.Code] > 0 {
			out = append(out, UnitMention{Unit: u, Count: counts[u.Code]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// OtherUnitNamed reports the unit a text seems to be about when that is not want: it
// names another unit at least three times and more than twice as often as want.
func OtherUnitNamed(text string, units []Unit, want string) (UnitMention, int, bool) {
	ms := MentionedUnits(text, units)
	own := 0
	for _, m := range ms {
		if m.Unit.Code == want {
			own = m.Count
		}
	}
	if len(ms) == 0 || ms[0].Unit.Code == want || ms[0].Count < 3 || ms[0].Count <= 2*own {
		return UnitMention{}, own, false
	}
	return ms[0], own, true
}

// MostNamed is the index of the unit among candidates that text names most often
// (counted against all the province's units, so that a longer name is not counted
// for a shorter one); false when none is named or two are named equally often.
func MostNamed(text string, all, candidates []Unit) (int, bool) {
	count := map[string]int{}
	for _, m := range MentionedUnits(text, all) {
		count[m.Unit.Code] = m.Count
	}
	best, second := -1, 0
	for i, u := range candidates {
		n := count[u.Code]
		switch {
		case best < 0 || n > count[candidates[best].Code]:
			if best >= 0 {
				second = count[candidates[best].Code]
			}
			best = i
		case n > second:
			second = n
		}
	}
	return best, best >= 0 && count[candidates[best].Code] > second
}

// AssignByMention sorts texts (a folder of 申报书) to the candidates they are about:
// byCandidate[i] lists the texts that name candidate i most (MostNamed), none lists
// the texts that name no candidate clearly. More than one text for a candidate is for
// the caller to refuse: which one is meant cannot be told from the names.
func AssignByMention(texts []string, all, candidates []Unit) (byCandidate [][]int, none []int) {
	byCandidate = make([][]int, len(candidates))
	for t, text := range texts {
		if i, ok := MostNamed(text, all, candidates); ok {
			byCandidate[i] = append(byCandidate[i], t)
		} else {
			none = append(none, t)
		}
	}
	return byCandidate, none
}
