package main
import (
 _ "fyne.io/fyne/v2/app"
 _ "fyne.io/fyne/v2/widget"
 _ "fyne.io/fyne/v2/test"
 _ "modernc.org/sqlite"
 _ "github.com/xuri/excelize/v2"
 _ "github.com/signintech/gopdf"
 _ "aead.dev/minisign"
 _ "gonum.org/v1/plot"
 _ "gonum.org/v1/plot/vg/vgimg"
 _ "gonum.org/v1/plot/plotter"
 _ "golang.org/x/image/font/opentype"
)

