package agreement

import (
	"context"
	"fmt"
	"strings"

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
// installs the default templates and drafts the partnership agreement for
// the seed's parties, marked as an example. The registers are one
// transaction; the templates and the draft follow it, because the draft's
// facts are read through the store.
func LoadDemo(ctx context.Context, s *data.Store) error {
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
	return nil
}
