package agreement

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"partnerskab/data"
)

// InstallDefaultTemplates saves each default template whose name is not
// taken yet (an edited or archived one of the same name is left alone) and
// returns how many it saved.
func InstallDefaultTemplates(ctx context.Context, s *data.Store) (int, error) {
	have, err := s.Templates(ctx, true)
	if err != nil {
		return 0, err
	}
	taken := map[string]bool{}
	for _, t := range have {
		taken[t.Name] = true
	}
	n := 0
	for _, d := range DefaultTemplates() {
		if taken[d.Name] {
			continue
		}
		if _, _, err := s.SaveTemplate(ctx, data.TemplateForm{Name: d.Name, Description: d.Description, Body: d.Body}); err != nil {
			return n, fmt.Errorf("standardskabelonen %q: %w", d.Name, err)
		}
		n++
	}
	return n, nil
}

// LoadDemo fills an empty database with the seed's case (data.Store.LoadDemo),
// installs the default templates, drafts the partnership agreement for
// the seed's parties, and adds the same agreement signed by the parties'
// contact people and sealed (loadSignedDemo), both marked as examples.
// All of it or nothing: the demo is built in a copy of the database,
// which replaces it only when whole (data.Store.ReplaceWith), so a demo
// killed halfway leaves the database as it was and can be loaded again.
// The database is held alone meanwhile: another program that has it open
// is named in the refusal.
func LoadDemo(ctx context.Context, s *data.Store) error {
	return s.ReplaceWith(ctx, "eksemplet kan ikke indlæses", func(ctx context.Context, staged *data.Store) error {
		staged.Now = s.Now
		return loadDemoInto(ctx, staged)
	})
}

func loadDemoInto(ctx context.Context, s *data.Store) error {
	if err := s.LoadDemo(ctx); err != nil {
		return err
	}
	if _, err := InstallDefaultTemplates(ctx, s); err != nil {
		return fmt.Errorf("eksempel: %w", err)
	}
	templates, err := s.Templates(ctx, false)
	if err != nil {
		return err
	}
	var partnership data.Template
	for _, t := range templates {
		if strings.HasPrefix(t.Name, "Partnerskabsaftale") {
			partnership = t
			break
		}
	}
	if partnership.ID == 0 {
		return fmt.Errorf("eksempel: standardskabelonen til partnerskabsaftalen mangler: %w", data.ErrNotFound)
	}
	v, err := s.LatestVersion(ctx, partnership.ID)
	if err != nil {
		return err
	}
	sel, err := DemoSelection(ctx, s)
	if err != nil {
		return fmt.Errorf("eksempel: %w", err)
	}
	f, err := Draft(ctx, s, v.ID, sel)
	if err != nil {
		return fmt.Errorf("eksempel: partnerskabsaftalen: %w", err)
	}
	f.Example = true
	if _, err := s.CreateAgreement(ctx, f); err != nil {
		return fmt.Errorf("eksempel: partnerskabsaftalen: %w", err)
	}
	if err := loadSignedDemo(ctx, s, v.ID, sel); err != nil {
		return fmt.Errorf("eksempel: den underskrevne partnerskabsaftale: %w", err)
	}
	signed, err := s.Agreements(ctx, data.AgreementQuery{Status: data.StatusSigned, Limit: 1})
	if err != nil || len(signed) == 0 {
		return fmt.Errorf("eksempel: den underskrevne partnerskabsaftale mangler: %w", err)
	}
	if err := loadDemoTree(ctx, s, signed[0].ID, sel); err != nil {
		return fmt.Errorf("eksempel: underaftalerne: %w", err)
	}
	return nil
}

// The signed example: the partnership agreement as the parties' contact
// people signed it in Korsør on 19.2.2015, each signature drawn from
// strokes made here (demoStrokes), sealed with the installation's
// certificate like any agreement signed in the window.

// demoSignedDay is the day of the signed example's meeting.
var demoSignedDay = time.Date(2015, 2, 19, 0, 0, 0, 0, time.UTC)

// demoPad is the pad the example's signatures were drawn on, in pixels
// (the window's pad has the same 3:1 shape and stores 900 px wide images).
const demoPadW, demoPadH = 900, 300

func loadSignedDemo(ctx context.Context, s *data.Store, versionID int64, sel Selection) error {
	sel.Number = ""
	sel.AgreementDate = demoSignedDay
	f, err := Draft(ctx, s, versionID, sel)
	if err != nil {
		return err
	}
	f.Example = true
	a, err := s.CreateAgreement(ctx, f)
	if err != nil {
		return err
	}
	sealer, err := OpenStoreSealer(ctx, s)
	if err != nil {
		return err
	}
	// The meeting's clock: 14.02 local time, a few minutes per signatory.
	clock := time.Date(2015, 2, 19, 14, 2, 0, 0, time.Local)
	saved := s.Now
	defer func() { s.Now = saved }()
	at := func(d time.Duration) { clock = clock.Add(d); c := clock; s.Now = func() time.Time { return c } }
	at(0)
	if err := s.SendForSigning(ctx, a.ID); err != nil {
		return err
	}
	for _, g := range a.Signatories {
		at(time.Minute)
		if err := s.PresentToSigner(ctx, a.ID, g.ID); err != nil {
			return err
		}
		at(2 * time.Minute)
		if err := s.ConfirmRead(ctx, a.ID, g.ID); err != nil {
			return err
		}
		at(time.Minute)
		strokes := demoStrokes(g.Name)
		img, err := RenderInk(strokes, demoPadW, demoPadH)
		if err != nil {
			return err
		}
		if err := s.SignDrawn(ctx, a.ID, g.ID, data.InkJSON(strokes), img, ""); err != nil {
			return fmt.Errorf("%s: %w", g.Name, err)
		}
	}
	at(time.Minute)
	_, err = Finish(ctx, s, sealer, a.ID)
	return err
}

// demoStrokes is a plausible hand-written signature for name: the first
// name's initial, the last name written joined up with a slant, and a
// flourish under it. The shapes come from the letters (tall loops for
// capitals and ascenders, loops below the line for descenders, arches for
// the rest) with a little variation seeded by the name, so every contact
// person signs differently and always the same way.
func demoStrokes(name string) [][]Point {
	words := strings.Fields(name)
	if len(words) == 0 {
		return nil
	}
	seed := uint32(2166136261)
	for _, r := range name {
		seed = (seed ^ uint32(r)) * 16777619
	}
	jitter := func() float64 { // −1 … 1, deterministic
		seed = seed*1664525 + 1013904223
		return float64(seed>>8)/float64(1<<23) - 1
	}
	const base, xh, asc, desc = 185.0, 38.0, 95.0, 70.0
	slant := 0.28 + 0.06*jitter()
	var strokes [][]Point
	var pts []Point
	put := func(x, y float64) {
		x += slant * (base - y)
		pts = append(pts, Point{X: float32(x), Y: float32(y)})
	}
	letter := func(x float64, r rune, w float64) {
		h, below := xh, false
		switch {
		case unicode.IsUpper(r) || strings.ContainsRune("bdfhklt", r):
			h = asc
		case strings.ContainsRune("gjpqyæøå", r):
			below = true
		}
		h *= 1 + 0.12*jitter()
		for k := 1; k <= 14; k++ {
			t := float64(k) / 14
			dx := w*t - 0.3*w*math.Sin(2*math.Pi*t)
			dy := -h * math.Pow(math.Sin(math.Pi*t), 2)
			if below && t > 0.5 {
				dy = desc * math.Sin(2*math.Pi*(t-0.5))
			}
			put(x+dx, base+dy)
		}
	}
	x := 40.0
	// The initial, on its own.
	first := []rune(words[0])[0]
	put(x, base)
	letter(x, unicode.ToUpper(first), 34)
	strokes = append(strokes, pts)
	x += 70
	// The last name, joined up.
	last := []rune(words[len(words)-1])
	w := math.Min(30, 600/float64(len(last)))
	pts = nil
	put(x, base)
	for _, r := range last {
		letter(x, r, w*(1+0.1*jitter()))
		x += w
	}
	strokes = append(strokes, pts)
	// The flourish: back under the name with a slight rise.
	pts = nil
	for k := 0; k <= 16; k++ {
		t := float64(k) / 16
		put(x-t*(x-90), base+30+12*math.Sin(math.Pi*t)-10*t)
	}
	strokes = append(strokes, pts)
	// Fill the pad as a hand would (most of its width or height, whichever
	// comes first), centred, and normalise.
	minX, minY, maxX, maxY := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, st := range strokes {
		for _, p := range st {
			minX, minY = min(minX, p.X), min(minY, p.Y)
			maxX, maxY = max(maxX, p.X), max(maxY, p.Y)
		}
	}
	scale := min(0.85*demoPadW/(maxX-minX), 0.8*demoPadH/(maxY-minY))
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	for _, st := range strokes {
		for i := range st {
			st[i].X = (demoPadW/2 + (st[i].X-cx)*scale) / demoPadW
			st[i].Y = (demoPadH/2 + (st[i].Y-cy)*scale) / demoPadH
		}
	}
	return strokes
}
