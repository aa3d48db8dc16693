package data

import (
	"context"
	"fmt"
	"strings"
)

// ProcessingRecord is the record of processing (GDPR art. 30) as the file
// holds it now: the tables and fields read from the schema, the retention
// settings in force read from the settings. Package agreement prints it.
type ProcessingRecord struct {
	Tables     []ProcessingTable
	Retention  []RetentionSetting
	Recipients []string // the parties that receive exported PDFs
	Security   []string
}

// ProcessingTable is one table of person data with its fields.
type ProcessingTable struct {
	Table, Subjects, Purpose, Basis string
	Rows                            int
	Fields                          []ProcessingField
}

// ProcessingField is one column of a person table.
type ProcessingField struct {
	Column, Description string
	Person              bool
}

// RetentionSetting is one retention_… setting as stored.
type RetentionSetting struct {
	Key, Label, Value string
}

// ProcessingRecord builds the record from the schema and the settings.
// A column the description map does not know is named as undescribed, so
// the record never hides a field.
func (s *Store) ProcessingRecord(ctx context.Context) (ProcessingRecord, error) {
	var r ProcessingRecord
	for _, pt := range personTables {
		cols, err := personTableColumns(ctx, s, pt.Table)
		if err != nil {
			return r, err
		}
		if len(cols) == 0 {
			continue // a table a later migration has not made yet
		}
		t := ProcessingTable{Table: pt.Table, Subjects: pt.Subjects, Purpose: pt.Purpose, Basis: pt.Basis}
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+pt.Table).Scan(&t.Rows); err != nil {
			return r, err
		}
		for _, c := range cols {
			fi, ok := fieldInfos[pt.Table+"."+c]
			if !ok {
				fi = fieldInfo{Description: "(ikke beskrevet: kontrollér)", Person: true}
			}
			t.Fields = append(t.Fields, ProcessingField{Column: c, Description: fi.Description, Person: fi.Person})
		}
		r.Tables = append(r.Tables, t)
	}
	labels := map[string]string{}
	for _, f := range settingFields {
		labels[f.key] = f.label
	}
	settings, err := queryAll(ctx, s.db, func(row scanner) (RetentionSetting, error) {
		var rs RetentionSetting
		err := row.Scan(&rs.Key, &rs.Value)
		rs.Label = labels[rs.Key]
		if rs.Label == "" {
			rs.Label = rs.Key
		}
		return rs, err
	}, `SELECT key, value FROM settings WHERE key LIKE 'retention\_%' ESCAPE '\' ORDER BY key`)
	if err != nil {
		return r, err
	}
	r.Retention = settings
	orgs, err := queryAll(ctx, s.db, func(row scanner) (string, error) {
		var n string
		return n, row.Scan(&n)
	}, `SELECT name FROM organisations WHERE archived_at IS NULL ORDER BY name COLLATE `+CollationName)
	if err != nil {
		return r, err
	}
	r.Recipients = orgs
	r.Security = []string{
		"Databasen, dens -wal og -shm, sikkerhedskopier og seglets nøgler oprettes, så kun brugeren kan læse dem (0600/0700 på Unix; brugerprofilens adgangsliste på Windows)",
		"Underskrevne aftaler låses og forsegles med organisationens certifikat (PAdES), så enhver senere ændring kan opdages",
		"Hændelsesloggen er en hashkæde med brugeren som aktør; 'partnerskab check' finder en ændret eller fjernet hændelse",
		"Programmet bruger intet netværk: data forlader kun computeren som filer, brugeren selv gemmer (og som hændelsesloggen nævner)",
		"CPR-numre gemmes aldrig; personer i ordninger registreres med initialer eller pseudonym",
	}
	return r, nil
}

// personTableColumns lists a table's columns in schema order.
func personTableColumns(ctx context.Context, s *Store, table string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, fmt.Errorf("skemaet for %s kan ikke læses: %w", table, err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, strings.TrimSpace(c))
	}
	return cols, rows.Err()
}
