package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tuijian/data/store"
	"tuijian/forms"
)

// compareCLI runs one invocation and returns exit status, stdout and stderr.
func compareCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := (&cli{out: &out, errOut: &errOut, now: time.Now}).main(args)
	return code, out.String(), errOut.String()
}

func compareDemoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, e := compareCLI(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, e)
	}
	return db
}

func compareJSONOf(t *testing.T, db string, args ...string) compareJSON {
	t.Helper()
	code, out, e := compareCLI(t, append([]string{"--db", db, "--json", "compare"}, args...)...)
	if code != 0 {
		t.Fatalf("compare %v: exit %d: %s", args, code, e)
	}
	var v compareJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("compare --json is not one JSON object: %v\n%s", err, out)
	}
	return v
}

func TestCompareText(t *testing.T) {
	db := compareDemoDB(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update("缺失", func(tx *store.Tx) error {
		return tx.SetFigure(store.FigureInput{FigureKey: forms.FigureKey{UnitCode: "370700", Measure: forms.Industry, Indicator: "ind.little_giants", Year: 2021},
			Text: "", Remark: "名单尚未公布"})
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, e := compareCLI(t, "--db", db, "compare", "--measure", "industry", "--samples", "2000")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	for _, want := range []string{"不参与比选：淄博市", "一、指标矩阵", "全省", "★最好", "✕最差", "二、综合得分", "min-max 归一化", "缺失值按该指标最差",
		"按 a+b 计", "2021年 缺失", "2021年缺失，备注：名单尚未公布", "候选“潍坊市”的指标“当年被工业和信息化部认定为专精特新“小巨人”企业的数量（个）”缺失", "权重：未设置，各指标等权", "三、稳健性分析（SMAA-2）", "随机种子 1", "中心权重", "四、权重稳定区间", "第一名仍为"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "淄博市      2020年") {
		t.Error("the excluded 淄博 appears in the matrix")
	}
}

func TestCompareJSONWeightsSeedCharts(t *testing.T) {
	db := compareDemoDB(t)
	v := compareJSONOf(t, db, "--measure", "industry", "--samples", "3000", "--seed", "7")
	if v.Measure != forms.Industry || v.Year != 2021 || len(v.Candidates) != 4 || len(v.Excluded) != 1 || v.Excluded[0].Code != "370300" {
		t.Fatalf("view %+v", v)
	}
	if len(v.Indicators) != 10 || len(v.Scores) != 4 || v.Scores[0].Rank != 1 || v.Scores[0].Code != v.Leader || !v.EqualWeights {
		t.Fatalf("indicators %d scores %+v", len(v.Indicators), v.Scores)
	}
	if v.SMAA.Seed != 7 || v.SMAA.Samples != 3000 || len(v.SMAA.Acceptability) != 4 || len(v.Stability) != 10 {
		t.Fatalf("smaa %+v", v.SMAA)
	}
	cl := v.Indicators[6]
	if cl.ID != "ind.clusters" || cl.Cells[0].Values[1].Text != "4/2" || *cl.Cells[0].Values[1].Value != 6 {
		t.Errorf("pair cell %+v", cl.Cells[0])
	}
	// Same seed, same result; another seed, another sample.
	v2 := compareJSONOf(t, db, "--measure", "industry", "--samples", "3000", "--seed", "7")
	if !reflect.DeepEqual(v.SMAA.Acceptability, v2.SMAA.Acceptability) {
		t.Error("same seed gave different acceptability")
	}
	v3 := compareJSONOf(t, db, "--measure", "industry", "--samples", "3000", "--seed", "8")
	if reflect.DeepEqual(v.SMAA.CentralWeights, v3.SMAA.CentralWeights) {
		t.Error("another seed gave identical central weights")
	}
	// Weights: only va_growth and tech_growth count: 济南 leads on both in the demo.
	w := compareJSONOf(t, db, "--measure", "industry", "--samples", "500", "--weights", "va_growth=1,tech_growth=1", "--bounds", "va_growth=0.05:0.5")
	if w.EqualWeights || w.Indicators[0].Weight != 0.5 || w.Indicators[4].Weight != 0.5 || w.Indicators[1].Weight != 0 {
		t.Errorf("weights %v %v %v", w.Indicators[0].Weight, w.Indicators[4].Weight, w.Indicators[1].Weight)
	}
	if w.Leader != "370100" || !w.SMAA.Bounded || w.Bounds["ind.va_growth"] != [2]float64{0.05, 0.5} {
		t.Errorf("leader %s bounded %v bounds %v", w.Leader, w.SMAA.Bounded, w.Bounds)
	}
	// Charts.
	dir := filepath.Join(t.TempDir(), "charts")
	c := compareJSONOf(t, db, "--measure", "digital", "--samples", "500", "--charts", dir)
	if len(c.Charts) != 10 {
		t.Fatalf("charts %v", c.Charts)
	}
	for _, f := range c.Charts {
		b, err := os.ReadFile(f)
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) || len(b) < 2000 {
			t.Errorf("%s: %v, %d bytes", f, err, len(b))
		}
	}
	if filepath.Base(c.Charts[len(c.Charts)-1]) != "digital-acceptability.png" {
		t.Errorf("last chart %s", c.Charts[len(c.Charts)-1])
	}
}

func TestCompareRecord(t *testing.T) {
	db := compareDemoDB(t)
	v := compareJSONOf(t, db, "--measure", "industry", "--samples", "1000", "--seed", "5", "--weights", "va_growth=2,mfg_share=1", "--record")
	if v.Record == nil || v.Record.Chosen != "370200" || v.Record.SMAA == nil || v.Record.SMAA.Seed != 5 {
		t.Fatalf("record %+v", v.Record)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	ch, _ := cs.Choice(forms.Industry)
	rec, err := forms.ParseDecisionRecord(ch.Decision)
	if err != nil {
		t.Fatal(err)
	}
	if ch.UnitCode != "370200" || !strings.Contains(ch.Reason, "演示") || rec.InputsDigest != v.InputsDigest || rec.Weights["ind.va_growth"] < 0.66 {
		t.Errorf("stored choice %+v record %+v", ch, rec)
	}
	now := time.Now()
	for _, w := range forms.DecisionWarnings(cs, now) {
		if w.Measure == forms.Industry {
			t.Errorf("fresh record warns: %s", w.Message)
		}
	}
	// A changed figure makes the record stale.
	if err := s.Update("改数", func(tx *store.Tx) error {
		return tx.SetFigure(store.FigureInput{FigureKey: forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}, Text: "9.9"})
	}); err != nil {
		t.Fatal(err)
	}
	cs, _ = s.Case()
	stale := false
	for _, w := range forms.DecisionWarnings(cs, now) {
		stale = stale || (w.Measure == forms.Industry && strings.Contains(w.Message, "已过时"))
	}
	if !stale {
		t.Error("changed figure gave no stale-record warning")
	}
	s.Close()

	// Prefill: weights, seed and samples come from the stored record.
	p := compareJSONOf(t, db, "--measure", "industry")
	if p.EqualWeights || p.SMAA.Seed != 5 || p.SMAA.Samples != 1000 || len(p.Prefilled) == 0 {
		t.Errorf("prefill: equal %v seed %d samples %d prefilled %v", p.EqualWeights, p.SMAA.Seed, p.SMAA.Samples, p.Prefilled)
	}
}

func TestCompareErrors(t *testing.T) {
	db := compareDemoDB(t)
	for _, args := range [][]string{
		{"compare"},
		{"compare", "--measure", "nope"},
		{"compare", "--measure", "industry", "--weights", "bogus=1"},
		{"compare", "--measure", "industry", "--weights", "va_growth=0"},
		{"compare", "--measure", "industry", "--bounds", "va_growth=0.9:0.1"},
		{"compare", "--measure", "industry", "--year", "2019"},
		{"compare", "--measure", "industry", "--samples", "0"},
	} {
		code, _, e := compareCLI(t, append([]string{"--db", db}, args...)...)
		if code != 2 || !strings.Contains(e, "错误") {
			t.Errorf("%v: exit %d, stderr %q", args, code, e)
		}
	}
	// --record without a choice.
	if code, _, _ := compareCLI(t, "--db", db, "unchoose", "--measure", "digital"); code != 0 {
		t.Fatal("unchoose failed")
	}
	code, _, e := compareCLI(t, "--db", db, "compare", "--measure", "digital", "--samples", "100", "--record")
	if code != 2 || !strings.Contains(e, "尚未选择推荐对象") {
		t.Errorf("record without choice: %d %s", code, e)
	}
}
