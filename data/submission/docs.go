package submission

import (
	"tuijian/data/documents"
	"tuijian/forms"
)

func init() {
	buildDocuments = func(in DocumentsInput, progress func(done, total int)) ([]File, error) {
		files, err := documents.BuildProgress(documents.Input{Case: in.Case, Sections: in.Sections, Fingerprint: in.Fingerprint, SM2Fingerprint: in.SM2Fingerprint,
			Date: forms.Day(in.Date), ExportDay: forms.Day(in.Date), Fonts: in.Fonts, IncludeReport: in.IncludeReport}, func(done, total int, _ string) {
			if progress != nil {
				progress(done, total)
			}
		})
		if err != nil {
			return nil, err
		}
		out := make([]File, len(files))
		for i, f := range files {
			out[i] = File{Path: f.Path, Data: f.Data}
		}
		return out, nil
	}
}
