package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuijian/data/demo"
	"tuijian/data/store"
	"tuijian/forms"
)

// multiCase is 新疆 under the 2031 test definition: industry takes two cities, both
// chosen, digital one.
func multiCase(t *testing.T, step forms.Step) *testEnv {
	b, err := os.ReadFile("../forms/testdata/campaigns/2031-test.json")
	if err != nil {
		t.Fatal(err)
	}
	return newTestEnv(t, envConfig{step: step, empty: true, prepare: func(s *store.Store) {
		err := demo.FillCampaign(s, testNow, demo.Options{Province: "650000", Definition: b, Source: "2031-test.json",
			Candidates: map[forms.MeasureID][]string{forms.Industry: {"654000", "652800", "650100"}, forms.Digital: {"650100"}},
			Chosen:     map[forms.MeasureID][]string{forms.Industry: {"654000", "652800"}, forms.Digital: {"650100"}}})
		if err != nil {
			t.Fatal(err)
		}
	}})
}

// 比选 of a measure that takes two cities lists both with 取消推荐; choosing a third is
// refused naming the quota; 取消推荐 frees a place.
func TestCompareSeveralUnits(t *testing.T) {
	h := multiCase(t, forms.StepCompare)
	txt := h.texts()
	for _, want := range []string{"当前推荐：伊犁哈萨克自治州、巴音郭楞蒙古自治州", "本措施不超过2个市（州）", "取消推荐伊犁哈萨克自治州", "取消推荐巴音郭楞蒙古自治州"} {
		if !strings.Contains(txt, want) {
			t.Errorf("compare lacks %q:\n%s", want, txt)
		}
	}
	s := h.screen.(*compareScreen)
	p := s.panels[0]
	p.choice.SetSelected(p.optionOf("650100"))
	p.reason.SetText("乌鲁木齐市数字化领先")
	test.Tap(p.chooseBtn)
	if len(h.errs) != 1 || !strings.Contains(h.errs[0].Error(), "最多推荐 2 个") {
		t.Fatalf("a third city: %v", h.errs)
	}
	test.Tap(h.button("取消推荐巴音郭楞蒙古自治州"))
	if got := h.stored().ChosenCodes(forms.Industry); len(got) != 1 || got[0] != "654000" {
		t.Fatalf("after 取消推荐: %v", got)
	}
	p = h.screen.(*compareScreen).panels[0]
	p.choice.SetSelected(p.optionOf("650100"))
	p.reason.SetText("乌鲁木齐市数字化领先")
	test.Tap(p.chooseBtn)
	if got := h.stored().ChosenCodes(forms.Industry); len(got) != 2 || got[1] != "650100" {
		t.Fatalf("after choosing 乌鲁木齐: %v %v", got, h.errs)
	}
}

// 申报书 of a measure with two chosen cities: a selector shows each city's text.
func TestApplicationOfSeveralUnits(t *testing.T) {
	h := multiCase(t, forms.StepApplication)
	p := h.screen.(*applicationScreen).panels[0]
	if !p.unitSel.Visible() || len(p.unitSel.Options) != 2 {
		t.Fatalf("unit selector: %v", p.unitSel.Options)
	}
	if !strings.Contains(p.city.Text, "伊犁哈萨克自治州") {
		t.Errorf("first city: %s", p.city.Text)
	}
	p.unitSel.SetSelected("巴音郭楞蒙古自治州")
	if p.code != "652800" || !strings.Contains(p.city.Text, "巴音郭楞蒙古自治州") || !strings.Contains(p.entries["1"].Text, "巴音郭楞蒙古自治州") {
		t.Errorf("second city: %s %s", p.code, p.city.Text)
	}
}

// Word import offers every chosen unit, two for industry here.
func TestDocChoicesListEveryUnit(t *testing.T) {
	h := multiCase(t, forms.StepApplication)
	ms, units := docChoices(h.env.Case)
	var got []string
	for i := range ms {
		got = append(got, string(ms[i].ID)+":"+units[i].Code)
	}
	if strings.Join(got, " ") != "industry:654000 industry:652800 digital:650100" {
		t.Errorf("doc choices: %v", got)
	}
}
