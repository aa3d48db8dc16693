package data

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The register keeps people by pseudonym so that it holds no special
// categories of personal data (GDPR art. 9), no criminal offences (art. 10)
// and no benefit details, which databeskyttelsesloven § 8 treats as
// confidential. Free notes are where such details slip in, so a note that
// names them gets a warning with the reason. A warning and not a refusal:
// "depression" may be the name of a course, "kirke" the landlord; the
// caseworker decides. The words are data, here and nowhere else.

// SpecialCategory is one kind of sensitive detail and the words that betray
// it. A word ending in "*" matches every word it begins (diagnos* finds
// diagnosen, diagnosticeret); others match the whole word only.
type SpecialCategory struct {
	Reason string // what the words reveal, as the warning names it
	Words  []string
}

// SpecialCategories are the details a placement's notes must not hold.
var SpecialCategories = []SpecialCategory{
	{Reason: "helbredsoplysninger", Words: []string{
		"diagnose*", "diagnos*", "depression*", "deprimeret", "angst*", "psykisk*", "psykiatri*", "psykose*",
		"skizofren*", "bipolar", "adhd", "autis*", "asperger*", "ptsd", "traume*", "stress*",
		"sygdom*", "syg", "sygemeld*", "sygedagpenge", "medicin*", "misbrug*", "alkohol*", "afvænning*",
		"handicap*", "funktionsnedsæt*", "arbejdsevne*", "hjerneskade*", "kræft", "diabetes",
		"indlagt", "indlæggelse*", "gravid*", "graviditet*", "læge*", "hospital*", "terapi*", "sygehus*",
	}},
	{Reason: "etnisk oprindelse", Words: []string{
		"etnisk*", "etnicitet*", "hudfarve", "race", "indvandre*", "efterkommer*", "flygtning*",
		"somalisk", "somalier*", "tyrkisk", "tyrker*", "arabisk", "araber*", "irakisk", "iraker*",
		"pakistansk", "pakistaner*", "palæstinensisk", "palæstinenser*", "syrisk", "syrer*",
		"afghansk", "afghaner*", "kurdisk", "kurder*", "iransk", "iraner*", "libanesisk", "libaneser*",
		"marokkansk", "marokkaner*", "eritreisk", "eritreer*", "polsk", "rumænsk", "vietnamesisk",
		"grønlandsk", "grønlænder*", "romaer", "sigøjner*", "ikke-vestlig*",
	}},
	{Reason: "religiøs overbevisning", Words: []string{
		"religion*", "religiøs*", "muslim*", "islam*", "kristen", "kristne", "jøde", "jøder", "jødisk",
		"hindu*", "buddhis*", "moské*", "synagoge*", "ramadan", "tørklæde*",
	}},
	{Reason: "seksuel orientering", Words: []string{
		"homoseksuel*", "biseksuel*", "lesbisk", "bøsse", "transkønnet", "seksualitet*", "seksuel*",
	}},
	{Reason: "politisk eller faglig tilknytning", Words: []string{
		"fagforening*", "politisk*", "partimedlem*",
	}},
	{Reason: "strafbare forhold", Words: []string{
		"dømt", "dom", "straffe*", "fængsel*", "fængslet", "kriminel*", "kriminalitet*", "sigtet",
		"anholdt", "afsoning*", "afsoner", "tiltalt", "bandemedlem*",
	}},
	{Reason: "sociale ydelser og økonomi", Words: []string{
		"kontanthjælp*", "dagpenge*", "førtidspension*", "pension*", "integrationsydelse*",
		"uddannelseshjælp*", "ledighedsydelse*", "revalidering*", "ressourceforløb*", "boligstøtte*",
		"selvhjælpsydelse*", "overførselsindkomst*", "gæld*", "inkasso*", "udlæg", "restance*",
	}},
}

// amountRe finds an amount of money (11.000 kr., kr. 500, 1.700,50 kroner):
// in a placement's notes an amount is a benefit or a wage, both personal.
var amountRe = regexp.MustCompile(`(?i)(\d[\d.]*(,\d+)?\s*(kr\.|kroner|kr\b|dkk))|((kr\.|dkk)\s*\d[\d.]*(,\d+)?)`)

// SpecialCategoryWarnings lists the sensitive details text seems to hold,
// one warning per kind with the words found, for the field label. None
// when the text is clean.
func SpecialCategoryWarnings(label, text string) []string {
	words := noteWords(text)
	var out []string
	for _, c := range SpecialCategories {
		var found []string
		for _, w := range words {
			if c.matches(w) && !slices.Contains(found, w) {
				found = append(found, w)
			}
		}
		if len(found) > 0 {
			out = append(out, specialWarning(label, found, c.Reason))
		}
	}
	if m := amountRe.FindString(text); m != "" {
		out = append(out, specialWarning(label, []string{strings.TrimSpace(m)}, "beløb (ydelser eller løn)"))
	}
	return out
}

func specialWarning(label string, found []string, reason string) string {
	return label + ": »" + strings.Join(found, "«, »") + "« ligner " + reason +
		"; følsomme oplysninger (databeskyttelsesforordningens art. 9) og ydelser hører ikke hjemme her."
}

func (c SpecialCategory) matches(word string) bool {
	for _, w := range c.Words {
		if stem, ok := strings.CutSuffix(w, "*"); ok {
			if strings.HasPrefix(word, stem) {
				return true
			}
		} else if word == w {
			return true
		}
	}
	return false
}

// noteWords splits text into lower-case words; a hyphen stays inside a word
// (ikke-vestlig).
func noteWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
}
