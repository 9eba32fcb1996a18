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
	period := fmt.Sprintf("近三年（%s至%s）", cnDate(from), cnDate(to))
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
	const clean = "未发生重大、特别重大安全生产事故，未发生重大、特别重大突发环境事件，未发生造成恶劣影响的社会事件"
	var b strings.Builder
	switch {
	case len(in) == 0:
		fmt.Fprintf(&b, "经核查，%s%s，本行政区域内%s，未发生其他已登记的安全生产事故、突发环境事件和社会事件。", name, period, clean)
		return b.String()
	case excluding == 0:
		fmt.Fprintf(&b, "经核查，%s%s，本行政区域内%s。期间发生的其他事件如下：", name, period, clean)
	default:
		fmt.Fprintf(&b, "经核查，%s%s，本行政区域内发生下列事件，其中 %d 起属于重大及以上安全生产事故、突发环境事件或造成恶劣影响的社会事件：", name, period, excluding)
	}
	for i, f := range in {
		fmt.Fprintf(&b, "\n%d. %s", i+1, describeForApplication(f))
	}
	return b.String()
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
