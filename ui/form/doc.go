// Package form is the register editor the tabs declare their records with:
// the list with search and paging, the form and its fields, the keys, the
// drafts kept while typing, the refusal shown on the fields and the
// question before unsaved edits are left, the same way for every register.
// A tab gives its record type, its form type (a data.…Form), the fields
// and the store's functions; form does the rest.
package form
