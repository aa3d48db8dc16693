package assets

import "embed"

// Fonts holds the fonts embedded in every agreement PDF: Noto Sans in four
// styles (Danish, Bosnian, Turkish letters …) and Noto Sans Arabic for
// names written in Arabic script. Licence: fonts/OFL.txt.
//
//go:embed fonts/*.ttf
var Fonts embed.FS

// FontLicence is the fonts' licence, the SIL Open Font License 1.1, shown
// under Hjælp → Om Partnerskab.
//
//go:embed fonts/OFL.txt
var FontLicence string
