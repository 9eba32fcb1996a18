package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/data/store"
	"tuijian/forms"
)

func TestConfirmIndustries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	ok, fail := dbRunner(t, db)
	ok("setup", "--province", "山东", "--year", "2021", "--department", "山东省工业和信息化厅", "--contact", "张三", "--phone", "0531-86000000")
	ok("industry", "--unit", "青岛", "--row", "1", "--name", "家电", "--share", "18.2", "--growth", "9.5", "--revenue", "3560.4", "--profit", "210.7")
	ok("industry", "--unit", "青岛", "--row", "2", "--name", "汽车", "--share", "12.6", "--growth", "11.8", "--revenue", "2150", "--profit", "120.3")
	ok("industry", "--unit", "济南", "--row", "1", "--name", "软件", "--share", "16.4", "--growth", "12.3", "--revenue", "2980.1", "--profit", "180.2")

	if msg := fail(2, "confirm", "--industries", "--unit", "青岛", "--by", "省统计局 王五"); !strings.Contains(msg, "文号") {
		t.Errorf("已审核 without a document number: %s", msg)
	}
	if msg := fail(2, "confirm", "--industries", "--measure", "industry", "--unit", "青岛", "--by", "b", "--doc", "d"); !strings.Contains(msg, "--industries") {
		t.Errorf("--industries with --measure: %s", msg)
	}
	if msg := fail(2, "confirm", "--industries", "--unit", "烟台", "--by", "b", "--doc", "d"); !strings.Contains(msg, "烟台市 尚未填写主导产业表") {
		t.Errorf("a city without rows: %s", msg)
	}
	out := ok("--json", "confirm", "--industries", "--unit", "青岛", "--by", "省统计局 王五", "--doc", "鲁统函〔2022〕1号", "--date", "2022-01-20")
	var rows []forms.LeadingIndustry
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("json output %v: %s", err, out)
	}
	if text := ok("confirm", "--industries", "--unit", "济南", "--state", "有疑问", "--by", "省统计局 王五"); !strings.Contains(text, "济南市 主导产业第 1 行“软件”为“有疑问”") {
		t.Errorf("text output: %s", text)
	}
	// A changed figure returns the row to 未审核.
	ok("industry", "--unit", "青岛", "--row", "2", "--name", "汽车", "--share", "12.6", "--growth", "11.8", "--revenue", "2150", "--profit", "121")

	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]forms.LeadingIndustry{}
	for _, li := range c.Industries {
		got[li.UnitCode+"/"+li.Name] = li
	}
	if li := got["370200/家电"]; li.State != forms.Verified || li.VerifiedBy != "省统计局 王五" || li.VerifyDocNo != "鲁统函〔2022〕1号" || li.VerifiedAt != "2022-01-20" {
		t.Errorf("青岛 row 1: %+v", li)
	}
	if li := got["370200/汽车"]; li.State != forms.Unverified {
		t.Errorf("青岛 row 2 edited after verification: %+v", li)
	}
	if li := got["370100/软件"]; li.State != forms.Questioned {
		t.Errorf("济南 row 1: %+v", li)
	}
}
