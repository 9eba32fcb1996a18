package forms

import "fmt"

// Verification is the one record of a check by another body (通知 item 四): of a figure
// by the statistics bureau or the 通信管理局, or of a 主导产业 row by the statistics
// bureau. The rules live here; the store and the workbooks only persist and read it:
//
//   - the state is 未审核, 已审核 or 有疑问;
//   - 已审核 needs who verified, the reply's 文号 and its date;
//   - a date is any form ParseDate reads, stored as 2022-02-08;
//   - a changed value is no longer what was verified: it returns to 未审核
//     (StateAfterEdit).
type Verification struct {
	State VerifyState
	By    string // body and person, e.g. 省统计局 王五
	At    string // date of the reply
	DocNo string // 文号 of the reply
}

// Checked returns v with its date normalized, or what is wrong in Chinese.
func (v Verification) Checked() (Verification, error) {
	switch v.State {
	case Unverified, Verified, Questioned:
	default:
		return v, fmt.Errorf("审核状态“%s”无效：应为%s、%s或%s", v.State, Unverified, Verified, Questioned)
	}
	at, err := NormalizeDate(v.At)
	if err != nil {
		return v, fmt.Errorf("审核日期：%w", err)
	}
	v.At = at
	if v.State == Verified && (v.By == "" || v.DocNo == "" || v.At == "") {
		return v, fmt.Errorf("标记为已审核须填写审核单位（人）、审核文件文号和日期")
	}
	return v, nil
}

// StateAfterEdit is the state of a checked record after an edit: unchanged when the
// verified content is the same, 未审核 otherwise (also for a new record).
func StateAfterEdit(old VerifyState, exists, changed bool) VerifyState {
	if !exists || (changed && old != Unverified) || old == "" {
		return Unverified
	}
	return old
}
