package submission

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tuijian/data/bagit"
)

// profile is the part of the bagit-profiles specification the package uses.
type profile struct {
	Info struct {
		ID string `json:"BagIt-Profile-Identifier"`
	} `json:"BagIt-Profile-Info"`
	BagInfo map[string]struct {
		Required   bool     `json:"required"`
		Repeatable *bool    `json:"repeatable"`
		Values     []string `json:"values"`
	} `json:"Bag-Info"`
	ManifestsRequired    []string `json:"Manifests-Required"`
	ManifestsAllowed     []string `json:"Manifests-Allowed"`
	TagManifestsRequired []string `json:"Tag-Manifests-Required"`
	AllowFetch           bool     `json:"Allow-Fetch.txt"`
	AcceptVersion        []string `json:"Accept-BagIt-Version"`
	PayloadRequired      []string `json:"Payload-Files-Required"`
	PayloadAllowed       []string `json:"Payload-Files-Allowed"`
	TagRequired          []string `json:"Tag-Files-Required"`
	TagAllowed           []string `json:"Tag-Files-Allowed"`
}

// validate checks a bag folder against the profile the way the specification's
// validators do, returning every violation.
func validate(t *testing.T, p profile, dir string) []string {
	var bad []string
	info, err := readInfo(dir)
	if err != nil {
		return []string{err.Error()}
	}
	count := map[string]int{}
	for _, f := range info {
		count[f[0]]++
		rule, ok := p.BagInfo[f[0]]
		if ok && len(rule.Values) > 0 && !slices.Contains(rule.Values, f[1]) {
			bad = append(bad, "bag-info "+f[0]+" = "+f[1])
		}
	}
	for name, rule := range p.BagInfo {
		if rule.Required && count[name] == 0 {
			bad = append(bad, "bag-info lacks "+name)
		}
		if rule.Repeatable != nil && !*rule.Repeatable && count[name] > 1 {
			bad = append(bad, "bag-info repeats "+name)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, bagit.BagitFile)); !slices.ContainsFunc(p.AcceptVersion, func(v string) bool { return strings.Contains(string(b), "BagIt-Version: "+v) }) {
		bad = append(bad, "BagIt version")
	}
	for _, a := range p.ManifestsRequired {
		if _, err := os.Stat(filepath.Join(dir, "manifest-"+a+".txt")); err != nil {
			bad = append(bad, "no manifest-"+a)
		}
	}
	for _, a := range p.TagManifestsRequired {
		if _, err := os.Stat(filepath.Join(dir, "tagmanifest-"+a+".txt")); err != nil {
			bad = append(bad, "no tagmanifest-"+a)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "fetch.txt")); err == nil && !p.AllowFetch {
		bad = append(bad, "fetch.txt")
	}
	for _, f := range append(slices.Clone(p.PayloadRequired), p.TagRequired...) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			bad = append(bad, "missing "+f)
		}
	}
	filepath.WalkDir(dir, func(q string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, q)
		rel = filepath.ToSlash(rel)
		allowed := p.TagAllowed
		if strings.HasPrefix(rel, bagit.PayloadDir+"/") {
			allowed = p.PayloadAllowed
		} else if rel == bagit.BagitFile || rel == bagit.InfoFile || strings.HasPrefix(rel, "manifest-") || strings.HasPrefix(rel, "tagmanifest-") && strings.HasSuffix(rel, ".txt") {
			return nil
		}
		if !slices.ContainsFunc(allowed, func(g string) bool { ok, _ := path.Match(g, rel); return ok }) {
			bad = append(bad, "not allowed: "+rel)
		}
		return nil
	})
	return bad
}

// Issue 17 point 5: every package names the profile and keeps to it; a package that
// breaks it (a tag file removed, a file added at the top) is caught.
func TestPackageKeepsToItsBagItProfile(t *testing.T) {
	var p profile
	if err := json.Unmarshal(BagItProfile, &p); err != nil {
		t.Fatal(err)
	}
	if p.Info.ID != ProfileID || !strings.HasPrefix(ProfileID, "tag:") {
		t.Fatalf("identifier %q", ProfileID)
	}
	shared, _ := sharedPackage(t)
	pkg := filepath.Join(shared, "pkg")
	if bad := validate(t, p, pkg); len(bad) > 0 {
		t.Fatalf("the package breaks its profile: %v", bad)
	}
	info, _ := readInfo(pkg)
	if infoValue(info, "BagIt-Profile-Identifier") != ProfileID {
		t.Error("bag-info.txt does not name the profile")
	}
	broken := filepath.Join(t.TempDir(), "broken")
	copyTree(t, pkg, broken)
	os.Remove(filepath.Join(broken, SM2PublicKeyName))
	os.WriteFile(filepath.Join(broken, "附加.txt"), []byte("x"), 0o644)
	bad := validate(t, p, broken)
	if !slices.Contains(bad, "missing "+SM2PublicKeyName) || !slices.Contains(bad, "not allowed: 附加.txt") {
		t.Errorf("violations not found: %v", bad)
	}
}
