// Package lang guesses the language of a text: by script for non-Latin
// writing systems, by frequent function words and letters for Latin-script
// languages. It is small, deterministic and downloads nothing; the
// extractor uses it when a page declares no language, and the attributor
// to tell whether it can read a text at all.
package lang

import (
	"strings"
	"unicode"
)

// maxDetectBytes bounds the text Detect reads: a few pages of
// prose decide the language as well as a book does.
const maxDetectBytes = 32 << 10

// latinLangs are the Latin-script languages told apart by stopwords, in
// the order that breaks ties.
var latinLangs = [...]string{"en", "de", "fr", "es", "pt", "it", "nl", "id", "sv", "da", "no", "pl", "tr", "ro", "cs", "fi", "hu", "vi"}

// stopwords maps a frequent function word to the bit set of the
// languages (indexes into latinLangs) that use it.
var stopwords = map[string]uint32{}

func init() {
	lists := map[string]string{
		"en": "the and of to in is that for it was on with as he his by at are be this from have has had not but they which were their an been would said who will its or we you there also after about more when she her",
		"de": "der die und das ist den dem nicht ein eine mit sich des auf für im von zu sie es auch als bei nach wird wurde sind aus noch wie aber oder hat einer einem eines werden über vor zum zur durch schon wenn diese",
		"fr": "le la les et des du un une est en que qui dans pour pas sur au ce il elle ne avec sont par plus se aux ont mais été cette ses leur comme nous vous être aussi fait selon après",
		"es": "el la los las y de del en que un una por con para es se no al lo su sus como más pero fue ha son este esta sobre entre también hasta desde muy según tras cuando ya donde",
		"pt": "o a os as e de do da dos das em no na nos nas que um uma por com para é se não ao mais como foi pelo pela seu sua são também está ser entre até quando já sobre após ainda",
		"it": "il lo la gli le e di del della dei delle che un una per con non è sono si da al alla nel nella più anche come ha ma questo questa essere stato dopo tra fra",
		"nl": "de het een en van in is dat op te voor niet met zijn er aan ook als bij maar door om naar dan nog wel werd worden heeft hebben deze uit tot over geen",
		"id": "dan yang di ini itu dengan untuk dari dalam tidak ke akan pada juga ada adalah oleh karena atau bisa sudah telah mereka kami kita saat para lebih seperti",
		"sv": "och att det som en på är av för med till den har de inte om ett var jag men så från hade kan sig vid eller efter också när",
		"da": "og at det som en på er af for med til den har de ikke om et var jeg men så fra havde kan sig ved eller efter også når",
		"no": "og at det som en på er av for med til den har de ikke om et var jeg men så fra hadde kan seg ved eller etter også når",
		"pl": "i w na z do że się nie to jest o od po jak ale za przez dla już jego tak co które który która są oraz przy jednak może także być",
		"tr": "ve bir bu da de için ile olan çok daha gibi ama ne her olarak sonra kadar ise değil göre veya ancak oldu şu",
		"ro": "și în de la cu pe din că nu un o este a al ale se pentru mai care sunt fost după sau lui",
		"cs": "a v na se je že s z do to jako by pro ale od jsou po které který která bylo jeho také jsem",
		"fi": "ja on ei se että oli hän kun mutta ovat myös tai ole joka sen niin kuin mukaan ovat",
		"hu": "a az és hogy nem is egy meg van de csak már még ez volt mint azt pedig vagy után szerint",
		"vi": "và của là có không được trong cho với những các người một này đã để khi từ như",
	}
	for i, l := range latinLangs {
		for _, w := range strings.Fields(lists[l]) {
			stopwords[w] |= 1 << uint(i)
		}
	}
}

// letterHints are letters that only some Latin-script languages use;
// each occurrence adds a little weight.
var letterHints = map[rune]string{
	'ß': "de", 'ä': "de sv fi", 'ö': "de sv fi hu tr", 'ü': "de tr hu",
	'ñ': "es", 'ã': "pt", 'õ': "pt", 'ç': "pt fr tr", 'ê': "pt fr", 'à': "fr it pt", 'è': "fr it", 'ù': "fr it",
	'å': "sv da no", 'ø': "da no", 'æ': "da no",
	'ł': "pl", 'ą': "pl", 'ę': "pl", 'ś': "pl", 'ż': "pl", 'ź': "pl", 'ń': "pl",
	'ı': "tr", 'ş': "tr ro", 'ğ': "tr", 'ț': "ro", 'ă': "ro vi", 'ő': "hu", 'ű': "hu",
	'ě': "cs", 'ř': "cs", 'ů': "cs", 'č': "cs", 'ž': "cs", 'ơ': "vi", 'ư': "vi", 'đ': "vi",
}

var langIndex = func() map[string]int {
	m := map[string]int{}
	for i, l := range latinLangs {
		m[l] = i
	}
	return m
}()

// Detect guesses the language of text and returns its BCP 47 base
// tag ("en", "ru", "ja"), or "" when the text is too short or unclear.
// Non-Latin scripts are told by their Unicode ranges (Cyrillic, Greek,
// Arabic, Hebrew, Thai, Devanagari, Hangul, kana, Han...); Latin-script
// languages by counts of frequent function words. It reads at most the
// first 32 KB, downloads nothing and gives the same answer every time.
func Detect(text string) string {
	if len(text) > maxDetectBytes {
		// A rune cut in half decodes as RuneError, which is not a letter.
		text = text[:maxDetectBytes]
	}
	var (
		latin, cyr, greek, arabic, persian, hebrew, thai, deva, bengali, tamil int
		hangul, kana, han, georgian, armenian, ukr, bulg, serb                 int
		letters                                                                int
	)
	var hintScore [len(latinLangs)]int
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case r < 0x250:
			latin++
			if r >= 0xC0 {
				if h, ok := letterHints[unicode.ToLower(r)]; ok {
					for _, l := range strings.Fields(h) {
						hintScore[langIndex[l]]++
					}
				}
			}
		case r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional (Vietnamese)
			latin++
			hintScore[langIndex["vi"]] += 2
		case r >= 0x0400 && r <= 0x04FF:
			cyr++
			switch unicode.ToLower(r) {
			case 'і', 'ї', 'є', 'ґ':
				ukr++
			case 'ъ':
				bulg++
			case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј':
				serb++
			}
		case r >= 0x0370 && r <= 0x03FF || r >= 0x1F00 && r <= 0x1FFF:
			greek++
		case r >= 0x0590 && r <= 0x05FF:
			hebrew++
		case r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F:
			arabic++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
				persian++
			}
		case r >= 0x0900 && r <= 0x097F:
			deva++
		case r >= 0x0980 && r <= 0x09FF:
			bengali++
		case r >= 0x0B80 && r <= 0x0BFF:
			tamil++
		case r >= 0x0E00 && r <= 0x0E7F:
			thai++
		case r >= 0x10A0 && r <= 0x10FF:
			georgian++
		case r >= 0x0530 && r <= 0x058F:
			armenian++
		case r >= 0xAC00 && r <= 0xD7AF || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F:
			hangul++
		case r >= 0x3040 && r <= 0x30FF:
			kana++
		case r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF:
			han++
		}
	}
	if letters < 3 {
		return ""
	}
	// The script with the most letters decides, unless it is Latin.
	type sc struct {
		n    int
		lang string
	}
	cjk := han + kana
	scripts := []sc{
		{latin, ""}, {cyr, "ru"}, {greek, "el"}, {arabic, "ar"}, {hebrew, "he"}, {thai, "th"}, {deva, "hi"},
		{bengali, "bn"}, {tamil, "ta"}, {georgian, "ka"}, {armenian, "hy"}, {hangul, "ko"}, {cjk, "zh"},
	}
	best := scripts[0]
	for _, s := range scripts[1:] {
		if s.n > best.n {
			best = s
		}
	}
	switch best.lang {
	case "":
		return latinLanguage(text, hintScore)
	case "ru":
		switch {
		case ukr*50 > cyr:
			return "uk"
		case serb*100 > cyr:
			return "sr"
		case bulg*40 > cyr:
			return "bg"
		}
	case "ar":
		if persian*20 > arabic {
			return "fa"
		}
	case "zh":
		// Japanese mixes kana into its Han; Chinese has none.
		if kana*10 > cjk {
			return "ja"
		}
	}
	return best.lang
}

// latinLanguage counts stopwords of each Latin-script language and adds
// the letter hints; it returns "" when no language stands out.
func latinLanguage(text string, hints [len(latinLangs)]int) string {
	var score [len(latinLangs)]int
	words := 0
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		start = -1
		words++
		if len(w) > 12 {
			return
		}
		bits, ok := stopwords[w]
		if !ok {
			lw := strings.ToLower(w)
			if lw == w {
				return
			}
			if bits, ok = stopwords[lw]; !ok {
				return
			}
		}
		for i := range latinLangs {
			if bits&(1<<uint(i)) != 0 {
				score[i] += 2
			}
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || r == '\'' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	best, second := -1, -1
	for i := range latinLangs {
		score[i] += hints[i]
		switch {
		case best < 0 || score[i] > score[best]:
			best, second = i, best
		case second < 0 || score[i] > score[second]:
			second = i
		}
	}
	if best < 0 || score[best] < 4 || score[best] == score[second] {
		return ""
	}
	return latinLangs[best]
}
