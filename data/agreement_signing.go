package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"math"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// The signing of an agreement that was sent for signing: each signatory is
// presented with it, confirms having read it and signs (drawn on the
// screen, typed where the agreement allows it, or on paper), or rejects it
// with a reason. Every step is an event in the audit log with the store's
// clock, tied to the signatory. When every signatory has signed, package
// agreement renders and seals the PDF and StoreSealed locks the agreement
// as signed: from then on the schema's triggers refuse any change to it,
// its text, parties, signatories, signatures and signing events.

// SignatureMethod is how a signature was given.
type SignatureMethod string

// The ways to sign.
const (
	MethodDrawn SignatureMethod = "drawn" // tegnet på skærm
	MethodTyped SignatureMethod = "typed" // maskinskrevet
	MethodPaper SignatureMethod = "paper" // papir
)

// Label is the method as the certificate page names it.
func (m SignatureMethod) Label() string {
	switch m {
	case MethodDrawn:
		return "tegnet på skærm"
	case MethodTyped:
		return "maskinskrevet"
	case MethodPaper:
		return "papir"
	}
	return string(m)
}

// The signing events' kinds, as the audit log holds them.
const (
	EventPresented = "præsenteret"
	EventRead      = "læst og bekræftet"
	EventSigned    = "underskrevet"
	EventRejected  = "afvist"
	EventCancelled = "annulleret"
	EventScan      = "scanning vedhæftet"
	EventSealed    = "forseglet og låst"
	EventAmendment = "tillæg oprettet"
)

// ErrSigning refuses a signing step that does not fit the agreement's state
// (not sent, already signed, not this signatory's turn, …); the error's
// text says which in Danish.
var ErrSigning = errors.New("underskrift")

// SignedMessage is the schema's refusal of any change to a signed agreement.
const SignedMessage = "aftalen er underskrevet og kan ikke ændres; lav et tillæg"

// Signature is one given signature.
type Signature struct {
	SignatoryID int64
	Method      SignatureMethod
	ImagePNG    []byte // drawn
	Strokes     string // drawn: the strokes as JSON ([][]InkPoint), as recorded
	TypedName   string // typed
	Place       string
	SignedAt    time.Time // when the program recorded it
	SignedOn    time.Time // paper: the date written on the paper
}

// SignerState is one signatory's progress.
type SignerState struct {
	Signatory
	Presented time.Time // the last time; zero when never
	Read      time.Time
	Signature *Signature // nil until signed
	Events    []Event    // this signatory's signing events, oldest first
}

// SigningState is where an agreement's signing stands.
type SigningState struct {
	AgreementID    int64
	Number         string
	Title          string
	Status         AgreementStatus
	Parallel       bool // any order; otherwise in the signatories' order
	AllowTyped     bool // a typed name counts as a signature
	Signers        []SignerState
	Next           int64 // the signatory whose turn it is (sequential) or the first unsigned (parallel); 0 when none
	AllSigned      bool  // every signatory has signed: the agreement awaits its seal (Finish) or is signed
	Paper          bool  // signed on paper (Underskrevet (papir))
	ScanSHA256     string
	RejectedBy     int64
	RejectedByName string
	RejectedReason string
	RejectedAt     time.Time
	SentAt         time.Time
	SignedAt       time.Time
	SealedSHA256   string
}

// StatusLabel is the status as the window shows it: "Underskrevet (papir)"
// for an agreement signed on paper.
func (st SigningState) StatusLabel() string {
	if st.Status == StatusSigned && st.Paper {
		return st.Status.Label() + " (papir)"
	}
	return st.Status.Label()
}

// Signer returns the state of signatory id.
func (st SigningState) Signer(id int64) (SignerState, bool) {
	for _, g := range st.Signers {
		if g.ID == id {
			return g, true
		}
	}
	return SignerState{}, false
}

// InkPoint is one sampled point of a drawn stroke, normalised to the pad:
// 0…1 from the left and from the top, so the same strokes render at any
// size. A drawn signature is kept as the JSON of its strokes, [][]InkPoint.
type InkPoint struct {
	X, Y float32
}

// MinInk is the least ink a drawn signature needs (InkAmount): a dot or a
// short tick is below it; a written name is several pad diagonals.
const MinInk = 0.5

// InkAmount is the strokes' total length divided by the pad's diagonal
// (in the pad's normalised units, whose diagonal is √2).
func InkAmount(strokes [][]InkPoint) float64 {
	var sum float64
	for _, st := range strokes {
		for i := 1; i < len(st); i++ {
			sum += math.Hypot(float64(st[i].X-st[i-1].X), float64(st[i].Y-st[i-1].Y))
		}
	}
	return sum / math.Sqrt2
}

// CheckInk refuses a drawn signature with too little ink, in Danish, as a
// problem with the field Signature.
func CheckInk(strokes [][]InkPoint) error {
	if InkAmount(strokes) < MinInk {
		return &ValidationError{Problems: []FieldError{{Field: "Signature", Label: "Underskrift", Code: "ink",
			Text: "der er næsten ingen underskrift; skriv dit navn på feltet"}}}
	}
	return nil
}

// ParseInk reads a drawn signature's strokes as kept ([][]InkPoint as JSON).
func ParseInk(s string) ([][]InkPoint, error) {
	var strokes [][]InkPoint
	if err := json.Unmarshal([]byte(s), &strokes); err != nil {
		return nil, fmt.Errorf("underskriftens streger kan ikke læses: %v", err)
	}
	return strokes, nil
}

// InkJSON is the strokes as the signatures table keeps them.
func InkJSON(strokes [][]InkPoint) string {
	b, _ := json.Marshal(strokes) // numbers and slices: cannot fail
	return string(b)
}

// PaperSignature is one signatory's signature on paper.
type PaperSignature struct {
	SignatoryID int64
	SignedOn    time.Time // the date written on the paper
}

// SetSigningOptions sets, while the agreement is a draft, whether its
// signatories may sign in any order and whether a typed name counts as a
// signature.
func (s *Store) SetSigningOptions(ctx context.Context, agreementID int64, parallel, allowTyped bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		a, err := readAgreement(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		if a.Status != StatusDraft {
			return notDraftError(a)
		}
		now := s.nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET parallel_signing = ?, allow_typed = ?, updated_at = ?
			WHERE id = ?`, parallel, allowTyped, now, agreementID); err != nil {
			return err
		}
		return logEvent(ctx, tx, now, "ændret", "aftale", agreementID,
			fmt.Sprintf("underskrift i vilkårlig rækkefølge: %s; maskinskrevet navn tilladt: %s", yesNo(parallel), yesNo(allowTyped)))
	})
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nej"
}

// SigningState reads where the agreement's signing stands.
func (s *Store) SigningState(ctx context.Context, agreementID int64) (SigningState, error) {
	return readSigningState(ctx, s.db, agreementID)
}

func readSigningState(ctx context.Context, q querier, id int64) (SigningState, error) {
	a, err := readAgreement(ctx, q, id)
	if err != nil {
		return SigningState{}, err
	}
	st := SigningState{AgreementID: id, Number: a.Number, Title: a.Title, Status: a.Status, SentAt: a.SentAt}
	var rejectedBy sql.NullInt64
	var rejectedAt, signedAt, sealed, scan sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT a.parallel_signing, a.allow_typed, a.rejected_by, a.rejected_reason,
		a.rejected_at, a.signed_at, a.sealed_sha256, (SELECT sha256 FROM agreement_scans WHERE agreement_id = a.id)
		FROM agreements a WHERE a.id = ?`, id).Scan(&st.Parallel, &st.AllowTyped, &rejectedBy, &st.RejectedReason,
		&rejectedAt, &signedAt, &sealed, &scan); err != nil {
		return st, err
	}
	st.RejectedBy, st.RejectedAt, st.SignedAt = rejectedBy.Int64, instantCol(rejectedAt), instantCol(signedAt)
	st.SealedSHA256, st.ScanSHA256 = sealed.String, scan.String
	index := map[int64]int{}
	for _, g := range a.Signatories {
		index[g.ID] = len(st.Signers)
		st.Signers = append(st.Signers, SignerState{Signatory: g})
		if g.ID == st.RejectedBy {
			st.RejectedByName = g.Name
		}
	}
	rows, err := q.QueryContext(ctx, `SELECT x.signatory_id, x.method, x.image_png, x.strokes, x.typed_name, x.place,
		x.signed_at, x.signed_on FROM signatures x JOIN signatories g ON g.id = x.signatory_id WHERE g.agreement_id = ?`, id)
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var sig Signature
		var strokes, on sql.NullString
		var at string
		if err := rows.Scan(&sig.SignatoryID, &sig.Method, &sig.ImagePNG, &strokes, &sig.TypedName, &sig.Place, &at, &on); err != nil {
			rows.Close()
			return st, err
		}
		sig.Strokes, sig.SignedAt, sig.SignedOn = strokes.String, instantCol(sql.NullString{String: at, Valid: true}), dateCol(on)
		if i, ok := index[sig.SignatoryID]; ok {
			st.Signers[i].Signature = &sig
		}
		if sig.Method == MethodPaper {
			st.Paper = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, err
	}
	rows, err = q.QueryContext(ctx, `SELECT id, at, kind, detail, signatory_id FROM events
		WHERE entity = 'aftale' AND entity_id = ? AND signatory_id IS NOT NULL ORDER BY id`, id)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		e := Event{Entity: "aftale", EntityID: id}
		var at string
		var who int64
		if err := rows.Scan(&e.ID, &at, &e.Kind, &e.Detail, &who); err != nil {
			return st, err
		}
		e.At = instantCol(sql.NullString{String: at, Valid: true})
		i, ok := index[who]
		if !ok {
			continue
		}
		g := &st.Signers[i]
		g.Events = append(g.Events, e)
		switch e.Kind {
		case EventPresented:
			g.Presented = e.At
		case EventRead:
			g.Read = e.At
		}
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	st.AllSigned = len(st.Signers) > 0
	for _, g := range st.Signers {
		if g.Signature == nil {
			st.AllSigned = false
			if st.Next == 0 && st.Status == StatusPending {
				st.Next = g.ID
			}
		}
	}
	return st, nil
}

// NextSigner is the signatory whose turn it is: the first who has not
// signed (in a parallel agreement any of those may sign; this is the one
// the ceremony offers first). ok is false when nobody is to sign: the
// agreement is not pending, or everyone has signed.
func (s *Store) NextSigner(ctx context.Context, agreementID int64) (g Signatory, ok bool, err error) {
	st, err := s.SigningState(ctx, agreementID)
	if err != nil || st.Next == 0 {
		return Signatory{}, false, err
	}
	g2, _ := st.Signer(st.Next)
	return g2.Signatory, true, nil
}

// signingStep reads the state for a step by signatoryID and refuses it when
// the agreement is not pending, the signatory is not one of its own or has
// signed already, or (sequential signing) it is not their turn.
func signingStep(ctx context.Context, tx *sql.Tx, agreementID, signatoryID int64) (SigningState, SignerState, error) {
	st, err := readSigningState(ctx, tx, agreementID)
	if err != nil {
		return st, SignerState{}, err
	}
	if st.Status != StatusPending {
		return st, SignerState{}, fmt.Errorf("aftale %s har status %s; der kan kun skrives under, mens den er sendt til underskrift: %w",
			st.Number, st.Status.Label(), ErrSigning)
	}
	g, ok := st.Signer(signatoryID)
	if !ok {
		return st, g, fmt.Errorf("underskriver %d hører ikke til aftale %s: %w", signatoryID, st.Number, ErrNotFound)
	}
	if g.Signature != nil {
		return st, g, fmt.Errorf("%s har allerede skrevet under på aftale %s: %w", g.Name, st.Number, ErrSigning)
	}
	if !st.Parallel && st.Next != signatoryID {
		next, _ := st.Signer(st.Next)
		return st, g, fmt.Errorf("det er ikke %s's tur; aftale %s underskrives i rækkefølge, og %s skal skrive under først: %w",
			g.Name, st.Number, next.Name, ErrSigning)
	}
	return st, g, nil
}

func logSigningEvent(ctx context.Context, tx *sql.Tx, at, kind string, agreementID, signatoryID int64, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO events (at, kind, entity, entity_id, detail, signatory_id)
		VALUES (?, ?, 'aftale', ?, ?, ?)`, at, kind, agreementID, detail, nilIfZero(signatoryID))
	return err
}

// PresentToSigner records that the agreement was handed to the signatory
// (the hand-over screen of the ceremony).
func (s *Store) PresentToSigner(ctx context.Context, agreementID, signatoryID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, g, err := signingStep(ctx, tx, agreementID, signatoryID)
		if err != nil {
			return err
		}
		return logSigningEvent(ctx, tx, s.nowText(), EventPresented, agreementID, signatoryID, g.Name)
	})
}

// ConfirmRead records that the signatory has ticked "Jeg har læst aftalen";
// the agreement must have been presented to them first.
func (s *Store) ConfirmRead(ctx context.Context, agreementID, signatoryID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, g, err := signingStep(ctx, tx, agreementID, signatoryID)
		if err != nil {
			return err
		}
		if g.Presented.IsZero() {
			return fmt.Errorf("aftale %s er ikke vist for %s endnu: %w", st.Number, g.Name, ErrSigning)
		}
		return logSigningEvent(ctx, tx, s.nowText(), EventRead, agreementID, signatoryID, g.Name)
	})
}

// readyToSign refuses a signature from a signatory who has not confirmed
// reading the agreement since it was presented.
func readyToSign(st SigningState, g SignerState) error {
	if g.Read.IsZero() || g.Read.Before(g.Presented) {
		return fmt.Errorf("%s skal bekræfte at have læst aftale %s, før der skrives under: %w", g.Name, st.Number, ErrSigning)
	}
	return nil
}

// signingPlace is where a signature was given: the place passed (the
// window's settings), else the setting default_place, else the
// agreement's place.
func signingPlace(ctx context.Context, tx *sql.Tx, agreementID int64, place string) (string, error) {
	if p := strings.TrimSpace(place); p != "" {
		return p, nil
	}
	p, err := setting(ctx, tx, SettingDefaultPlace)
	if err != nil || strings.TrimSpace(p) != "" {
		return strings.TrimSpace(p), err
	}
	err = tx.QueryRowContext(ctx, `SELECT place FROM agreements WHERE id = ?`, agreementID).Scan(&p)
	return p, err
}

// SignDrawn records a signature drawn on the screen: strokesJSON is the
// strokes as recorded (JSON of [][]InkPoint) and png the image made from them
// (agreement.RenderInk). Too little ink is refused (a ValidationError on
// the field Signature), as is a PNG that is not one.
func (s *Store) SignDrawn(ctx context.Context, agreementID, signatoryID int64, strokesJSON string, pngBytes []byte, place string) error {
	ink, err := ParseInk(strokesJSON)
	if err != nil {
		return &ValidationError{Problems: []FieldError{{Field: "Signature", Label: "Underskrift", Code: "ink", Text: err.Error()}}}
	}
	if err := CheckInk(ink); err != nil {
		return err
	}
	if _, err := png.DecodeConfig(bytes.NewReader(pngBytes)); err != nil {
		return &ValidationError{Problems: []FieldError{{Field: "Signature", Label: "Underskrift", Code: "image",
			Text: "underskriftens billede er ikke en PNG-fil"}}}
	}
	return s.sign(ctx, agreementID, signatoryID, place, MethodDrawn, "", func(tx *sql.Tx, at, place string) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO signatures (signatory_id, method, image_png, strokes, place, signed_at)
			VALUES (?, 'drawn', ?, ?, ?, ?)`, signatoryID, pngBytes, InkJSON(ink), place, at)
		return err
	})
}

// SignTyped records a typed name as the signature, where the agreement
// allows it; the name must be the signatory's own as the agreement has it.
func (s *Store) SignTyped(ctx context.Context, agreementID, signatoryID int64, typedName, place string) error {
	typed := strings.Join(strings.Fields(typedName), " ")
	return s.sign(ctx, agreementID, signatoryID, place, MethodTyped, typed, func(tx *sql.Tx, at, place string) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO signatures (signatory_id, method, typed_name, place, signed_at)
			VALUES (?, 'typed', ?, ?, ?)`, signatoryID, typed, place, at)
		return err
	})
}

// sign runs the checks every on-screen signature shares and records it.
func (s *Store) sign(ctx context.Context, agreementID, signatoryID int64, place string, method SignatureMethod,
	typed string, insert func(tx *sql.Tx, at, place string) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, g, err := signingStep(ctx, tx, agreementID, signatoryID)
		if err != nil {
			return err
		}
		if method == MethodTyped {
			var c checker
			switch {
			case !st.AllowTyped:
				c.add("TypedName", "Navn", "typed_not_allowed", "aftalen skal underskrives med en tegnet underskrift; et maskinskrevet navn er ikke tilladt")
			case typed == "":
				c.add("TypedName", "Navn", "required", "skriv dit navn")
			case dk.Fold(typed) != dk.Fold(strings.Join(strings.Fields(g.Name), " ")):
				c.add("TypedName", "Navn", "typed_name", "skriv dit navn, som det står i aftalen: "+g.Name)
			}
			if err := c.err(); err != nil {
				return err
			}
		}
		if err := readyToSign(st, g); err != nil {
			return err
		}
		where, err := signingPlace(ctx, tx, agreementID, place)
		if err != nil {
			return err
		}
		at := s.nowText()
		if err := insert(tx, at, where); err != nil {
			return err
		}
		detail := g.Name + ", " + method.Label()
		if where != "" {
			detail += ", " + where
		}
		return logSigningEvent(ctx, tx, at, EventSigned, agreementID, signatoryID, detail)
	})
}

// Reject records that the signatory rejects the agreement, and why: the
// agreement becomes Afvist and says who and why. A reason is required.
func (s *Store) Reject(ctx context.Context, agreementID, signatoryID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	var c checker
	if reason == "" {
		c.add("Reason", "Begrundelse", "required", "skriv hvorfor aftalen afvises")
	}
	c.noCPR("Reason", "Begrundelse", reason)
	if err := c.err(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, err := readSigningState(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		if st.Status != StatusPending {
			return fmt.Errorf("aftale %s har status %s; kun en aftale, der er sendt til underskrift, kan afvises: %w",
				st.Number, st.Status.Label(), ErrSigning)
		}
		g, ok := st.Signer(signatoryID)
		if !ok {
			return fmt.Errorf("underskriver %d hører ikke til aftale %s: %w", signatoryID, st.Number, ErrNotFound)
		}
		if g.Signature != nil {
			return fmt.Errorf("%s har allerede skrevet under på aftale %s og kan ikke afvise den: %w", g.Name, st.Number, ErrSigning)
		}
		at := s.nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = 'rejected', rejected_by = ?, rejected_reason = ?,
			rejected_at = ?, updated_at = ? WHERE id = ?`, signatoryID, reason, at, at, agreementID); err != nil {
			return err
		}
		return logSigningEvent(ctx, tx, at, EventRejected, agreementID, signatoryID, g.Name+": "+reason)
	})
}

// RegisterPaperSignatures records the signatures given on paper: one per
// signatory who has not signed on the screen, each with the date written on
// the paper, and the scanned PDF of the signed paper, kept with its
// SHA-256. The agreement is then sealed like one signed on the screen
// (agreement.Finish), and shows as Underskrevet (papir).
func (s *Store) RegisterPaperSignatures(ctx context.Context, agreementID int64, sigs []PaperSignature, scanPDF []byte) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, err := readSigningState(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		if st.Status != StatusPending {
			return fmt.Errorf("aftale %s har status %s; papirunderskrifter kan kun registreres, når aftalen er sendt til underskrift: %w",
				st.Number, st.Status.Label(), ErrSigning)
		}
		var c checker
		today := s.Now()
		today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
		given := map[int64]PaperSignature{}
		for _, p := range sigs {
			g, ok := st.Signer(p.SignatoryID)
			switch {
			case !ok:
				c.add("Signatures", "Underskrivere", "not_found", fmt.Sprintf("underskriver %d hører ikke til aftalen", p.SignatoryID))
			case g.Signature != nil:
				c.add("Signatures", "Underskrivere", "signed", g.Name+" har allerede skrevet under")
			case p.SignedOn.IsZero():
				c.add("Signatures", "Underskrivere", "required", "skriv datoen for "+g.Name+"s underskrift")
			case p.SignedOn.After(today):
				c.add("Signatures", "Underskrivere", "future", fmt.Sprintf("%s: datoen %s ligger i fremtiden",
					g.Name, dk.FormatDate(p.SignedOn)))
			default:
				given[p.SignatoryID] = p
			}
		}
		for _, g := range st.Signers {
			if g.Signature == nil && !c.has("Signatures") {
				if _, ok := given[g.ID]; !ok {
					c.add("Signatures", "Underskrivere", "missing", "skriv datoen for "+g.Name+"s underskrift")
				}
			}
		}
		if len(scanPDF) == 0 {
			c.add("Scan", "Scannet PDF", "required", "vedhæft den scannede PDF med underskrifterne")
		} else if !bytes.HasPrefix(scanPDF, []byte("%PDF-")) {
			c.add("Scan", "Scannet PDF", "not_pdf", "filen er ikke en PDF-fil")
		}
		if err := c.err(); err != nil {
			return err
		}
		at := s.nowText()
		for _, g := range st.Signers {
			p, ok := given[g.ID]
			if !ok {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO signatures (signatory_id, method, signed_at, signed_on)
				VALUES (?, 'paper', ?, ?)`, g.ID, at, dk.ISODate(p.SignedOn)); err != nil {
				return err
			}
			if err := logSigningEvent(ctx, tx, at, EventSigned, agreementID, g.ID,
				g.Name+", papir, "+dk.FormatDate(p.SignedOn)); err != nil {
				return err
			}
		}
		sum := sha256.Sum256(scanPDF)
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_scans (agreement_id, pdf, sha256, added_at) VALUES (?, ?, ?, ?)`,
			agreementID, scanPDF, hex.EncodeToString(sum[:]), at); err != nil {
			return err
		}
		return logEvent(ctx, tx, at, EventScan, "aftale", agreementID, "SHA-256 "+hex.EncodeToString(sum[:]))
	})
}

// PaperScan returns the scan of the paper signatures and its SHA-256.
func (s *Store) PaperScan(ctx context.Context, agreementID int64) ([]byte, string, error) {
	var pdf []byte
	var sum string
	err := s.db.QueryRowContext(ctx, `SELECT pdf, sha256 FROM agreement_scans WHERE agreement_id = ?`, agreementID).Scan(&pdf, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", fmt.Errorf("aftale %d har ingen scannede underskrifter: %w", agreementID, ErrNotFound)
	}
	return pdf, sum, err
}

// StoreSealed keeps the sealed PDF of an agreement every signatory has
// signed, with its SHA-256, and locks the agreement as Underskrevet. It
// happens once: a signed agreement refuses any change.
func (s *Store) StoreSealed(ctx context.Context, agreementID int64, pdf []byte) error {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return fmt.Errorf("aftale %d: den forseglede fil er ikke en PDF", agreementID)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, err := readSigningState(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		if st.Status == StatusSigned {
			return fmt.Errorf("aftale %s: %s: %w", st.Number, SignedMessage, ErrSigning)
		}
		if st.Status != StatusPending || !st.AllSigned {
			return fmt.Errorf("aftale %s har status %s og mangler underskrifter; den kan ikke forsegles endnu: %w",
				st.Number, st.Status.Label(), ErrSigning)
		}
		sum := sha256.Sum256(pdf)
		hexSum := hex.EncodeToString(sum[:])
		at := s.nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = 'signed', signed_at = ?, sealed_pdf = ?,
			sealed_sha256 = ?, updated_at = ? WHERE id = ?`, at, pdf, hexSum, at, agreementID); err != nil {
			return err
		}
		return logEvent(ctx, tx, at, EventSealed, "aftale", agreementID, "SHA-256 "+hexSum)
	})
}

// SealedPDF returns the stored sealed PDF of a signed agreement and its SHA-256.
func (s *Store) SealedPDF(ctx context.Context, agreementID int64) ([]byte, string, error) {
	var pdf []byte
	var sum sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT sealed_pdf, sealed_sha256 FROM agreements WHERE id = ?`, agreementID).Scan(&pdf, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", fmt.Errorf("aftale %d findes ikke: %w", agreementID, ErrNotFound)
	} else if err != nil {
		return nil, "", err
	}
	if pdf == nil {
		return nil, "", fmt.Errorf("aftale %d er ikke underskrevet og forseglet: %w", agreementID, ErrNotFound)
	}
	return pdf, sum.String, nil
}

// AgreementBySealedSHA256 finds the signed agreement whose stored sealed
// PDF has this SHA-256 (hex, lower case).
func (s *Store) AgreementBySealedSHA256(ctx context.Context, sum string) (Agreement, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM agreements WHERE sealed_sha256 = ?`, strings.ToLower(sum)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Agreement{}, fmt.Errorf("ingen underskrevet aftale i databasen har en PDF med SHA-256 %s: %w", sum, ErrNotFound)
	} else if err != nil {
		return Agreement{}, err
	}
	return s.Agreement(ctx, id)
}

// CancelAgreement cancels an agreement that is not signed: a draft, one
// awaiting signatures or a rejected one. It stays in the list as Annulleret.
func (s *Store) CancelAgreement(ctx context.Context, agreementID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		a, err := readAgreement(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		switch a.Status {
		case StatusSigned:
			return fmt.Errorf("aftale %s: %s: %w", a.Number, SignedMessage, ErrSigning)
		case StatusCancelled:
			return fmt.Errorf("aftale %s er allerede annulleret: %w", a.Number, ErrSigning)
		}
		at := s.nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = 'cancelled', updated_at = ? WHERE id = ?`,
			at, agreementID); err != nil {
			return err
		}
		return logEvent(ctx, tx, at, EventCancelled, "aftale", agreementID, a.Number)
	})
}

// CreateAmendment starts a Tillæg to the signed agreement parentID: a new
// draft that refers to it, with its parties, signatories and template,
// numbered in the current year. The signed agreement itself never changes.
func (s *Store) CreateAmendment(ctx context.Context, parentID int64) (Agreement, error) {
	parent, err := s.Agreement(ctx, parentID)
	if err != nil {
		return Agreement{}, err
	}
	if parent.Status != StatusSigned {
		return Agreement{}, fmt.Errorf("aftale %s har status %s; et tillæg laves kun til en underskrevet aftale: %w",
			parent.Number, parent.Status.Label(), ErrSigning)
	}
	st, err := s.SigningState(ctx, parentID)
	if err != nil {
		return Agreement{}, err
	}
	now := s.Now()
	f := parent.Form()
	f.Number = ""
	f.ParentID = parentID
	f.Example = parent.Example
	f.Date = dk.FormatDate(now)
	f.Title = "Tillæg til " + parent.Number + " " + parent.Title
	f.Body = fmt.Sprintf("# Tillæg til aftale %s\n\nDette tillæg ændrer aftale %s, %s, underskrevet %s. "+
		"Hvad tillægget ikke ændrer, gælder uændret.\n\n## Ændringer\n\nBeskriv her, hvad tillægget ændrer.\n",
		parent.Number, parent.Number, parent.Title, dk.FormatDate(st.SignedAt.In(time.Local)))
	a, err := s.CreateAgreement(ctx, f)
	if err != nil {
		return a, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		return logEvent(ctx, tx, s.nowText(), EventAmendment, "aftale", parentID, a.Number)
	})
	return a, err
}
