package article

// Quote kinds.
const (
	Direct   = "direct"   // the whole content is inside quote marks
	Partial  = "partial"  // reported speech holding a quoted fragment
	Indirect = "indirect" // reported speech with no quote marks
)

// Entity kinds.
const (
	Person       = "person"
	Organization = "organization"
	Country      = "country"
	Other        = "other"
)

// Mention is a stretch of text, with UTF-8 byte offsets (end exclusive)
// into the text the quotes were found in.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is a resolved speaker, addressee or reporter.
type Entity struct {
	// Name is the canonical name ("Vladimir Putin", "the Kremlin").
	Name string `json:"name"`
	// Role is a title or description ("Russian President").
	Role string `json:"role,omitempty"`
	// Kind is person, organization, country or other.
	Kind string `json:"kind,omitempty"`
	// Mention is the mention as written where it was attributed.
	Mention *Mention `json:"mention,omitempty"`
}

// When is the time a statement was made, as written and, when it could be
// resolved against the publication time, as a date (YYYY-MM-DD, or
// YYYY-MM when the text names only a month).
type When struct {
	Text string `json:"text"`
	Date string `json:"date,omitempty"`
}

// Quote is one attributed statement.
type Quote struct {
	// Text is the content; Start and End are UTF-8 byte offsets into the
	// input text (plain-text input) or into Article.Text() (HTML input).
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Kind is Direct, Partial or Indirect.
	Kind string `json:"kind"`
	// Cue is the reporting word or phrase ("said", "according to", ":").
	Cue        string   `json:"cue"`
	CueMention *Mention `json:"cue_mention,omitempty"`
	// Speaker is nil when no speaker could be found.
	Speaker   *Entity `json:"speaker"`
	Addressee *Entity `json:"addressee"`
	// Source is the document the statement was reported from, when stated
	// ("a readout of their call").
	Source string `json:"source"`
	// ReportedBy is the reporter of a nested report ("the Kremlin said that
	// Putin had told Macron ...").
	ReportedBy *Entity `json:"reported_by"`
	When       *When   `json:"when,omitempty"`
	// Where is "headline", "subheading" or "body".
	Where string `json:"where,omitempty"`
	// Parts are the content's fragments when it is split by its
	// attribution ("Q1," he said, "Q2."); Start and End then span them all.
	Parts []Mention `json:"parts,omitempty"`
}

// Speaker is one entry of an article's speaker index.
type Speaker struct {
	Name     string    `json:"name"`
	Role     string    `json:"role,omitempty"`
	Kind     string    `json:"kind,omitempty"`
	Mentions []Mention `json:"mentions"`
	// Quotes are indexes into Article.Quotes (or the quotes list).
	Quotes []int `json:"quotes"`
}
