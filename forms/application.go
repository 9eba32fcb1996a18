package forms

import (
	"fmt"
	"strings"
	"time"
)

// DraftEventsSection drafts the text of the application's section 四（其他说明事项,
// Section.FromEvents) for a unit from its negative-event register: whether, in the
// “近三年” window of the campaign as of exportDay (Campaign.EventWindow), any 重大 or
// 特别重大 production-safety accident or environmental emergency, or a social incident
// with 恶劣影响, happened, followed by a numbered list of every event inside the
// window with its grade and basis. Events outside the window are not mentioned. The
// text is a draft for the officer to edit; it never hides an excluding event.
func DraftEventsSection(c *Case, unitCode string, exportDay time.Time) string {
	name := unitCode
	if u, ok := c.Unit(unitCode); ok {
		name = u.Name
	}
	if c.Campaign == nil {
		return ""
	}
	from, to := c.Campaign.EventWindow(exportDay)
	period := fmt.Sprintf("%s（%s至%s）", c.Campaign.Recent(), cnDate(from), cnDate(to))
	var in []EventFinding
	excluding := 0
	for _, f := range c.Findings(unitCode, exportDay) {
		if !f.InWindow {
			continue
		}
		in = append(in, f)
		if f.Excludes {
			excluding++
		}
	}
	// Oldest first reads naturally in a report; Findings is newest first.
	for i, j := 0, len(in)-1; i < j; i, j = i+1, j-1 {
		in[i], in[j] = in[j], in[i]
	}
	var b strings.Builder
	sc, screened := c.Screening(unitCode)
	switch {
	case !screened:
		// No “经核查” without a recorded screening (issue 11 point 7).
		fmt.Fprintf(&b, "（尚未记录对%s%s负面情况的核查，本节待核查后生成。）", name, c.Campaign.Recent())
		if len(in) > 0 {
			fmt.Fprintf(&b, "负面情况登记中%s%s的事件如下：", name, period)
		}
	case excluding == 0:
		fmt.Fprintf(&b, "经核查（%s），%s%s，本行政区域内%s。", screeningBasis(sc), name, period, CleanRecord)
		if len(in) > 0 {
			b.WriteString("期间登记的其他事件如下：")
		}
	default:
		fmt.Fprintf(&b, "经核查（%s），%s%s，本行政区域内发生下列事件，其中 %d 起属于重大、特大安全生产事故，重大、特大环境事故或造成恶劣影响的社会事件：", screeningBasis(sc), name, period, excluding)
	}
	for i, f := range in {
		fmt.Fprintf(&b, "\n%d. %s", i+1, describeForApplication(f))
	}
	return b.String()
}

// CleanRecord is the condition of 办法 第六/七条（六） in its own words.
const CleanRecord = "未发生重大、特大安全生产事故，重大、特大环境事故，未发生造成恶劣影响的社会事件"

func screeningBasis(sc Screening) string {
	return fmt.Sprintf("会同%s，%s，%s", sc.Departments, cnDate(mustDate(sc.Date)), sc.Basis)
}

func mustDate(s string) time.Time {
	d, _ := ParseDate(s)
	return d
}

// NoAccidentStatement is the sentence the 推荐函 may print for a recommended city: it
// states 办法 第六/七条（六） as checked (“经核查”) only when the screening is recorded
// and no registered event excludes the city; ok is false otherwise and nothing may be
// said.
func NoAccidentStatement(c *Case, code string, exportDay time.Time) (string, bool) {
	return NoAccidentStatements(c, []string{code}, exportDay)
}

// NoAccidentStatements is NoAccidentStatement for the units a letter recommends, in one
// sentence (“经核查，甲、乙近三年均未发生…”) naming those for which it holds; ok is false
// when it holds for none.
func NoAccidentStatements(c *Case, codes []string, exportDay time.Time) (string, bool) {
	ex := c.Exclusions(exportDay)
	var names []string
	for _, code := range codes {
		if _, ok := c.Screening(code); !ok || len(ex[code]) > 0 {
			continue
		}
		name := code
		if u, ok := c.Unit(code); ok {
			name = u.FullName()
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return "", false
	}
	all := ""
	if len(names) > 1 {
		all = "均"
	}
	// The letter's one page has room for one line less than CleanRecord takes; the
	// same condition, both kinds of accident qualified by 重大、特大.
	return "经核查，" + strings.Join(names, "、") + c.Campaign.Recent() + all + "未发生重大、特大安全生产事故和环境事故及造成恶劣影响的社会事件。", true
}

func describeForApplication(f EventFinding) string {
	e := f.Event
	s := fmt.Sprintf("%s，%s“%s”", cnDate(Day(e.Date)), e.Kind.Label(), e.Title)
	if e.Kind == EventSocial {
		if e.Severe {
			s += "，造成恶劣影响"
			if e.Basis != "" {
				s += "（" + e.Basis + "）"
			}
		} else {
			s += "，未造成恶劣影响"
		}
		return s + "。"
	}
	if f.Grade.String() != "" {
		s += "，属" + f.Grade.String() + kindNoun(e.Kind)
	}
	if e.Official.String() != "" {
		s += "（认定等级：" + e.Official.String()
		if e.OfficialDoc != "" {
			s += "，" + e.OfficialDoc
		}
		s += "）"
	}
	if f.Computed.Basis != "" {
		s += "，依据" + f.Computed.Basis
	}
	return s + "。"
}

func kindNoun(k EventKind) string {
	if k == EventEnvironment {
		return "突发环境事件"
	}
	return "事故"
}

func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
