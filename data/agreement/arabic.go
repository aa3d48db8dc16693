package agreement

import "strings"

// gofpdf writes code points one glyph each, left to right: it neither
// shapes nor reorders. A name in Arabic script would print as unjoined
// letters in the wrong order. So before a run of Arabic reaches the PDF,
// shapeArabic replaces each letter by its contextual presentation form
// (Arabic Presentation Forms-A/B, which Noto Sans Arabic maps), joins lam
// and alef into their ligature, and reverses the run into visual order.
// That covers names and short phrases; it is not a full bidi algorithm
// (numbers inside an Arabic run end the run and stay left to right).

// joining is how a letter connects to its neighbours.
type joining int

const (
	joinNone        joining = iota // joins neither side (hamza, non-Arabic)
	joinRight                      // joins only the letter before it (alef, dal, reh, waw …)
	joinDual                       // joins both sides (beh, seen, lam …)
	joinCausing                    // tatweel: joins both sides, has no forms
	joinTransparent                // harakat: skipped when deciding joins
)

// arabicForms holds a letter's presentation forms: isolated, final,
// initial, medial (0 when the letter has no such form).
type arabicForms struct {
	join                             joining
	isolated, final, initial, medial rune
}

// arabicLetters maps the letters of Arabic, Persian and Urdu names to
// their forms (Unicode's ArabicShaping.txt joining types).
var arabicLetters = map[rune]arabicForms{
	0x0621: {joinNone, 0xFE80, 0, 0, 0},
	0x0622: {joinRight, 0xFE81, 0xFE82, 0, 0},
	0x0623: {joinRight, 0xFE83, 0xFE84, 0, 0},
	0x0624: {joinRight, 0xFE85, 0xFE86, 0, 0},
	0x0625: {joinRight, 0xFE87, 0xFE88, 0, 0},
	0x0626: {joinDual, 0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {joinRight, 0xFE8D, 0xFE8E, 0, 0},
	0x0628: {joinDual, 0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {joinRight, 0xFE93, 0xFE94, 0, 0},
	0x062A: {joinDual, 0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {joinDual, 0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {joinDual, 0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {joinDual, 0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {joinDual, 0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {joinRight, 0xFEA9, 0xFEAA, 0, 0},
	0x0630: {joinRight, 0xFEAB, 0xFEAC, 0, 0},
	0x0631: {joinRight, 0xFEAD, 0xFEAE, 0, 0},
	0x0632: {joinRight, 0xFEAF, 0xFEB0, 0, 0},
	0x0633: {joinDual, 0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {joinDual, 0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {joinDual, 0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {joinDual, 0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {joinDual, 0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {joinDual, 0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {joinDual, 0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {joinDual, 0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0640: {joinCausing, 0x0640, 0x0640, 0x0640, 0x0640},
	0x0641: {joinDual, 0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {joinDual, 0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {joinDual, 0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {joinDual, 0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {joinDual, 0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {joinDual, 0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {joinDual, 0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {joinRight, 0xFEED, 0xFEEE, 0, 0},
	0x0649: {joinDual, 0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9},
	0x064A: {joinDual, 0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
	0x0671: {joinRight, 0xFB50, 0xFB51, 0, 0},
	0x067E: {joinDual, 0xFB56, 0xFB57, 0xFB58, 0xFB59}, // peh
	0x0686: {joinDual, 0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, // tcheh
	0x0698: {joinRight, 0xFB8A, 0xFB8B, 0, 0},          // jeh
	0x06A4: {joinDual, 0xFB6A, 0xFB6B, 0xFB6C, 0xFB6D}, // veh
	0x06A9: {joinDual, 0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, // keheh
	0x06AF: {joinDual, 0xFB92, 0xFB93, 0xFB94, 0xFB95}, // gaf
	0x06BA: {joinRight, 0xFB9E, 0xFB9F, 0, 0},          // noon ghunna (no joined forms encoded)
	0x06BE: {joinDual, 0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD}, // heh doachashmee
	0x06C1: {joinDual, 0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9}, // heh goal
	0x06CC: {joinDual, 0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, // farsi yeh
	0x06D2: {joinRight, 0xFBAE, 0xFBAF, 0, 0},          // yeh barree
}

// lamAlef maps the alef that follows a lam to the ligature's isolated and
// final forms.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6},
	0x0623: {0xFEF7, 0xFEF8},
	0x0625: {0xFEF9, 0xFEFA},
	0x0627: {0xFEFB, 0xFEFC},
}

// isArabic reports whether r belongs to the Arabic script blocks (letters,
// marks, Arabic punctuation and digits, presentation forms).
func isArabic(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F ||
		r >= 0x08A0 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// joiningOf is a code point's joining type.
func joiningOf(r rune) joining {
	if f, ok := arabicLetters[r]; ok {
		return f.join
	}
	if r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED {
		return joinTransparent
	}
	return joinNone
}

// hasArabic reports whether s needs shaping at all.
func hasArabic(s string) bool {
	for _, r := range s {
		if isArabic(r) {
			return true
		}
	}
	return false
}

// scriptRun is a piece of a line: either left-to-right text for Noto Sans
// or a shaped right-to-left Arabic run (in visual order) for Noto Sans
// Arabic.
type scriptRun struct {
	Text   string
	Arabic bool
}

// splitScripts cuts s into runs by script, shaping and reversing the
// Arabic ones. Spaces and punctuation between two Arabic words belong to
// the Arabic run, so "زينة حداد" stays one right-to-left run.
func splitScripts(s string) []scriptRun {
	if !hasArabic(s) {
		return []scriptRun{{Text: s}}
	}
	rs := []rune(s)
	var out []scriptRun
	start := 0
	for i := 0; i < len(rs); {
		if !isArabic(rs[i]) {
			i++
			continue
		}
		// An Arabic run: extend over neutrals as long as Arabic follows.
		j := i + 1
		for k := j; k < len(rs); k++ {
			if isArabic(rs[k]) {
				j = k + 1
			} else if !isNeutral(rs[k]) {
				break
			}
		}
		if i > start {
			out = append(out, scriptRun{Text: string(rs[start:i])})
		}
		out = append(out, scriptRun{Text: visualArabic(rs[i:j]), Arabic: true})
		start, i = j, j
	}
	if start < len(rs) {
		out = append(out, scriptRun{Text: string(rs[start:])})
	}
	return out
}

// isNeutral is a character that may sit between two Arabic words.
func isNeutral(r rune) bool {
	return r == ' ' || r == '\u00A0' || r == '-' || r == '\'' || r == '.'
}

// visualArabic shapes a logical-order Arabic run and returns it in visual
// (left-to-right drawing) order, keeping each letter's marks after it.
func visualArabic(rs []rune) string {
	shaped := shapeArabic(rs)
	// Group into clusters (a base and its transparent marks), then reverse
	// the clusters: marks have no advance and must follow their base.
	var clusters [][]rune
	for _, r := range shaped {
		if joiningOf(r) == joinTransparent && len(clusters) > 0 {
			last := &clusters[len(clusters)-1]
			*last = append(*last, r)
			continue
		}
		clusters = append(clusters, []rune{r})
	}
	var b strings.Builder
	for i := len(clusters) - 1; i >= 0; i-- {
		for _, r := range clusters[i] {
			b.WriteRune(mirror(r))
		}
	}
	return b.String()
}

// mirror swaps paired punctuation that reverses with the text.
func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	}
	return r
}

// shapeArabic replaces letters by their contextual forms, in logical order.
func shapeArabic(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicLetters[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev := neighbourJoin(rs, i, -1)
		joinsPrev := (f.join == joinDual || f.join == joinRight || f.join == joinCausing) &&
			(prev == joinDual || prev == joinCausing)
		if r == 0x0644 { // lam + alef is one ligature
			if k := nextBase(rs, i); k >= 0 {
				if lig, ok := lamAlef[rs[k]]; ok {
					if joinsPrev {
						out = append(out, lig[1])
					} else {
						out = append(out, lig[0])
					}
					out = append(out, rs[i+1:k]...) // marks on the lam
					i = k
					continue
				}
			}
		}
		next := neighbourJoin(rs, i, +1)
		joinsNext := (f.join == joinDual || f.join == joinCausing) &&
			(next == joinDual || next == joinRight || next == joinCausing)
		form := f.isolated
		switch {
		case joinsPrev && joinsNext && f.medial != 0:
			form = f.medial
		case joinsPrev && f.final != 0:
			form = f.final
		case joinsNext && f.initial != 0:
			form = f.initial
		}
		out = append(out, form)
	}
	return out
}

// nextBase is the index of the next non-mark letter after i, or -1.
func nextBase(rs []rune, i int) int {
	for k := i + 1; k < len(rs); k++ {
		if joiningOf(rs[k]) != joinTransparent {
			return k
		}
	}
	return -1
}

// neighbourJoin is the joining type of the nearest non-mark neighbour of
// rs[i] in direction dir (-1 before, +1 after).
func neighbourJoin(rs []rune, i, dir int) joining {
	for k := i + dir; k >= 0 && k < len(rs); k += dir {
		if j := joiningOf(rs[k]); j != joinTransparent {
			return j
		}
	}
	return joinNone
}
