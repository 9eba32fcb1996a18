package intake

import (
	"strings"
	"testing"
)

func TestParseKeys(t *testing.T) {
	good := "\ufeff# 按推荐函登记\n山东\t3F2A 91BC 0D44 7E10 AB56 C3D2 98EF 0011\n" +
		"新疆生产建设兵团\t3f2a91bc0d447e10ab56c3d298ef0012\t77AA 0B1C 5D2E 9F30 41C2 D3E4 F506 1728\n" +
		"内蒙古自治区  3F2A 91BC 0D44 7E10 AB56 C3D2 98EF 0013\n\n"
	k, err := ParseKeys(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(k) != 3 || k["370000"].Fingerprint != "3F2A 91BC 0D44 7E10 AB56 C3D2 98EF 0011" || k["660000"].SM2 == "" || k["150000"].Line != 4 {
		t.Fatalf("%+v", k)
	}
	for _, c := range []struct{ in, want string }{
		{"山东\n", "第 1 行：应为"},
		{"鲁省\t3F2A91BC0D447E10AB56C3D298EF0011\n", "“鲁省”不是省级推荐单位"},
		{"山东\t3F2A 91BC\n", "第 1 行：公钥指纹“3F2A 91BC”应为 32 位"},
		{"山东\t3F2A91BC0D447E10AB56C3D298EF0011\n山东省\t3F2A91BC0D447E10AB56C3D298EF0012\n", "第 2 行：山东省已在第 1 行登记过"},
		{"# 只有注释\n", "登记表是空的"},
		{"山东\t3F2A91BC0D447E10AB56C3D298EF0011\tXYZ\n", "国密公钥指纹“XYZ”"},
	} {
		if _, err := ParseKeys(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
}

func TestParseBarsAndCommendations(t *testing.T) {
	b, err := ParseBars(strings.NewReader("370200\t2021\t2022\t工信厅督〔2021〕1号\n北京 朝阳区\t2021\t2021\t工信厅督〔2021〕2号\n"))
	if err != nil || len(b) != 2 || b[1].Unit.Code != "110105" || b[0].ToYear != 2022 {
		t.Fatalf("%+v %v", b, err)
	}
	for _, c := range []struct{ in, want string }{
		{"370200\t2021\n", "第 1 行：应为"},
		{"山东 没有市\t2021\t2022\t文号\n", "找不到市（州）“山东 没有市”"},
		{"370200\t2022\t2021\t文号\n", "起始不晚于截止"},
	} {
		if _, err := ParseBars(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
	if c, err := ParseCommendations(strings.NewReader("广西 柳州市\t国办发〔2021〕49号\n")); err != nil || len(c) != 1 || c[0].Unit.Code != "450200" {
		t.Errorf("%+v %v", c, err)
	}
}

// The registers are typed by hand: no input may crash them.
func FuzzParseKeys(f *testing.F) {
	f.Add("山东\t3F2A 91BC 0D44 7E10 AB56 C3D2 98EF 0011\n")
	f.Add("兵团  3f2a91bc0d447e10ab56c3d298ef0012\t77AA0B1C5D2E9F3041C2D3E4F5061728")
	f.Add("北京 朝阳区\t2021\t2021\t文号")
	f.Fuzz(func(t *testing.T, s string) {
		ParseKeys(strings.NewReader(s))
		ParseBars(strings.NewReader(s))
		ParseCommendations(strings.NewReader(s))
	})
}
