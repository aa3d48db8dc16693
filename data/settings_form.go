package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// SettingsForm is the Indstillinger dialog: the numbers the domain's rules
// read from the settings (DOMAIN.md calls several of them working
// assumptions, so the caseworker can change them), as typed.
type SettingsForm struct {
	OrganisationName        string
	DefaultPlace            string
	NoticeDays              string
	MeetingsMin             string
	MeetingsMax             string
	RetentionPersonYears    string
	RetentionAgreementYears string
	RetentionContactYears   string
	RetentionMeetingYears   string
	RetentionDraftDays      string
	RetentionScanYears      string
	RetentionAuditYears     string
	SubsidyPer              string
	SubsidyThreshold        string
	SubsidyPerAbove         string
	ReportThreshold         string
}

// settingField ties a form field to its key, its label and its range.
type settingField struct {
	key, field, label string
	at                func(*SettingsForm) *string
	lo, hi            int // a whole number in lo..hi; hi 0: a text
}

var settingFields = []settingField{
	{SettingOrganisationName, "OrganisationName", "Organisation", func(f *SettingsForm) *string { return &f.OrganisationName }, 0, 0},
	{SettingDefaultPlace, "DefaultPlace", "Sted for underskrift", func(f *SettingsForm) *string { return &f.DefaultPlace }, 0, 0},
	{"meeting_notice_days", "NoticeDays", "Varsel for møder (dage)", func(f *SettingsForm) *string { return &f.NoticeDays }, 1, 90},
	{"meetings_per_year_min", "MeetingsMin", "Møder om året, mindst", func(f *SettingsForm) *string { return &f.MeetingsMin }, 0, 52},
	{"meetings_per_year_max", "MeetingsMax", "Møder om året, højst", func(f *SettingsForm) *string { return &f.MeetingsMax }, 1, 52},
	{"retention_person_years", "RetentionPersonYears", "Persondata opbevares (år efter sagen)", func(f *SettingsForm) *string { return &f.RetentionPersonYears }, 1, 10},
	{"retention_agreement_years", "RetentionAgreementYears", "Aftaler opbevares (år efter udløb)", func(f *SettingsForm) *string { return &f.RetentionAgreementYears }, 1, 30},
	{SettingRetentionContactYears, "RetentionContactYears", "Kontaktpersoner opbevares (år efter ophør)", func(f *SettingsForm) *string { return &f.RetentionContactYears }, 1, 10},
	{SettingRetentionMeetingYears, "RetentionMeetingYears", "Mødedeltagere og mødenoter opbevares (år efter mødet) (kontrollér)", func(f *SettingsForm) *string { return &f.RetentionMeetingYears }, 1, 30},
	{SettingRetentionDraftDays, "RetentionDraftDays", "Ikke gemte kladder kasseres efter (dage) (kontrollér)", func(f *SettingsForm) *string { return &f.RetentionDraftDays }, 1, 365},
	{SettingRetentionScanYears, "RetentionScanYears", "Scanninger af aldrig underskrevne aftaler opbevares (år) (kontrollér)", func(f *SettingsForm) *string { return &f.RetentionScanYears }, 1, 30},
	{SettingRetentionAuditYears, "RetentionAuditYears", "Personhenvisninger i loggen opbevares (år) (kontrollér)", func(f *SettingsForm) *string { return &f.RetentionAuditYears }, 1, 30},
	{"subsidy_ratio_per", "SubsidyPer", "Rimelighedskrav: 1 pr. ordinært ansatte", func(f *SettingsForm) *string { return &f.SubsidyPer }, 1, 100},
	{"subsidy_ratio_threshold", "SubsidyThreshold", "Rimelighedskrav: grænse (ansatte)", func(f *SettingsForm) *string { return &f.SubsidyThreshold }, 1, 10000},
	{"subsidy_ratio_per_above", "SubsidyPerAbove", "Rimelighedskrav: 1 pr. ansatte over grænsen", func(f *SettingsForm) *string { return &f.SubsidyPerAbove }, 1, 100},
	{SettingReportThreshold, "ReportThreshold", "Statusrapport: færre personer end dette vises som »under N«", func(f *SettingsForm) *string { return &f.ReportThreshold }, 2, 50},
}

// Field is the form's text for field name ("NoticeDays"); nil for none.
func (f *SettingsForm) Field(name string) *string {
	for _, s := range settingFields {
		if s.field == name {
			return s.at(f)
		}
	}
	return nil
}

// Settings reads the settings as the dialog shows them.
func (s *Store) Settings(ctx context.Context) (SettingsForm, error) {
	var f SettingsForm
	for _, sf := range settingFields {
		v, err := setting(ctx, s.db, sf.key)
		if err != nil {
			return f, err
		}
		*sf.at(&f) = v
	}
	if f.NoticeDays == "" {
		f.NoticeDays = strconv.Itoa(DefaultNoticeDays)
	}
	if f.ReportThreshold == "" {
		f.ReportThreshold = strconv.Itoa(DefaultReportThreshold)
	}
	return f, nil
}

// Parse checks the form: the texts as free text (no CPR number), the
// numbers whole and in range, and at most as many meetings a year as the
// least.
func (f SettingsForm) Parse() (map[string]string, error) {
	var c checker
	out := map[string]string{}
	nums := map[string]int{}
	for _, sf := range settingFields {
		v := strings.TrimSpace(*sf.at(&f))
		if sf.hi == 0 {
			out[sf.key] = c.freeText(sf.field, sf.label, v)
			continue
		}
		if v == "" {
			c.add(sf.field, sf.label, "required", "skal udfyldes")
			continue
		}
		n := c.wholeNumber(sf.field, sf.label, v, sf.lo, sf.hi)
		nums[sf.field] = n
		out[sf.key] = strconv.Itoa(n)
	}
	if lo, hi := nums["MeetingsMin"], nums["MeetingsMax"]; !c.has("MeetingsMin") && !c.has("MeetingsMax") && hi < lo {
		c.add("MeetingsMax", "Møder om året, højst", "order", fmt.Sprintf("skal være mindst det mindste antal (%d)", lo))
	}
	return out, c.err()
}

// SaveSettings writes the settings in one transaction, with one event
// naming what changed and from what.
func (s *Store) SaveSettings(ctx context.Context, f SettingsForm) (SettingsForm, error) {
	values, err := f.Parse()
	if err != nil {
		return f, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var changed []string
		for _, sf := range settingFields {
			old, err := setting(ctx, tx, sf.key)
			if err != nil {
				return err
			}
			if old == values[sf.key] {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, sf.key, values[sf.key]); err != nil {
				return err
			}
			changed = append(changed, fmt.Sprintf("%s: %q → %q", sf.label, old, values[sf.key]))
		}
		if len(changed) == 0 {
			return nil
		}
		return appendEvent(ctx, tx, chainedEvent{at: s.nowText(), kind: "ændret", entity: "indstillinger", detail: strings.Join(changed, "; ")})
	})
	if err != nil {
		return f, err
	}
	return s.Settings(ctx)
}
