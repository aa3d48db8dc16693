package data

import "fmt"

// Word lists for Danish-ish names, with æ, ø and å where Danish has them.
var (
	nameFirst = []string{"Bolig", "Bo", "Grøn", "Kvarter", "Fælles", "Øster", "Vester", "Nørre", "Søndre", "Strand",
		"Skov", "Åby", "Bøge", "Hav", "Ærø", "Lærke", "Mølle", "Kilde", "Enge", "Fjord", "Aa", "Bro", "Bølge", "Rosen",
		"Sol", "Byens", "Lille", "Store", "Gamle", "Nye", "Højby", "Tårn", "Værk", "Smede", "Bager", "Væve"}
	nameSecond = []string{"hus", "værksted", "café", "køkken", "systue", "gården", "forening", "centret", "stuen",
		"hjørnet", "butikken", "haven", "bageriet", "cykler", "genbrug", "kantine", "gartneri", "trykkeri", "vaskeri",
		"lund", "dal", "bakken", "torvet", "kollektivet"}
	nameForm = []string{"ApS", "A/S", "I/S", "", "", "Fonden", "S.m.b.a.", "IVS", "Forening", ""}
	cities   = []string{"Korsør", "Slagelse", "Næstved", "Ringsted", "Sorø", "Skælskør", "Aarhus", "Aabenraa", "Køge",
		"Holbæk", "Kalundborg", "Græsted", "Ærøskøbing", "Vordingborg", "Hørve", "Nykøbing F", "Fåborg", "Tårnby"}
	roles      = []string{"Udlejer", "Samarbejdspartner", "Leverandør", "Aftager af praktikanter", "Netværk", ""}
	firstNames = []string{"Mette", "Søren", "Jens", "Åse", "Bjørn", "Ærling", "Sofie", "Lærke", "Anders", "Øjvind",
		"Karen", "Mads", "Jørgen", "Ida", "Frederik", "Aase", "Hanne", "Kåre", "Signe", "Thor", "Amina", "Yasmin"}
	lastNames = []string{"Jensen", "Nielsen", "Hansen", "Pedersen", "Østergaard", "Aagaard", "Krogh", "Lindholm",
		"Bæk", "Sørensen", "Møller", "Ærenlund", "Kjær", "Lund", "Holm", "Dam", "Bech", "Haddad", "Hadžić", "Frølich"}
	titles = []string{"Leder", "Konsulent", "Projektleder", "Koordinator", "Daglig leder", "Specialkonsulent", "Indehaver"}
)

// sampleCVR makes a valid CVR number from a counter: seven digits and the
// check digit that makes the weighted sum divisible by 11 (skipping bodies
// that would need a check digit of 10).
func sampleCVR(n int) (string, bool) {
	body := fmt.Sprintf("%07d", 2_000_000+n)
	sum := 0
	for i, w := range cvrWeights7 {
		sum += int(body[i]-'0') * w
	}
	check := (11 - sum%11) % 11
	if check == 10 {
		return "", false
	}
	return body + string(rune('0'+check)), true
}

var cvrWeights7 = [7]int{2, 7, 6, 5, 4, 3, 2}
