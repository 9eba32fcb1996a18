package forms

// Two rules that save the officer typing in 报批, written down here because they
// decide what is stored:
//
//   - A document number is the consent. The provincial government and the 通信管理局
//     answer with a 函 when they agree; a 文号 typed for a consent that was not yet
//     answered therefore means 同意. 不同意 is always chosen explicitly.
//   - One reply of the provincial government usually approves the whole
//     recommendation (both measures). When the government consent of one measure is
//     recorded, every other measure with a chosen city whose government consent is
//     still empty, or still the same as this measure's was, takes the same answer,
//     文号 and date. A measure whose consent was typed differently is left alone.

// WithImpliedConsent is a with 是 for each unanswered consent that has a 文号.
func (a Approval) WithImpliedConsent() Approval {
	if a.Government == ConsentUnknown && a.GovDocNo != "" {
		a.Government = ConsentYes
	}
	if a.Telecom == ConsentUnknown && a.TelecomDocNo != "" {
		a.Telecom = ConsentYes
	}
	return a
}

// govConsent is the part of an approval the provincial government gives.
type govConsent struct {
	consent   Consent
	doc, date string
}

func govOf(a Approval) govConsent { return govConsent{a.Government, a.GovDocNo, a.GovDate} }

// FollowingGovConsent lists the approvals of the other measures that take over the
// government consent recorded for a measure (was before the change, now after it,
// both as stored): those with a chosen city whose consent is empty or equal to was.
func FollowingGovConsent(c *Case, was, now Approval) []Approval {
	if c == nil || c.Campaign == nil || govOf(was) == govOf(now) || now.Government != ConsentYes || now.GovDocNo == "" {
		return nil
	}
	var out []Approval
	for _, m := range c.Campaign.Measures {
		if m.ID == now.Measure {
			continue
		}
		if ch, ok := c.Choice(m.ID); !ok || ch.UnitCode == "" {
			continue
		}
		a := c.Approval(m.ID)
		if g := govOf(a); g != (govConsent{}) && g != govOf(was) {
			continue
		}
		a.Measure = m.ID
		a.Government, a.GovDocNo, a.GovDate = now.Government, now.GovDocNo, now.GovDate
		out = append(out, a)
	}
	return out
}
