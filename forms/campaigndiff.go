package forms

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// DiffCampaigns lists, in Chinese and in the order of the file, what changed from
// definition a to definition b: the notice, the timetable, the rules, the materials,
// measures added or removed, and per measure its quota, approvals, indicators (added,
// removed, relabelled, re-kinded), clauses and outline. Empty when the two define the
// same campaign. The officer reads it before accepting a new file (设置, campaign diff).
func DiffCampaigns(a, b *Campaign) []string {
	d := &differ{}
	add, str, num := d.add, d.str, d.num
	num("年度", a.Year, b.Year)
	str("通知文号", a.Notice, b.Notice)
	str("通知标题", a.NoticeTitle, b.NoticeTitle)
	str("发文机关", a.Issuer, b.Issuer)
	str("成文日期", a.NoticeDate, b.NoticeDate)
	str("实施办法", a.Rules, b.Rules)
	str("依据", a.Basis, b.Basis)
	str("通知文本 SHA-256", a.NoticeSHA256, b.NoticeSHA256)
	str("通知文本出处", a.NoticeSource, b.NoticeSource)
	str("报送截止日期", dateText(a.Deadline), dateText(b.Deadline))
	num("指标年份", yearsText(a.Years), yearsText(b.Years))
	num("负面情况年数（近N年）", a.EventYears, b.EventYears)
	num("负面情况延至报送之日", yesNo(a.EventsThroughExport), yesNo(b.EventsThroughExport))
	num("重大事故一票否决", yesNo(a.EventExclusion), yesNo(b.EventExclusion))
	num("统计局审核统计数据", yesNo(a.StatisticsVerification), yesNo(b.StatisticsVerification))
	str("主送机关", a.Addressee, b.Addressee)
	num("纸质材料份数", a.PaperCopies, b.PaperCopies)
	num("随附光盘", yesNo(a.Disc), yesNo(b.Disc))
	str("推荐材料条款", a.MaterialsArticle, b.MaterialsArticle)
	str("弄虚作假条款", a.PenaltyArticle, b.PenaltyArticle)
	for _, ma := range a.Measures {
		if _, err := b.Measure(ma.ID); err != nil {
			add("删除措施 %s（%s）", ma.ID, ma.Short)
		}
	}
	for i := range b.Measures {
		mb := &b.Measures[i]
		ma, err := a.Measure(mb.ID)
		if err != nil {
			add("新增措施 %s（%s），最多推荐 %d 个", mb.ID, mb.Short, mb.Quota.Max)
			continue
		}
		d.out = append(d.out, diffMeasure(ma, mb)...)
	}
	return d.out
}

// differ collects the lines of a diff, each after prefix.
type differ struct {
	prefix string
	out    []string
}

func (d *differ) add(format string, args ...any) {
	d.out = append(d.out, d.prefix+fmt.Sprintf(format, args...))
}

// str notes a changed text, “（无）” for an empty one.
func (d *differ) str(what, x, y string) {
	if x != y {
		d.add("%s：%s → %s", what, orNone(x), orNone(y))
	}
}

// num notes a changed value of any other kind.
func (d *differ) num(what string, x, y any) {
	if x != y {
		d.add("%s：%v → %v", what, x, y)
	}
}

func diffMeasure(a, b *Measure) []string {
	d := &differ{prefix: fmt.Sprintf("措施 %s（%s）", b.ID, b.Short)}
	add, str := d.add, d.str
	if a.Seq != b.Seq {
		add("的次序：第 %d 项 → 第 %d 项", a.Seq, b.Seq)
	}
	str("名称", a.Name, b.Name)
	str("简称", a.Short, b.Short)
	str("条款", a.Article, b.Article)
	str("申报书附件", a.Application, b.Application)
	str("推荐表附件", a.TableAnnex, b.TableAnnex)
	str("推荐表标题", a.TableTitle, b.TableTitle)
	if a.Quota.Max != b.Quota.Max {
		add("最多推荐（max_choices）：%d → %d", a.Quota.Max, b.Quota.Max)
	}
	str("名额", a.Quota.Text(), b.Quota.Text())
	str("需要的同意", approvalsText(a), approvalsText(b))
	for _, in := range a.Indicators {
		if _, ok := b.Indicator(in.ID); !ok {
			add("删除指标 %s“%s”", in.ID, in.Label)
		}
	}
	for _, in := range b.Indicators {
		old, ok := a.Indicator(in.ID)
		if !ok {
			add("新增指标 %s“%s”", in.ID, in.Label)
			continue
		}
		q := "指标 " + in.ID + " 的"
		str(q+"名称", old.Label, in.Label)
		str(q+"单位", old.Unit, in.Unit)
		str(q+"类型", old.Kind.String(), in.Kind.String())
		str(q+"审核方", string(old.Verifier), string(in.Verifier))
		if old.HigherIsBetter != in.HigherIsBetter {
			add("指标 %s 的方向：%s → %s", in.ID, betterText(old.HigherIsBetter), betterText(in.HigherIsBetter))
		}
		str(q+"年份", fmt.Sprint(old.Years), fmt.Sprint(in.Years))
		str(q+"备注", old.Remark, in.Remark)
		str(q+"说明", old.Help, in.Help)
	}
	clauses := func(m *Measure) map[string]Clause {
		out := map[string]Clause{}
		for _, c := range m.Clauses {
			out[c.Key] = c
		}
		return out
	}
	ca, cb := clauses(a), clauses(b)
	for _, c := range a.Clauses {
		if _, ok := cb[c.Key]; !ok {
			add("删除基本条件%s", c.Number)
		}
	}
	for _, c := range b.Clauses {
		old, ok := ca[c.Key]
		switch {
		case !ok:
			add("新增基本条件%s：%s", c.Number, c.Text)
		case old.Number != c.Number || old.Text != c.Text || old.FromEvents != c.FromEvents || !slices.Equal(old.Indicators, c.Indicators):
			add("基本条件%s改为：%s（依据指标 %s）", c.Number, c.Text, orNone(strings.Join(c.Indicators, "、")))
		}
	}
	sections := func(m *Measure) map[string]Section {
		out := map[string]Section{}
		for _, s := range m.Sections() {
			out[s.Key] = s
		}
		return out
	}
	sa, sb := sections(a), sections(b)
	for _, s := range a.Sections() {
		if _, ok := sb[s.Key]; !ok {
			add("申报书删除一节：%s", s.Heading())
		}
	}
	for _, s := range b.Sections() {
		old, ok := sa[s.Key]
		switch {
		case !ok:
			add("申报书新增一节：%s", s.Heading())
		case old.Heading() != s.Heading():
			add("申报书一节改名：%s → %s", old.Heading(), s.Heading())
		case old.Guidance != s.Guidance || old.FromEvents != s.FromEvents:
			add("申报书一节的要求改变：%s", s.Heading())
		}
	}
	if !slices.Equal(a.LeadingIndustries, b.LeadingIndustries) {
		add("的主导产业表改变")
	}
	return d.out
}

func orNone(s string) string {
	if s == "" || s == "[]" {
		return "（无）"
	}
	return s
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func yearsText(y [2]int) string { return fmt.Sprintf("%d、%d", y[0], y[1]) }

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func betterText(higher bool) string {
	if higher {
		return "越高越好"
	}
	return "越低越好"
}

func approvalsText(m *Measure) string {
	var s []string
	if m.GovernmentConsent {
		s = append(s, "省级人民政府同意")
	}
	if m.TelecomConcurrence {
		s = append(s, "通信管理局会同")
	}
	return strings.Join(s, "、")
}
