package ui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/ui/widgets"
)

// The signing ceremony ("Underskriv i mødet"): the laptop goes round the
// table, one signatory at a time (in order, or, where the agreement may be
// signed in any order, whoever is chosen on "Hvem underskriver nu?"). For
// each: a hand-over screen in large
// text, the agreement to read with "Jeg har læst aftalen", then the pad (or
// the typed name where the agreement allows it) with "Underskriv" and
// "Afvis". Every step is recorded by the store with its time; the place is
// the settings' default place, never typed. After the last signature the
// agreement is rendered, sealed and stored (agreement.Finish) off the UI
// goroutine. The ceremony fills the whole window, so the signer sees only
// what is theirs to see, and gives the window back when it ends.

type ceremony struct {
	t      *AgreementsTab
	a      data.Agreement
	signer data.Signatory
	place  string
	before fyne.CanvasObject // the window's content, given back at the end
	body   *fyne.Container   // the current screen

	// the signing screen
	pad      *widgets.SignaturePad
	typed    *widgets.Entry
	useTyped *widget.Check
	message  *canvas.Text
	signBtn  *widget.Button
	readBox  *widget.Check

	rejecting *rejectDialog // open while the signer writes a reason
}

func (c *ceremony) store() *data.Store { return c.t.w.store }

// startCeremony opens the ceremony for agreement id at its next signatory.
func (t *AgreementsTab) startCeremony(id int64) *ceremony {
	a, err := t.w.store.Agreement(context.Background(), id)
	if err != nil {
		t.w.ShowError(err)
		return nil
	}
	c := &ceremony{t: t, a: a, body: container.NewStack()}
	c.place = signingPlace(t.w.store, a)
	c.before = t.w.Win.Content()
	t.w.Win.SetContent(container.NewPadded(c.body))
	t.draft.ceremony = c
	c.next()
	return c
}

// signingPlace is where a signature is recorded as given: the settings'
// default place, else the agreement's own place.
func signingPlace(s *data.Store, a data.Agreement) string {
	if p, err := s.Setting(context.Background(), data.SettingDefaultPlace); err == nil && p != "" {
		return p
	}
	return a.Place
}

// next shows the hand-over screen of the next signatory, or finishes. An
// agreement signed in any order first asks who signs now, while more than
// one has yet to sign; one signed in order takes the signatory whose turn
// it is.
func (c *ceremony) next() {
	st, err := c.store().SigningState(ctx(), c.a.ID)
	if err != nil {
		c.fail(err)
		return
	}
	var waiting []data.Signatory
	if st.Status == data.StatusPending {
		for _, g := range st.Signers {
			if g.Signature == nil {
				waiting = append(waiting, g.Signatory)
			}
		}
	}
	g, ok := st.Signer(st.Next)
	switch {
	case len(waiting) == 0 || !ok:
		c.finish()
	case st.Parallel && len(waiting) > 1:
		c.showChooser(waiting)
	default:
		c.begin(g.Signatory)
	}
}

// begin hands the laptop to signatory g.
func (c *ceremony) begin(g data.Signatory) {
	c.signer = g
	c.showHandOver()
}

// showChooser asks who signs now, among those who have not signed yet.
func (c *ceremony) showChooser(waiting []data.Signatory) {
	who := largeLabel(lang.X("signing.choose", "Hvem underskriver nu?"))
	what := widget.NewLabel(lang.X("signing.choose.agreement", "Aftale {{.Agreement}} · {{.Signed}} af {{.Total}} har underskrevet",
		map[string]any{"Agreement": c.agreementLine(), "Signed": len(c.a.Signatories) - len(waiting), "Total": len(c.a.Signatories)}))
	what.Alignment = fyne.TextAlignCenter
	hint := widget.NewLabel(lang.X("signing.choose.hint", "Aftalen kan underskrives i vilkårlig rækkefølge. Vælg den, der skal underskrive nu."))
	hint.Alignment = fyne.TextAlignCenter
	hint.Wrapping = fyne.TextWrapWord
	choices := container.NewVBox()
	for _, g := range waiting {
		g := g
		choices.Add(widget.NewButtonWithIcon(signerLine(g), theme.AccountIcon(), func() { c.begin(g) }))
	}
	stop := widget.NewButton(lang.X("signing.pause", "Afbryd (fortsæt senere)"), c.leave)
	c.show(container.NewVBox(layout.NewSpacer(), who, what, hint,
		container.NewCenter(choices), container.NewCenter(stop), layout.NewSpacer()))
}

func (c *ceremony) show(obj fyne.CanvasObject) {
	c.body.Objects = []fyne.CanvasObject{obj}
	c.body.Refresh()
}

// fail shows err and gives the window back: what was recorded stays.
func (c *ceremony) fail(err error) {
	c.leave()
	c.t.w.ShowError(err)
}

// leave gives the window its content back and shows the agreement as the
// store now holds it.
func (c *ceremony) leave() {
	if c.t.draft.ceremony != c {
		return
	}
	c.t.draft.ceremony = nil
	c.t.w.Win.SetContent(c.before)
	c.t.list.Reload(c.a.ID)
	c.t.open(c.a.ID)
}

// signerLine is "Lene Østergaard, indehaver, Bevar".
func signerLine(g data.Signatory) string {
	s := g.Name
	for _, part := range []string{g.Title, g.OrganisationName} {
		if part != "" {
			s += ", " + part
		}
	}
	return s
}

func (c *ceremony) agreementLine() string {
	return c.a.Number + " " + c.a.Title
}

// showHandOver is step 1: large enough to read across the table.
func (c *ceremony) showHandOver() {
	who := largeLabel(lang.X("signing.handover", "Nu skal {{.Signer}} underskrive",
		map[string]any{"Signer": signerLine(c.signer)}))
	what := widget.NewLabel(lang.X("signing.handover.agreement", "Aftale {{.Agreement}} · underskriver {{.N}} af {{.Total}}",
		map[string]any{"Agreement": c.agreementLine(), "N": c.signer.Position, "Total": len(c.a.Signatories)}))
	what.Alignment = fyne.TextAlignCenter
	hint := widget.NewLabel(lang.X("signing.handover.hint", "Giv computeren til underskriveren, og tryk så »Læs aftalen«."))
	hint.Alignment = fyne.TextAlignCenter
	hint.Wrapping = fyne.TextWrapWord
	ready := widget.NewButtonWithIcon(lang.X("signing.read", "Læs aftalen"), theme.NavigateNextIcon(), c.showReading)
	ready.Importance = widget.HighImportance
	stop := widget.NewButton(lang.X("signing.pause", "Afbryd (fortsæt senere)"), c.leave)
	c.show(container.NewVBox(layout.NewSpacer(), who, what, hint,
		container.NewCenter(container.NewHBox(stop, ready)), layout.NewSpacer()))
}

// largeLabel is a centred, wrapped label in twice the heading size.
func largeLabel(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle.Bold = true
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	return container.NewThemeOverride(l, largeTheme{})
}

// largeTheme doubles the heading size for the hand-over screen.
type largeTheme struct{}

func (largeTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}
func (largeTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (largeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (largeTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameHeadingText {
		return 2 * theme.DefaultTheme().Size(n)
	}
	return theme.DefaultTheme().Size(n)
}

// showReading is step 2: the agreement as it will be signed, and the check.
func (c *ceremony) showReading() {
	if err := c.store().PresentToSigner(ctx(), c.a.ID, c.signer.ID); err != nil {
		c.fail(err)
		return
	}
	heading := widget.NewLabel(lang.X("signing.reading", "{{.Signer}}: læs aftalen {{.Agreement}}",
		map[string]any{"Signer": c.signer.Name, "Agreement": c.agreementLine()}))
	heading.TextStyle.Bold = true
	heading.Wrapping = fyne.TextWrapWord
	text := widgets.RichTextOf(agreement.Parse(c.a.Body))
	onward := widget.NewButtonWithIcon(lang.X("signing.tosign", "Videre til underskrift"), theme.NavigateNextIcon(), c.confirmRead)
	onward.Importance = widget.HighImportance
	onward.Disable()
	c.readBox = widget.NewCheck(lang.X("signing.haveread", "Jeg har læst aftalen"), func(on bool) {
		if on {
			onward.Enable()
		} else {
			onward.Disable()
		}
	})
	reject := widget.NewButton(lang.X("signing.reject", "Afvis …"), c.askReject)
	bottom := container.NewHBox(c.readBox, layout.NewSpacer(), reject, onward)
	c.show(container.NewBorder(heading, bottom, nil, nil, container.NewVScroll(container.NewPadded(text))))
}

func (c *ceremony) confirmRead() {
	if !c.readBox.Checked {
		return
	}
	if err := c.store().ConfirmRead(ctx(), c.a.ID, c.signer.ID); err != nil {
		c.fail(err)
		return
	}
	c.showPad()
}

// showPad is step 3: the pad (or the typed name), "Underskriv", "Afvis".
func (c *ceremony) showPad() {
	heading := largeLabel(lang.X("signing.sign", "Underskrift: {{.Signer}}", map[string]any{"Signer": signerLine(c.signer)}))
	c.pad = widgets.NewSignaturePad()
	c.message = canvas.NewText("", theme.Color(theme.ColorNameError))
	c.pad.OnChange = func() { c.message.Text = ""; c.message.Refresh() }
	clear := widget.NewButtonWithIcon(lang.X("signing.clear", "Ryd"), theme.DeleteIcon(), c.pad.Clear)
	undo := widget.NewButtonWithIcon(lang.X("signing.undo", "Fortryd streg"), theme.ContentUndoIcon(), c.pad.Undo)
	padTools := container.NewHBox(clear, undo)
	padBox := container.NewBorder(nil, padTools, nil, nil, container.New(widgets.PadLayout{}, c.pad))

	c.typed = widgets.NewEntry(lang.X("signing.typed.placeholder", "Skriv dit fulde navn"))
	typedBox := container.NewVBox(widget.NewLabel(lang.X("signing.typed.label", "Dit navn, som det skal stå på aftalen")), c.typed)
	typedBox.Hide()
	c.useTyped = widget.NewCheck(lang.X("signing.typed.use", "Skriv navnet i stedet for at tegne"), func(on bool) {
		if on {
			padBox.Hide()
			typedBox.Show()
			c.t.w.Win.Canvas().Focus(c.typed)
		} else {
			typedBox.Hide()
			padBox.Show()
		}
		c.message.Text = ""
		c.message.Refresh()
	})
	if st, err := c.store().SigningState(ctx(), c.a.ID); err != nil || !st.AllowTyped {
		c.useTyped.Hide()
	}
	where := widget.NewLabel(lang.X("signing.where", "Underskrives i {{.Place}}. Tidspunktet registreres, når du trykker »Underskriv«.",
		map[string]any{"Place": c.place}))
	if c.place == "" {
		where.SetText(lang.X("signing.when", "Tidspunktet registreres, når du trykker »Underskriv«."))
	}
	where.Wrapping = fyne.TextWrapWord
	c.signBtn = widget.NewButtonWithIcon(lang.X("signing.signbutton", "Underskriv"), theme.ConfirmIcon(), c.sign)
	c.signBtn.Importance = widget.HighImportance
	reject := widget.NewButton(lang.X("signing.reject", "Afvis …"), c.askReject)
	bottom := container.NewVBox(c.message, where, container.NewHBox(c.useTyped, layout.NewSpacer(), reject, c.signBtn))
	c.show(container.NewBorder(heading, bottom, nil, nil, container.NewStack(padBox, typedBox)))
}

// refuse shows why the signature was not taken.
func (c *ceremony) refuse(text string) {
	c.message.Text = text
	c.message.Refresh()
}

// sign records the signature and moves to the next signatory.
func (c *ceremony) sign() {
	var err error
	if c.useTyped.Checked {
		err = c.store().SignTyped(ctx(), c.a.ID, c.signer.ID, c.typed.Text, c.place)
	} else {
		if data.CheckInk(c.pad.Strokes()) != nil { // the store's rule, the ceremony's words
			c.refuse(lang.X("signing.tooshort", "Underskriften er for kort — tegn dit navn"))
			return
		}
		var png []byte
		if png, err = c.pad.PNG(); err != nil {
			c.fail(err)
			return
		}
		err = c.store().SignDrawn(ctx(), c.a.ID, c.signer.ID, data.InkJSON(c.pad.Strokes()), png, c.place)
	}
	if ve, ok := data.AsValidation(err); ok {
		c.refuse(ve.Error())
		return
	}
	if err != nil {
		c.fail(err)
		return
	}
	c.next()
}

// finish seals the signed agreement off the UI goroutine: rendering and
// sealing take a moment, and the window stays alive meanwhile.
func (c *ceremony) finish() {
	c.show(container.NewCenter(container.NewVBox(
		largeLabel(lang.X("signing.sealing", "Alle har underskrevet. Aftalen forsegles …")),
		widget.NewProgressBarInfinite())))
	sealAgreement(c.t.w, c.a.ID, func(err error) {
		c.leave()
		c.t.draft.sealed(c.agreementLine(), err)
	})
}
