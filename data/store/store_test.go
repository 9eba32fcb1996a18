package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tuijian/forms"
	"tuijian/forms/grading"
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Actor = "测试员"
	return s
}

func setup(t *testing.T, s *Store) {
	t.Helper()
	err := s.Update("设置", func(tx *Tx) error {
		return tx.SetSettings(forms.Settings{ProvinceCode: "370000", Year: 2021, Department: "山东省工业和信息化厅", Contact: "张三", Phone: "0531-86000001"})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRoundTripOnRealFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s := open(t, path)
	setup(t, s)
	k := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	err := s.Update("录入", func(tx *Tx) error {
		if err := tx.SetCandidate(forms.Industry, "370200", true); err != nil {
			return err
		}
		if err := tx.SetFigure(FigureInput{FigureKey: k, Text: "１２．５％", Source: "2021年青岛市统计公报"}); err != nil {
			return err
		}
		if err := tx.SetIndustry(IndustryInput{UnitCode: "370200", Row: 1, Name: "家电", Figures: [4]string{"18.2", "-1.5", "3,560.4", "210"}}); err != nil {
			return err
		}
		_, err := tx.SaveEvent(forms.Event{UnitCode: "370200", Kind: forms.EventEnvironment, Date: time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC), Title: "污染",
			Environment: grading.Environment{Evacuated: 10000, WaterSource: grading.WaterCounty}, Official: grading.Larger, OfficialDoc: "环函1号"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	defer s.Close()
	c, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	f, ok := c.Figure(k)
	if !ok || f.Value.A != 12.5 || f.State != forms.Unverified || f.Source != "2021年青岛市统计公报" {
		t.Fatalf("figure after reopen: %+v", f)
	}
	if len(c.Industries) != 1 || c.Industries[0].Revenue.A != 3560.4 || c.Industries[0].Growth.A != -1.5 {
		t.Errorf("industry row: %+v", c.Industries)
	}
	if len(c.Events) != 1 || c.Events[0].Environment.WaterSource != grading.WaterCounty || c.Events[0].Official != grading.Larger {
		t.Errorf("event: %+v", c.Events)
	}
	// 办法 第六/七条（六）: the official 认定 decides; the computed 重大 is shown, not applied.
	if ex := c.Exclusions(time.Now()); len(ex["370200"]) != 0 {
		t.Errorf("official 较大 decides over computed 重大 (10000 evacuated, county water source): %v", ex)
	}
	hist, err := s.Audit(AuditFilter{UnitCode: "370200"})
	if err != nil {
		t.Fatal(err)
	}
	var sawFigure bool
	for _, h := range hist {
		if h.Who != "测试员" || h.Note != "录入" {
			t.Errorf("audit row %+v", h)
		}
		if strings.Contains(h.Field, "规模以上工业增加值增速") && h.Old == "" && h.New == "12.5" {
			sawFigure = true
		}
	}
	if !sawFigure {
		t.Errorf("no audit row for the figure: %+v", hist)
	}
}

func TestVerifiedFigureEditedReturnsToUnverified(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	defer s.Close()
	setup(t, s)
	k := forms.FigureKey{UnitCode: "370100", Measure: forms.Industry, Indicator: "ind.mfg_share", Year: 2020}
	must(t, s.Update("a", func(tx *Tx) error { return tx.SetFigure(FigureInput{FigureKey: k, Text: "30.1"}) }))
	must(t, s.Update("b", func(tx *Tx) error {
		return tx.SetVerification(Verification{FigureKey: k, State: forms.Verified, By: "省统计局 王五", At: "2022-01-20", DocNo: "鲁统函〔2022〕1号"})
	}))
	state := func() forms.VerifyState {
		c, _ := s.Case()
		f, _ := c.Figure(k)
		return f.State
	}
	if state() != forms.Verified {
		t.Fatal("not verified")
	}
	if err := s.Update("x", func(tx *Tx) error {
		return tx.SetVerification(Verification{FigureKey: k, State: "已核实", By: "省统计局 王五", DocNo: "鲁统函〔2022〕1号"})
	}); err == nil || !strings.Contains(err.Error(), "已核实") {
		t.Errorf("a verification state other than 未审核/已审核/有疑问 must be refused: %v", err)
	}
	must(t, s.Update("c", func(tx *Tx) error { return tx.SetFigure(FigureInput{FigureKey: k, Text: "30.1", Remark: "备注"}) }))
	if state() != forms.Verified {
		t.Error("a remark change must keep the verification")
	}
	must(t, s.Update("d", func(tx *Tx) error { return tx.SetFigure(FigureInput{FigureKey: k, Text: "31"}) }))
	if state() != forms.Unverified {
		t.Error("a changed value must return to 未审核")
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	defer s.Close()
	setup(t, s)
	before, _ := s.Audit(AuditFilter{})
	err := s.Update("批量", func(tx *Tx) error {
		if err := tx.SetCandidate(forms.Industry, "370100", true); err != nil {
			return err
		}
		return tx.SetFigure(FigureInput{FigureKey: forms.FigureKey{UnitCode: "370100", Measure: forms.Industry, Indicator: "ind.mfg_share", Year: 2021}, Text: "120"})
	})
	if err == nil || !strings.Contains(err.Error(), "济南市") || !strings.Contains(err.Error(), "制造业增加值占地区国内生产总值比重") {
		t.Fatalf("error should name the city and indicator: %v", err)
	}
	c, _ := s.Case()
	if c.IsCandidate(forms.Industry, "370100") {
		t.Error("the candidate of a failed batch was written")
	}
	after, _ := s.Audit(AuditFilter{})
	if len(after) != len(before) {
		t.Error("audit rows of a failed batch were written")
	}
	for _, bad := range []func(tx *Tx) error{
		func(tx *Tx) error { return tx.SetCandidate(forms.Industry, "210200", true) },
		func(tx *Tx) error {
			return tx.SetSettings(forms.Settings{ProvinceCode: "999999", Year: 2021})
		},
		func(tx *Tx) error {
			return tx.SetApproval(forms.Approval{Measure: forms.Industry, Government: forms.ConsentYes, GovDate: "2022/1/1"})
		},
		func(tx *Tx) error {
			return tx.Choose(forms.Choice{Measure: forms.Industry, UnitCode: "370100"}, time.Now())
		},
		// The province value of a year that is not an indicator year (2020, 2021).
		func(tx *Tx) error { return tx.SetProvinceFigure(forms.Industry, "ind.va_growth", 2019, "5.1", "") },
		// An official grade that is none of 一般…特别重大.
		func(tx *Tx) error {
			_, err := tx.SaveEvent(forms.Event{UnitCode: "370100", Kind: forms.EventSafety, Date: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), Title: "x", Official: grading.Grade(9)})
			return err
		},
	} {
		if err := s.Update("x", bad); err == nil {
			t.Error("bad input accepted")
		}
	}
}

func TestOneChoicePerMeasure(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	defer s.Close()
	setup(t, s)
	now := time.Now()
	must(t, s.Update("候选", func(tx *Tx) error {
		for _, code := range []string{"370100", "370200"} {
			for _, m := range []forms.MeasureID{forms.Industry, forms.Digital} {
				if err := tx.SetCandidate(m, code, true); err != nil {
					return err
				}
			}
		}
		return nil
	}))
	must(t, s.Update("选", func(tx *Tx) error {
		return tx.Choose(forms.Choice{Measure: forms.Industry, UnitCode: "370100", Reason: "a"}, now)
	}))
	must(t, s.Update("改选", func(tx *Tx) error {
		return tx.Choose(forms.Choice{Measure: forms.Industry, UnitCode: "370200", Reason: "b"}, now)
	}))
	must(t, s.Update("数字", func(tx *Tx) error {
		return tx.Choose(forms.Choice{Measure: forms.Digital, UnitCode: "370200", Reason: "c"}, now)
	}))
	c, _ := s.Case()
	if len(c.Choices) != 2 {
		t.Fatalf("choices: %+v", c.Choices)
	}
	if ch, _ := c.Choice(forms.Industry); ch.UnitCode != "370200" {
		t.Errorf("industry choice %+v", ch)
	}
	if err := s.Update("取消候选", func(tx *Tx) error { return tx.SetCandidate(forms.Industry, "370200", false) }); err == nil {
		t.Error("un-marking the chosen city as candidate must be refused")
	}
}

func TestSecondProcessSeesInUse(t *testing.T) {
	if p := os.Getenv("TUIJIAN_TEST_OPEN"); p != "" {
		_, err := Open(p)
		if errors.Is(err, ErrInUse) {
			os.Exit(3)
		}
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "t.db")
	s := open(t, path)
	setup(t, s)
	cmd := exec.Command(os.Args[0], "-test.run", "^TestSecondProcessSeesInUse$")
	cmd.Env = append(os.Environ(), "TUIJIAN_TEST_OPEN="+path)
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Fatalf("second process: %v (want ErrInUse)", err)
	}
	// The first process still works and the file is intact.
	must(t, s.Update("再写", func(tx *Tx) error {
		return tx.SetSettings(forms.Settings{ProvinceCode: "370000", Year: 2021, Contact: "李四"})
	}))
	s.Close()
	s = open(t, path)
	defer s.Close()
	st, _ := s.Settings()
	if st.Contact != "李四" {
		t.Errorf("settings after reopen: %+v", st)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(path, []byte("这不是数据库，this is not a database file at all, padding padding padding padding padding padding padding"), 0o644)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "不是 Tuijian 数据文件") {
		t.Errorf("error %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// SaveEvent stores the event's calendar day in China (forms.Day, UTC+8), the day the
// grading window uses, not the day of the instant's own location.
func TestEventDateStoredAsChinaDay(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	defer s.Close()
	setup(t, s)
	at := time.Date(2018, 12, 31, 16, 30, 0, 0, time.UTC) // 2019-01-01 00:30 in Beijing
	e := forms.Event{UnitCode: "370200", Kind: forms.EventSafety, Date: at, Title: "元旦凌晨", Safety: grading.Safety{Deaths: 10}}
	c0, _ := s.Case()
	before := forms.EvaluateEvent(c0.Campaign, e, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC))
	must(t, s.Update("事件", func(tx *Tx) error { _, err := tx.SaveEvent(e); return err }))
	c, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Events) != 1 || c.Events[0].Date.Format("2006-01-02") != "2019-01-01" {
		t.Fatalf("stored event date %v, want 2019-01-01", c.Events)
	}
	after := forms.EvaluateEvent(c.Campaign, c.Events[0], time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC))
	if before.InWindow != after.InWindow || !after.Excludes {
		t.Errorf("saving changed the finding: before %+v, after %+v", before, after)
	}
}

func TestIndustryVerification(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s := open(t, path)
	setup(t, s)
	row := func(name string, figs ...string) func(tx *Tx) error {
		return func(tx *Tx) error {
			return tx.SetIndustry(IndustryInput{UnitCode: "370200", Row: 1, Name: name, Figures: [4]string{figs[0], figs[1], figs[2], figs[3]}})
		}
	}
	must(t, s.Update("a", row("家电", "18.2", "-1.5", "3560.4", "210")))
	get := func() forms.LeadingIndustry {
		t.Helper()
		c, err := s.Case()
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Industries) != 1 {
			t.Fatalf("industries: %+v", c.Industries)
		}
		return c.Industries[0]
	}
	if li := get(); li.State != forms.Unverified {
		t.Fatalf("a new row must be 未审核: %+v", li)
	}
	for _, bad := range []struct {
		v    IndustryVerification
		want string
	}{
		{IndustryVerification{State: "已核实", By: "省统计局 王五", DocNo: "鲁统函〔2022〕1号"}, "已核实"},
		{IndustryVerification{State: forms.Verified, By: "省统计局 王五"}, "文号"},
		{IndustryVerification{State: forms.Verified, By: "省统计局 王五", DocNo: "x", At: "2022年2月30日"}, "2022年2月30日"},
		{IndustryVerification{State: forms.Verified, By: "省统计局 王五", DocNo: "x"}, "日期"},
	} {
		err := s.Update("x", func(tx *Tx) error { return tx.SetIndustryVerification("370200", 1, bad.v) })
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%+v: want an error naming %q, got %v", bad.v, bad.want, err)
		}
	}
	if err := s.Update("x", func(tx *Tx) error {
		return tx.SetIndustryVerification("370200", 2, IndustryVerification{State: forms.Verified, By: "b", DocNo: "d", At: "2022-01-20"})
	}); err == nil || !strings.Contains(err.Error(), "第 2 行") {
		t.Errorf("verifying a row not entered: %v", err)
	}
	verify := func() {
		must(t, s.Update("v", func(tx *Tx) error {
			return tx.SetIndustryVerification("370200", 1, IndustryVerification{State: forms.Verified, By: "省统计局 王五", At: "2022-01-20", DocNo: "鲁统函〔2022〕1号"})
		}))
	}
	verify()
	s.Close()
	s = open(t, path)
	defer s.Close()
	if li := get(); li.State != forms.Verified || li.VerifiedBy != "省统计局 王五" || li.VerifiedAt != "2022-01-20" || li.VerifyDocNo != "鲁统函〔2022〕1号" {
		t.Fatalf("after reopen: %+v", li)
	}
	must(t, s.Update("same", row("家电", "18.20", "-1.5", "3,560.4", "210")))
	if li := get(); li.State != forms.Verified {
		t.Errorf("re-entering the same figures must keep the verification: %+v", li)
	}
	must(t, s.Update("b", row("家电", "18.2", "-1.5", "3560.4", "211")))
	if li := get(); li.State != forms.Unverified || li.VerifyDocNo != "" {
		t.Errorf("a changed profit must return to 未审核: %+v", li)
	}
	verify()
	must(t, s.Update("c", row("家用电器", "18.2", "-1.5", "3560.4", "211")))
	if li := get(); li.State != forms.Unverified {
		t.Errorf("a changed name must return to 未审核: %+v", li)
	}
	hist, err := s.Audit(AuditFilter{UnitCode: "370200"})
	if err != nil {
		t.Fatal(err)
	}
	var sawVerify, sawReset bool
	for _, h := range hist {
		if h.Field == "主导产业第1行 审核状态" && strings.Contains(h.New, "鲁统函〔2022〕1号") {
			sawVerify = true
		}
		if h.Field == "第1行 审核状态" && h.Old == string(forms.Verified) && h.New == string(forms.Unverified) {
			sawReset = true
		}
	}
	if !sawVerify || !sawReset {
		t.Errorf("audit rows: verify %v reset %v: %+v", sawVerify, sawReset, hist)
	}
}
