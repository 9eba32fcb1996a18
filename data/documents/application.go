package documents

import (
	"fmt"
	"strings"
	"time"

	"tuijian/forms"
)

// EmptySection is printed for a section of the 申报书 that has no text yet.
const EmptySection = "（此部分尚未填写）"

// SectionText returns the text of one outline section as the 申报书 prints it: the
// stored text, or for the section drafted from the negative-event register
// (Section.FromEvents) with no text the draft of forms.DraftEventsSection, or "" when
// nothing is there.
func SectionText(c *forms.Case, code string, sec forms.Section, texts map[string]string, exportDay time.Time) string {
	t := strings.TrimSpace(texts[sec.Key])
	if t == "" && sec.FromEvents {
		t = forms.DraftEventsSection(c, code, exportDay)
	}
	return t
}

// applicationParas is the 申报书 in the outline of 附件1/附件2.
func applicationParas(in Input, ch chosen, texts map[string]string) []para {
	c := in.Case
	var ps []para
	if c.Settings.Demo {
		ps = append(ps, para{Kind: kDemo, Text: demoNote})
	}
	ps = append(ps,
		para{Kind: kAnnex, Text: AnnexApplication},
		para{Kind: kTitle, Text: ch.unit.FullName() + "\n" + applicationTitle(ch.m), Gap: 1},
		para{Kind: kCenter, Text: ch.unit.ApplicantLabel() + "：" + ch.unit.FullName(), Gap: 1},
		para{Kind: kCenter, Text: "推荐单位：" + department(c)},
		para{Kind: kCenter, Text: cnDate(in.Date)},
	)
	first := true
	var walk func(ss []forms.Section, level int)
	walk = func(ss []forms.Section, level int) {
		for _, s := range ss {
			k := kH1
			if level > 0 {
				k = kH2
			}
			gap := 0.0
			if first {
				gap = 1
				first = false
			}
			ps = append(ps, para{Kind: k, Text: s.Heading(), Gap: gap})
			t := SectionText(c, ch.unit.Code, s, texts, in.ExportDay)
			switch {
			case t != "":
				ps = append(ps, bodyParas(t)...)
			case len(s.Children) == 0:
				ps = append(ps, para{Kind: kBody, Text: EmptySection})
			}
			if s.FromEvents {
				// 办法 第十一条: the ministry scores a 国务院大督查通报表扬; 其他说明事项 says so.
				for _, x := range c.CommendationsOf(ch.unit.Code) {
					ps = append(ps, para{Kind: kBody, Text: CommendationText(ch.unit.Name, x)})
				}
			}
			walk(s.Children, level+1)
		}
	}
	walk(ch.m.Outline, 0)
	return ps
}

// declarationParas is the declaration of 办法 第八条（三）.
func declarationParas(in Input, ch chosen) []para {
	c := in.Case
	dept := department(c)
	var ps []para
	if c.Settings.Demo {
		ps = append(ps, para{Kind: kDemo, Text: demoNote})
	}
	stats := ""
	verified := func(v forms.Verifier) bool {
		return allFor(ch, func(code string) bool { return statsVerified(c, ch.m, code, v) })
	}
	if verified(forms.VerifierStats) {
		stats = fmt.Sprintf("推荐表中已纳入统计体系的指标数据已经%s统计局审核；", c.Province.Name)
	}
	if verified(forms.VerifierTelecom) {
		stats += fmt.Sprintf("通信业数据已经%s确认；", telecomAdmin(c.Province))
	}
	approval := c.Approval(ch.m.ID)
	consent := ""
	if ch.m.GovernmentConsent && allFor(ch, approval.GovFor) {
		consent = fmt.Sprintf("推荐结果已报经%s同意", government(c.Province))
		if approval.GovDocNo != "" {
			consent += "（" + approval.GovDocNo + "）"
		}
		consent += "；"
	}
	ps = append(ps,
		para{Kind: kAnnex, Text: AnnexDeclaration},
		para{Kind: kTitle, Text: "推荐材料真实性、合规性声明"},
		para{Kind: kPlain, Text: "工业和信息化部：", Gap: 1},
		para{Kind: kBody, Text: fmt.Sprintf("根据《%s》（%s）和《%s》%s的要求，我单位推荐%s为%d年度%s，并报送申报书、推荐表、推荐函等申报材料%s。",
			c.Campaign.NoticeTitle, c.Campaign.Notice, c.Campaign.Rules, c.Campaign.MaterialsArticle, ch.allNames(), c.Campaign.Year, ch.m.Name, discWords(c.Campaign))},
		para{Kind: kBody, Text: fmt.Sprintf("我单位郑重声明：所报送的全部申报材料真实、准确、完整，申报材料中的有关数据以各级统计机关公开数据为准；%s推荐工作按照《实施办法》规定的条件和程序开展，%s%s，符合有关规定。如有虚假，我单位愿按照《实施办法》%s的规定承担相应责任。",
			stats, consent, paperWords(c.Campaign), c.Campaign.PenaltyArticle)},
		para{Kind: kBody, Text: "特此声明。"},
		para{Kind: kRight, Text: "推荐单位（盖章）：" + dept, Right: 2, Gap: 1},
		para{Kind: kRight, Text: cnDate(in.Date), Right: 4},
	)
	return ps
}

// discWords and paperWords follow the campaign's materials: a CD with the paper set
// (every notice since 2016), the copies of the paper set.
func discWords(c *forms.Campaign) string {
	if c.Disc {
		return "及其电子版光盘"
	}
	return ""
}

func paperWords(c *forms.Campaign) string {
	if c.Disc {
		return "纸质材料与电子版内容一致"
	}
	return "各份纸质材料内容一致"
}

// applicationTitle breaks the title as 附件1/附件2 do: the measure's name, then
// “申报书”; a name too long for one line of 2号 type breaks before “市（州）”.
func applicationTitle(m *forms.Measure) string {
	name := m.Name
	if len([]rune(name)) <= 19 {
		return name + "\n申报书"
	}
	if i := strings.LastIndex(name, "市（州）"); i > 0 {
		return name[:i] + "\n" + name[i:] + "申报书"
	}
	return name + "申报书"
}

// CommendationText is the sentence of the 申报书 for a commendation (办法 第十一条).
func CommendationText(name string, x forms.Commendation) string {
	d, err := forms.ParseDate(x.Date)
	date := x.Date
	if err == nil {
		date = cnDate(d)
	}
	t := fmt.Sprintf("%s工业和信息化领域典型经验做法获国务院大督查通报表扬（%s，%s）", name, x.DocNo, date)
	if strings.TrimSpace(x.Title) != "" {
		t += "：" + strings.TrimSpace(x.Title)
	}
	return strings.TrimSuffix(t, "。") + "。"
}
