package forms

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The built-in campaign definitions: campaigns/<year>.json, embedded, each transcribed
// from its notice (the file names the notice text's SHA-256 and source). A case keeps
// its own copy of its definition (data/store), so a later release that corrects a
// built-in file changes no case silently.

//go:embed campaigns/*.json
var builtinFS embed.FS

var (
	builtinOnce  sync.Once
	builtinYears []int
)

// CampaignYears lists the campaign years that have a built-in definition.
func CampaignYears() []int {
	builtinOnce.Do(func() {
		names, _ := builtinFS.ReadDir("campaigns")
		for _, n := range names {
			if y, err := strconv.Atoi(strings.TrimSuffix(n.Name(), ".json")); err == nil {
				builtinYears = append(builtinYears, y)
			}
		}
		slices.Sort(builtinYears)
	})
	return slices.Clone(builtinYears)
}

// LatestCampaignYear is the newest year with a built-in definition.
func LatestCampaignYear() int {
	ys := CampaignYears()
	return ys[len(ys)-1]
}

// BuiltinCampaign returns the definition file of a built-in campaign.
func BuiltinCampaign(year int) ([]byte, bool) {
	b, err := builtinFS.ReadFile(path.Join("campaigns", strconv.Itoa(year)+".json"))
	return b, err == nil
}

// CampaignFor returns the built-in definition of the campaign of the given year.
func CampaignFor(year int) (*Campaign, error) {
	b, ok := BuiltinCampaign(year)
	if !ok {
		return nil, fmt.Errorf("本程序没有内置 %d 年度督查激励工作的定义：内置的年度为 %v；新年度的通知请用定义文件（tuijian-cli campaign check 文件）", year, CampaignYears())
	}
	c, err := DecodeCampaign(b)
	if err != nil {
		// The built-in files are tested; a failure here is a build defect.
		panic(fmt.Sprintf("forms: 内置的 %d 年度督查激励定义有误: %v", year, err))
	}
	if c.Year != year {
		panic(fmt.Sprintf("forms: campaigns/%d.json 定义的是 %d 年度", year, c.Year))
	}
	return c, nil
}

//go:embed campaign.schema.json
var campaignSchema []byte

// CampaignSchema returns the JSON Schema (draft 2020-12) of the definition file. It
// describes the shape for editors and reviewers; DecodeCampaign checks the same and
// more (references between indicators and clauses, unique keys, years).
func CampaignSchema() []byte { return slices.Clone(campaignSchema) }
