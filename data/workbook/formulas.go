package workbook

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

func partName(n string) string {
	return strings.TrimPrefix(strings.ToLower(strings.ReplaceAll(n, "\\", "/")), "/")
}

// uncachedFormulas streams a worksheet part and returns the references of the cells
// that hold a formula but no cached value (at most maxProblems of them).
func uncachedFormulas(zf *zip.File) (map[string]bool, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	out := map[string]bool{}
	var ref string
	inCell, hasF, hasV, inV := false, false, false, false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				inCell, hasF, hasV, ref = true, false, false, ""
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						ref = a.Value
					}
				}
			case "f":
				hasF = inCell
			case "v":
				inV = inCell
			}
		case xml.CharData:
			if inV && strings.TrimSpace(string(t)) != "" {
				hasV = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "c":
				if hasF && !hasV && ref != "" && len(out) < maxProblems {
					out[strings.ToUpper(ref)] = true
				}
				inCell = false
			}
		}
	}
}

// sheetParts maps worksheet part names (xl/worksheets/sheet1.xml) to sheet names, from
// xl/workbook.xml and its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = partName(t)
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := target[s.ID]; ok {
			out[t] = s.Name
		}
	}
	return out, nil
}

func decodePart(zr *zip.Reader, name string, v any) error {
	for _, zf := range zr.File {
		if partName(zf.Name) == name {
			rc, err := zf.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(rc).Decode(v)
		}
	}
	return nil
}
