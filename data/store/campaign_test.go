package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/forms"
)

const testDefs = "../../forms/testdata/campaigns/"

// A new data file pins the built-in definition of its year; a definition file is
// adopted with its year and kept in the data file, so that editing the file changes
// the case only when adopted again, and the case says the file changed.
func TestAdoptCampaignFile(t *testing.T) {
	dir := t.TempDir()
	s := open(t, filepath.Join(dir, "t.db"))
	defer s.Close()
	setup(t, s)
	r, err := s.CampaignRecord()
	if err != nil || !r.Stored || r.Source != "builtin:2021" {
		t.Fatalf("built-in not pinned: %+v %v", r, err)
	}
	if msg, err := s.CampaignDrift(); err != nil || msg != "" {
		t.Errorf("drift on the built-in: %q %v", msg, err)
	}
	b, err := os.ReadFile(testDefs + "2031-test.json")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "2031.json")
	must(t, os.WriteFile(file, b, 0o644))
	must(t, s.Update("定义", func(tx *Tx) error { _, err := tx.AdoptCampaign(b, file); return err }))
	c, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	if c.Settings.Year != 2031 || c.Campaign.Year != 2031 || c.Campaign.Measures[0].Quota.Max != 2 {
		t.Fatalf("adopted: year %d, %+v", c.Settings.Year, c.Campaign.Measures[0].Quota)
	}
	must(t, os.WriteFile(file, bytes.Replace(b, []byte(`"paper_copies": 1`), []byte(`"paper_copies": 3`), 1), 0o644))
	msg, err := s.CampaignDrift()
	if err != nil || !strings.Contains(msg, "已改动") || !strings.Contains(msg, "纸质材料份数：1 → 3") {
		t.Errorf("drift: %q %v", msg, err)
	}
	if c, _ := s.Case(); c.Campaign.PaperCopies != 1 {
		t.Error("an edited file changed the case without being adopted")
	}
	must(t, os.Remove(file))
	if msg, _ := s.CampaignDrift(); !strings.Contains(msg, "已不在") {
		t.Errorf("drift of a removed file: %q", msg)
	}
	audit, err := s.Audit(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range audit {
		if e.Entity == "督查激励定义" && strings.Contains(e.New, "2031.json") {
			found = true
		}
	}
	if !found {
		t.Error("adoption not in the history")
	}
}

// A refused definition changes nothing: a file with faults, one of another year on a
// case with data, one that drops a measure with candidates or allows fewer choices.
func TestAdoptCampaignRefusals(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	defer s.Close()
	setup(t, s)
	must(t, s.Update("候选", func(tx *Tx) error { return tx.SetCandidate(forms.Digital, "370100", true) }))
	read := func(name string) []byte {
		b, err := os.ReadFile(testDefs + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	builtin, _ := forms.BuiltinCampaign(2021)
	cases := []struct {
		name string
		def  []byte
		want string
	}{
		{"faults", []byte(`{"format": "tuijian-campaign/1"}`), "$.year"},
		{"other year", read("2031-test.json"), "不能改为 2031 年度"},
		{"dropped measure", dropLastMeasure(t, builtin), "没有措施“digital”"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := s.CampaignRecord()
			err := s.Update("定义", func(tx *Tx) error { _, err := tx.AdoptCampaign(tc.def, "x.json"); return err })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			after, _ := s.CampaignRecord()
			if !bytes.Equal(before.Definition, after.Definition) || before.Source != after.Source {
				t.Error("refused definition changed the case")
			}
			var de *forms.DefinitionError
			if tc.name == "faults" && !errors.As(err, &de) {
				t.Errorf("faults not a DefinitionError: %T", err)
			}
		})
	}
}

func dropLastMeasure(t *testing.T, b []byte) []byte {
	var d map[string]any
	must(t, json.Unmarshal(b, &d))
	ms := d["measures"].([]any)
	d["measures"] = ms[:len(ms)-1]
	out, err := json.Marshal(d)
	must(t, err)
	return out
}

// A data file of schema version 6 has no stored definition: it reads as the built-in
// one of its year and pins it on its next change of settings.
func TestOldStoreGetsBuiltinCampaign(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s := open(t, path)
	setup(t, s)
	if _, err := s.db.Exec("DELETE FROM campaign"); err != nil {
		t.Fatal(err)
	}
	r, err := s.CampaignRecord()
	if err != nil || r.Stored || r.Source != "builtin:2021" {
		t.Fatalf("%+v %v", r, err)
	}
	if c, err := s.Case(); err != nil || c.Campaign.Notice != "工信厅规函〔2022〕13号" {
		t.Fatalf("case on the built-in: %v", err)
	}
	setup(t, s)
	if r, _ := s.CampaignRecord(); !r.Stored {
		t.Error("not pinned on the next settings change")
	}
	s.Close()
}
