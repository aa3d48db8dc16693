// Package data holds Partnerskab's model and its SQLite store: plain Go that
// builds without cgo and never imports Fyne. Every business rule lives here.
//
// The files are grouped by prefix: store_ (opening the file, migrations,
// the one save path every record takes, archiving, the audit log, drafts,
// backup and restore), org_ (organisations and their contact people),
// premises_ (premises, rooms, leases and their terms), staff_ (schemes and
// target groups, positions, placements and their retention), agreement_
// (agreements, signing, templates), import_ (CSV rows into the store),
// overview (the figures and the deadlines), and demo (the example case).
package data
