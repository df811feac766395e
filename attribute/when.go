package attribute

import (
	"strconv"
	"time"

	"github.com/newsclip/newsclip/article"
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var dayParts = setOf("morning afternoon evening night")

// periods follow "this", "last" and "next" in a time expression.
var periods = setOf("week weekend month year summer fall autumn winter spring")

// parseWhen reads a time expression starting at token i: "on Friday",
// "Monday night", "earlier this week", "last month", "yesterday",
// "on January 25", "in February". It returns the expression and the token after it, or
// end == i when there is none.
func (en *engine) parseWhen(i, b int) (*article.When, int) {
	j := i
	w := func(k int) string {
		if k < b && en.toks[k].q < 0 {
			return en.toks[k].low
		}
		return ""
	}
	var date time.Time
	switch {
	case w(j) == "on" || w(j) == "last" || w(j) == "this" || w(j) == "next":
		if _, ok := weekdays[w(j+1)]; ok {
			if w(j) == "next" {
				date = en.nextWeekday(weekdays[w(j+1)])
			} else {
				date = en.weekdayDate(weekdays[w(j+1)], w(j) == "last")
			}
			j += 2
		} else if m, ok := months[w(j+1)]; ok && w(j) == "on" {
			j += 2
			if w(j) == "." {
				j++
			}
			if d, err := strconv.Atoi(w(j)); err == nil && d >= 1 && d <= 31 {
				date = en.monthDay(m, d)
				j++
			} else {
				return nil, i
			}
		} else if w(j) != "on" && (periods[w(j+1)] || dayParts[w(j+1)]) {
			j += 2
		} else {
			return nil, i
		}
	case w(j) == "in" && !en.toks[j].cap && months[w(j+1)] != 0 && en.toks[j+1].cap:
		// "in February", "in March 2024": a month, dated to the month
		// (the latest on or before the publication month unless a year
		// is given). A sentence-opening "In December 2009, ..." stays
		// part of the clause it opens.
		m := months[w(j+1)]
		j += 2
		y := 0
		if n, err := strconv.Atoi(w(j)); err == nil && n >= 1900 && n <= 2200 {
			y = n
			j++
		}
		if y == 0 && !en.pub.IsZero() {
			y = en.pub.Year()
			if m > en.pub.Month() {
				y--
			}
		}
		out := &article.When{Text: en.text[en.toks[i].s:en.toks[j-1].e]}
		if y > 0 {
			out.Date = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
		return out, j
	case weekdays[w(j)] != 0 || w(j) == "sunday":
		date = en.weekdayDate(weekdays[w(j)], false)
		j++
	case w(j) == "yesterday":
		if !en.pub.IsZero() {
			date = en.pub.AddDate(0, 0, -1)
		}
		j++
	case w(j) == "today" || w(j) == "tonight":
		date = en.pub
		j++
	case (w(j) == "late" || w(j) == "early") && (weekdays[w(j+1)] != 0 || w(j+1) == "sunday"):
		// "announced late Friday", "early Sunday"
		date = en.weekdayDate(weekdays[w(j+1)], false)
		j += 2
	case w(j) == "earlier" || w(j) == "later":
		j++
		switch {
		case (w(j) == "this" || w(j) == "last") && periods[w(j+1)]:
			j += 2
		case w(j) == "in" && w(j+1) == "the" && (w(j+2) == "day" || w(j+2) == "week"):
			j += 3
		case w(j) == "today":
			date = en.pub
			j++
		case weekdays[w(j)] != 0 || w(j) == "sunday":
			// "earlier Thursday morning"
			date = en.weekdayDate(weekdays[w(j)], false)
			j++
		}
	default:
		return nil, i
	}
	if dayParts[w(j)] {
		j++
	}
	if w(j) == "'s" || w(j) == "’s" {
		return nil, i // "Thursday's protests": a possessive, not a time adjunct
	}
	out := &article.When{Text: en.text[en.toks[i].s:en.toks[j-1].e]}
	if !date.IsZero() {
		out.Date = date.Format("2006-01-02")
	}
	return out, j
}

// weekdayDate: the latest such weekday on or before the publication day
// (strictly before for "last Friday").
func (en *engine) weekdayDate(d time.Weekday, last bool) time.Time {
	if en.pub.IsZero() {
		return time.Time{}
	}
	back := (int(en.pub.Weekday()) - int(d) + 7) % 7
	if back == 0 && last {
		back = 7
	}
	return en.pub.AddDate(0, 0, -back)
}

// nextWeekday: the first such weekday after the publication day ("next
// Friday").
func (en *engine) nextWeekday(d time.Weekday) time.Time {
	if en.pub.IsZero() {
		return time.Time{}
	}
	ahead := (int(d) - int(en.pub.Weekday()) + 7) % 7
	if ahead == 0 {
		ahead = 7
	}
	return en.pub.AddDate(0, 0, ahead)
}

func (en *engine) monthDay(m time.Month, d int) time.Time {
	if en.pub.IsZero() {
		return time.Time{}
	}
	t := time.Date(en.pub.Year(), m, d, 0, 0, 0, 0, en.pub.Location())
	if t.After(en.pub.AddDate(0, 0, 1)) {
		t = t.AddDate(-1, 0, 0)
	}
	return t
}

// whenNear looks for a time expression right after the cue or between the
// speaker and the cue.
func (en *engine) whenNear(ev eval) *article.When {
	lo := ev.c.i - 4
	if ev.subjE > 0 && ev.subjE <= ev.c.i {
		lo = ev.subjE
	}
	if lo < ev.c.i-12 {
		lo = ev.c.i - 12 // a time far back before the cue is the narrator's, and the scan stays linear
	}
	if lo < 0 {
		lo = 0
	}
	hi := ev.c.j + 6
	if hi > ev.sb {
		hi = ev.sb
	}
	for k := ev.c.j; k < hi; k++ {
		if en.toks[k].q >= 0 || en.toks[k].low == "that" {
			break
		}
		if w, end := en.parseWhen(k, hi); end > k {
			return w
		}
	}
	for k := lo; k < ev.c.i; k++ {
		if w, end := en.parseWhen(k, ev.c.i); end > k {
			return w
		}
	}
	return nil
}
