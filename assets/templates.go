package assets

import "embed"

// Templates holds the default agreement templates, templates/*.md:
// Markdown with Mustache merge fields (see package agreement).
//
//go:embed templates/*.md
var Templates embed.FS
