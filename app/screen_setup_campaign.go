package app

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// campaignCard is the part of 设置 that names the campaign the data file runs on (the
// notice, its deadline with a countdown, where the definition came from) and loads a
// new definition file: the file is checked first, its differences from the one in use
// are shown, and only 采用 writes it (issue 16).
type campaignCard struct {
	env   *Env
	card  *widget.Card
	info  *widget.Label
	drift *widget.Label
	load  *widget.Button
	// adopted is called after a definition was adopted (the setup form reloads).
	adopted func()
}

func newCampaignCard(env *Env, adopted func()) *campaignCard {
	c := &campaignCard{env: env, adopted: adopted}
	c.info = widget.NewLabel("")
	c.info.Wrapping = fyne.TextWrapWord
	c.drift = widget.NewLabel("")
	c.drift.Wrapping = fyne.TextWrapWord
	c.drift.Importance = widget.WarningImportance
	c.load = widget.NewButtonWithIcon("载入定义文件…", theme.FolderOpenIcon(), func() {
		askPath(env, pathRequest{Title: "载入督查激励定义文件", Kind: pickFile, Exts: []string{".json"},
			Note: "新年度的通知下发后，把审定的定义文件（JSON）载入本数据文件；载入前会列出与现用定义的不同。"}, c.offer)
	})
	c.card = widget.NewCard("督查激励工作", "", container.NewVBox(c.info, c.drift, container.NewHBox(c.load)))
	return c
}

// refresh shows the case's campaign, or the latest built-in one before setup.
func (c *campaignCard) refresh() {
	var def *forms.Campaign
	source := ""
	if rec, err := c.env.Store.CampaignRecord(); err == nil {
		source = rec.SourceText()
		def, _ = c.env.Store.Campaign()
	}
	if def == nil {
		def, _ = forms.CampaignFor(forms.LatestCampaignYear())
		source = "尚未设置；保存设置时采用所选年度的内置定义"
	}
	c.info.SetText(campaignText(def, source, c.env.Now()))
	msg, _ := c.env.Store.CampaignDrift()
	c.drift.SetText(msg)
	if msg == "" {
		c.drift.Hide()
	} else {
		c.drift.Show()
	}
}

// campaignText is the card's text: notice, deadline and countdown, quotas, source.
func campaignText(def *forms.Campaign, source string, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d年度　%s\n%s\n", def.Year, def.Notice, def.NoticeTitle)
	fmt.Fprintf(&b, "报送截止：%s（%s）\n", def.Deadline.Format("2006年1月2日"), countdown(def.Deadline, now))
	for _, m := range def.Measures {
		fmt.Fprintf(&b, "%d. %s：%s\n", m.Seq, m.Short, m.Quota.Text())
	}
	fmt.Fprintf(&b, "纸质材料 %d 份", def.PaperCopies)
	if def.Disc {
		b.WriteString("，附电子版光盘")
	}
	b.WriteString("\n定义：" + source)
	return b.String()
}

// countdown says how far the deadline is from today (China's day).
func countdown(deadline, now time.Time) string {
	days := int(deadline.Sub(forms.Day(now)).Hours() / 24)
	switch {
	case days > 0:
		return fmt.Sprintf("还有 %d 天", days)
	case days == 0:
		return "今天截止"
	}
	return fmt.Sprintf("已过截止日期 %d 天", -days)
}

// offer reads a definition file and, when it is sound, shows what it changes and
// asks before adopting it; a file with faults is refused with their JSON paths.
func (c *campaignCard) offer(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		c.env.ShowError(fmt.Errorf("无法读取定义文件 %s：%v", path, errors.Unwrap(err)))
		return
	}
	def, err := forms.DecodeCampaign(b)
	if err != nil {
		c.env.ShowError(fmt.Errorf("%s：%w", path, err))
		return
	}
	var lines []string
	if cur, err := c.env.Store.Campaign(); err == nil {
		lines = forms.DiffCampaigns(cur, def)
		if len(lines) == 0 {
			lines = []string{"与现用定义的规则相同。"}
		}
	} else {
		lines = []string{fmt.Sprintf("本数据文件尚未设置；采用后年度为 %d。", def.Year)}
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(fmt.Sprintf("定义文件 %s\n%d年度　%s　报送截止 %s\n与现用定义相比：", path, def.Year, def.Notice, def.Deadline.Format("2006年1月2日")))
	head.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 300))
	d := dialog.NewCustomConfirm("载入督查激励定义", "采用", "取消", container.NewBorder(head, nil, nil, nil, scroll), func(yes bool) {
		if yes {
			c.adopt(b, path)
		}
	}, c.env.Window)
	d.Show()
}

func (c *campaignCard) adopt(b []byte, path string) {
	var def *forms.Campaign
	err := c.env.Store.Update("载入督查激励定义", func(t *store.Tx) error {
		var err error
		def, err = t.AdoptCampaign(b, path)
		return err
	})
	if err != nil {
		c.env.ShowError(err)
		return
	}
	notify(c.env, "载入督查激励定义", fmt.Sprintf("已采用 %d 年度的定义（%s）", def.Year, def.Notice))
	if c.adopted != nil {
		c.adopted()
	}
	c.env.Changed()
}
