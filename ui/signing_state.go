package ui

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// signingStateText is what the draft view's state line says about the
// signing: how far it has come, who rejected the agreement and why, or
// that it is signed and sealed. Empty for a draft.
func signingStateText(s *data.Store, a data.Agreement) string {
	if a.ID == 0 || a.Status == data.StatusDraft {
		return ""
	}
	st, err := s.SigningState(context.Background(), a.ID)
	if err != nil {
		return err.Error()
	}
	signed := 0
	for _, g := range st.Signers {
		if g.Signature != nil {
			signed++
		}
	}
	switch st.Status {
	case data.StatusPending:
		if st.AllSigned {
			return lang.X("signing.state.unsealed", "Alle har underskrevet; aftalen mangler sit segl. Tryk »Forsegl« for at forsegle den.")
		}
		return lang.X("signing.state.pending", "{{.Signed}} af {{.Total}} har underskrevet. Teksten er låst.",
			map[string]any{"Signed": signed, "Total": len(st.Signers)})
	case data.StatusRejected:
		return lang.X("signing.state.rejected", "Afvist af {{.Name}} {{.When}}: {{.Reason}}",
			map[string]any{"Name": st.RejectedByName, "When": dk.FormatDateTime(st.RejectedAt.Local()), "Reason": st.RejectedReason})
	case data.StatusSigned:
		text := lang.X("signing.state.signed", "Forseglet {{.When}}; teksten er låst. En ændring laves som et tillæg.",
			map[string]any{"When": dk.FormatDateTime(st.SignedAt.Local())})
		if st.Paper {
			text = lang.X("signing.state.paper", "Underskrevet på papir; forseglet {{.When}}. En ændring laves som et tillæg.",
				map[string]any{"When": dk.FormatDateTime(st.SignedAt.Local())})
		}
		return text
	}
	return ""
}

// signingStatusLabel is the status's name, "Underskrevet (papir)" for one
// signed on paper.
func signingStatusLabel(s *data.Store, a data.Agreement) string {
	if a.Status == data.StatusSigned {
		if st, err := s.SigningState(context.Background(), a.ID); err == nil && st.Paper {
			return lang.X("signing.status.paper", "Underskrevet (papir)")
		}
	}
	return agreementStatusLabel(a.Status)
}
