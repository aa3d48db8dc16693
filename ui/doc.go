// Package ui is Partnerskab's Fyne window: one file per tab and the shared
// widgets. It only shows and edits what package data holds; every rule
// lives in data.
package ui
