// Package app is the Fyne GUI of Tuijian: one window whose navigation follows the
// workflow of DESIGN.md §2, one file per screen. It holds no rules: every check and
// computation comes from forms/ and every write goes through data/store, exactly as
// the CLI does.
//
// Screens and actions register themselves in init (registerScreen, registerAction), so
// each screen's file stands alone.
package app

import (
	"time"

	"fyne.io/fyne/v2/dialog"

	"fyne.io/fyne/v2"

	"tuijian/data/store"
	"tuijian/forms"
)

// Env is what every screen shares: the store, the window and the shell's services.
type Env struct {
	Store  *store.Store
	Window fyne.Window
	Now    func() time.Time
	// Case is the campaign as last loaded; screens read it in Refresh.
	Case *forms.Case
	// Changed must be called (on the UI goroutine) after every successful write: the
	// shell reloads the case and refreshes the navigation and every screen.
	Changed func()
	// Show navigates to a step and, where the screen supports it, to a field (the
	// Field of a forms.Issue).
	Show func(step forms.Step, field string)
	// ShowError shows a Chinese error to the user.
	ShowError func(err error)
	// OpenDemo switches to the demo data file; DataPath is the data file as the
	// window names it. Both are set by the shell (nil/empty in tests of one screen).
	OpenDemo func()
	DataPath func() string
	// OpenIntake switches the window to the ministry's 部里汇总 (set by the shell).
	OpenIntake func()
	// AskUnsaved asks 保存/不保存/取消 about a screen's unsaved form before an action
	// inside the screen would replace it (another city, 新建): proceed after 保存 or
	// 不保存, stay after 取消. Nil (tests of one screen) proceeds at once.
	AskUnsaved func(d dirtyScreen, proceed, stay func())

	// Notify shows a short notice that needs no answer (a file written) in the status
	// bar; nil (tests of one screen) shows it in a dialog instead (see notify).
	Notify func(text string)

	// lastDir is the folder of the last file or folder picked (askPath starts there).
	lastDir string
}

// Screen is one step of the workflow.
type Screen interface {
	// Content is built once and kept.
	Content() fyne.CanvasObject
	// Refresh shows the current case (env.Case); called after every change.
	Refresh()
	// Focus moves to a field named as in forms.Issue.Field; false if not on this screen.
	Focus(field string) bool
}

var screenFactories = map[forms.Step]func(*Env) Screen{}

// registerScreen makes the screen of a step; call from init.
func registerScreen(step forms.Step, f func(*Env) Screen) { screenFactories[step] = f }

// Action is a command offered on a screen's toolbar (e.g. 导入填报表 on 指标数据).
type Action struct {
	Step  forms.Step
	Label string
	// Icon is called when the toolbar is built (theme icons need a running app, and
	// actions register in init, before there is one).
	Icon func() fyne.Resource
	Run  func(env *Env)
}

var actions []Action

// registerAction adds a toolbar action to a step's screen; call from init.
func registerAction(a Action) { actions = append(actions, a) }

// actionsFor lists the actions of a step in registration order.
func actionsFor(step forms.Step) []Action {
	var out []Action
	for _, a := range actions {
		if a.Step == step {
			out = append(out, a)
		}
	}
	return out
}

// notify tells the officer something done that needs no answer: in the status bar
// when the shell is there, otherwise in a dialog.
func notify(env *Env, title, text string) {
	if env.Notify != nil {
		env.Notify(text)
		return
	}
	if env.Window != nil {
		dialog.ShowInformation(title, text, env.Window)
	}
}
