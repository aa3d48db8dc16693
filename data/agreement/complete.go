package agreement

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// Finishing a signed agreement: when the last signature is given, the PDF
// is rendered with the signatures and the certificate page, sealed with the
// installation's certificate and stored in the database with its SHA-256,
// which locks the agreement. Exporting it later gives exactly those bytes.

// SealDir is the folder of the installation's seal certificate: "segl"
// next to the database file.
func SealDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "segl") }

// OpenStoreSealer opens the seal certificate that belongs to the store's
// database (SealDir), in the organisation's name from the settings.
func OpenStoreSealer(ctx context.Context, s *data.Store) (*Sealer, error) {
	org, err := s.Setting(ctx, data.SettingOrganisationName)
	if err != nil {
		return nil, err
	}
	if org == "" {
		org = "Partnerskab"
	}
	return OpenSealer(SealDir(s.Path()), org)
}

// SignedDocumentFor is DocumentFor with what the signing recorded: each
// signature as given, with when and where, and the certificate page's
// hashes and events. Signed stays nil while nobody has signed.
func SignedDocumentFor(ctx context.Context, s *data.Store, id int64) (Document, error) {
	doc, err := DocumentFor(ctx, s, id)
	if err != nil {
		return doc, err
	}
	st, err := s.SigningState(ctx, id)
	if err != nil {
		return doc, err
	}
	anySigned := false
	for _, g := range st.Signers {
		anySigned = anySigned || g.Signature != nil
	}
	if !anySigned {
		return doc, nil
	}
	a, err := s.Agreement(ctx, id)
	if err != nil {
		return doc, err
	}
	sd := &Signed{TemplateName: a.TemplateName, TemplateVer: a.TemplateVersion, BodySHA256: a.BodySHA256, SentAt: a.SentAt.In(time.Local),
		ClockNote: DefaultClockNote}
	if a.TemplateVersionID != 0 {
		v, err := s.TemplateVersion(ctx, a.TemplateVersionID)
		if err != nil {
			return doc, err
		}
		sd.TemplateSHA256 = v.SHA256
	}
	rec := &SealRecord{Format: recordFormat, Number: a.Number, Title: a.Title, BodySHA256: a.BodySHA256,
		TemplateSHA256: sd.TemplateSHA256}
	for _, g := range st.Signers {
		rs := RecordSignatory{Name: g.Name, Title: g.Title, Organisation: g.OrganisationName}
		if sig := g.Signature; sig != nil {
			rs.Method, rs.SignedAt, rs.Place = string(sig.Method), sig.SignedAt.UTC().Format(time.RFC3339), sig.Place
		}
		rec.Signatories = append(rec.Signatories, rs)
	}
	links, err := s.EventLinks(ctx, "aftale", id)
	if err != nil {
		return doc, err
	}
	for _, l := range links {
		rec.Events = append(rec.Events, RecordEvent{ID: l.ID, Hash: l.Hash})
	}
	sd.Record = rec
	for _, g := range st.Signers {
		var given GivenSignature
		method := SignatureMethod("")
		if sig := g.Signature; sig != nil {
			method = SignatureMethod(sig.Method)
			given = GivenSignature{Method: method, ImagePNG: sig.ImagePNG, TypedName: sig.TypedName,
				SignedAt: sig.SignedAt.In(time.Local), Place: sig.Place}
			if sig.Method == data.MethodPaper {
				given.SignedAt = sig.SignedOn // the date on the paper; no time of day
			}
		}
		sd.Signatures = append(sd.Signatures, given)
		se := SignerEvents{Name: g.Name, Title: g.Title, Organisation: g.OrganisationName, Method: method}
		for _, e := range g.Events {
			se.Events = append(se.Events, Event{At: e.At.In(time.Local), Text: eventText(e, g.Signature)})
		}
		if method == MethodPaper && st.ScanSHA256 != "" {
			se.Events = append(se.Events, Event{At: se.Events[len(se.Events)-1].At,
				Text: "scanningen af papiret gemt, SHA-256 " + st.ScanSHA256})
		}
		sd.Events = append(sd.Events, se)
	}
	doc.Signed = sd
	return doc, nil
}

// eventText is a signing event as the certificate page words it.
func eventText(e data.Event, sig *data.Signature) string {
	switch e.Kind {
	case data.EventSigned:
		if sig != nil && sig.Method == data.MethodPaper {
			return "underskrift på papir registreret (dateret " + dk.FormatDate(sig.SignedOn) + ")"
		}
		if sig != nil {
			return "underskrevet (" + sig.Method.Label() + ")"
		}
	case data.EventRejected:
		return "afvist: " + e.Detail
	}
	return e.Kind
}

// Finish renders, seals and stores the agreement every signatory has
// signed (on the screen or on paper) and returns the stored bytes. For an
// agreement already sealed it returns what is stored.
func Finish(ctx context.Context, s *data.Store, sealer *Sealer, id int64) ([]byte, error) {
	st, err := s.SigningState(ctx, id)
	if err != nil {
		return nil, err
	}
	if st.Status == data.StatusSigned {
		pdf, _, err := s.SealedPDF(ctx, id)
		return pdf, err
	}
	if st.Status != data.StatusPending || !st.AllSigned {
		return nil, fmt.Errorf("aftale %s har status %s og mangler underskrifter; den kan ikke forsegles endnu: %w",
			st.Number, st.Status.Label(), data.ErrSigning)
	}
	if sealer == nil {
		return nil, fmt.Errorf("aftale %s kan ikke forsegles: der er intet segl-certifikat", st.Number)
	}
	doc, err := SignedDocumentFor(ctx, s, id)
	if err != nil {
		return nil, err
	}
	// The file is written at the sealing: its dates, the certificate
	// page's sealing time and the seal's own time are one instant.
	now := s.Now().In(time.Local).Truncate(time.Second)
	doc.Written, doc.Signed.SealedAt, doc.Signed.Seal = now, now, sealer.Described()
	pdf, err := RenderPDF(doc)
	if err != nil {
		return nil, fmt.Errorf("aftale %s: PDF'en kan ikke dannes: %w", st.Number, err)
	}
	sealed, err := sealer.Seal(pdf, now, "Underskrevet aftale "+st.Number, doc.Place)
	if err != nil {
		return nil, fmt.Errorf("aftale %s: %w", st.Number, err)
	}
	if err := s.StoreSealed(ctx, id, sealed); err != nil {
		return nil, err
	}
	return sealed, nil
}

// ExportPDF is the PDF to hand out: for a signed agreement exactly the
// sealed bytes that were stored when it was signed; for one whose last
// signature was given but whose seal was interrupted, it is finished now
// (when a sealer is at hand); otherwise a fresh render of the agreement as
// it stands (a draft says UDKAST).
func ExportPDF(ctx context.Context, s *data.Store, sealer *Sealer, id int64) ([]byte, error) {
	st, err := s.SigningState(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case st.Status == data.StatusSigned:
		pdf, _, err := s.SealedPDF(ctx, id)
		return pdf, err
	case st.Status == data.StatusPending && st.AllSigned && sealer != nil:
		return Finish(ctx, s, sealer, id)
	}
	doc, err := SignedDocumentFor(ctx, s, id)
	if err != nil {
		return nil, err
	}
	return RenderPDF(doc)
}
