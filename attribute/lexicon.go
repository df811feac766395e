package attribute

import "strings"

// The word lists below are built once at package initialisation and never
// mutated afterwards; lookups are plain map reads.

// verbInfo describes one inflected form of a reporting verb.
type verbInfo struct {
	lemma string
	// tell marks verbs whose object is the addressee ("told Macron that").
	tell bool
	// asObj marks verbs whose content is "OBJ as ..." or "OBJ of ...":
	// described X as, accused X of, called X.
	asObj bool
	// weak forms are noun-ambiguous ("report", "claim"): they count only
	// with a clear complement.
	weak bool
	// belief verbs (think, believe) attribute beliefs, not speech.
	belief bool
	// participle is the -ing form ("adding that ...").
	participle bool
	// topic verbs ("spoke of", "talked about") count only with their
	// preposition; the object of it is the content.
	topic bool
	// clause verbs ("understood that", "heard by now that") count only
	// with a that-clause.
	clause bool
	// frame verbs ("raised questions about", "voiced concern that")
	// count only before a noun of attitude and its preposition.
	frame bool
}

type verbSpec struct {
	lemma  string
	forms  string // explicit irregular forms, space separated; "" = regular
	flags  string // t=tell a=asObj w=weak-base b=belief p=topic c=clause f=frame
	suffix string // preposition that belongs to the cue ("for", "on")
}

var verbSpecs = []verbSpec{
	{"say", "say says said saying", "", ""},
	{"tell", "tell tells told telling", "t", ""},
	{"add", "", "", ""},
	{"note", "", "w", ""},
	{"write", "write writes wrote written writing", "", ""},
	{"announce", "", "", ""},
	{"claim", "", "w", ""},
	{"argue", "", "", ""},
	{"insist", "", "", ""},
	{"warn", "", "t", ""},
	{"explain", "", "", ""},
	{"state", "stated", "", ""},
	{"states", "states", "w", ""},
	{"exhort", "", "t", ""},
	{"reference", "referenced", "", ""},
	{"references", "references referencing", "w", ""},
	{"hail", "", "a", ""},
	{"rate", "rated", "a", ""},
	{"declare", "", "", ""},
	{"report", "", "w", ""},
	{"reveal", "", "", ""},
	{"suggest", "", "", ""},
	{"acknowledge", "", "", ""},
	{"admit", "admit admits admitted admitting", "", ""},
	{"confirm", "", "", ""},
	{"deny", "deny denies denied denying", "", ""},
	{"allege", "", "", ""},
	{"assert", "", "", ""},
	{"contend", "", "", ""},
	{"maintain", "", "", ""},
	{"stress", "", "w", ""},
	{"emphasize", "", "", ""},
	{"emphasise", "", "", ""},
	{"recall", "", "", ""},
	{"remark", "", "w", ""},
	{"comment", "", "w", ""},
	{"observe", "", "", ""},
	{"predict", "", "", ""},
	{"promise", "", "w", ""},
	{"pledge", "", "w", ""},
	{"vow", "", "", ""},
	{"urge", "", "t", ""},
	{"ask", "", "t", ""},
	{"reply", "reply replies replied replying", "", ""},
	{"respond", "", "", ""},
	{"retort", "", "", ""},
	{"tweet", "", "w", ""},
	{"complain", "", "", ""},
	{"concede", "", "", ""},
	{"conclude", "", "w", ""},
	{"agree", "agree agrees agreed agreeing", "", ""},
	{"believe", "", "b", ""},
	{"think", "think thinks thought thinking", "bw", ""},
	{"fear", "", "bw", ""},
	{"estimate", "", "w", ""},
	{"describe", "", "a", ""},
	{"characterize", "", "a", ""},
	{"accuse", "", "a", ""},
	{"criticize", "", "a", ""},
	{"criticise", "", "a", ""},
	{"blast", "", "aw", ""},
	{"slam", "slam slams slammed slamming", "aw", ""},
	{"praise", "", "aw", ""},
	{"blame", "", "aw", ""},
	{"mention", "", "w", ""},
	{"indicate", "", "", ""},
	{"signal", "signaled signalled signals", "w", ""},
	{"testify", "testify testifies testified testifying", "", ""},
	{"recount", "", "", ""},
	{"repeat", "", "", ""},
	{"reiterate", "", "", ""},
	{"echo", "echoed echoes echoing", "", ""},
	{"counter", "countered", "", ""},
	{"counters", "counter counters countering", "w", ""},
	{"continue", "continued", "", ""},
	{"joke", "", "", ""},
	{"quip", "quip quips quipped", "", ""},
	{"boast", "", "", ""},
	{"brag", "brag brags bragged bragging", "", ""},
	{"lament", "", "", ""},
	{"bemoan", "", "", ""},
	{"deplore", "", "", ""},
	{"grumble", "", "", ""},
	{"scoff", "", "", ""},
	{"declare", "", "", ""},
	{"proclaim", "", "", ""},
	{"demand", "", "w", ""},
	{"propose", "", "", ""},
	{"advise", "", "t", ""},
	{"caution", "", "w", ""},
	{"threaten", "", "", ""},
	{"hint", "", "w", ""},
	{"muse", "mused", "", ""},
	{"wonder", "", "", ""},
	{"question", "questioned questioning", "", ""},
	{"dispute", "", "w", ""},
	{"reject", "", "", ""},
	{"dismiss", "", "", ""},
	{"forecast", "forecast forecasts forecasting", "w", ""},
	{"find", "find finds found", "w", ""},
	{"show", "show shows showed shown showing", "", ""},
	{"cite", "", "", ""},
	{"assure", "", "t", ""},
	{"reassure", "", "t", ""},
	{"inform", "", "t", ""},
	{"remind", "", "t", ""},
	{"dub", "dubbed", "a", ""},
	{"label", "labeled labelled labels", "a", ""},
	{"brand", "branded", "a", ""},
	{"call", "call calls called calling", "aw", ""},
	{"liken", "", "a", ""},
	{"learn", "learned learnt", "", ""},
	{"point", "point points pointed pointing", "", "out"},
	{"lay", "lay lays laid laying", "", "out"}, // only "laid out her proposals"
	{"speculate", "", "", ""},
	{"posit", "", "", ""},
	{"explain", "", "", ""},
	{"hope", "", "bw", ""},
	{"expect", "", "bw", ""},
	{"worry", "worried", "b", ""},
	{"agree", "", "", ""},
	{"tout", "", "", ""},
	{"acknowledge", "", "", ""},
	{"concur", "concurred", "", ""},
	{"shout", "", "", ""},
	{"chant", "", "w", ""},
	{"yell", "", "", ""},
	{"pen", "penned", "", ""},
	{"object", "objected", "", ""},
	{"protest", "protested", "", ""},
	{"assert", "", "", ""},
	{"remark", "", "", ""},
	{"announce", "", "", ""},
	{"publish", "published", "", ""},
	{"declare", "", "", ""},
	{"vow", "", "", ""},
	{"swear", "swore sworn", "", ""},
	{"want", "", "b", ""},
	{"refuse", "", "", ""},
	{"decline", "", "w", ""},
	{"oppose", "", "b", ""},
	{"endorse", "", "", ""},
	{"know", "know knows knew", "b", ""},
	{"condemn", "", "a", ""},
	{"scold", "", "a", ""},
	{"encourage", "", "t", ""},
	{"chide", "", "a", ""},
	{"rebuke", "", "a", ""},
	{"lash", "lashed", "", "out"},
	{"laud", "", "a", ""},
	{"sing", "sing sings sang singing", "", ""},
	{"rule", "ruled", "", ""},
	{"ruling", "ruling", "w", ""}, // ", ruling that C"; "the ruling" is a noun
	{"compare", "", "a", ""},
	{"mock", "", "aw", ""},
	{"attack", "attacked attacking", "a", ""},
	{"applaud", "", "a", ""},
	{"decry", "decries decried decrying", "a", ""},
	{"denounce", "", "a", ""},
	{"demand", "", "", ""},
	{"acknowledge", "", "", ""},
	{"suggest", "", "", ""},
	{"stress", "stressed stressing", "", ""},
	{"instruct", "", "t", ""},
	{"exclaim", "", "", ""},
	{"whisper", "", "", ""},
	{"scream", "", "", ""},
	{"plead", "pleaded pled", "", ""},
	{"beg", "begged", "t", ""},
	{"implore", "", "t", ""},
	{"disclose", "", "", ""},
	{"divulge", "", "", ""},
	{"announce", "", "", ""},
	{"assert", "", "", ""},
	{"read", "read reads", "w", ""},
	// Attributed intentions, beliefs and topics (PARC/PolNeAR count them).
	{"plan", "plan plans planned planning", "w", ""},
	{"offer", "", "w", ""},
	{"discuss", "", "", ""},
	{"worry", "worry worries worrying", "bw", ""},
	{"express", "", "", ""},
	{"view", "viewed", "a", ""},
	{"view", "views", "aw", ""}, // "grim views of the United States" is a noun
	{"recognize", "", "", ""},
	{"see", "see sees saw", "b", ""},
	{"outline", "", "", ""},
	{"detail", "detailed", "", ""},
	// Stance verbs (PolNeAR marks them): the object or clause is the content.
	{"support", "", "w", ""},
	{"defend", "", "", ""},
	{"downplay", "", "", ""},
	{"charge", "", "w", ""},
	{"vote", "voted", "", ""},
	{"rail", "railed", "", ""},
	{"admire", "", "b", ""},
	{"portray", "", "a", ""},
	{"recommend", "", "c", ""}, // only with a clause: "recommends that adults limit X" (not "recommend charges")
	// Verbs of depicting count only with "as" ("painted Romney as an
	// out-of-touch rich guy", not "painted the house"): see asDepiction.
	{"paint", "", "a", ""},
	{"cast", "cast casts casting", "a", ""},
	{"depict", "", "a", ""},
	{"disagree", "", "", ""},
	{"illustrate", "", "", ""},
	{"link", "linked", "a", ""},
	{"apologize", "apologize apologizes apologized apologizing apologise apologises apologised apologising", "", ""},
	{"speak", "speak speaks spoke spoken speaking", "p", ""},
	{"talk", "", "p", ""},
	// Verbs of knowing and perceiving: a that-clause makes them a belief.
	{"understand", "understand understands understood understanding", "bc", ""},
	{"assume", "assume assumes assumed", "bc", ""},
	{"discover", "", "bc", ""},
	{"realize", "", "bc", ""},
	{"realise", "", "bc", ""},
	{"feel", "feel feels felt feeling", "bc", ""},
	{"hear", "hear hears heard", "bc", ""},
	{"post", "post posts posted", "c", ""},
	{"suspect", "", "bc", ""},
	{"imagine", "imagine imagines imagined", "bc", ""},
	// Verbs that voice an attitude named by their object ("raised
	// questions about X"): the attitude's object is the content.
	{"voice", "", "f", ""},
	{"raise", "", "f", ""},
}

// attitudeNouns name an attitude whose object, after a preposition or in
// a that-clause, is what the holder holds it about ("expressed deep
// concern about the policy").
var attitudeNouns = setOf("concern concerns worry worries fear fears doubt doubts question questions reservations misgivings outrage anger frustration dismay alarm disappointment skepticism scepticism support opposition sympathy regret regrets optimism pessimism confidence satisfaction displeasure surprise shock interest objection objections criticism complaints grievances hope hopes enthusiasm admiration disgust")

// attitudePreps join an attitude noun to its object.
var attitudePreps = setOf("about over for at with regarding toward towards on that")

// reportingVerbs maps every lower-case form to its description.
var reportingVerbs = buildVerbs()

func buildVerbs() map[string]verbInfo {
	m := make(map[string]verbInfo, 600)
	for _, s := range verbSpecs {
		vi := verbInfo{lemma: s.lemma,
			tell:   strings.Contains(s.flags, "t"),
			asObj:  strings.Contains(s.flags, "a"),
			belief: strings.Contains(s.flags, "b"),
			topic:  strings.Contains(s.flags, "p"),
			clause: strings.Contains(s.flags, "c"),
			frame:  strings.Contains(s.flags, "f")}
		// Topic verbs are weak everywhere but in rejectCue, which asks
		// for their preposition.
		weakBase := strings.Contains(s.flags, "w")
		var forms []string
		if s.forms != "" {
			forms = strings.Fields(s.forms)
		} else {
			forms = inflect(s.lemma)
		}
		for _, f := range forms {
			v := vi
			v.participle = strings.HasSuffix(f, "ing")
			// Noun-ambiguous lemmas keep only their past and -ing forms
			// as strong cues.
			if vi.topic || vi.clause || vi.frame || weakBase && (f == s.lemma || f == s.lemma+"s" || f == s.lemma+"es" || strings.HasSuffix(s.lemma, "y") && f == s.lemma[:len(s.lemma)-1]+"ies") {
				v.weak = true
			}
			if _, ok := m[f]; !ok {
				m[f] = v
			}
		}
	}
	return m
}

// inflect makes the regular forms of an English verb.
func inflect(base string) []string {
	var s, ed, ing string
	switch {
	case strings.HasSuffix(base, "e"):
		s, ed, ing = base+"s", base+"d", base[:len(base)-1]+"ing"
	case strings.HasSuffix(base, "ss"), strings.HasSuffix(base, "sh"), strings.HasSuffix(base, "ch"), strings.HasSuffix(base, "x"):
		s, ed, ing = base+"es", base+"ed", base+"ing"
	default:
		s, ed, ing = base+"s", base+"ed", base+"ing"
	}
	return []string{base, s, ed, ing}
}

// auxiliaries and adverbs that may stand between a subject and its cue.
var auxWords = setOf("together 're 've 'd 'll always sometimes usually rarely frequently today yesterday tonight now has have had is was were are will would could can may might should did does do been be being also later previously repeatedly recently once twice then often later again earlier first still not never n't already publicly privately reportedly allegedly further famously quickly flatly simply herself himself themselves itself just even last")

// clauseStops end a subject noun phrase when scanning backwards.
var clauseStops = setOf("that which who whom whose when where while because if but and or nor as after before since though although than so whether until unless whereas yet what how why to in on at by with from into about over under during against between without through per via also even though just only")

// determiners start a noun phrase.
var determiners = setOf("the a an his her their its our my your this these those another other some many several most all both one two three four each every any no few")

var pronouns = map[string]string{
	"he": Person, "she": Person, "him": Person, "her": Person, "i": Person, "we": Other, "they": Other,
	"it": Other, "you": Other, "who": Other, "us": Other, "them": Other, "me": Person,
}

// objectPronouns never head a subject ("makes me want").
var objectPronouns = setOf("me us them him")

// The kind constants mirror article's, kept local for brevity.
const (
	Person       = "person"
	Organization = "organization"
	Country      = "country"
	Other        = "other"
)

// titles precede a person's name and form (part of) the role.
var titleWords = setOf("superintendent principal dean provost secretary-general director-general attorney-general surgeon-general mp mep msp mla president vice prime foreign defense defence interior finance justice home deputy minister secretary senator sen sen. rep rep. representative gov gov. governor mayor mr mr. mrs mrs. ms ms. dr dr. gen gen. general judge justice chancellor king queen prince princess pope speaker chairman chairwoman chair chief director ambassador attorney spokesman spokeswoman spokesperson press leader commissioner sheriff officer professor prof prof. rev rev. lt lt. col col. capt capt. sgt sgt. sir lord lady dame premier sheikh emir ayatollah nominee candidate congressman congresswoman assemblyman councilman councilwoman lawmaker adviser advisor aide executive ceo founder chairman treasurer state former acting presidential democratic republican gop house senate majority minority whip campaign manager strategist administrator resident")

// roleHeads are nouns that head a role description ("the foreign minister").
var roleHeads = setOf("secretary-general director-general democrat republican president minister secretary spokesman spokeswoman spokesperson governor senator mayor chancellor premier leader chief director chairman chairwoman ambassador envoy official aide adviser advisor candidate nominee lawmaker congressman congresswoman representative judge prosecutor attorney lawyer general commander diplomat counterpart ceo executive founder analyst expert economist professor researcher manager strategist pollster officer activist king queen pope head mogul billionaire businessman businesswoman tycoon host anchor reporter journalist author writer columnist historian scientist doctor veteran father mother wife husband son daughter running mate surrogate spokesmen democrat republican commissioner negotiator member co-author co-founder co-chair physician surgeon neurologist cardiologist epidemiologist psychologist psychiatrist engineer architect coach captain skipper midfielder striker goalkeeper defender batsman bowler quarterback pitcher chancellor secretary-general director-general administrator pontiff")

// abbreviations of roles as written in headlines.
var roleAbbrev = map[string]string{
	"fm": "foreign minister", "pm": "prime minister", "dm": "defense minister", "fs": "foreign secretary",
	"vp": "vice president", "ag": "attorney general", "sec": "secretary", "pres": "president",
	"gov": "governor", "sen": "senator", "rep": "representative", "amb": "ambassador",
}

// orgWords mark a capitalised name as an organisation.
var orgWords = setOf("parliament assembly legislature cabinet treasury reserve tribunal secretariat military army navy taliban hamas hezbollah securities holdings partners associates airlines motors technologies pharmaceuticals industries authority firm board panel bureau regulator airline party post times news service services department ministry agency committee council commission foundation institute university college center centre bank association union court congress senate house administration office corp corp. inc inc. group network journal kremlin pentagon government campaign company police fbi cia nato un eu cnn bbc msnbc npr ap reuters afp tv press review magazine daily tribune herald gazette telegraph guardian observer monitor chronicle coalition alliance federation organization organisation board bureau caucus fund club society institution army navy forces command embassy watch lab labs poll polls hospital clinic museum library church airport prison")

// metonyms are organisations written as places or buildings.
// knownCompanies are organisations news names by one word, which would
// otherwise pass for a person's surname when they speak ("Amazon said").
// knownCompanyNames are firms of two or more words whose names read as a
// person's ("Morgan Stanley", "Charles Schwab") or hold "and"/"&".
var knownCompanyNames = map[string]bool{"morgan stanley": true, "goldman sachs": true, "wells fargo": true,
	"merrill lynch": true, "charles schwab": true, "dow jones": true, "raymond james": true, "edward jones": true,
	"lehman brothers": true, "johnson & johnson": true, "procter & gamble": true, "ernst & young": true,
	"marks & spencer": true, "jp morgan": true, "j.p. morgan": true, "jpmorgan chase": true, "bank of america": true,
	"general motors": true, "general electric": true, "warner bros": true, "rolls-royce": true, "harley-davidson": true,
	"berkshire hathaway": true, "deutsche bank": true, "credit suisse": true, "lloyds banking group": true,
	"home depot": true, "best buy": true, "general mills": true, "dollar general": true, "family dollar": true,
	"whole foods": true, "general dynamics": true, "first republic": true}

var knownCompanies = setOf("amazon apple google alphabet microsoft facebook meta twitter instagram whatsapp youtube tiktok netflix uber lyft airbnb wework spotify tesla toyota volkswagen honda nissan ford gm bmw daimler stellantis boeing airbus samsung sony huawei alibaba tencent baidu xiaomi rakuten softbank nvidia intel amd qualcomm ibm oracle cisco adobe salesforce paypal visa mastercard walmart target costco starbucks mcdonald's nike pfizer moderna novartis astrazeneca bayer siemens shell exxon exxonmobil chevron bp gazprom rosneft aramco maersk ikea nestle nestlé unilever disney comcast verizon vodafone nokia ericsson")

// knownPlaces are places of two or more capitalised words that would pass
// for a person's name.
var knownPlaces = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range []string{"hong kong", "wall street", "silicon valley", "new delhi", "tel aviv", "los angeles", "san francisco", "new orleans", "las vegas", "buenos aires", "rio de janeiro", "sao paulo", "são paulo", "cape town", "kuala lumpur", "abu dhabi", "capitol hill"} {
		m[p] = true
	}
	return m
}()

var metonyms = map[string]string{
	"kremlin": "the Kremlin", "white house": "the White House", "pentagon": "the Pentagon",
	"state department": "the State Department", "elysee": "the Elysee", "élysée": "the Élysée",
	"downing street": "Downing Street", "whitehall": "Whitehall",
}

// nationalities maps an adjective to its country; countries holds country
// names and capitals used as metonyms.
var nationalities = map[string]string{
	"american": "United States", "russian": "Russia", "french": "France", "british": "United Kingdom",
	"german": "Germany", "chinese": "China", "ukrainian": "Ukraine", "iranian": "Iran", "israeli": "Israel",
	"palestinian": "Palestine", "syrian": "Syria", "iraqi": "Iraq", "turkish": "Turkey", "indian": "India",
	"pakistani": "Pakistan", "japanese": "Japan", "korean": "Korea", "canadian": "Canada", "mexican": "Mexico",
	"italian": "Italy", "spanish": "Spain", "polish": "Poland", "saudi": "Saudi Arabia", "egyptian": "Egypt",
	"afghan": "Afghanistan", "australian": "Australia", "brazilian": "Brazil", "dutch": "Netherlands",
	"belgian": "Belgium", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland",
	"greek": "Greece", "irish": "Ireland", "swiss": "Switzerland", "austrian": "Austria", "hungarian": "Hungary",
	"czech": "Czech Republic", "venezuelan": "Venezuela", "cuban": "Cuba", "qatari": "Qatar", "emirati": "United Arab Emirates",
	"lebanese": "Lebanon", "jordanian": "Jordan", "yemeni": "Yemen", "libyan": "Libya", "nigerian": "Nigeria",
	"kenyan": "Kenya", "ethiopian": "Ethiopia", "belarusian": "Belarus", "georgian": "Georgia", "armenian": "Armenia",
	"azerbaijani": "Azerbaijan", "kazakh": "Kazakhstan", "taiwanese": "Taiwan", "vietnamese": "Vietnam", "thai": "Thailand",
	"indonesian": "Indonesia", "filipino": "Philippines", "malaysian": "Malaysia", "argentine": "Argentina",
	"chilean": "Chile", "colombian": "Colombia", "peruvian": "Peru", "european": "European Union", "scottish": "Scotland",
	"welsh": "Wales", "english": "England", "portuguese": "Portugal", "romanian": "Romania", "serbian": "Serbia",
	"croatian": "Croatia", "bulgarian": "Bulgaria", "slovak": "Slovakia", "lithuanian": "Lithuania",
	"latvian": "Latvia", "estonian": "Estonia", "moldovan": "Moldova", "bahraini": "Bahrain", "omani": "Oman",
	"kuwaiti": "Kuwait", "algerian": "Algeria", "moroccan": "Morocco", "tunisian": "Tunisia", "sudanese": "Sudan",
	"somali": "Somalia", "ghanaian": "Ghana", "south african": "South Africa", "new zealander": "New Zealand",
	"kiwi": "New Zealand", "sri lankan": "Sri Lanka", "bangladeshi": "Bangladesh", "nepali": "Nepal",
	"singaporean": "Singapore", "zimbabwean": "Zimbabwe", "ugandan": "Uganda", "rwandan": "Rwanda",
	"congolese": "Congo", "icelandic": "Iceland", "jamaican": "Jamaica", "haitian": "Haiti",
	"ecuadorian": "Ecuador", "bolivian": "Bolivia", "uruguayan": "Uruguay", "paraguayan": "Paraguay",
}

var countries = buildCountries()

// usStates are places, not people, though two capitalised words look like
// a name ("New York", "North Carolina"); "Brooklyn, New York" makes the
// name before the comma a place too.
var usStates = func() map[string]bool {
	m := setOf("alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming")
	for _, s := range []string{"new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "rhode island", "south carolina", "south dakota", "west virginia"} {
		m[s] = true
	}
	return m
}()

func buildCountries() map[string]string {
	m := map[string]string{
		"us": "United States", "u.s": "United States", "u.s.": "United States", "usa": "United States",
		"america": "United States", "united states": "United States", "uk": "United Kingdom", "u.k": "United Kingdom",
		"britain": "United Kingdom", "great britain": "United Kingdom", "moscow": "Russia", "washington": "United States",
		"beijing": "China", "kyiv": "Ukraine", "kiev": "Ukraine", "paris": "France", "london": "United Kingdom",
		"berlin": "Germany", "tehran": "Iran", "ankara": "Turkey", "tokyo": "Japan", "seoul": "South Korea",
		"pyongyang": "North Korea", "damascus": "Syria", "baghdad": "Iraq", "riyadh": "Saudi Arabia",
		"north korea": "North Korea", "south korea": "South Korea", "new zealand": "New Zealand",
		"wellington": "New Zealand", "west indies": "West Indies", "hong kong": "Hong Kong",
		"manila": "Philippines", "new delhi": "India", "islamabad": "Pakistan", "kabul": "Afghanistan",
		"cairo": "Egypt", "jerusalem": "Israel", "ottawa": "Canada", "canberra": "Australia",
		"mexico city": "Mexico", "brasilia": "Brazil", "hanoi": "Vietnam", "bangkok": "Thailand",
		"jakarta": "Indonesia", "taipei": "Taiwan", "minsk": "Belarus", "warsaw": "Poland", "madrid": "Spain",
		"athens": "Greece", "vienna": "Austria", "budapest": "Hungary", "stockholm": "Sweden", "oslo": "Norway",
		"helsinki": "Finland", "copenhagen": "Denmark", "dublin": "Ireland", "tbilisi": "Georgia",
		"yerevan": "Armenia", "baku": "Azerbaijan", "doha": "Qatar", "beirut": "Lebanon", "amman": "Jordan",
		"caracas": "Venezuela", "havana": "Cuba", "bogota": "Colombia", "pretoria": "South Africa",
		"nairobi": "Kenya", "addis ababa": "Ethiopia", "khartoum": "Sudan", "dhaka": "Bangladesh",
	}
	for _, c := range nationalities {
		m[strings.ToLower(c)] = c
	}
	return m
}

// notNames are capitalised words that never start or form a person's name.
var notNames = setOf("one two three get let like unlike whatever whoever however whichever wherever whenever perhaps maybe the a an in on at but and or so it he she they we i you this that these those there here several many some most both all few each every another other his her their its our my your if when while after before since as for with by from of to not no yes although though because unless until whereas once despite what who why how where which however meanwhile also then now still yet last next according monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow read more click photo image video watch related advertisement share sign subscribe breaking update updated editor note news are is was were been being has have had does did says said tells told even only just instead thus therefore indeed already again moreover nevertheless nonetheless furthermore besides likewise similarly")

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
