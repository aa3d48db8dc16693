package agreement

// The parse tree that the preview and the PDF share, so that what the
// parties read on screen is what they sign on paper. Parse (in parse.go)
// builds it from merged Markdown with goldmark.

// BlockKind is the kind of a block of the agreement's text.
type BlockKind int

// The blocks an agreement is made of.
const (
	BlockHeading   BlockKind = iota // Level 1..3; Number holds its section number ("3." or "3.2")
	BlockParagraph                  // Inlines
	BlockList                       // Items; Ordered says 1. 2. 3. or bullets
	BlockTable                      // Rows; the first row is the header
	BlockRule                       // a horizontal line (---)
)

// Block is one block of text.
type Block struct {
	Kind    BlockKind
	Level   int      // headings: 1, 2 or 3
	Number  string   // headings of level 2 and 3: the section number, "3." / "3.2", given by Parse
	Inlines []Inline // headings and paragraphs
	Ordered bool     // lists
	Start   int      // ordered lists: the first number
	Items   [][]Block
	Rows    [][][]Inline // tables: rows of cells
	Align   []Alignment  // tables: per column
}

// Inline is a run of text with one style.
type Inline struct {
	Text   string
	Bold   bool
	Italic bool
	Break  bool // a hard line break after the text
}

// Alignment of a table column.
type Alignment int

// Column alignments.
const (
	AlignLeft Alignment = iota
	AlignCenter
	AlignRight
)
