// Package workbook moves figures between Tuijian and Excel: the 填报表 the province
// sends to its cities (one sheet per measure, the 主导产业 sheet of 附件3, an
// instruction sheet) and the 审核表 it sends to the statistics bureau (通知 item 四),
// and reads both back defensively.
//
// # The 填报表 (ExportFigures / ImportFigures)
//
// One sheet per measure, named by Measure.Short (“工业稳增长”, “信息基础设施和产业数字化”).
// Columns A and B hold the 代码 and 市（州） of each candidate, one row per candidate.
// Each indicator then has six columns under its exact 附件3/附件4 label (merged over
// the six): the two year values (“2020年”, “2021年”), then “2020年来源”, “2021年来源”,
// “2020年备注”, “2021年备注”. 来源 and 备注 are per figure, as the store keeps them,
// so that exporting and importing an unchanged workbook changes nothing. Rows 1–2 are
// the header (locked); data starts at row 3 (unlocked cells). Cells of 是/否 indicators
// carry a 是/否 drop-down list; cells of “a/b” indicators are text-formatted so that
// Excel does not turn 3/1 into a date.
//
// The sheet “主导产业” is the sub-table of 附件3 for the later year: 代码, 市（州）, 序号
// (1–20) and the five columns of the notice. A row whose name is blank deletes the
// stored row of that 序号; a 序号 absent from the sheet leaves the stored row alone.
//
// The export prefills every stored value and keeps, in the hidden metadata, a short
// fingerprint of each exported figure (value, 来源, 备注) and of each 主导产业 row. On
// import a figure the city left exactly as exported is skipped, even when the store
// changed since the export: the same workbook can go to every city and their copies be
// imported one after another without undoing each other or the officer's later edits.
// A figure the city changed replaces the stored one; a value it deleted (blank cell)
// becomes “no figure”. Candidates without a row in the sheet are left alone.
//
// Cells are read as Excel displays them (their cached, formatted value): 0.123 in a
// percent-formatted cell is 12.3 (%), a formula contributes its cached result, numbers
// typed as text, full-width digits, “%”, thousands separators are read by
// forms/value.Parse. A formula without a cached result is an error (open and save the
// file in Excel or WPS first). Blank rows anywhere are skipped; header cells may be
// merged or not; columns are found by their header text, so a header that does not
// match this campaign (another year, another measure) is reported, as is a missing
// column.
//
// A hidden sheet “_tuijian” holds the format name, format version, campaign year and
// province code; the importer refuses a workbook of another campaign or province.
//
// ImportFigures is all or nothing: it returns either a *FigurePlan (the changes, old →
// new per cell) or a *Problems error that lists every problem found, each naming sheet,
// cell and what is wrong. FigurePlan.Apply writes the plan inside the caller's
// store.Update, so an import is one audit batch.
//
// # The 审核表 (ExportVerification / ImportVerification)
//
// One sheet “统计数据审核” with a row per statistical-system figure (Indicator.Statistical)
// of every candidate and year: 代码, 市（州）, 措施, 指标, 年份, 数值, 单位, 来源, and three
// columns for the bureau, 审核值, 审核意见, 审核人 — the only unlocked cells. The reply is
// read into a *VerificationReply whose Items put the bureau's answer beside the current
// value: confirmed (审核值 blank or equal, no 审核意见), changed (审核值 differs) or
// questioned (审核意见 without a value change). VerificationReply.Apply records the
// officer's decisions: an accepted figure becomes 已审核 (by “<省>统计局 <审核人>”, with
// the reply's document number and date); an accepted change also replaces the value
// first. A rejected change or question makes the figure 有疑问; a rejected confirmation
// leaves the figure as it is. Confirmed items need no decision (they default to accept);
// changed and questioned ones must be decided.
//
// # Defensive reading
//
// Before excelize sees a file, openBook checks it is a zip (an .xls or encrypted file is
// named as such), at most 50 MiB, with at most 1,000 entries, at most 100 MiB
// uncompressed in all (the sizes in the central directory, which archive/zip enforces
// while reading) and no entry above 1 MiB compressed more than 200:1. excelize is
// opened with the same limits (UnzipSizeLimit; UnzipXMLSizeLimit 16 MiB, above which
// excelize keeps a sheet in a temporary file). Worksheet parts are scanned as streams
// for formulas without a cached value (excelize reads those as blank). Sheets are read
// with the streaming Rows iterator; more than 10,000 non-blank data rows in a sheet, a
// row of more than 1,000 columns, or a cell longer than 1,000 characters is an error.
// At most 1,000 problems are listed, with the count of the rest.
package workbook
