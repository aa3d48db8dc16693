package data

// The record of processing (GDPR art. 30) is generated from the schema:
// personTables names the tables that hold data about a person and who the
// person is, and fieldInfo describes each of their columns in Danish and
// says whether it is person data. TestEveryPersonColumnIsDescribed fails
// when a migration adds a column to one of these tables without a line
// here, so the record can never leave out a field the file holds.

// personTable is one table whose rows concern a person.
type personTable struct {
	Table    string
	Subjects string // the category of data subjects, in Danish
	Purpose  string
	Basis    string // legal basis; "(kontrollér)" where DOMAIN.md has none
}

var personTables = []personTable{
	{"contacts", "Kontaktpersoner hos partnerne (kommune, boligorganisation, virksomheder)",
		"At kunne kontakte, indkalde og lade partnernes repræsentanter underskrive i partnerskabet",
		"Myndighedsudøvelse / opgave i samfundets interesse, GDPR art. 6, stk. 1, litra e (kontrollér)"},
	{"placements", "Ansatte og personer i ordninger (fleksjob, løntilskud, virksomhedspraktik) i virksomhederne, under pseudonym",
		"At følge op på jobmålene og rimelighedskravet pr. virksomhed; kun initialer eller pseudonym, aldrig CPR-nummer",
		"GDPR art. 6, stk. 1, litra e; fleksjob røber nedsat arbejdsevne: art. 9, stk. 2, litra b (kontrollér)"},
	{"signatories", "Underskrivere af aftaler",
		"At dokumentere, hvem der har underskrevet en aftale for hvilken part",
		"Aftaleindgåelse mellem parterne, GDPR art. 6, stk. 1, litra b og e (kontrollér)"},
	{"signatures", "Underskrivere af aftaler",
		"Den underskrift, der er afgivet, som bevis for aftalen (simpel elektronisk underskrift, eIDAS)",
		"GDPR art. 6, stk. 1, litra b og e (kontrollér)"},
	{"meeting_people", "Kontaktpersoner indkaldt til møder",
		"At sende indkaldelse og referat til alle parter og notere fremmøde",
		"GDPR art. 6, stk. 1, litra e (kontrollér)"},
	{"memberships", "Kontaktpersoner i styregrupper og fora",
		"At vide, hvem der sidder i partnerskabets fora og i hvilken rolle",
		"GDPR art. 6, stk. 1, litra e (kontrollér)"},
	{"event_actors", "Sagsbehandlere, der bruger programmet (styresystemets bruger)",
		"Hændelsesloggen: hvem gjorde hvad og hvornår (sporbarhed og sikkerhed)",
		"GDPR art. 6, stk. 1, litra c og art. 32 (kontrollér)"},
}

// fieldInfo is one column: its Danish description and whether it is
// person data (a value about the person) or bookkeeping.
type fieldInfo struct {
	Description string
	Person      bool
}

var fieldInfos = map[string]fieldInfo{
	"contacts.id":              {"Løbenummer", false},
	"contacts.organisation_id": {"Organisationen, personen repræsenterer", true},
	"contacts.name":            {"Navn", true},
	"contacts.sort_key":        {"Navnet som sorteringsnøgle (afledt af navnet)", true},
	"contacts.title":           {"Stilling", true},
	"contacts.email":           {"E-mail (arbejde)", true},
	"contacts.phone":           {"Telefon (arbejde)", true},
	"contacts.role":            {"Rolle i partnerskabet", true},
	"contacts.valid_from":      {"Kontaktperson fra dato", true},
	"contacts.valid_to":        {"Kontaktperson til dato", true},
	"contacts.notes":           {"Noter", true},
	"contacts.case_closed_on":  {"Sagen afsluttet dato", false},
	"contacts.delete_by":       {"Slettes senest", false},
	"contacts.archived_at":     {"Arkiveret tidspunkt", false},
	"contacts.anonymised_at":   {"Anonymiseret tidspunkt", false},
	"contacts.created_at":      {"Oprettet tidspunkt", false},
	"contacts.updated_at":      {"Ændret tidspunkt", false},

	"placements.id":              {"Løbenummer", false},
	"placements.pseudonym":       {"Initialer eller pseudonym", true},
	"placements.search_text":     {"Søgetekst (afledt af pseudonymet; også i søgeindekset, som slettes sammen med den)", true},
	"placements.organisation_id": {"Virksomheden", true},
	"placements.position_id":     {"Stillingen", true},
	"placements.scheme_id":       {"Ordning (fx fleksjob, løntilskud)", true},
	"placements.hours_per_week":  {"Timer pr. uge", true},
	"placements.resident":        {"Beboer i området (ja/nej)", true},
	"placements.target_group_id": {"Målgruppe", true},
	"placements.start_on":        {"Startdato", true},
	"placements.end_on":          {"Slutdato", true},
	"placements.case_closed_on":  {"Sagen afsluttet dato", false},
	"placements.delete_by":       {"Slettes senest", false},
	"placements.notes":           {"Noter (ikke helbred, etnicitet eller ydelser)", true},
	"placements.anonymised_at":   {"Anonymiseret tidspunkt", false},
	"placements.created_at":      {"Oprettet tidspunkt", false},
	"placements.updated_at":      {"Ændret tidspunkt", false},

	"signatories.id":                {"Løbenummer", false},
	"signatories.agreement_id":      {"Aftalen", true},
	"signatories.contact_id":        {"Kontaktpersonen", true},
	"signatories.position":          {"Rækkefølge på aftalen", false},
	"signatories.name":              {"Navn med blokbogstaver", true},
	"signatories.title":             {"Titel", true},
	"signatories.organisation_name": {"For organisationen", true},

	"signatures.id":           {"Løbenummer", false},
	"signatures.signatory_id": {"Underskriveren", true},
	"signatures.method":       {"Måde (tegnet, skrevet, på papir)", false},
	"signatures.image_png":    {"Den tegnede underskrift (billede)", true},
	"signatures.strokes":      {"Den tegnede underskrifts streger", true},
	"signatures.typed_name":   {"Skrevet navn", true},
	"signatures.place":        {"Sted for underskrift", true},
	"signatures.signed_at":    {"Tidspunkt for underskrift", true},
	"signatures.signed_on":    {"Dato for underskrift (papir)", true},

	"meeting_people.meeting_id": {"Mødet", true},
	"meeting_people.contact_id": {"Kontaktpersonen", true},
	"meeting_people.invited":    {"Indkaldt (ja/nej)", true},
	"meeting_people.attended":   {"Deltog (ja/nej)", true},

	"memberships.id":          {"Løbenummer", false},
	"memberships.body_id":     {"Forummet (styregruppe o.l.)", true},
	"memberships.contact_id":  {"Kontaktpersonen", true},
	"memberships.role":        {"Rolle i forummet", true},
	"memberships.from_on":     {"Medlem fra dato", true},
	"memberships.to_on":       {"Medlem til dato", true},
	"memberships.archived_at": {"Arkiveret tidspunkt", false},
	"memberships.created_at":  {"Oprettet tidspunkt", false},
	"memberships.updated_at":  {"Ændret tidspunkt", false},

	"event_actors.event_id": {"Hændelsen i loggen", false},
	"event_actors.actor":    {"Brugernavn i styresystemet", true},
}
