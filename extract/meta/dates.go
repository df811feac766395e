package meta

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Dates before this year are template junk or parse accidents, not news.
const minYear = 1900

// strictLayouts are tried first: the machine formats of meta tags and
// JSON-LD. Zoned layouts keep the page's offset.
var strictLayouts = [...]string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.ANSIC,
	"20060102T150405Z0700",
	"20060102",
}

var monthNames = map[string]time.Month{}

func init() {
	add := func(m time.Month, names ...string) {
		for _, n := range names {
			monthNames[n] = m
		}
	}
	// English, then the most common other languages of the news pages
	// newsclip sees (prefix forms cover "sept", "janv", "févr"...).
	add(time.January, "jan", "january", "januar", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen", "januari", "styczeń", "stycznia", "ocak", "января", "январь")
	add(time.February, "feb", "february", "februar", "février", "fevrier", "févr", "fevr", "febrero", "fevereiro", "fev", "febbraio", "februari", "lutego", "luty", "şubat", "февраля", "февраль")
	add(time.March, "mar", "march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marca", "marzec", "mart", "марта", "март")
	add(time.April, "apr", "april", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "nisan", "апреля", "апрель")
	add(time.May, "may", "mai", "mayo", "maio", "maggio", "mag", "mei", "maj", "maja", "mayıs", "мая", "май")
	add(time.June, "jun", "june", "juni", "juin", "junio", "junho", "giugno", "giu", "czerwca", "czerwiec", "haziran", "июня", "июнь")
	add(time.July, "jul", "july", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "lipca", "lipiec", "temmuz", "июля", "июль")
	add(time.August, "aug", "august", "août", "aout", "agosto", "ago", "augustus", "agustus", "sierpnia", "sierpień", "ağustos", "августа", "август")
	add(time.September, "sep", "sept", "september", "septembre", "septiembre", "setembro", "set", "settembre", "wrzesnia", "września", "wrzesień", "eylül", "сентября", "сентябрь")
	add(time.October, "oct", "october", "oktober", "octobre", "octubre", "outubro", "out", "ottobre", "ott", "okt", "października", "październik", "ekim", "октября", "октябрь")
	add(time.November, "nov", "november", "novembre", "noviembre", "novembro", "nopember", "listopada", "listopad", "kasım", "ноября", "ноябрь")
	add(time.December, "dec", "december", "dezember", "décembre", "decembre", "déc", "diciembre", "dic", "dezembro", "dez", "dicembre", "desember", "des", "grudnia", "grudzień", "aralık", "декабря", "декабрь")
}

// zoneOffsets are the abbreviations news pages print after a time.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
	"ist": 5*60 + 30, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "sgt": 8, "hkt": 8,
	"est": -5, "edt": -4, "et": -5, "cst": -6, "cdt": -5, "ct": -6, "mst": -7, "mdt": -6,
	"mt": -7, "pst": -8, "pdt": -7, "pt": -8,
}

// ParseDate reads a date in any of the forms news pages use: RFC 3339
// with or without a zone, "2022-01-28 10:00:00", RFC 1123, "January 28,
// 2022", "28 Jan 2022 10:00 GMT", "28.01.2022", "2022/01/28", and Unix
// epochs in seconds or milliseconds. A string with only a year (a
// copyright line) is not a date. Times without a zone are read as UTC.
func ParseDate(s string) (time.Time, bool) {
	t, _, ok := parseDate(s)
	return t, ok
}

// parseDate is ParseDate that also says whether s stated its zone (an
// offset, a zone name, or an epoch, which is absolute). A time without
// one is a wall clock read as UTC, which the caller may re-anchor in the
// zone the rest of the page states.
func parseDate(s string) (t time.Time, zoned, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || len(s) > 200 {
		return time.Time{}, false, false
	}
	for _, l := range strictLayouts {
		if len(l) > len(s)+12 {
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			t, ok := sane(t)
			return t, strings.Contains(l, "07") || strings.Contains(l, "MST"), ok
		}
	}
	if t, ok := parseEpoch(s); ok {
		t, ok := sane(t)
		return t, true, ok
	}
	if t, zoned, ok := parseLoose(s); ok {
		t, ok := sane(t)
		return t, zoned, ok
	}
	return time.Time{}, false, false
}

// inZone re-reads the wall clock of t in loc.
func inZone(t time.Time, loc *time.Location) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// sane rejects years no news page means.
func sane(t time.Time) (time.Time, bool) {
	if t.IsZero() || t.Year() < minYear || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t, true
}

func parseEpoch(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if len(s) == 13 {
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}

// parseLoose reads free-form dates by tokens: a month name, numbers for
// day and year, an hh:mm[:ss] time, am/pm, a zone abbreviation or offset.
func parseLoose(s string) (_ time.Time, zoned, _ bool) {
	var (
		year, month, day = -1, -1, -1
		hour, min, sec   = 0, 0, 0
		nums             []int
		numLens          []int
		pm, am           bool
		zone             *time.Location
		hasTime          bool
	)
	toks := dateTokens(s)
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if tk == "" {
			continue // fuzz: "0000000000T ," yields an empty token
		}
		lt := strings.ToLower(strings.TrimSuffix(tk, "."))
		switch {
		case strings.Count(tk, ":") >= 1 && isDigit(tk[0]):
			parts := strings.Split(tk, ":")
			h, err1 := strconv.Atoi(parts[0])
			m, err2 := strconv.Atoi(parts[1])
			if err1 != nil || err2 != nil || h > 23 || m > 59 || hasTime {
				continue
			}
			hour, min, hasTime = h, m, true
			if len(parts) > 2 {
				if sc, err := strconv.Atoi(strings.SplitN(parts[2], ".", 2)[0]); err == nil && sc < 61 {
					sec = sc
				}
			}
		case (tk[0] == '+' || tk[0] == '-') && len(tk) >= 3 && hasTime && zone == nil:
			if loc, ok := offsetZone(tk); ok {
				zone = loc
			}
		case isDigit(tk[0]):
			// "28th", "1st"; "28.01.2022" and "2022/01/28" and "2022-01-28".
			tk = strings.TrimRight(tk, "stndrh")
			if strings.HasSuffix(tk, ".") && allDigits(tk[:len(tk)-1]) {
				tk = tk[:len(tk)-1] // German "25. September"
			}
			if strings.ContainsAny(tk, "./-") {
				y, m, d, ok := numericDate(tk)
				if ok && year < 0 {
					year, month, day = y, m, d
				}
				continue
			}
			n, err := strconv.Atoi(tk)
			if err != nil {
				continue
			}
			nums = append(nums, n)
			numLens = append(numLens, len(tk))
		case lt == "pm" || lt == "p.m" || lt == "p.m.":
			pm = true
		case lt == "am" || lt == "a.m" || lt == "a.m.":
			am = true
		default:
			if m, ok := monthNames[lt]; ok && month < 0 {
				month = int(m)
				continue
			}
			if off, ok := zoneOffsets[lt]; ok && hasTime && zone == nil {
				mins := off * 60
				if off > 24 || off < -24 {
					mins = off
				}
				zone = time.FixedZone(strings.ToUpper(lt), mins*60)
				continue
			}
		}
	}
	if year < 0 {
		if month < 0 {
			return time.Time{}, false, false
		}
		// Month name plus numbers: a 4-digit one is the year, a 1-2 digit
		// one the day.
		for i, n := range nums {
			switch {
			case numLens[i] == 4 && year < 0:
				year = n
			case numLens[i] <= 2 && day < 0 && n >= 1 && n <= 31:
				day = n
			}
		}
		if year < 0 || day < 0 {
			return time.Time{}, false, false
		}
	}
	if pm && hour < 12 {
		hour += 12
	}
	if am && hour == 12 {
		hour = 0
	}
	zoned = zone != nil
	if zone == nil {
		zone = time.UTC
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false, false
	}
	t := time.Date(year, time.Month(month), day, hour, min, sec, 0, zone)
	if t.Day() != day { // 31 February and friends
		return time.Time{}, false, false
	}
	return t, zoned, true
}

// dateTokens splits on spaces, commas and a few separators, keeping
// "10:00", "+03:00", "28.01.2022" and "p.m." whole.
func dateTokens(s string) []string {
	f := func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '(' || r == ')' || r == '@'
	}
	raw := strings.FieldsFunc(s, f)
	var out []string
	for _, tk := range raw {
		// "2022-01-28T10:00:00" variants that the strict layouts missed.
		if i := strings.IndexByte(tk, 'T'); i == 10 && isDigit(tk[0]) {
			out = append(out, tk[:i], tk[i+1:])
			continue
		}
		// "10:00+03:00" or "10:00Z".
		if isDigit(tk[0]) && strings.Contains(tk, ":") {
			if j := strings.IndexAny(tk, "+Z"); j > 0 {
				out = append(out, tk[:j])
				if tk[j] == 'Z' {
					out = append(out, "Z")
				} else {
					out = append(out, tk[j:])
				}
				continue
			}
		}
		// "10am", "3:45pm"
		ltk := strings.ToLower(tk)
		if isDigit(tk[0]) && (strings.HasSuffix(ltk, "am") || strings.HasSuffix(ltk, "pm")) && len(tk) > 2 {
			base := tk[:len(tk)-2]
			if !strings.Contains(base, ":") {
				base += ":00"
			}
			out = append(out, base, ltk[len(ltk)-2:])
			continue
		}
		out = append(out, tk)
	}
	return out
}

// numericDate reads 2022-01-28, 2022/01/28, 28.01.2022, 28/01/2022 and
// 01/28/2022 (month first only when the day cannot be a month).
func numericDate(tk string) (y, m, d int, ok bool) {
	tk = strings.Trim(tk, "./-")
	parts := strings.FieldsFunc(tk, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return 0, 0, 0, false
		}
		n[i] = v
	}
	switch {
	case len(parts[0]) == 4:
		y, m, d = n[0], n[1], n[2]
	case len(parts[2]) == 4 || len(parts[2]) == 2:
		y = n[2]
		if len(parts[2]) == 2 {
			y += 2000
		}
		d, m = n[0], n[1]
		if m > 12 && d <= 12 && strings.Contains(tk, "/") {
			d, m = m, d
		}
	default:
		return 0, 0, 0, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func offsetZone(tk string) (*time.Location, bool) {
	sign := 1
	if tk[0] == '-' {
		sign = -1
	}
	d := strings.ReplaceAll(tk[1:], ":", "")
	if len(d) != 4 && len(d) != 2 {
		return nil, false
	}
	v, err := strconv.Atoi(d)
	if err != nil {
		return nil, false
	}
	h, m := v, 0
	if len(d) == 4 {
		h, m = v/100, v%100
	}
	if h > 14 || m > 59 {
		return nil, false
	}
	return time.FixedZone("", sign*(h*3600+m*60)), true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// urlDate finds a /2022/01/28/, /2022-01-28/ or /20220128/ date in a URL
// path: the weakest evidence of publication.
func urlDate(u string) (time.Time, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	segs := strings.Split(u, "/")
	for i := 1; i < len(segs); i++ {
		s := segs[i]
		if len(s) == 4 && allDigits(s) && i+2 < len(segs) {
			m, d := segs[i+1], segs[i+2]
			if len(m) <= 2 && allDigits(m) && len(d) >= 1 && len(d) <= 2 && allDigits(d) {
				y, _ := strconv.Atoi(s)
				mm, _ := strconv.Atoi(m)
				dd, _ := strconv.Atoi(d)
				if t, ok := mkDate(y, mm, dd); ok {
					return t, true
				}
			}
		}
		if len(s) >= 10 && isDigit(s[0]) {
			if y, m, d, ok := numericDate(s[:10]); ok && len(s[:10]) == 10 && s[4] == '-' {
				if t, ok := mkDate(y, m, d); ok {
					return t, true
				}
			}
		}
		if len(s) == 8 && allDigits(s) {
			y, _ := strconv.Atoi(s[:4])
			mm, _ := strconv.Atoi(s[4:6])
			dd, _ := strconv.Atoi(s[6:])
			if t, ok := mkDate(y, mm, dd); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func mkDate(y, m, d int) (time.Time, bool) {
	if y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
