package forms

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"tuijian/forms/value"
)

// The campaign definition file (issue 16): one JSON document per campaign, described
// by CampaignSchema (campaign.schema.json) and read by DecodeCampaign, which checks
// every rule of the schema and those a schema cannot say (references between parts,
// sums, one 主导产业 table) and names each fault by its JSON path and line, in Chinese.
// EncodeCampaign writes the same format back. A definition that is refused changes
// nothing: callers decode before they store.
//
// Why this format lives in forms and not in data/ like the others: the definition is
// the domain's own rules, read with the standard library only, and forms must load its
// built-in campaigns (and its tests theirs) without importing data/, which imports
// forms.

// CampaignFormat names the format of a definition file; a later, incompatible format
// gets a new name.
const CampaignFormat = "tuijian-campaign/1"

// Fault is one thing wrong in a definition file.
type Fault struct {
	Path string // JSON path, e.g. $.measures[1].indicators[3].kind
	Line int    // 1-based line in the file, 0 when unknown
	Msg  string // Chinese: what is wrong and what is expected
}

func (f Fault) String() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s（第 %d 行）：%s", f.Path, f.Line, f.Msg)
	}
	return f.Path + "：" + f.Msg
}

// DefinitionError lists the faults of a definition file, at most maxFaults of them.
type DefinitionError struct {
	Faults []Fault
	More   int // faults found beyond those listed
}

const maxFaults = 20

func (e *DefinitionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "督查激励定义文件有 %d 处错误，未采用：", len(e.Faults)+e.More)
	for _, f := range e.Faults {
		b.WriteString("\n  ")
		b.WriteString(f.String())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  ……另有 %d 处", e.More)
	}
	return b.String()
}

// defReader walks a parsed definition and collects faults.
type defReader struct {
	src    []byte
	faults []Fault
	more   int
}

func (r *defReader) fault(n *jsonNode, path, format string, args ...any) {
	if len(r.faults) >= maxFaults {
		r.more++
		return
	}
	line := 0
	if n != nil {
		line = lineOf(r.src, n.offset)
	}
	r.faults = append(r.faults, Fault{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// object is a JSON object's members by key, with its path and node for messages.
type object struct {
	r    *defReader
	node *jsonNode
	path string
	m    map[string]*jsonNode
}

// obj checks that n is an object holding only the given keys and returns it; nil when
// n is not an object (the fault is recorded).
func (r *defReader) obj(n *jsonNode, path string, keys ...string) *object {
	if n.kind != jsonObject {
		r.fault(n, path, "应为%s，实为%s", jsonObject.label(), n.kind.label())
		return nil
	}
	o := &object{r: r, node: n, path: path, m: map[string]*jsonNode{}}
	for _, mem := range n.members {
		if !slices.Contains(keys, mem.key) {
			r.fault(mem.node, path+"."+mem.key, "未知字段“%s”：此处可用的字段为 %s", mem.key, strings.Join(keys, "、"))
			continue
		}
		o.m[mem.key] = mem.node
	}
	return o
}

func (o *object) at(key string) string { return o.path + "." + key }

// get returns the member, recording a fault when a required one is missing.
func (o *object) get(key string, required bool) *jsonNode {
	if o == nil {
		return nil
	}
	n, ok := o.m[key]
	if !ok && required {
		o.r.fault(o.node, o.at(key), "缺少必填字段“%s”", key)
	}
	return n
}

func (o *object) str(key string, required bool) string {
	n := o.get(key, required)
	if n == nil {
		return ""
	}
	if n.kind != jsonString {
		o.r.fault(n, o.at(key), "应为%s，实为%s", jsonString.label(), n.kind.label())
		return ""
	}
	s := strings.TrimSpace(n.str)
	if required && s == "" {
		o.r.fault(n, o.at(key), "不能为空")
	}
	if s != n.str {
		o.r.fault(n, o.at(key), "首尾不能有空白")
	}
	return s
}

func (o *object) integer(key string, required bool, lo, hi int) int {
	n := o.get(key, required)
	if n == nil {
		return 0
	}
	if n.kind != jsonNumber {
		o.r.fault(n, o.at(key), "应为整数，实为%s", n.kind.label())
		return 0
	}
	i, err := n.num.Int64()
	if err != nil {
		o.r.fault(n, o.at(key), "应为整数，实为“%s”", n.num)
		return 0
	}
	if i < int64(lo) || i > int64(hi) {
		o.r.fault(n, o.at(key), "%d 超出范围：应在 %d 到 %d 之间", i, lo, hi)
		return 0
	}
	return int(i)
}

func (o *object) boolean(key string, required bool) bool {
	n := o.get(key, required)
	if n == nil {
		return false
	}
	if n.kind != jsonBool {
		o.r.fault(n, o.at(key), "应为%s，实为%s", jsonBool.label(), n.kind.label())
		return false
	}
	return n.boolean
}

// array returns the items of an array member with their paths.
func (o *object) array(key string, required bool, minItems, maxItems int) ([]*jsonNode, []string) {
	n := o.get(key, required)
	if n == nil {
		return nil, nil
	}
	if n.kind != jsonArray {
		o.r.fault(n, o.at(key), "应为%s，实为%s", jsonArray.label(), n.kind.label())
		return nil, nil
	}
	if len(n.items) < minItems || len(n.items) > maxItems {
		if minItems == maxItems {
			o.r.fault(n, o.at(key), "应有 %d 项，实有 %d 项", minItems, len(n.items))
		} else {
			o.r.fault(n, o.at(key), "应有 %d 到 %d 项，实有 %d 项", minItems, maxItems, len(n.items))
		}
	}
	paths := make([]string, len(n.items))
	for i := range n.items {
		paths[i] = fmt.Sprintf("%s[%d]", o.at(key), i)
	}
	return n.items, paths
}

// enum reads a string member that must be one of the given names.
func (o *object) enum(key string, required bool, names []string) string {
	s := o.str(key, required)
	if s != "" && !slices.Contains(names, s) {
		o.r.fault(o.m[key], o.at(key), "“%s”不是可用的取值：应为 %s 之一", s, strings.Join(names, "、"))
		return ""
	}
	return s
}

func (o *object) date(key string, required bool) (time.Time, string) {
	s := o.str(key, required)
	if s == "" {
		return time.Time{}, ""
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		o.r.fault(o.m[key], o.at(key), "“%s”不是日期：应写为 YYYY-MM-DD，如 2022-02-14", s)
		return time.Time{}, ""
	}
	return t, s
}

// Names of the enumerated values as the file writes them.
var (
	kindIDs = map[string]value.Kind{
		"growth": value.Growth, "share": value.Share, "coverage": value.Coverage, "count": value.Count,
		"count_pair": value.CountPair, "yes_no": value.YesNo, "number": value.Number, "signed_number": value.SignedNumber,
	}
	verifierIDs = map[string]Verifier{"stats": VerifierStats, "telecom": VerifierTelecom, "ministry_list": VerifierMinistryList}
	levelIDs    = []string{string(LevelPrefecture), string(LevelCounty)}
	approvalIDs = []string{"government", "telecom"}
)

func sortedKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

var (
	measureIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)
	keyPattern       = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	articlePattern   = regexp.MustCompile(`^第[一二三四五六七八九十百零〇]+条$`)
)

// industryColumnKeys are the columns of the 主导产业 sub-table: the data file stores
// exactly these (store: table industries), so a definition may relabel them but not
// add or drop one.
var industryColumnKeys = []string{"name", "share", "growth", "revenue", "profit"}

// DecodeCampaign reads and checks a definition file. Any fault refuses the whole file
// with a *DefinitionError naming each fault by JSON path and line.
func DecodeCampaign(b []byte) (*Campaign, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	root, err := parseJSONTree(b)
	if err != nil {
		f := Fault{Path: "$", Msg: err.Error()}
		if pe, ok := err.(*jsonPosError); ok {
			f.Line = lineOf(b, pe.offset)
		}
		return nil, &DefinitionError{Faults: []Fault{f}}
	}
	r := &defReader{src: b}
	c := r.campaign(root)
	if len(r.faults) > 0 {
		return nil, &DefinitionError{Faults: r.faults, More: r.more}
	}
	return c, nil
}

func (r *defReader) campaign(root *jsonNode) *Campaign {
	o := r.obj(root, "$", "$schema", "format", "year", "notice", "timetable", "rules", "materials", "measures")
	if o == nil {
		return nil
	}
	o.str("$schema", false) // a hint for editors; its value is not checked
	if f := o.str("format", true); f != "" && f != CampaignFormat {
		r.fault(o.m["format"], o.at("format"), "格式“%s”不是本程序能读的格式“%s”", f, CampaignFormat)
	}
	c := &Campaign{Year: o.integer("year", true, 2000, 2100)}
	if n := o.get("notice", true); n != nil {
		r.notice(n, o.at("notice"), c)
	}
	if n := o.get("timetable", true); n != nil {
		r.timetable(n, o.at("timetable"), c)
	}
	if n := o.get("rules", true); n != nil {
		ro := r.obj(n, o.at("rules"), "event_exclusion", "statistics_verification")
		c.EventExclusion = ro.boolean("event_exclusion", true)
		c.StatisticsVerification = ro.boolean("statistics_verification", true)
	}
	if n := o.get("materials", true); n != nil {
		mo := r.obj(n, o.at("materials"), "addressee", "paper_copies", "disc", "materials_article", "penalty_article")
		c.Addressee = mo.str("addressee", true)
		c.PaperCopies = mo.integer("paper_copies", true, 1, 10)
		c.Disc = mo.boolean("disc", true)
		for _, k := range []struct {
			key string
			dst *string
		}{{"materials_article", &c.MaterialsArticle}, {"penalty_article", &c.PenaltyArticle}} {
			*k.dst = mo.str(k.key, true)
			if *k.dst != "" && !articlePattern.MatchString(*k.dst) {
				r.fault(mo.m[k.key], mo.at(k.key), "“%s”不是条款号：应写为“第八条”这样的形式", *k.dst)
			}
		}
	}
	items, paths := o.array("measures", true, 1, 4)
	ids := map[MeasureID]string{}
	industries := ""
	for i, n := range items {
		m := r.measure(n, paths[i], c)
		if m == nil {
			continue
		}
		m.Seq = i + 1
		if prev, dup := ids[m.ID]; dup && m.ID != "" {
			r.fault(n, paths[i]+".id", "措施标识“%s”与 %s 重复", m.ID, prev)
		}
		ids[m.ID] = paths[i]
		if len(m.LeadingIndustries) > 0 {
			if industries != "" {
				r.fault(n, paths[i]+".leading_industries", "只能有一项措施带主导产业表（已在 %s）", industries)
			}
			industries = paths[i]
		}
		c.Measures = append(c.Measures, *m)
	}
	return c
}

func (r *defReader) notice(n *jsonNode, path string, c *Campaign) {
	o := r.obj(n, path, "number", "title", "issuer", "date", "rules", "basis", "text_sha256", "source")
	if o == nil {
		return
	}
	c.Notice = o.str("number", true)
	c.NoticeTitle = o.str("title", true)
	c.Issuer = o.str("issuer", true)
	_, c.NoticeDate = o.date("date", false)
	c.Rules = o.str("rules", true)
	c.Basis = o.str("basis", false)
	c.NoticeSHA256 = o.str("text_sha256", true)
	if h := c.NoticeSHA256; h != "" {
		if d, err := hex.DecodeString(h); err != nil || len(d) != 32 || strings.ToLower(h) != h {
			r.fault(o.m["text_sha256"], o.at("text_sha256"), "应为通知文本的 SHA-256（64 位小写十六进制）")
		}
	}
	c.NoticeSource = o.str("source", true)
}

func (r *defReader) timetable(n *jsonNode, path string, c *Campaign) {
	o := r.obj(n, path, "deadline", "indicator_years", "event_years", "events_through_export")
	if o == nil {
		return
	}
	c.Deadline, _ = o.date("deadline", true)
	if !c.Deadline.IsZero() && c.Year != 0 && (c.Deadline.Year() < c.Year || c.Deadline.Year() > c.Year+2) {
		r.fault(o.m["deadline"], o.at("deadline"), "报送截止日期 %s 与年度 %d 不符：应在 %d—%d 年之间", c.Deadline.Format(time.DateOnly), c.Year, c.Year, c.Year+2)
	}
	items, paths := o.array("indicator_years", true, 2, 2)
	if len(items) == 2 {
		for i, it := range items {
			y := 0
			if it.kind == jsonNumber {
				if v, err := it.num.Int64(); err == nil {
					y = int(v)
				}
			}
			if c.Year != 0 && (y < c.Year-5 || y > c.Year) {
				r.fault(it, paths[i], "指标年份应为整数，在 %d 到 %d 之间（不晚于督查激励年度）", c.Year-5, c.Year)
			}
			c.Years[i] = y
		}
		if c.Years[0] >= c.Years[1] && c.Years[1] != 0 {
			r.fault(items[1], o.at("indicator_years"), "两个指标年份应由早到晚，如 [2020, 2021]")
		}
	}
	c.EventYears = o.integer("event_years", true, 1, 10)
	c.EventsThroughExport = o.boolean("events_through_export", true)
}

func (r *defReader) measure(n *jsonNode, path string, c *Campaign) *Measure {
	o := r.obj(n, path, "id", "name", "short", "article", "application_annex", "table_annex", "table_title",
		"max_choices", "levels", "plan_cities_in_quota", "plan_city_max", "approvals", "indicators", "clauses", "outline", "leading_industries")
	if o == nil {
		return nil
	}
	m := &Measure{
		ID:          MeasureID(o.str("id", true)),
		Name:        o.str("name", true),
		Short:       o.str("short", true),
		Article:     o.str("article", true),
		Application: o.str("application_annex", true),
		TableAnnex:  o.str("table_annex", true),
		TableTitle:  o.str("table_title", true),
	}
	if m.ID != "" && !measureIDPattern.MatchString(string(m.ID)) {
		r.fault(o.m["id"], o.at("id"), "措施标识“%s”应为小写英文字母开头的英文字母、数字或下划线，如 industry", m.ID)
	}
	if m.Article != "" && !articlePattern.MatchString(m.Article) {
		r.fault(o.m["article"], o.at("article"), "“%s”不是条款号：应写为“第六条”这样的形式", m.Article)
	}
	m.Quota = r.quota(o)
	seenApproval := map[string]bool{}
	items, paths := o.array("approvals", true, 0, len(approvalIDs))
	for i, it := range items {
		if it.kind != jsonString || !slices.Contains(approvalIDs, it.str) {
			r.fault(it, paths[i], "应为 %s 之一（省级人民政府同意、通信管理局会同）", strings.Join(approvalIDs, "、"))
			continue
		}
		if seenApproval[it.str] {
			r.fault(it, paths[i], "“%s”重复", it.str)
		}
		seenApproval[it.str] = true
	}
	m.GovernmentConsent, m.TelecomConcurrence = seenApproval["government"], seenApproval["telecom"]
	items, paths = o.array("indicators", true, 1, 40)
	seen := map[string]string{}
	for i, it := range items {
		in, ok := r.indicator(it, paths[i], c)
		if !ok {
			continue
		}
		if prev, dup := seen[in.ID]; dup {
			r.fault(it, paths[i]+".id", "指标标识“%s”与 %s 重复", in.ID, prev)
		}
		seen[in.ID] = paths[i]
		m.Indicators = append(m.Indicators, in)
	}
	items, paths = o.array("clauses", true, 1, 20)
	clauseKeys := map[string]string{}
	fromEvents := ""
	for i, it := range items {
		co := r.obj(it, paths[i], "key", "number", "text", "indicators", "from_events")
		if co == nil {
			continue
		}
		cl := Clause{Key: co.str("key", true), Number: co.str("number", true), Text: co.str("text", true), FromEvents: co.boolean("from_events", false)}
		if cl.Key != "" && !keyPattern.MatchString(cl.Key) {
			r.fault(co.m["key"], co.at("key"), "键“%s”只能含英文字母、数字、点、下划线和连字符", cl.Key)
		}
		if prev, dup := clauseKeys[cl.Key]; dup && cl.Key != "" {
			r.fault(it, co.at("key"), "条件键“%s”与 %s 重复", cl.Key, prev)
		}
		clauseKeys[cl.Key] = paths[i]
		if cl.FromEvents {
			if fromEvents != "" {
				r.fault(it, co.at("from_events"), "只能有一条基本条件由负面情况登记判定（已在 %s）", fromEvents)
			}
			fromEvents = paths[i]
		}
		refs, rpaths := co.array("indicators", false, 0, 40)
		for j, ref := range refs {
			if ref.kind != jsonString {
				r.fault(ref, rpaths[j], "应为指标标识（字符串）")
				continue
			}
			if _, ok := seen[ref.str]; !ok {
				r.fault(ref, rpaths[j], "引用了本措施没有的指标“%s”", ref.str)
				continue
			}
			cl.Indicators = append(cl.Indicators, ref.str)
		}
		m.Clauses = append(m.Clauses, cl)
	}
	sectionKeys := map[string]string{}
	fromEventsSec := ""
	m.Outline = r.sections(o, "outline", true, sectionKeys, &fromEventsSec)
	if n := o.get("leading_industries", false); n != nil {
		items, paths := o.array("leading_industries", false, len(industryColumnKeys), len(industryColumnKeys))
		for i, it := range items {
			lo := r.obj(it, paths[i], "key", "label", "kind")
			if lo == nil {
				continue
			}
			col := IndustryColumn{Key: lo.str("key", true), Label: lo.str("label", true)}
			if i < len(industryColumnKeys) && col.Key != industryColumnKeys[i] {
				r.fault(lo.m["key"], lo.at("key"), "主导产业表的列依次固定为 %s（数据文件按此保存），此处应为“%s”", strings.Join(industryColumnKeys, "、"), industryColumnKeys[i])
			}
			if col.Key == "name" {
				col.Text = true
				if _, ok := lo.m["kind"]; ok {
					r.fault(lo.m["kind"], lo.at("kind"), "名称列是文字，不写 kind")
				}
			} else if k := lo.enum("kind", true, sortedKeys(kindIDs)); k != "" {
				col.Kind = kindIDs[k]
			}
			m.LeadingIndustries = append(m.LeadingIndustries, col)
		}
	}
	return m
}

// quota reads the rule of 通知 二 from a measure's members max_choices, levels,
// plan_cities_in_quota and plan_city_max.
func (r *defReader) quota(o *object) Quota {
	if o == nil {
		return Quota{}
	}
	q := Quota{Max: o.integer("max_choices", true, 1, 10), PlanCitiesInQuota: o.boolean("plan_cities_in_quota", true)}
	items, paths := o.array("levels", true, 1, len(levelIDs))
	sum := 0
	for i, it := range items {
		lo := r.obj(it, paths[i], "level", "max")
		if lo == nil {
			continue
		}
		l := LevelQuota{Level: Level(lo.enum("level", true, levelIDs)), Max: lo.integer("max", true, 1, 10)}
		if l.Level == "" {
			continue
		}
		if q.LevelMax(l.Level) > 0 {
			r.fault(it, lo.at("level"), "级别“%s”重复", l.Level)
			continue
		}
		if q.Max > 0 && l.Max > q.Max {
			r.fault(lo.m["max"], lo.at("max"), "%s上限 %d 大于合计上限 max_choices %d", l.Level.Label(), l.Max, q.Max)
		}
		sum += l.Max
		q.Levels = append(q.Levels, l)
	}
	if q.Max > 0 && len(q.Levels) == len(items) && sum < q.Max {
		r.fault(o.m["max_choices"], o.at("max_choices"), "合计上限 %d 大于各级别上限之和 %d，永远达不到", q.Max, sum)
	}
	_, hasPlanMax := o.m["plan_city_max"]
	switch {
	case q.PlanCitiesInQuota && hasPlanMax:
		r.fault(o.m["plan_city_max"], o.at("plan_city_max"), "计划单列市占用所在省名额时不写 plan_city_max")
	case !q.PlanCitiesInQuota:
		q.PlanCityMax = o.integer("plan_city_max", true, 1, 10)
	}
	return q
}

func (r *defReader) indicator(n *jsonNode, path string, c *Campaign) (Indicator, bool) {
	o := r.obj(n, path, "id", "label", "unit", "kind", "verifier", "higher_is_better", "years", "remark", "help")
	if o == nil {
		return Indicator{}, false
	}
	in := Indicator{ID: o.str("id", true), Label: o.str("label", true), Unit: o.str("unit", false),
		HigherIsBetter: o.boolean("higher_is_better", true), Remark: o.str("remark", false), Help: o.str("help", false)}
	if in.ID != "" && !keyPattern.MatchString(in.ID) {
		r.fault(o.m["id"], o.at("id"), "指标标识“%s”只能含英文字母、数字、点、下划线和连字符，如 ind.va_growth", in.ID)
	}
	if k := o.enum("kind", true, sortedKeys(kindIDs)); k != "" {
		in.Kind = kindIDs[k]
	}
	if v := o.enum("verifier", true, sortedKeys(verifierIDs)); v != "" {
		in.Verifier = verifierIDs[v]
	}
	if o.get("years", false) != nil {
		items, paths := o.array("years", false, 1, 2)
		in.Years = []int{}
		for i, it := range items {
			y := -1
			if it.kind == jsonNumber {
				if v, err := it.num.Int64(); err == nil {
					y = int(v)
				}
			}
			if y != c.Years[0] && y != c.Years[1] {
				r.fault(it, paths[i], "应为 timetable.indicator_years 中的年份（%d 或 %d）", c.Years[0], c.Years[1])
				continue
			}
			if slices.Contains(in.Years, y) {
				r.fault(it, paths[i], "年份 %d 重复", y)
			}
			in.Years = append(in.Years, y)
		}
		slices.Sort(in.Years)
	}
	return in, true
}

func (r *defReader) sections(o *object, key string, required bool, keys map[string]string, fromEvents *string) []Section {
	items, paths := o.array(key, required, 1, 30)
	var out []Section
	for i, it := range items {
		so := r.obj(it, paths[i], "key", "number", "title", "guidance", "from_events", "children")
		if so == nil {
			continue
		}
		s := Section{Key: so.str("key", true), Number: so.str("number", true), Title: so.str("title", true),
			Guidance: so.str("guidance", false), FromEvents: so.boolean("from_events", false)}
		if s.Key != "" && !keyPattern.MatchString(s.Key) {
			r.fault(so.m["key"], so.at("key"), "键“%s”只能含英文字母、数字、点、下划线和连字符", s.Key)
		}
		if prev, dup := keys[s.Key]; dup && s.Key != "" {
			r.fault(it, so.at("key"), "章节键“%s”与 %s 重复", s.Key, prev)
		}
		keys[s.Key] = paths[i]
		if s.FromEvents {
			if *fromEvents != "" {
				r.fault(it, so.at("from_events"), "只能有一节由负面情况登记起草（已在 %s）", *fromEvents)
			}
			*fromEvents = paths[i]
		}
		if so.get("children", false) != nil {
			s.Children = r.sections(so, "children", false, keys, fromEvents)
			if s.FromEvents {
				r.fault(it, so.at("from_events"), "有下级章节的节不能由负面情况登记起草")
			}
		}
		out = append(out, s)
	}
	return out
}

// The file's shape for EncodeCampaign; field order is the order written.
type (
	fileCampaign struct {
		Schema    string        `json:"$schema,omitempty"`
		Format    string        `json:"format"`
		Year      int           `json:"year"`
		Notice    fileNotice    `json:"notice"`
		Timetable fileTimetable `json:"timetable"`
		Rules     fileRules     `json:"rules"`
		Materials fileMaterials `json:"materials"`
		Measures  []fileMeasure `json:"measures"`
	}
	fileNotice struct {
		Number string `json:"number"`
		Title  string `json:"title"`
		Issuer string `json:"issuer"`
		Date   string `json:"date,omitempty"`
		Rules  string `json:"rules"`
		Basis  string `json:"basis,omitempty"`
		SHA256 string `json:"text_sha256"`
		Source string `json:"source"`
	}
	fileTimetable struct {
		Deadline            string `json:"deadline"`
		IndicatorYears      [2]int `json:"indicator_years"`
		EventYears          int    `json:"event_years"`
		EventsThroughExport bool   `json:"events_through_export"`
	}
	fileRules struct {
		EventExclusion         bool `json:"event_exclusion"`
		StatisticsVerification bool `json:"statistics_verification"`
	}
	fileMaterials struct {
		Addressee        string `json:"addressee"`
		PaperCopies      int    `json:"paper_copies"`
		Disc             bool   `json:"disc"`
		MaterialsArticle string `json:"materials_article"`
		PenaltyArticle   string `json:"penalty_article"`
	}
	fileMeasure struct {
		ID                MeasureID         `json:"id"`
		Name              string            `json:"name"`
		Short             string            `json:"short"`
		Article           string            `json:"article"`
		ApplicationAnnex  string            `json:"application_annex"`
		TableAnnex        string            `json:"table_annex"`
		TableTitle        string            `json:"table_title"`
		MaxChoices        int               `json:"max_choices"`
		Levels            []fileLevel       `json:"levels"`
		PlanCitiesInQuota bool              `json:"plan_cities_in_quota"`
		PlanCityMax       int               `json:"plan_city_max,omitempty"`
		Approvals         []string          `json:"approvals"`
		Indicators        []fileIndicator   `json:"indicators"`
		Clauses           []fileClause      `json:"clauses"`
		Outline           []fileSection     `json:"outline"`
		LeadingIndustries []fileIndustryCol `json:"leading_industries,omitempty"`
	}
	fileLevel struct {
		Level Level `json:"level"`
		Max   int   `json:"max"`
	}
	fileIndicator struct {
		ID             string `json:"id"`
		Label          string `json:"label"`
		Unit           string `json:"unit,omitempty"`
		Kind           string `json:"kind"`
		Verifier       string `json:"verifier"`
		HigherIsBetter bool   `json:"higher_is_better"`
		Years          []int  `json:"years,omitempty"`
		Remark         string `json:"remark,omitempty"`
		Help           string `json:"help,omitempty"`
	}
	fileClause struct {
		Key        string   `json:"key"`
		Number     string   `json:"number"`
		Text       string   `json:"text"`
		Indicators []string `json:"indicators,omitempty"`
		FromEvents bool     `json:"from_events,omitempty"`
	}
	fileSection struct {
		Key        string        `json:"key"`
		Number     string        `json:"number"`
		Title      string        `json:"title"`
		Guidance   string        `json:"guidance,omitempty"`
		FromEvents bool          `json:"from_events,omitempty"`
		Children   []fileSection `json:"children,omitempty"`
	}
	fileIndustryCol struct {
		Key   string `json:"key"`
		Label string `json:"label"`
		Kind  string `json:"kind,omitempty"`
	}
)

func idOf[V comparable](m map[string]V, v V) string {
	for k, x := range m {
		if x == v {
			return k
		}
	}
	return ""
}

// SchemaURI is the $schema a definition file may name (tuijian-cli campaign schema
// writes the schema itself).
const SchemaURI = "https://tuijian.invalid/schema/tuijian-campaign-1.json"

// EncodeCampaign writes a definition in the file format: UTF-8, two-space indent, the
// keys in the schema's order, final LF. DecodeCampaign(EncodeCampaign(c)) equals c.
func EncodeCampaign(c *Campaign) ([]byte, error) {
	f := fileCampaign{
		Schema: SchemaURI, Format: CampaignFormat, Year: c.Year,
		Notice: fileNotice{Number: c.Notice, Title: c.NoticeTitle, Issuer: c.Issuer, Date: c.NoticeDate, Rules: c.Rules,
			Basis: c.Basis, SHA256: c.NoticeSHA256, Source: c.NoticeSource},
		Timetable: fileTimetable{Deadline: c.Deadline.Format(time.DateOnly), IndicatorYears: c.Years, EventYears: c.EventYears,
			EventsThroughExport: c.EventsThroughExport},
		Rules: fileRules{EventExclusion: c.EventExclusion, StatisticsVerification: c.StatisticsVerification},
		Materials: fileMaterials{Addressee: c.Addressee, PaperCopies: c.PaperCopies, Disc: c.Disc,
			MaterialsArticle: c.MaterialsArticle, PenaltyArticle: c.PenaltyArticle},
	}
	for _, m := range c.Measures {
		fm := fileMeasure{ID: m.ID, Name: m.Name, Short: m.Short, Article: m.Article, ApplicationAnnex: m.Application,
			TableAnnex: m.TableAnnex, TableTitle: m.TableTitle, Approvals: []string{},
			MaxChoices: m.Quota.Max, PlanCitiesInQuota: m.Quota.PlanCitiesInQuota, PlanCityMax: m.Quota.PlanCityMax}
		for _, l := range m.Quota.Levels {
			fm.Levels = append(fm.Levels, fileLevel(l))
		}
		if m.GovernmentConsent {
			fm.Approvals = append(fm.Approvals, "government")
		}
		if m.TelecomConcurrence {
			fm.Approvals = append(fm.Approvals, "telecom")
		}
		for _, in := range m.Indicators {
			fm.Indicators = append(fm.Indicators, fileIndicator{ID: in.ID, Label: in.Label, Unit: in.Unit, Kind: idOf(kindIDs, in.Kind),
				Verifier: idOf(verifierIDs, in.Verifier), HigherIsBetter: in.HigherIsBetter, Years: in.Years, Remark: in.Remark, Help: in.Help})
		}
		for _, cl := range m.Clauses {
			fm.Clauses = append(fm.Clauses, fileClause{Key: cl.Key, Number: cl.Number, Text: cl.Text, Indicators: cl.Indicators, FromEvents: cl.FromEvents})
		}
		fm.Outline = fileSections(m.Outline)
		for _, col := range m.LeadingIndustries {
			fc := fileIndustryCol{Key: col.Key, Label: col.Label}
			if !col.Text {
				fc.Kind = idOf(kindIDs, col.Kind)
			}
			fm.LeadingIndustries = append(fm.LeadingIndustries, fc)
		}
		f.Measures = append(f.Measures, fm)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func fileSections(ss []Section) []fileSection {
	var out []fileSection
	for _, s := range ss {
		out = append(out, fileSection{Key: s.Key, Number: s.Number, Title: s.Title, Guidance: s.Guidance, FromEvents: s.FromEvents,
			Children: fileSections(s.Children)})
	}
	return out
}
