package app

import (
	"fyne.io/fyne/v2/test"
	"strings"
	"tuijian/data/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// containsText reports whether a label or text under o shows the string.
func containsText(o fyne.CanvasObject, s string) bool {
	switch x := o.(type) {
	case *widget.Label:
		return strings.Contains(x.Text, s)
	case *canvas.Text:
		return strings.Contains(x.Text, s)
	case *fyne.Container:
		for _, c := range x.Objects {
			if containsText(c, s) {
				return true
			}
		}
	case *container.Scroll:
		return containsText(x.Content, s)
	}
	return false
}

var storeAuditAll = store.AuditFilter{}

func widgetID(c gridCell) widget.TableCellID { return widget.TableCellID{Row: c.Row, Col: c.Col} }

// containsTextDeep looks through widget renderers too.
func containsTextDeep(o fyne.CanvasObject, s string) bool {
	if containsText(o, s) {
		return true
	}
	var objs []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		objs = x.Objects
	case fyne.Widget:
		objs = test.WidgetRenderer(x).Objects()
	}
	for _, c := range objs {
		if containsTextDeep(c, s) {
			return true
		}
	}
	return false
}
