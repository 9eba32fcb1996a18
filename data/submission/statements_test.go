package submission

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tuijian/data/bagit"
	"tuijian/data/documents"
	"tuijian/forms"
)

// 通知 五 “精简报送材料” and 办法 第八条: the ministry's package carries the recommended
// cities only and no 比选报告; the province's signed archive carries the whole
// deliberation. Both verify.
func TestMinistryPackageAndArchive(t *testing.T) {
	dir, _ := sharedPackage(t)
	pkg := filepath.Join(dir, "pkg")
	if _, err := os.Stat(filepath.Join(pkg, bagit.PayloadDir, documents.ReportPDF)); err == nil {
		t.Error("the ministry package holds the 比选报告")
	}
	js, err := os.ReadFile(filepath.Join(pkg, filepath.FromSlash(JSONName)))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := Parse(js)
	if err != nil {
		t.Fatal(err)
	}
	chosen := map[string]bool{}
	for _, ch := range sub.Choices {
		chosen[ch.Unit] = true
		if string(ch.Decision) != "null" {
			t.Errorf("%s: decision record (other candidates' scores) in the ministry package", ch.Measure)
		}
	}
	if sub.Scope != ScopeMinistry || len(chosen) != 2 {
		t.Fatalf("scope %q, chosen %v", sub.Scope, chosen)
	}
	for _, f := range sub.Figures {
		if !chosen[f.Unit] {
			t.Errorf("figure of the non-recommended %s in the ministry package", f.Unit)
		}
	}
	for _, e := range sub.Events {
		if !chosen[e.Unit] {
			t.Errorf("event of the non-recommended %s in the ministry package", e.Unit)
		}
	}
	for _, m := range sub.Measures {
		if len(m.Candidates) != 1 {
			t.Errorf("%s lists candidates %v", m.ID, m.Candidates)
		}
	}

	c, secs := demoCaseAndSections(t)
	arch := filepath.Join(t.TempDir(), "存档")
	res, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: arch, Scope: ScopeArchive}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep := Verify(res.Out, nil); !rep.OK() {
		t.Fatalf("archive does not verify:\n%s", rep.Text())
	}
	if _, err := os.Stat(filepath.Join(arch, bagit.PayloadDir, documents.ReportPDF)); err != nil {
		t.Error("the archive lacks the 比选报告")
	}
	ajs, _ := os.ReadFile(filepath.Join(arch, filepath.FromSlash(JSONName)))
	asub, err := Parse(ajs)
	if err != nil {
		t.Fatal(err)
	}
	if asub.Scope != ScopeArchive || len(asub.Figures) <= len(sub.Figures) || len(asub.Events) <= len(sub.Events) {
		t.Errorf("archive scope %q with %d figures and %d events (ministry %d, %d)", asub.Scope, len(asub.Figures), len(asub.Events), len(sub.Figures), len(sub.Events))
	}
	info, _ := os.ReadFile(filepath.Join(arch, bagit.InfoFile))
	if !strings.Contains(string(info), "Package-Scope: "+ArchiveScopeText) {
		t.Errorf("bag-info of the archive:\n%s", info)
	}
	if _, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: arch + "2", ISO: arch + ".iso", Scope: ScopeArchive}, nil); err == nil {
		t.Error("an archive with a disc image was written")
	}
}

// A ministry package that carries a non-recommended city's data or the 比选报告 fails
// verification (the province's deliberation must not leak to the ministry).
func TestVerifyRefusesDeliberationInMinistryPackage(t *testing.T) {
	camp, _ := forms.CampaignFor(2021)
	sub := &Submission{Schema: SchemaVersion, Scope: ScopeMinistry, Date: "2022-02-10", Campaign: Campaign{Year: 2021, Notice: camp.Notice},
		Province: Province{Code: "370000", Name: "山东省"}, Department: "山东省工业和信息化厅",
		Units:    []Unit{{Code: "370200", Name: "青岛市"}, {Code: "370100", Name: "济南市"}},
		Measures: []Measure{{ID: forms.Industry, Candidates: []string{"370100", "370200"}}},
		Choices:  []Choice{{Measure: forms.Industry, Unit: "370200", Decision: json.RawMessage(`{"scores":[]}`)}},
		Figures:  []Figure{{Unit: "370100", Measure: forms.Industry, Indicator: "ind.little_giants", Year: 2021, Value: "3"}},
	}
	var what []string
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, bagit.PayloadDir), 0o755)
	os.WriteFile(filepath.Join(dir, bagit.PayloadDir, documents.ReportPDF), []byte("%PDF"), 0o644)
	checkSubmission(dir, sub, campaign2021(), func(file, check, format string, a ...any) {
		what = append(what, file+" "+strings.TrimSpace(fmt.Sprintf(format, a...)))
	})
	all := strings.Join(what, "\n")
	for _, want := range []string{"未推荐的济南市的数据", "比选决策记录", "不应含比选报告"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
}

// 通知 二 “不超过1个”: a province may recommend for one measure only. The package then
// holds nothing for the other measure, and says so.
func TestExportWithOneMeasureLeftEmpty(t *testing.T) {
	full, secs := demoCaseAndSections(t)
	c := *full
	c.Choices = slices.DeleteFunc(slices.Clone(full.Choices), func(ch forms.Choice) bool { return ch.Measure == forms.Digital })
	out := filepath.Join(t.TempDir(), "只推荐工业")
	res, err := Export(context.Background(), ExportInput{Case: &c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: out, Documents: fakeDocuments}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep := Verify(res.Out, nil); !rep.OK() {
		t.Fatalf("package with one measure does not verify:\n%s", rep.Text())
	}
	if _, err := os.Stat(filepath.Join(out, bagit.PayloadDir, "02-信息基础设施和产业数字化")); err == nil {
		t.Error("the unchosen measure has a folder in the package")
	}
	info, _ := os.ReadFile(filepath.Join(out, bagit.InfoFile))
	if !strings.Contains(string(info), "信息基础设施和产业数字化：本年度不推荐") {
		t.Errorf("bag-info does not say the measure is not recommended:\n%s", info)
	}
	readme, _ := os.ReadFile(filepath.Join(out, ReadmeName))
	if !strings.Contains(string(readme), "信息基础设施和产业数字化：本年度不推荐") {
		t.Errorf("README does not say which measures are recommended")
	}
	// No measure at all is refused by the pre-flight.
	c.Choices = nil
	if _, err := Export(context.Background(), ExportInput{Case: &c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: out + "-无", Documents: fakeDocuments}, nil); err == nil {
		t.Error("a package with no measure recommended was written")
	}
}

// The cover sheet speaks as a clerk does: “18 个文件，共 1880065 字节”, not the
// BagIt Payload-Oxum “1880065.18”.
func TestOxumText(t *testing.T) {
	if got := oxumText("1880065.18"); got != "18 个文件，共 1880065 字节" {
		t.Errorf("oxumText = %q", got)
	}
}

// Issue 15 point 6: names Windows forbids or alters are refused with a message.
func TestExportRefusesWindowsReservedNames(t *testing.T) {
	c, secs := demoCaseAndSections(t)
	dir := t.TempDir()
	for _, name := range []string{"CON", "nul.pkg", "报送包.", "报送包 ", "报送包?"} {
		_, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay,
			Out: filepath.Join(dir, name), Documents: fakeDocuments}, nil)
		if err == nil || !strings.Contains(err.Error(), "输出路径") {
			t.Errorf("%q: %v", name, err)
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%q was written", name)
		}
	}
}

// Issue 15 point 5 and issue 20 point 7: the receiver's README reads on Windows (BOM,
// CRLF), gives the Windows commands, and says what the stock tools do not prove.
func TestReadmeForWindowsAndHonest(t *testing.T) {
	c, _ := demoCaseAndSections(t)
	b := Readme(c, "3F2A 91BC", "ABCD", "77AA 0B1C", exportDay, ScopeMinistry)
	s := string(b)
	if !strings.HasPrefix(s, "\ufeff") || strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\n") {
		t.Error("README is not UTF-8 with BOM and CRLF")
	}
	for _, w := range []string{"Get-FileHash -Algorithm SHA256", "certutil -hashfile", "minisign.exe -Vm", "不能证明", "Payload-Oxum", "封面清单.pdf"} {
		if !strings.Contains(s, w) {
			t.Errorf("README lacks %q", w)
		}
	}
}
