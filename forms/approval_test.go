package forms

import "testing"

func TestWithImpliedConsent(t *testing.T) {
	cases := []struct {
		name    string
		in      Approval
		gov, tl Consent
	}{
		{"文号 means 同意", Approval{GovDocNo: "粤府函〔2022〕8号", TelecomDocNo: "粤通信管理局函〔2022〕4号"}, ConsentYes, ConsentYes},
		{"否 stays 否", Approval{Government: ConsentNo, GovDocNo: "粤府函〔2022〕8号"}, ConsentNo, ConsentUnknown},
		{"no 文号, no answer", Approval{GovDate: "2022-02-08"}, ConsentUnknown, ConsentUnknown},
	}
	for _, c := range cases {
		got := c.in.WithImpliedConsent()
		if got.Government != c.gov || got.Telecom != c.tl {
			t.Errorf("%s: %q/%q, want %q/%q", c.name, got.Government, got.Telecom, c.gov, c.tl)
		}
	}
}

func TestFollowingGovConsent(t *testing.T) {
	yes := Approval{Measure: Industry, Government: ConsentYes, GovDocNo: "鲁政字〔2022〕8号", GovDate: "2022-02-08"}
	cases := []struct {
		name    string
		digital Approval // the other measure's stored approval
		chosen  bool     // the other measure has a chosen city
		was     Approval
		want    bool
	}{
		{"empty other measure follows", Approval{Measure: Digital, LetterNo: "鲁工信函〔2022〕2号"}, true, Approval{Measure: Industry}, true},
		{"same as before follows", Approval{Measure: Digital, Government: ConsentYes, GovDocNo: "鲁政字〔2022〕7号"}, true,
			Approval{Measure: Industry, Government: ConsentYes, GovDocNo: "鲁政字〔2022〕7号"}, true},
		{"typed differently stays", Approval{Measure: Digital, Government: ConsentYes, GovDocNo: "鲁政字〔2022〕9号"}, true, Approval{Measure: Industry}, false},
		{"measure without a city stays", Approval{Measure: Digital}, false, Approval{Measure: Industry}, false},
	}
	for _, k := range cases {
		c := testCase(t)
		c.Choices = []Choice{{Measure: Industry, UnitCode: "370100"}}
		if k.chosen {
			c.Choices = append(c.Choices, Choice{Measure: Digital, UnitCode: "370100"})
		}
		c.Approvals = []Approval{k.digital}
		got := FollowingGovConsent(c, k.was, yes)
		if (len(got) == 1) != k.want {
			t.Fatalf("%s: %+v", k.name, got)
		}
		if k.want {
			a := got[0]
			if a.Measure != Digital || a.GovDocNo != yes.GovDocNo || a.GovDate != yes.GovDate || a.Government != ConsentYes || a.LetterNo != k.digital.LetterNo {
				t.Errorf("%s: %+v", k.name, a)
			}
		}
	}
	// Not a consent (否, or no 文号), or nothing changed: nobody follows.
	c := testCase(t)
	c.Choices = []Choice{{Measure: Industry, UnitCode: "370100"}, {Measure: Digital, UnitCode: "370100"}}
	for _, now := range []Approval{{Measure: Industry, Government: ConsentNo, GovDocNo: "x"}, {Measure: Industry, Government: ConsentYes}, yes} {
		was := Approval{Measure: Industry}
		if now == yes {
			was = yes
		}
		if got := FollowingGovConsent(c, was, now); len(got) != 0 {
			t.Errorf("%+v → %+v", now, got)
		}
	}
}
