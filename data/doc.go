// Package data holds Partnerskab's model and its SQLite store: plain Go that
// builds without cgo and never imports Fyne. Every business rule lives here.
package data
