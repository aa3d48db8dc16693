// Package assets holds the files the program embeds: the icon, the
// translations, and (with later features) fonts and default templates.
package assets

import "embed"

// Translations holds translations/da.json and translations/en.json for
// fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS
