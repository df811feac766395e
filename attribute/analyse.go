package attribute

import "strings"

// result of evaluating one cue.
type eval struct {
	c            cand
	subjS, subjE int
	trailing     bool
	contentEnd   int // for trailing: content is [st.a, contentEnd)
	afterStart   int // first token after the cue phrase (and addressee)
	addrS, addrE int
	sb           int // end of the sentence
	inverted     bool
	fronted      bool // "Claiming C, Trump told ...": content ends at the comma
}

func (en *engine) attribute(st sentence, cands []cand) []attribution {
	evs := make([]eval, 0, len(cands))
	for _, c := range cands {
		if ev, ok := en.evalCue(st, c); ok {
			en.frontedListener(st, &ev)
			evs = append(evs, ev)
		}
	}
	// Coordination: "Russia denies X and says Y" gives the second verb the
	// first one's subject.
	for _, c := range cands {
		k := en.skipBack(c.i-1, st.a)
		if k >= st.a && (en.toks[k].low == "and" || en.toks[k].low == "but" || en.toks[k].low == "yet") && en.toks[k].q < 0 && len(evs) > 0 {
			prev := evs[len(evs)-1]
			if prev.c.i < k && !prev.trailing && !hasCue(evs, c.i) && !(c.vi.topic && en.clauseIn(prev.c.j, k)) {
				// (A topic verb after a clause joins that clause's verb:
				// "said he rated them and talked about ...".)
				ev := eval{c: c, subjS: prev.subjS, subjE: prev.subjE, afterStart: c.j, addrS: -1, sb: st.b}
				en.addressee(st, &ev)
				evs = append(evs, ev)
			}
		}
	}
	if len(evs) == 0 {
		return nil
	}
	var out []attribution
	// A trailing attribution covering the sentence start wins: "C, the
	// source added" even when C itself holds "Clinton had told ...".
	order := make([]int, 0, len(evs))
	for k := len(evs) - 1; k >= 0; k-- {
		if !evs[k].c.according {
			order = append(order, k)
		}
	}
	for k := len(evs) - 1; k >= 0; k-- {
		if evs[k].c.according {
			order = append(order, k)
		}
	}
	for _, k := range order {
		ev := evs[k]
		if !ev.trailing {
			continue
		}
		at := en.newAttribution(ev)
		at.parts = [][2]int{{st.a, ev.contentEnd}}
		// A second fragment after the cue: "Q1," he said, "Q2."
		i := ev.afterStart
		i = en.skipTrailers(&at, i, st.b)
		if i < st.b && en.toks[i].low == "," && i+1 < st.b {
			n := i + 1
			switch {
			case en.isParticipleCue(n):
				// handled below as its own statement
			case en.toks[n].low == "according":
				at.source, at.reportedBy = en.accordingTail(n+2, st.b)
			case ev.c.according && en.toks[n].low == "and" && n+1 < st.b && (en.verbAt(n+1) || en.thatlessClause(n+1, st.b) == n+1 || en.clauseOpens(n+1, st.b)):
				// "The relatives watched the videos, according to their
				// attorneys, and said they had questions": the source
				// vouches for the coordinated clause too.
				if e := en.contentEnd(n+1, st.b); e > n+1 {
					at.parts = append(at.parts, [2]int{n + 1, e})
				}
			case ev.c.according && en.toks[n].kind != tMark:
				// "C, according to Craig Bryan, head of the center": an
				// apposition of the source, or the narrator's remark; but
				// "This, according to attendees, is both a problem and an
				// opportunity" goes on with the verb of C.
				if finiteAux[en.toks[n].low] && en.toks[n].q < 0 {
					if e := en.contentEnd(n, st.b); e > n {
						at.parts = append(at.parts, [2]int{n, e})
					}
				}
			case ev.inverted && en.toks[n].kind != tMark:
				// "says Paul Rieckhoff, founder of ...": an apposition; but
				// `“Look,” said Smith, pausing, “we did our best.”` goes on
				// in the next quotation, and "This system, says Richard
				// Locksley, an immunologist at X, helps direct ..." in the
				// verb after the apposition.
				if en.toks[st.a].kind == tMark {
					if k := en.nextQuote(n, st.b); k > 0 {
						at.parts = append(at.parts, [2]int{k, en.trimEnd(k, st.b)})
					}
				} else if k := en.verbAfterApposition(n, st.b); k > 0 && !en.finiteIn(st.a, ev.contentEnd) {
					if e := en.contentEnd(k, st.b); e > k {
						at.parts = append(at.parts, [2]int{k, e})
					}
				}
			case (en.toks[n].low == "and" || en.toks[n].low == "but") && en.narratedClause(n+1, st.b):
				// "“You winning?” she said, but Kevin was drifting off":
				// the narrator goes on (but `he said, but “Q2”` is hers).
			case en.toks[st.a].kind == tMark && en.toks[n].kind != tMark:
				// After a quotation only another quotation continues it:
				// "Q1," Tester said, referring to X, "Q2."
				if k := en.nextQuote(n, st.b); k > 0 {
					at.parts = append(at.parts, [2]int{k, en.trimEnd(k, st.b)})
				}
			case en.frameClause(n, st.b):
				// "C, officials said Friday, as they ...": a clause with
				// its own subject after the attribution is the narrator's.
			case (en.toks[n].low == "and" || en.toks[n].low == "but") && hasSpeakerAfter(evs, n):
				// "C, the minister said, and the bank said ...": a new
				// clause, with its own statement if it has one (below).
			case articles[en.toks[n].low] && en.nounPhraseOnly(n, st.b):
				// "C, the Labor Department said Wednesday, the smallest
				// increase since 2021": a noun phrase, the narrator's
				// remark on C.
			default:
				// "C1, North Korea said, C2, although ...": the second
				// fragment ends as any reported content does.
				if e := en.contentEnd(n, st.b); e > n {
					at.parts = append(at.parts, [2]int{n, e})
				}
			}
		} else if i < st.b && en.toks[st.a].kind == tMark && en.toks[i].kind != tMark && !en.thenParticiple(i) {
			if k := en.nextQuote(i, st.b); k > 0 {
				at.parts = append(at.parts, [2]int{k, en.trimEnd(k, st.b)})
			}
		} else if i < st.b && en.toks[i].kind == tMark && en.toks[i].q >= 0 {
			if e := en.trimEnd(i, st.b); e > i {
				at.parts = append(at.parts, [2]int{i, e})
			}
		}
		at.parts[0][1] = en.trimEnd(st.a, at.parts[0][1])
		if at.parts[0][1] <= st.a {
			break
		}
		at.parts[0][0] = en.skipConnective(st.a, at.parts[0][1])
		if k := en.quoteAfterColon(at.parts[0][0], at.parts[0][1]); k > 0 {
			// `X scolded him: “Q,” she said`: the frame before the
			// colon is the narrator's; the quotation is what was said.
			at.parts[0][0] = k
			at.framed = true
		} else if k := en.leadingCue(evs, ev, at.ent, at.parts[0][0], at.parts[0][1]); k > 0 {
			// "DuVernay said she felt C because “Q,” she said": one
			// statement told twice; it starts after the first cue.
			at.parts[0][0] = k
			at.framed = true
		}
		if ev.c.according || len(at.parts) > 1 && en.toks[at.parts[1][0]].q < 0 {
			// "Pressure builds on X, who was greeted with chants,
			// according to Y": the source vouches for the relative
			// clause that ends at it, not for the sentence; so does a
			// parenthetical cue ("the park, which, Tompkins said, is
			// usually full").
			if r := en.trailingRelative(at.parts[0][0], at.parts[0][1]); r > 0 {
				at.parts[0][0] = r
			} else if r := en.lastConjunct(at.parts[0][0], at.parts[0][1]); r > 0 && len(at.parts) > 1 && !ev.c.according {
				// "China had resisted such deals, but the pollution had
				// become so bad, Mr. Obama noted, that ...": the remark
				// is about the clause it stands in.
				at.parts[0][0] = r
			}
		}
		if len(at.parts) > 1 && at.parts[0][1]-at.parts[0][0] == 1 && subordinators[en.toks[at.parts[0][0]].low] {
			// "If, as I've suggested, C1, C2": what was suggested is the
			// subordinate clause, which ends at its comma.
			p := at.parts[1]
			if cm := en.clauseComma(p[0], p[1]); cm > p[0] {
				p[1] = en.trimEnd(p[0], cm)
			}
			at.parts = [][2]int{p}
		} else if len(at.parts) > 1 && at.parts[0][1]-at.parts[0][0] == 1 && connectives[en.toks[at.parts[0][0]].low] {
			// "Yet, as Mr. Bown observed, C": the link is the narrator's.
			at.parts = at.parts[1:]
		} else if len(at.parts) > 1 && en.toks[at.parts[0][0]].q < 0 && prepositions[en.toks[at.parts[0][0]].low] && !en.finiteIn(at.parts[0][0], at.parts[0][1]) && !en.clauseIn(at.parts[0][0], at.parts[0][1]) {
			// "During his years in office, Mr. Obama said, C": a fronted
			// setting without a verb frames the attribution.
			at.parts = at.parts[1:]
		}
		out = append(out, at)
		if ev.c.according && !ev.c.asSource && ev.subjS >= 0 {
			// "Putin told Macron that C, according to a readout": the
			// readout vouches for the report as a whole, and the report
			// is Putin's statement, with the readout as its source.
			out = append(out, en.vouchedReport(evs, at, ev)...)
		}
		out = append(out, en.participles(st, ev, ev.c.j, at.ent)...)
		// "C, the minister said, and the central bank said R": a later
		// speaker in a coordinated clause makes a statement of its own.
		for _, ev2 := range evs {
			if ev2.trailing || ev2.subjS <= ev.afterStart || ev2.c.i <= ev.c.j {
				continue
			}
			// (", as European diplomats warned that C": a frame clause
			// with a statement of its own.)
			framed := ev2.subjS-2 >= ev.afterStart && frameWords[en.toks[ev2.subjS-1].low] && en.toks[ev2.subjS-2].low == ","
			if !framed && en.speakerBoundary(ev.afterStart-1, ev2) < 0 {
				continue
			}
			if in, ok := en.statementOf(ev2, st.b); ok {
				out = append(out, in)
			}
			break
		}
		return out
	}
	// Otherwise the first cue with its subject before it: content follows.
	// A cue inside a subordinate clause ("So when Patriot signaled that
	// ..., Mr. Barrett said, ...") yields to a later main-clause cue.
	mainLater := func(k int) bool {
		for _, ev2 := range evs[k+1:] {
			if !ev2.trailing && ev2.subjS > evs[k].c.i && !en.subordinate(ev2.subjS, st.a) && ev2.subjS > st.a && en.toks[ev2.subjS-1].low == "," {
				return true
			}
		}
		return false
	}
	// "Mr. Obama, who understood that ..., told his advisers ...": the
	// relative clause yields to the main verb of its antecedent.
	relativeYields := func(k int) bool {
		if w := en.toks[evs[k].subjS].low; w != "who" && w != "which" && !(evs[k].subjS-1 > st.a && en.toks[evs[k].subjS-1].low == "whose") {
			return false // ("Ray Collins, whose office defended the law, said")
		}
		for _, ev2 := range evs[k+1:] {
			if !ev2.trailing && ev2.subjS >= 0 && ev2.subjS < evs[k].subjS {
				return true
			}
		}
		return false
	}
	var framed []attribution // statements of adverbial and relative clauses before the main clause
	for k, ev := range evs {
		if ev.trailing {
			continue
		}
		// "Mr. Clarke, who has testified that the mines were safe, told
		// ...": a non-restrictive relative clause states its own content
		// up to its closing comma, then yields to the main verb.
		relative := ev.subjS >= 0 && relativeYields(k)
		rel := ev.subjS
		if relative && en.toks[rel].low != "who" && en.toks[rel].low != "which" {
			rel-- // "whose office"
		}
		nonRestrictive := relative && rel-1 > st.a && en.toks[rel-1].low == ","
		if relative && !nonRestrictive && !en.restrictiveRelative(ev.subjS) {
			continue
		}
		if relative && !nonRestrictive {
			// "An official who asked not to be identified said C": the
			// relative clause states its own content up to the main verb.
			at := en.newAttribution(ev)
			s := en.contentStart(&at, ev.afterStart, st.b)
			for _, ev2 := range evs[k+1:] {
				if !ev2.trailing && ev2.subjS >= 0 && ev2.subjS < ev.subjS && ev2.c.i > s {
					if e := en.trimEnd(s, en.skipBack(ev2.c.i-1, s)+1); e > s {
						at.parts = [][2]int{{s, en.contentEnd(s, e)}}
						if at.parts[0][1] > s {
							framed = append(framed, at)
						}
					}
					break
				}
			}
			continue
		}
		// "Although Trump has admitted using the code, he ...": an
		// adverbial (or fronted participle) clause ends at its comma, and
		// the main clause may hold its own statement.
		adverbial := ev.fronted || ev.subjS >= 0 && en.subordinate(ev.subjS, st.a)
		at := en.newAttribution(ev)
		s := en.contentStart(&at, ev.afterStart, st.b)
		if nonRestrictive || adverbial {
			if cm := en.clauseComma(s, st.b); cm > s && !(adverbial && en.trailingAdverbial(ev.subjS-1, st.a) && en.nameApposition(cm)) {
				e := en.contentEnd(s, en.frameEnd(cm))
				if n := en.toks[cm+1].low; adverbial && (n == "who" || n == "whose" || n == "which") {
					// "After aides insisted that he would reach voters,
					// whose support appeared steady, the campaign ...":
					// a relative clause inside the frame.
					if cm2 := en.clauseComma(cm+1, st.b); cm2 > cm && !en.verbAt(cm2+1) {
						e = en.trimEnd(s, en.frameEnd(cm2))
					}
				}
				if s < e {
					at.parts = [][2]int{{s, e}}
					framed = append(framed, at)
				}
				continue
			}
			if nonRestrictive || mainLater(k) {
				continue
			}
		}
		if ev.subjS > st.a && en.toks[ev.subjS-1].low == "what" && !ev.c.according {
			// "what it calls “the single-biggest ...”": the relative
			// clause is the content.
			s = ev.subjS - 1
			if n := ev.afterStart; n >= st.b || en.toks[n].q < 0 && (en.toks[n].kind == tPunct || en.toks[n].low == "and" || en.toks[n].low == "but" || en.toks[n].low == "or") {
				continue // "lags below what she wants.": nothing of hers is stated
			}
		}
		e := en.contentEnd(s, st.b)
		if s == ev.subjS-1 && en.toks[s].low == "what" {
			// "The difference between what Trump says his plan would do
			// and how experts say ... has endured": the relative clause
			// ends where the sentence goes on.
			e = en.whatClauseEnd(ev.afterStart, e)
		}
		if ev.c.vi.participle && ev.c.i-1 > st.a && en.toks[ev.c.i-1].low == "," && ev.subjE == ev.c.i-1 {
			// "Trump, calling Clinton a liar, left the stage": the
			// participle clause is an aside that closes before the verb.
			if cm := en.clauseComma(s, e); cm > s && cm+1 < st.b && (en.verbAt(cm+1) || presentVerb(&en.toks[cm+1])) {
				e = en.trimEnd(s, en.frameEnd(cm))
			}
		}
		if r := ev.subjS - 1; ev.subjS > st.a+1 && (en.toks[r].low == "which" || en.toks[r].low == "who" || en.toks[r].low == "whom") && en.toks[r-1].low == "," && !ev.c.according && s < st.b && en.speakerLike(ev.subjS, ev.subjE) {
			// "The law, which critics say is unconstitutional, takes
			// effect": the pronoun fills a gap in what the critics say,
			// so the content runs from it (speaker and cue inside) to the
			// comma that closes the relative clause.
			if cm := en.clauseComma(s, st.b); cm > s && cm+1 < st.b && (en.verbAt(cm+1) || presentVerb(&en.toks[cm+1])) {
				e = en.trimEnd(s, en.frameEnd(cm))
			}
			s = r
		}
		rel = ev.subjS
		if rel-1 > st.a && en.toks[rel-1].low == "whose" {
			rel-- // "Ray Collins, whose office defended the law, declined ..."
		}
		if rel > st.a && (en.toks[rel].low == "which" || en.toks[rel].low == "who" || en.toks[rel].low == "whose") && (en.toks[rel-1].low == "," || isDash(en.toks[rel-1].low)) {
			// "the Union, which contended that C, is a good example": the
			// relative clause closes at the comma before the main verb;
			// "the study -- which notes that C -- offers": at the dash.
			if d := en.toks[ev.subjS-1].low; isDash(d) {
				for k := s; k < e; k++ {
					if en.toks[k].low == d && en.toks[k].q < 0 {
						e = en.trimEnd(s, k)
						break
					}
				}
			} else if cm := en.clauseComma(s, e); cm > s && (en.verbAt(cm+1) || presentVerb(&en.toks[cm+1])) {
				e = en.trimEnd(s, en.frameEnd(cm))
			}
		}
		// A later cue coordinated with this one ends this content.
		for _, ev2 := range evs[k+1:] {
			if ev2.subjS == ev.subjS && ev2.c.i > s && ev2.c.i < e {
				kk := en.skipBack(ev2.c.i-1, s)
				if w := en.toks[kk].low; ev2.c.vi.participle && w != "," && w != "and" && w != "but" {
					continue // "called on X to stop attacking Y": a complement
				}
				if w := en.toks[kk].low; ev2.c.vi.participle && w == "and" && gerund(&en.toks[s]) {
					continue // "suggested looking at X and asking Y": two gerunds, one content
				}
				e = en.trimEnd(s, kk)
			}
		}
		// A later cue with its own speaker after a clause boundary ("She
		// said C, and when pressed, the mother replied, ...") starts a new
		// statement: this content ends at that boundary.
		var next []eval
		for _, ev2 := range evs[k+1:] {
			if ev2.trailing || ev2.subjS == ev.subjS || ev2.subjS <= s {
				continue
			}
			if ev.c.according && (subordinators[en.toks[s].low] || prepositions[en.toks[s].low]) && en.clauseComma(s, st.b) == ev2.subjS-1 {
				// "According to her account, after examining the leg, she
				// insisted that C": the fronted phrase opens the clause
				// the account vouches for; the statement inside it stays.
				next = append(next, ev2)
				break
			}
			if b := en.speakerBoundary(s, ev2); b > s {
				if en.innerComma(b) {
					b++ // keep the closing mark
				}
				if b < e {
					e = en.trimEnd(s, b)
				}
				next = append(next, ev2)
				break
			}
			if ev2.subjS > e && e < st.b && en.toks[e].low == "," && en.relativeTime(e+1, st.b) > 0 && en.relativeTime(e+1, st.b) <= ev2.subjS && !cueBetweenEvals(evs, e, ev2.subjS) {
				// "..., a day after the losing candidate claimed that C":
				// the later event's statement stands on its own.
				next = append(next, ev2)
				break
			}
			if ev2.subjS > e && en.toks[ev2.subjS].low == "who" && en.restrictiveRelative(ev2.subjS) && !cueBetweenEvals(evs, e, ev2.subjS) {
				// "voted to ban phones, siding with teachers who said C":
				// past the content's end, a relative clause's statement
				// stands on its own.
				next = append(next, ev2)
				break
			}
		}
		if s < e {
			at.parts = [][2]int{{s, e}}
		}
		out = append(out, at)
		for _, ev2 := range next {
			in := en.newAttribution(ev2)
			is := en.contentStart(&in, ev2.afterStart, st.b)
			ie := en.contentEnd(is, st.b)
			if r := ev2.subjS - 1; r > 0 && (en.toks[r].low == "which" || en.toks[r].low == "who") && en.toks[r-1].low == "," {
				// "..., which she plans to do through a tax": the relative
				// pronoun fills a gap in what she said, so the content runs
				// from it, speaker and cue inside.
				is = r
			}
			if is < ie {
				in.parts = [][2]int{{is, ie}}
				out = append(out, in)
			}
		}
		// Nested report: "the Kremlin said that Putin had told Macron ...".
		for _, ev2 := range evs[k+1:] {
			if ev2.trailing || ev2.subjS == ev.subjS || s >= e || ev2.subjS < s || ev2.c.i >= e {
				continue
			}
			if en.toks[s].low != "that" || ev2.subjS != s+1 {
				continue
			}
			in := en.newAttribution(ev2)
			is := en.contentStart(&in, ev2.afterStart, st.b)
			ie := en.contentEnd(is, e)
			if is < ie {
				in.parts = [][2]int{{is, ie}}
				in.reportedBy = at.ent
				if in.reportedBy < 0 {
					in.reportedBy = en.literal(at.subjS, at.subjE)
				}
				out = append(out, in)
			}
			break
		}
		// Coordinated statements by the same subject.
		for _, ev2 := range evs[k+1:] {
			if ev2.c.i <= e {
				continue
			}
			if ev2.subjS != ev.subjS && ev2.subjS-1 == e && subordinators[en.toks[e].low] && !ev2.trailing {
				// "described her as “a disgrace” after she attacked X": an
				// adverbial clause right after the content with its own
				// speaker and statement.
			} else if ev2.subjS != ev.subjS && ev2.subjS > e && !ev2.trailing && en.toks[ev2.subjS-1].low == "that" && en.toks[ev2.subjS-1].q < 0 && en.infinitive(s, st.b) {
				// "the reasons that Trump refuses to make X public may be
				// that they would reveal Y": the main clause, after the
				// relative clause's infinitive, has a statement of its own.
			} else if ev2.subjS != ev.subjS {
				// `tweeted that she was “a con” and encouraged ...`: a cue
				// coordinated right where this content ends shares its
				// subject, whatever noun stands nearer.
				kk := en.skipBack(ev2.c.i-1, e)
				if kk != e || ev2.trailing || (en.toks[kk].low != "and" && en.toks[kk].low != "but") {
					continue
				}
				ev2.subjS, ev2.subjE = ev.subjS, ev.subjE
			}
			in := en.newAttribution(ev2)
			is := en.contentStart(&in, ev2.afterStart, st.b)
			ie := en.contentEnd(is, st.b)
			for _, ev3 := range evs {
				// "after she attacked X and blamed Y": the next cue of
				// the same subject ends this content.
				if ev3.subjS == ev2.subjS && ev3.c.i > is && ev3.c.i < ie {
					if kk := en.skipBack(ev3.c.i-1, is); en.toks[kk].low == "and" || en.toks[kk].low == "but" || en.toks[kk].low == "," {
						ie = en.trimEnd(is, kk)
					}
				}
			}
			if is < ie {
				in.parts = [][2]int{{is, ie}}
				out = append(out, in)
			}
		}
		pev, pent := ev, at.ent
		if ev.subjS >= 0 && (en.toks[ev.subjS].low == "who" || en.toks[ev.subjS].low == "that") && en.restrictiveRelative(ev.subjS) {
			// "defend not paying an architect who said ..., saying ...":
			// the participle belongs to the sentence's subject.
			if ns, ne, ok := en.sentenceSubject(st); ok && ne <= ev.subjS {
				pev.subjS, pev.subjE = ns, ne
				pent = en.resolve(ns, ne)
			}
		}
		for _, pa := range en.participles(st, pev, e, pent) {
			// (A participle already reached as a coordinated statement
			// is not reported twice.)
			if !sameCue(out, pa) {
				out = append(out, pa)
			}
		}
		// "..., with Chair Jerome Powell telling reporters C": an absolute
		// "with" after the content has a speaker and a statement of its own.
		for _, ev2 := range evs[k+1:] {
			if !ev2.c.vi.participle || ev2.trailing || ev2.c.i < e || ev2.subjS < 2 || en.toks[ev2.subjS-1].low != "with" || en.toks[ev2.subjS-2].low != "," {
				continue
			}
			if in, ok := en.statementOf(ev2, st.b); ok {
				out = append(out, in)
			}
			break
		}
		return append(framed, out...)
	}
	return append(framed, out...)
}

// headingSubjectEnd: the heading's subject runs from a up to its first
// present-tense verb before k ("Trump | visits border,"); it returns
// where the subject ends, or -1.
func (en *engine) headingSubjectEnd(a, k int) int {
	for j := a + 1; j < k && j <= a+5; j++ {
		t := &en.toks[j]
		if t.q >= 0 || t.kind != tWord {
			return -1
		}
		if !t.cap && len(t.low) > 3 && strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") && t.low != "'s" && (j+1 < k && en.toks[j+1].kind == tWord || j+1 == k) {
			if _, ok := en.npBack(j-1, a); ok {
				return j
			}
			return -1
		}
	}
	return -1
}

// sameCue: an attribution of ats has at's cue.
func sameCue(ats []attribution, at attribution) bool {
	for _, o := range ats {
		if o.cueS == at.cueS && o.cueE == at.cueE {
			return true
		}
	}
	return false
}

// statementOf makes ev's own statement, its content running from after
// the cue as far as content runs before b.
func (en *engine) statementOf(ev eval, b int) (attribution, bool) {
	in := en.newAttribution(ev)
	is := en.contentStart(&in, ev.afterStart, b)
	ie := en.contentEnd(is, b)
	if is >= ie {
		return in, false
	}
	in.parts = [][2]int{{is, ie}}
	return in, true
}

// speakerBoundary is where the clause of a later speaker ev2 begins after
// token s: a comma before its clause or an "and" before a named speaker,
// or -1.
func (en *engine) speakerBoundary(s int, ev2 eval) int {
	if b := en.clauseBoundary(s, ev2.subjS); b >= 0 {
		return b
	}
	return en.coordinatedSpeaker(s, ev2)
}

// coordinatedSpeaker: "Republicans said C and Democrats accused ...": a
// second speaker joined by "and" or "but" without a comma opens a new
// statement when it is named (or a pronoun) and speaks with a verb of
// saying. It returns the conjunction's token, or -1.
func (en *engine) coordinatedSpeaker(s int, ev2 eval) int {
	k := ev2.subjS - 1
	if k <= s || ev2.c.vi.weak || ev2.c.vi.belief || ev2.c.vi.participle || ev2.c.according || ev2.c.nominal {
		return -1
	}
	if t := &en.toks[k]; t.q >= 0 || t.low != "and" && t.low != "but" {
		return -1
	}
	sub := &en.toks[ev2.subjS]
	if _, pro := pronouns[sub.low]; pro && !objectPronouns[sub.low] && sub.low != "it" && sub.low != "you" && sub.low != "her" {
		return k
	}
	if sub.cap && en.reg.mentionAt[ev2.subjS] != 0 {
		return k
	}
	return -1
}

// restrictiveRelative: "an architect who said ...": a relative pronoun
// right after a common noun (no comma) opens a clause inside a noun
// phrase, which does not yield to the sentence's main verb.
func (en *engine) restrictiveRelative(i int) bool {
	if i < 1 {
		return false
	}
	p := &en.toks[i-1]
	return p.kind == tWord && p.q < 0 && !p.cap && !clauseStops[p.low] && !auxWords[p.low]
}

// coordinatedPredicate: ", but would eventually add ...": "but" and a
// modal join a second predicate of the reported subject (no subject of its
// own), which stays in the content; a past tense ("but was treated") is
// more often the narrator's.
func (en *engine) coordinatedPredicate(i, b int) bool {
	if en.toks[i].low != "but" || i+1 >= b {
		return false
	}
	n := &en.toks[i+1]
	return n.kind == tWord && !n.cap && n.q < 0 && modalsBefore[n.low] && n.low != "to"
}

// approximately: "about" at i modifies a quantity ("said about 20
// people", "about half of them"), it is no preposition of the cue.
func (en *engine) approximately(i, b int) bool {
	if en.toks[i].low != "about" || i+1 >= b {
		return false
	}
	n := en.toks[i+1].low
	if startsNumber(n) || quantityWords[n] {
		return true
	}
	return n == "a" && i+2 < b && quantityWords[en.toks[i+2].low]
}

// quantityWords count or measure, after "about" or "about a".
var quantityWords = setOf("half third quarter dozen hundred thousand million billion twice one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety")

// prepVerb: the cue at v takes the preposition at i as part of itself
// ("commented on X", "agreed to the terms", "responded to X"), but not an
// infinitive ("agreed to lend") nor a setting ("said on Twitter").
func (en *engine) prepVerb(v, i, b int) bool {
	vi, ok := reportingVerbs[en.toks[v].low]
	if !ok || i+1 >= b {
		return false
	}
	switch p := en.toks[i].low; {
	case p == "on":
		return vi.lemma == "comment" || vi.lemma == "agree" || vi.lemma == "remark" || vi.lemma == "focus" || vi.lemma == "insist"
	case p == "to":
		n := en.toks[i+1].low
		return (vi.lemma == "respond" || vi.lemma == "agree" || vi.lemma == "reply" || vi.lemma == "object" || vi.lemma == "refer" || vi.lemma == "point") && (articles[n] || determiners[n] || en.toks[i+1].cap)
	case p == "for":
		return vi.lemma == "apologize" // "apologized for the treatment of a passenger"
	}
	return false
}

// verbAt: a finite verb ("is", "has", "said") starts at i, perhaps after
// adverbs.
func (en *engine) verbAt(i int) bool {
	// Adverbs may come first ("often say", "also has").
	for i < len(en.toks) && auxWords[en.toks[i].low] && !finiteVerbs[en.toks[i].low] {
		i++
	}
	if i >= len(en.toks) {
		return false
	}
	t := &en.toks[i]
	if t.kind != tWord || t.cap || t.q >= 0 {
		return false
	}
	if vi, ok := reportingVerbs[t.low]; ok && !vi.weak {
		return true // "Mexicans often say"
	}
	return finiteVerbs[t.low] || strings.HasSuffix(t.low, "ed") // finiteVerbs holds the auxiliaries
}

// clauseComma finds the comma that closes an adverbial clause opened
// before s: the first comma outside quotations with words after it, or
// the closing mark of a quotation that ends in that comma ("Bemoaning the
// “phony system,” Trump ..."). The clause after it starts at the result
// plus one; frameEnd gives the end of the frame's own words.
func (en *engine) clauseComma(s, b int) int {
	for i := s; i+1 < b; i++ {
		if t := &en.toks[i]; t.q < 0 && t.low == "," && !en.adjectiveComma(i) || i > s && en.innerComma(i) {
			return i
		}
	}
	return -1
}

// adjectiveComma: the comma at i stands between two adjectives of one
// noun phrase ("a full, un-redacted copy"), not at a clause's end.
func (en *engine) adjectiveComma(i int) bool {
	if i < 2 || i+2 >= len(en.toks) {
		return false
	}
	p, pp, n, nn := &en.toks[i-1], &en.toks[i-2], &en.toks[i+1], &en.toks[i+2]
	if p.kind != tWord || p.cap || !(articles[pp.low] || determiners[pp.low] || possessives[pp.low]) {
		return false
	}
	if n.kind != tWord || n.cap || n.q >= 0 || clauseStops[n.low] || determiners[n.low] || articles[n.low] || en.verbAt(i+1) && !strings.Contains(n.low, "-") {
		return false // (a hyphenated "un-redacted" is an adjective)
	}
	if _, pro := pronouns[n.low]; pro {
		return false
	}
	if !strings.Contains(n.low, "-") && !adjectiveLike(n.low) {
		return false // ("at a loss, draws few visitors": a verb after a noun)
	}
	return nn.kind == tWord && !clauseStops[nn.low] && !en.verbAt(i+2)
}

// frameEnd: the end of the words before the clause comma cm (a closing
// mark belongs to them).
func (en *engine) frameEnd(cm int) int {
	if en.closesQuote(cm) {
		return cm + 1
	}
	return cm
}

// nextQuote finds the next opening quotation mark in [i, b), unless a
// participle cue comes first (that quotation is its own statement).
func (en *engine) nextQuote(i, b int) int {
	for k := i; k < b; k++ {
		t := &en.toks[k]
		if t.q >= 0 {
			if en.spans[t.q].open == k {
				return k
			}
			return -1
		}
		if en.isParticipleCue(k) {
			return -1
		}
	}
	return -1
}

// clauseBoundary finds the comma that opens the clause holding token i:
// the last ", and" / ", but" / "," before it, outside quotations.
func (en *engine) clauseBoundary(s, i int) int {
	// The nearest comma before i that a conjunction follows, or the one
	// before a relative pronoun that opens the speaker's clause ("...,
	// which he said were ..."), whichever is nearer; then a comma right
	// before the speaker. (Commas found through an index, so a long
	// sentence with many cues stays linear.)
	if en.conjComma == nil {
		en.indexConjCommas()
	}
	r := int(en.conjComma[i])
	if k := i - 2; k > s && k > r && en.boundaryComma(k) {
		if n := en.toks[k+1].low; n == "which" || n == "who" {
			r = k // "..., which he said were ...": a relative clause with its own speaker
		}
	}
	if r > s {
		return r
	}
	if k := i - 3; k > s && en.toks[k].low == "," && en.toks[k].q < 0 && en.toks[k+1].low == "not" && en.toks[k+2].low == "that" {
		return k // "is calling for a process, not that he is calling for X": a contrast with its own statement
	}
	if best := i - 1; best > s && en.boundaryComma(best) {
		if en.toks[s].low == "that" && !en.finiteIn(s+1, best) && !en.clauseIn(s+1, best) {
			return -1 // "noted that at a meeting, in 1972, he supported ...": the that-clause's own subject
		}
		return best
	}
	return -1
}

// boundaryComma: the token at k ends a clause: a comma or semicolon
// outside quotation marks, or a quotation's closing mark after its comma.
func (en *engine) boundaryComma(k int) bool {
	t := &en.toks[k]
	if t.q >= 0 {
		return en.innerComma(k)
	}
	return t.low == "," || t.low == ";"
}

// conjunctionsAfterComma open a coordinated or concessive clause.
var conjunctionsAfterComma = setOf("and but while although though whereas")

// indexConjCommas fills conjComma: for each token, the nearest clause
// comma before it that a conjunction follows, or -1.
func (en *engine) indexConjCommas() {
	en.conjComma = make([]int32, len(en.toks)+1)
	last := int32(-1)
	for k := range en.toks {
		en.conjComma[k] = last
		if k+1 < len(en.toks) && en.boundaryComma(k) && conjunctionsAfterComma[en.toks[k+1].low] {
			last = int32(k)
		}
	}
	en.conjComma[len(en.toks)] = last
}

var subordinators = setOf("when if after as because since while although though once unless until whereas before")

// subordinate: the subject at token i opens a subordinate clause.
func (en *engine) subordinate(i, lo int) bool {
	// (An absolute "With X worried about Y, ..." at the sentence start
	// frames the main clause too.)
	return i > lo && (subordinators[en.toks[i-1].low] || en.openingWith(i-1, lo))
}

// trailingAdverbial: the subordinator at i follows the main clause's words
// ("Palmieri spoke to reporters after Trump unleashed X, the former
// winner"): the adverbial clause runs to the sentence's end, so a comma
// in it closes no frame (but may open a comment).
func (en *engine) trailingAdverbial(i, lo int) bool {
	if i-1 < lo || !subordinators[en.toks[i].low] {
		return false
	}
	p := &en.toks[i-1]
	return p.kind == tWord && p.q < 0 && !connectives[p.low] && !(i-1 == lo)
}

// nameApposition: the comma at cm follows a name and opens a noun phrase
// that describes it ("Alicia Machado, the former beauty pageant winner").
func (en *engine) nameApposition(cm int) bool {
	if cm < 1 || cm+2 >= len(en.toks) || en.reg.mentionAt[cm-1] == 0 {
		return false
	}
	n := &en.toks[cm+1]
	return n.q < 0 && (n.low == "the" || n.low == "a" || n.low == "an")
}

// openingWith: "With" at i opens the sentence (from lo) and an absolute
// construction ("With party leaders worried about X, ...").
func (en *engine) openingWith(i, lo int) bool {
	return i == lo && en.toks[lo].low == "with"
}

// nextComma returns the first comma from i within n tokens, before b, that
// comes before any quotation or punctuation other than a period (an
// abbreviation's) or an apostrophe, or -1: the end of a phrase such as a source ("According
// to a complaint filed by the S.E.C., C") or a setting ("put it in a
// statement in July, C").
func (en *engine) nextComma(i, b, n int) int {
	for k := i; k < b && k < i+n; k++ {
		t := &en.toks[k]
		if t.low == "," && t.q < 0 {
			return k
		}
		if t.q >= 0 || t.kind == tMark || t.kind == tPunct && t.low != "." && t.low != "'" && t.low != "’" {
			return -1 // (a possessive "Davis' commentary" goes on)
		}
	}
	return -1
}

// participles: ", adding that ..." after a statement is another statement
// by the same speaker.
func (en *engine) participles(st sentence, ev eval, from, ent int) []attribution {
	var out []attribution
	if from > st.a && en.innerComma(from-1) {
		from-- // `... “Q,” adding that ...`
	}
	for i := from; i+1 < st.b; i++ {
		if !(en.toks[i].low == "," && en.toks[i].q < 0 || en.innerComma(i) || en.thenParticiple(i)) || !en.isParticipleCue(i+1) {
			continue
		}
		j := en.participleCueEnd(i + 1)
		c := cand{i: i + 1, j: j, vi: reportingVerbs[en.toks[j-1].low]}
		if j == i+2 && c.vi.lemma == "add" && en.rejectCue(i+1, st, c.vi) {
			continue // ", adding 120 officers": more of something, no remark
		}
		pev := eval{c: c, subjS: ev.subjS, subjE: ev.subjE, afterStart: c.j, addrS: -1, sb: st.b}
		pent := ent
		if ns, ne, ok := en.laterClauseSubject(from, i); ok {
			// "Fans chanted X, and several hundred protested outside,
			// demanding that the board resign": the nearest clause's
			// subject demands.
			pev.subjS, pev.subjE = ns, ne
			pent = en.resolve(ns, ne)
		}
		en.addressee(st, &pev)
		at := en.newAttribution(pev)
		at.ent = pent
		s := en.contentStart(&at, pev.afterStart, st.b)
		e := en.contentEnd(s, st.b)
		if s < e {
			at.parts = [][2]int{{s, e}}
			out = append(out, at)
		}
		i = e
	}
	return out
}

// vouchedReport returns the statement that opens the content of a
// trailing "according to" (at, from ev): a subject and its cue at the
// start, the source being what "according to" names.
func (en *engine) vouchedReport(evs []eval, at attribution, ev eval) []attribution {
	s, e := at.parts[0][0], at.parts[0][1]
	for _, ev2 := range evs {
		if ev2.c.vi.participle && !ev2.trailing && ev2.c.i > s && ev2.c.i < e && en.toks[ev2.c.i-1].low == "," && ev2.subjS >= s && ev2.subjE <= ev2.c.i {
			// "Lena Cruz has sued her label, alleging C, according to a
			// complaint": the participle's statement, with the complaint
			// as its source.
			in := en.newAttribution(ev2)
			is := en.contentStart(&in, ev2.afterStart, e)
			if ie := en.contentEnd(is, e); is < ie {
				in.parts = [][2]int{{is, ie}}
				if in.source == "" {
					in.source = en.text[en.toks[ev.subjS].s:en.toks[ev.subjE-1].e]
				}
				return []attribution{in}
			}
			continue
		}
		if ev2.trailing || ev2.c.according || ev2.c.i >= e || ev2.c.vi.participle {
			continue
		}
		// "In a call on Sunday, he stressed C, according to a readout":
		// a fronted setting before the speaker.
		if ev2.subjS != s && !(ev2.subjS > s+1 && (prepositions[en.toks[s].low] || subordinators[en.toks[s].low]) && en.clauseComma(s, e) == ev2.subjS-1) && !en.appositionBefore(s, ev2.subjS) {
			continue
		}
		in := en.newAttribution(ev2)
		is := en.contentStart(&in, ev2.afterStart, e)
		ie := en.contentEnd(is, e)
		if is >= ie && ev2.addrS >= 0 {
			// "He warned Biden against arming Taiwan, according to a
			// readout": the listener phrase ran to the comma; the
			// object and its complement are the content.
			in.addrS, in.addrE = -1, 0
			is = ev2.c.j
			ie = en.contentEnd(is, e)
		}
		if is >= ie {
			return nil
		}
		in.parts = [][2]int{{is, ie}}
		if in.source == "" {
			in.source = en.text[en.toks[ev.subjS].s:en.toks[ev.subjE-1].e]
		}
		return []attribution{in}
	}
	return nil
}

// verbAfterApposition returns the token after the comma that closes an
// apposition starting at i when a verb opens what follows ("an
// immunologist at UCSF, helps direct ..."), or 0.
func (en *engine) verbAfterApposition(i, b int) int {
	for k := i; k+1 < b && k < i+20; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tMark {
			return 0
		}
		if t.low != "," {
			continue
		}
		n := &en.toks[k+1]
		if n.kind == tWord && !n.cap && n.q < 0 && (presentVerb(n) || finiteVerbs[n.low] || en.verbAt(k+1)) && !prepositions[n.low] {
			return k + 1
		}
		if n.cap {
			continue // "the University of California, San Francisco, ..."
		}
		return 0
	}
	return 0
}

// cueBetweenEvals: a cue of evs stands in [a, b) (the relative clause at
// b is then inside that cue's content).
func cueBetweenEvals(evs []eval, a, b int) bool {
	for _, ev := range evs {
		if ev.c.i >= a && ev.c.i < b {
			return true
		}
	}
	return false
}

// appositionBefore: [s, i) is a noun phrase and its comma right before
// the name at i ("Russia's envoy, Mikhail Orlov, wrote ...").
func (en *engine) appositionBefore(s, i int) bool {
	if i-2 <= s || en.toks[i-1].low != "," || en.toks[i-1].q >= 0 {
		return false
	}
	ns, ok := en.npBack(i-2, s)
	return ok && ns == s
}

func (en *engine) newAttribution(ev eval) attribution {
	at := attribution{cueS: ev.c.i, cueE: ev.c.j, subjS: ev.subjS, subjE: ev.subjE,
		addrS: ev.addrS, addrE: ev.addrE, reportedBy: -1, ent: -1}
	// The cue keeps its perfect auxiliary: "has told", "had announced".
	if p := at.cueS - 1; p >= 0 && p > ev.subjE-1 && en.toks[p].q < 0 && (en.toks[p].low == "has" || en.toks[p].low == "have" || en.toks[p].low == "had") {
		at.cueS = p
	}
	if ev.c.holder > 0 {
		at.cueE = ev.afterStart - 1 // the cue is the phrase: "By Trump's own admission"
	} else if ev.c.according && !ev.c.asSource {
		at.cue = "according to"
	}
	if ev.subjS >= 0 {
		at.ent = en.resolve(ev.subjS, ev.subjE)
		if h := en.toks[ev.subjE-1]; at.ent < 0 && h.kind == tWord && !h.cap && personHeads[h.low] && (articles[en.toks[ev.subjS].low] || determiners[en.toks[ev.subjS].low] || en.toks[ev.subjS].low == "one") {
			// "An Orbit spokesman said ... “Q,” he said": an unnamed
			// person a later pronoun stands for.
			at.ent = en.literal(ev.subjS, ev.subjE)
		}
		if h := en.toks[ev.subjE-1]; at.ent < 0 && h.kind == tWord && !h.cap && orgWords[h.low] && articles[en.toks[ev.subjS].low] {
			// "The commission said ...": the organisation named before
			// whose name has that word, else a new one that a later "it"
			// may stand for ("The port authority said ...").
			if at.ent = en.orgByHead(h.low, ev.subjS); at.ent < 0 && companyHeads[h.low] && ev.subjE-ev.subjS == 2 {
				at.ent = en.companyBefore(ev.subjS) // "the company said": the firm named last
			}
			if at.ent < 0 {
				at.ent = en.literal(ev.subjS, ev.subjE)
			}
		}
		// The speaker is at once the antecedent of a later "he" in the
		// same sentence ("Rendell agreed ..., but he said ...").
		en.promote(at.ent)
		if at.ent >= 0 && en.reg.ents[at.ent].kind == Person {
			en.setLastPerson(at.ent)
		}
	}
	at.when = en.whenNear(ev)
	en.quotedMedium(&at, ev)
	if ev.subjS >= 0 && at.source == "" {
		// "Michael Vaughan, writing in the Daily Telegraph, called X":
		// where the speaker wrote it.
		if k := ev.subjE; k+3 < ev.c.i && en.toks[k].low == "," && en.toks[k+1].low == "writing" && (en.toks[k+2].low == "in" || en.toks[k+2].low == "on" || en.toks[k+2].low == "for") {
			if c := en.nextComma(k+3, ev.c.i, 10); c > k+3 {
				at.source = en.text[en.toks[k+3].s:en.toks[c-1].e]
			}
		}
	}
	return at
}

// evalCue finds the speaker of a cue and whether the content precedes it.
func (en *engine) evalCue(st sentence, c cand) (eval, bool) {
	ev := eval{c: c, subjS: -1, addrS: -1, afterStart: c.j, sb: st.b}
	if c.holder > 0 {
		// "By Trump's own admission, C": the holder speaks; C follows the
		// comma.
		ev.subjS, ev.subjE = c.j, c.holder
		if m := en.nextComma(c.holder, st.b, 4); m > 0 && m+1 < st.b {
			ev.afterStart = m + 1
			return ev, true
		}
		return ev, false
	}
	if c.according {
		// "according to X": X follows.
		ns, ne := en.npForward(c.j, st.b)
		if ns >= ne {
			return ev, false
		}
		ne = en.sourceTail(ne, st.b)
		ev.subjS, ev.subjE = ns, ne
		ev.afterStart = ne
		k := c.i - 1
		if k > st.a && (en.toks[k].low == "," || longDash(en.toks[k].low)) {
			ev.trailing, ev.contentEnd = true, k
			return ev, true
		}
		if k > st.a && en.innerComma(k) {
			// `the need for a “rules-based order,” according to X`
			ev.trailing, ev.contentEnd = true, k+1
			return ev, true
		}
		if ne < st.b && en.toks[ne].low != "," && k < st.a {
			// "According to a 52-count complaint filed by the S.E.C. and
			// a 15-count complaint by Vermont, C", "As stated in Davis'
			// commentary, C": a fronted source runs to its comma.
			if m := en.nextComma(ne, st.b, 20); m > 0 {
				ne, ev.subjE = m, m
			}
		}
		if ne < st.b && en.toks[ne].low == "," {
			ev.afterStart = ne + 1
			// "According to John Smith, a spokesman, C": the apposition
			// describes the source.
			if as, ae := en.npForward(ne+1, st.b); as < ae && ae < st.b && en.toks[ae].low == "," && ae-as <= 8 && !en.finiteIn(as, ae) && en.speakerLike(as, ae) {
				ev.afterStart = ae + 1
			} else if w := en.toks[ne+1].low; (w == "who" || w == "which") && k < st.a {
				// "According to Smith, who spoke on condition of
				// anonymity, C": the relative clause describes the source.
				if m := en.nextComma(ne+1, st.b, 20); m > 0 && m+1 < st.b {
					ev.afterStart = m + 1
				}
			}
		}
		return ev, ev.afterStart < st.b
	}
	if c.putIt {
		if en.toks[st.a].low == "as" && c.i > st.a+1 {
			// "As Ms. Simonyan put it in a statement in July, C", "As
			// Steven Rosenthal, a tax lawyer, recently put it, “Q”":
			// the speaker opens the sentence, the content follows the
			// comma after the cue.
			ns, ne := en.npForward(st.a+1, c.i)
			if k := en.nextComma(c.j, st.b, 16); k > 0 && ns < ne && k+1 < st.b {
				ev.subjS, ev.subjE = ns, ne
				ev.afterStart = k + 1
				return ev, true
			}
			return ev, false
		}
		// "C, as X put it": the content is what precedes "as".
		ns, ok := en.npBack(c.i-1, st.a)
		if !ok || ns-1 <= st.a || en.toks[ns-1].low != "as" {
			return ev, false
		}
		if k := en.nextComma(c.j, st.b, 12); k > 0 && k+1 < st.b && en.opensQuote(k+1) {
			// "insulated him from being seen, as The New Yorker put it in
			// a lengthy expose, “the operator.”": the quotation that
			// ends the sentence after the cue is what was put.
			if cl := en.spans[en.toks[k+1].q].close; cl > k+1 && en.trimEnd(k+1, st.b) <= cl+1 {
				ev.subjS, ev.subjE = ns, c.i
				ev.afterStart = k + 1
				return ev, true
			}
		}
		ev.subjS, ev.subjE = ns, c.i
		ev.trailing, ev.contentEnd = true, ns-1
		if en.toks[ns-2].low == "," {
			ev.contentEnd = ns - 2
		}
		return ev, true
	}
	if c.nominal {
		p := c.i - 1
		if en.toks[p].low != "'s" {
			ev.subjS, ev.subjE = p, p+1 // his, her, their, its
			return ev, true
		}
		if ns, ok := en.npBack(p-1, st.a); ok {
			ev.subjS, ev.subjE = ns, p
			return ev, true
		}
		return ev, false
	}
	if c.vi.lemma == "ask" && en.toks[c.i].low == "asked" && c.i == st.a && c.j < st.b && askedTopics[en.toks[c.j].low] {
		// "Asked whether a cut was off the table, Lagarde declined to
		// commit": the main clause's subject was asked.
		if cm := en.clauseComma(c.j, st.b); cm > c.j {
			if ns, ne, ok := en.askedOne(cm+1, st.b); ok {
				ev.addrS, ev.addrE = ns, ne
			}
		}
		ev.fronted = true
		return ev, true
	}
	if c.vi.lemma == "ask" && en.toks[c.i].low == "asked" && c.i-1 > st.a && en.toks[c.i-1].low == "," && c.j < st.b && askedTopics[en.toks[c.j].low] {
		// "Chen, asked if the company would raise prices, said ...": she
		// was asked; who asked goes unsaid, and she is the listener.
		if ns, ok := en.npBack(c.i-2, st.a); ok {
			ev.addrS, ev.addrE = ns, c.i-1
		}
		ev.fronted = true // an aside: its content ends at its comma
		return ev, true
	}
	k := en.skipBack(c.i-1, st.a)
	if c.adj {
		// "she's so frustrated that", "came away convinced that": the
		// subject stands before the adjective's verb.
		k = en.skipIntensifiers(c.i-1, st.a)
		if en.toks[k].low == "away" && k-1 > st.a {
			k--
		}
		k = en.skipBack(k-1, st.a)
	}
	if k >= st.a && en.toks[k].low == ")" {
		// "Rep. Jason Chaffetz (R-Utah) said"
		o := k - 1
		for o > st.a && o > k-8 && en.toks[o].low != "(" {
			o--
		}
		if o > st.a && en.toks[o].low == "(" {
			k = o - 1
		}
	}
	if c.vi.participle && k-3 > st.a && en.toks[k].low == "," && en.personMentionEndsAt(k-1) {
		// "..., with its president, Christine Lagarde, telling reporters
		// C": the person in apposition to the absolute's noun phrase.
		m := en.reg.mentions[en.reg.mentionAt[k-1]-1]
		if m.s-1 > st.a && en.toks[m.s-1].low == "," {
			if ns, ok := en.npBack(m.s-2, st.a); ok && ns-1 >= st.a && en.toks[ns-1].low == "with" {
				ev.subjS, ev.subjE = m.s, m.e
				return en.finishEval(st, ev)
			}
		}
	}
	if c.vi.participle && k > st.a && en.toks[k].kind == tWord && en.toks[k].q < 0 {
		// "..., with developing countries rejecting a draft": the noun
		// phrase of an absolute "with" speaks.
		if ns, ok := en.npBack(k, st.a); ok {
			if ns-2 >= st.a && strings.HasSuffix(en.toks[ns-1].low, "ing") && en.toks[ns-2].low == "with" {
				ns-- // "with developing countries"
			}
			of := false
			for x := ns; x <= k; x++ {
				of = of || en.toks[x].low == "of" // "with footage of X saying": the recording rule
			}
			if !of && ns-1 >= st.a && en.toks[ns-1].low == "with" && (en.speakerLike(ns, k+1) || strings.HasSuffix(en.toks[k].low, "s")) {
				ev.subjS, ev.subjE = ns, k+1
				return en.finishEval(st, ev)
			}
		}
	}
	if c.vi.participle && (k < st.a || k == st.a && en.toks[k].cap && (en.toks[k].low == "in" || en.toks[k].low == "by" || en.toks[k].low == "after" || en.toks[k].low == "while")) {
		// "Claiming the criticism is unfair, Trump told ...", "In
		// defending himself, Trump offered ...": a fronted participle
		// clause whose speaker is the main clause's subject.
		if cm := en.clauseComma(c.j, st.b); cm > c.j && !prepositions[en.toks[c.j].low] {
			if ns, ne := en.npForward(cm+1, st.b); ns < ne && en.verbAt(ne) {
				ev.subjS, ev.subjE = ns, ne
				ev.fronted = true
				return ev, true
			}
		}
		return ev, false
	}
	if k < st.a {
		// "Said Ellis: ..." opening the sentence.
		if w := en.toks[c.i].low; en.toks[c.i].cap && !c.vi.participle && (strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "wrote") {
			if ns, ne := en.npForward(c.j, st.b); ns < ne && ne < st.b && en.toks[ns].cap && (en.toks[ne].low == ":" || en.toks[ne].low == ",") {
				ev.subjS, ev.subjE, ev.afterStart = ns, ne, ne
				return ev, true
			}
		}
		return ev, false
	}
	if p := c.i - 1; p-2 > st.a && k < p-2 && en.toks[p].low == "," && en.toks[p-2].low == "," && sentenceAdverbs[en.toks[p-1].low] && !c.vi.participle && invertible[c.vi.lemma] {
		// "C, too, said Mary Lovely": a sentence adverb before an
		// inverted speaker.
		if ns, ne := en.invertedSpeaker(c.j, st.b); ns < ne && en.endsAttribution(ne, st.b) {
			ev.subjS, ev.subjE = ns, ne
			ev.inverted, ev.trailing = true, true
			ev.afterStart = ne
			ev.contentEnd = p - 2
			return ev, true
		}
	}
	if c.vi.participle && k-1 > st.a && (en.toks[k].low == "each" || en.toks[k].low == "both") && en.toks[k-1].low == "," && en.toks[k].q < 0 {
		k-- // "Trump and Clinton vied for the title, each touting X": the subject's members
	}
	t := &en.toks[k]
	closing := en.closesQuote(k)
	if t.low == "," || isDash(t.low) || closing || (t.kind == tMark && t.q < 0) {
		// Inverted: "Q," said X. Never for -ing forms (", suggesting a
		// few questions").
		if ns, ne := en.invertedSpeaker(c.j, st.b); ns < ne && k > st.a && !c.vi.participle && invertible[c.vi.lemma] && en.endsAttribution(ne, st.b) && !en.isWhenAt(c.j, st.b) && !en.closesDashPair(k, st.a) && !en.relativeThenVerb(ne, st.b) {
			ev.subjS, ev.subjE = ns, ne
			ev.inverted = true
			ev.afterStart = ne
			ev.trailing = true
			ev.contentEnd = k
			if closing {
				ev.contentEnd = k + 1
			}
			en.addressee(st, &ev)
			return ev, true
		}
		if t.low == "," && !c.vi.participle && en.segs[st.seg].where != whereBody {
			// A heading's second predicate: "Trump visits border, says
			// wall is working", "Mayor resigns, blames council".
			if ne := en.headingSubjectEnd(st.a, k); ne > st.a {
				return en.speaks(st, ev, st.a, ne)
			}
		}
		if t.low == "," && c.vi.participle {
			// "He then defended the remark, saying ...": the sentence's
			// subject speaks; after ", and several hundred protested
			// outside," the nearest clause's.
			if ns, ne, ok := en.laterClauseSubject(st.a, k); ok {
				return en.speaks(st, ev, ns, ne)
			}
			if ns, ne, ok := en.sentenceSubject(st); ok && ne <= k {
				return en.speaks(st, ev, ns, ne)
			}
			if ns, ne, ok := en.commonSubject(st); ok && ne <= k {
				return en.speaks(st, ev, ns, ne)
			}
			return ev, false
		}
		if t.low == "," || longDash(t.low) {
			// Appositive: "Lavrov, the foreign minister, said", "Kall --
			// co-editor of a book on the debates -- said".
			if ns, ne, ok := en.appositiveSubject(st, k); ok {
				// "“Q,” the union's president, John Doe, said": the role
				// before the name, right after the quotation, is the
				// speaker's too, not the quotation's.
				if ns-2 > st.a && en.toks[ns-1].low == "," {
					if rs, ok := en.npBack(ns-2, st.a); ok && rs-1 > st.a && en.closesQuote(rs-1) && en.speakerLike(rs, ns-1) {
						ns = rs
					}
				}
				ev.subjS, ev.subjE = ns, ne
				return en.finishEval(st, ev)
			}
		}
		return ev, false
	}
	if c.vi.participle && t.low == "as" && t.q < 0 {
		if qd := en.quotedAt(k, st.a); qd-2 > st.a && en.toks[qd-1].kind == tWord && finiteAux[en.toks[qd-1].low] {
			// "C, its foreign minister was quoted as saying (by state
			// media)": the clause before the comma is what was quoted.
			if ns, ok := en.npBack(qd-2, st.a); ok && ns-1 > st.a && en.toks[ns-1].low == "," && en.toks[ns-1].q < 0 {
				ev.subjS, ev.subjE = ns, qd-1
				ev.trailing = true
				ev.contentEnd = ns - 1
				return ev, true
			}
		}
	}
	if c.vi.participle && t.kind == tWord && (prepositions[t.low] || gerundTakers[t.low] || t.low == "while" || t.low == "as" && en.quotedAs(k, st.a)) && !t.cap && t.q < 0 {
		// "began by saying ...", "for saying that ...", "was quoted as
		// saying": the sentence subject speaks; but in "held Pagliano in
		// contempt for refusing to ..." the object named before "for".
		if t.low == "for" {
			if ms, me, ok := en.objectBeforeFor(k, st); ok {
				return en.speaks(st, ev, ms, me)
			}
		}
		if ns, ne, ok := en.whereClauseSubject(st.a, k); ok {
			return en.speaks(st, ev, ns, ne)
		}
		if ns, ne, ok := en.sentenceSubject(st); ok && ne <= k {
			return en.speaks(st, ev, ns, ne)
		}
		if ns, ne, ok := en.commonSubject(st); ok && ne <= k {
			return en.speaks(st, ev, ns, ne) // "The mayor began by saying"
		}
		return ev, false
	}
	if (t.low == "and" || t.low == "but" || t.low == "yet") && t.kind == tWord {
		// "after she attacked X and blamed Y": the nearest clause subject;
		// "Trump bemoaned the unrest and said ...": the sentence subject.
		// A verb of thinking, refusing or a topic joins the reported
		// clause ("said he posed a threat and refused to ..."); a verb of
		// saying joins the cue ("said he would act and warned ...").
		inner := c.vi.belief || c.vi.topic || c.vi.lemma == "refuse" || c.vi.lemma == "decline"
		if ns, ne, ok := en.clauseSubject(st, k, inner); ok {
			return en.speaks(st, ev, ns, ne)
		}
		if ns, ne, ok := en.sentenceSubject(st); ok && ne <= k {
			return en.speaks(st, ev, ns, ne)
		}
		// "The mayor visited the site and said ...": a common noun
		// phrase opening the sentence, right before its verb.
		if ns, ne, ok := en.commonSubject(st); ok && ne <= k && !c.vi.participle {
			return en.speaks(st, ev, ns, ne)
		}
		return ev, false
	}
	if ns := en.causativeObject(c.i-1, st.a); en.toks[c.i-1].low == "to" && ns >= 0 {
		// "forced Stumpf, who was under questioning, to admit C"
		_, ne := en.npForward(ns, c.i-1)
		if ne <= ns {
			return ev, false
		}
		return en.speaks(st, ev, ns, ne)
	}
	if en.toks[c.i-1].low == "to" && (en.meetingPurpose(c.i, st.a) || en.mediumPurpose(c.i, st.a)) {
		// "Leaders gathered Friday to discuss X": the meeting's subject.
		if ns, ne, ok := en.sentenceSubject(st); ok && ne < c.i {
			return en.speaks(st, ev, ns, ne)
		}
		if ns, ne, ok := en.commonSubject(st); ok && ne < c.i {
			return en.speaks(st, ev, ns, ne)
		}
		// "When Ildefonso Guajardo, the Mexican economy secretary, came
		// to talk to me": the meeting verb's subject in apposition.
		for m := c.i - 2; m > st.a && m > c.i-12; m-- {
			if meetingWords[en.toks[m].low] && en.toks[m].q < 0 {
				if p := en.skipBack(m-1, st.a); p > st.a && en.toks[p].low == "," {
					if ns, ne, ok := en.appositiveSubject(st, p); ok {
						return en.speaks(st, ev, ns, ne)
					}
				}
				break
			}
		}
		return ev, false
	}
	if rs, re, ok := en.relativeClauseSubject(k, st.a); ok && !c.vi.participle {
		// "A spokesperson who did not wish to be named said C": the noun
		// phrase before the relative clause speaks.
		ev.subjS, ev.subjE = rs, re
		return en.finishEval(st, ev)
	}
	ns, ok := en.npBack(k, st.a)
	if !ok {
		return ev, false
	}
	if c.vi.weak && ns > st.a && ns < k && (articles[en.toks[ns].low] || en.toks[ns].low == "the") && makeForms[en.toks[ns-1].low] {
		// "Sanders made the following comment:", "prompted Clinton to
		// make a controversial remark that ...": the noun is the cue
		// and the one who made it speaks.
		v := ns - 1
		if v-1 > st.a && en.toks[v-1].low == "to" {
			v-- // the infinitive's subject, the object before "to"
		}
		if v-1 >= st.a {
			if ms, ok := en.npBack(v-1, st.a); ok {
				ev.subjS, ev.subjE = ms, v
				return en.finishEval(st, ev)
			}
		}
		return ev, false
	}
	if c.vi.weak && k == c.i-1 && k-1 >= st.a && strings.HasSuffix(en.toks[k].low, "ed") && !en.toks[k].cap && en.toks[k].q < 0 {
		// "The group renewed calls for reform": a verb and its noun of
		// saying; the verb's subject speaks.
		if ms, ok := en.npBack(k-1, st.a); ok && ms <= k-1 {
			ev.subjS, ev.subjE = ms, k
			return en.finishEval(st, ev)
		}
	}
	if c.vi.participle && !en.progressiveBefore(c.i, st.a) {
		// "the Council issued a statement calling ...": an -ing cue after
		// a common noun belongs to the sentence subject (but "is calling"
		// is a finite verb).
		if m := en.reg.mentionAt[k]; m != 0 {
			// "footage of Trump saying ...": the one recorded speaks.
			if ms := en.reg.mentions[m-1].s; ms-1 > st.a && en.toks[ms-1].low == "of" && recordings[en.toks[ms-2].low] {
				ev.subjS, ev.subjE = ms, k+1
				return en.finishEval(st, ev)
			}
		}
		if _, pro := pronouns[en.toks[ns].low]; !pro && (en.reg.mentionAt[k] == 0 || ns > st.a && prepositions[en.toks[ns-1].low]) {
			// (A name after a preposition is no subject either: "posted
			// on Twitter accusing ...".)
			if ss, se, ok := en.subordinateSubject(st.a, ns); ok {
				// "... after Donald Trump unleashed a series of tweets
				// criticizing X": the clause that holds the noun.
				return en.speaks(st, ev, ss, se)
			}
			if ss, se, ok := en.sentenceSubject(st); ok && se <= ns {
				return en.speaks(st, ev, ss, se)
			}
			if ss, se, ok := en.commonSubject(st); ok && se <= ns && (mediumNouns[en.toks[k].low] || issuedNouns[en.toks[k].low]) {
				return en.speaks(st, ev, ss, se) // "The league issued a statement saying C"
			}
			return ev, false
		}
	}
	if en.reducedRelative(c, ns, k, st) {
		return ev, false
	}
	if p := ns - 1; p-2 >= st.a && (prepositions[en.toks[p].low] || en.toks[p].low == "to") && (participleModifier(&en.toks[p-1]) || irregularParticiples[en.toks[p-1].low] && !en.toks[p-1].cap) {
		// "A letter sent to families reads C": the noun before the
		// participle phrase speaks, not the object inside it.
		if hs, ok := en.npBack(p-2, st.a); ok && hs <= p-2 && (articles[en.toks[hs].low] || determiners[en.toks[hs].low]) && en.reg.mentionAt[p-2] == 0 {
			ev.subjS, ev.subjE = hs, p-1
			return en.finishEval(st, ev)
		}
	}
	ev.subjS, ev.subjE = ns, k+1
	return en.finishEval(st, ev)
}

// makeForms: a statement noun after "made a" is what the subject said.
var makeForms = setOf("make makes made making")

// relativeThenVerb: a restrictive "who" at i opens a relative clause
// that a finite verb of the main clause follows ("said people who drink
// coffee may differ"): the phrase before "who" is a subject, not an
// inverted speaker.
func (en *engine) relativeThenVerb(i, b int) bool {
	if i >= b || en.toks[i].low != "who" {
		return false
	}
	for k := i + 2; k < b && k < i+12; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return false
		}
		if finiteAux[t.low] && !t.cap {
			return true
		}
	}
	return false
}

// issuedNouns, with mediumNouns, are what a subject issues that says
// something ("put out a message saying C").
var issuedNouns = setOf("message messages release note notice report document announcement")

// reducedRelative: "In a Facebook message posted Friday": a participle
// after a preposition and a common noun modifies the noun. But the
// words may be a clause: "After aides insisted in June that ...", "With
// leaders worried about ...", "after many countries agreed", "after she
// attacked".
func (en *engine) reducedRelative(c cand, ns, k int, st sentence) bool {
	cw := en.toks[c.i].low
	if ns <= st.a || !(strings.HasSuffix(cw, "ed") || strings.HasSuffix(cw, "en") || irregularParticiples[cw]) || !prepositions[en.toks[ns-1].low] || en.toks[ns].cap {
		return false
	}
	after := c.j
	if _, end := en.parseWhen(after, st.b); end > after {
		after = end // "After aides insisted Friday that ...": a clause
	} else if after+2 < st.b && en.inMonth(after, st.b, true) {
		after += 2 // "... insisted in June that ..."
	}
	if en.introducesContent(after, st.b) || en.openingWith(ns-1, st.a) {
		return false
	}
	if subordinators[en.toks[ns-1].low] && (relQuantifiers[en.toks[ns].low] || en.reg.mentionAt[k] != 0 || subjectPronoun(en.toks[ns].low)) {
		return false
	}
	if subordinators[en.toks[ns-1].low] && !(c.j < st.b && en.toks[c.j].low == "by") {
		// "This comes after police said C": a clause (but "after the plan
		// proposed by the mayor failed" is a participle and its agent).
		return false
	}
	return true
}

// recordings are nouns for a recording of someone: "a video of Trump
// saying ...".
var recordings = setOf("footage video videos clip clips tape tapes recording recordings audio images")

// subjectPronoun: a pronoun that can only be a subject ("after she
// attacked" is a clause, not a reduced relative).
// gerundTakers are verbs whose object is an -ing form with their own
// subject: "Trump avoids condemning X", "kept saying C".
var gerundTakers = setOf("avoid avoids avoided avoiding keep keeps kept keeping began begin begins started start starts continued continues continue")

func subjectPronoun(w string) bool {
	return w == "he" || w == "she" || w == "they" || w == "we" || w == "i"
}

// speaks gives ev the speaker [s, e) and reads its addressee.
func (en *engine) speaks(st sentence, ev eval, s, e int) (eval, bool) {
	ev.subjS, ev.subjE = s, e
	en.addressee(st, &ev)
	return ev, true
}

// invertedSpeaker reads the speaker after an inverted cue; a verb after a
// name ends it, so that "said Clinton reached out" is no inversion.
func (en *engine) invertedSpeaker(i, b int) (int, int) {
	s, e := en.npForward(i, b)
	if s < e && !en.speakerLike(s, e) {
		return s, s // "noted the rule in the interview": an object, no speaker
	}
	if s < e {
		// "X, who ..., said the statement didn't clarify it": a verb
		// after a common noun phrase ends it as well.
		for k := s + 1; k < e; k++ {
			if t := &en.toks[k]; t.kind == tWord && !t.cap && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "n't") || strings.HasSuffix(t.low, "n’t") || auxWords[t.low] || finiteVerbs[t.low]) {
				return s, k // a verb: the name was the subject of a new clause
			}
		}
	}
	return s, e
}

// finiteVerbs are frequent finite verb forms that no -ed test catches: a
// noun phrase after "said" that runs into one is the subject of a new
// clause ("said the event brought back memories", "said the videos
// show ..."), not an inverted speaker.
var finiteVerbs = setOf("is are was were has have had does do did will would can could may might must should brought made took gave went came got knew thought saw told found left kept held felt became began ran won lost paid sent spent built meant put set stood understood wrote spoke chose broke fell rose grew drew bought sold taught caught fought sought show shows remains remain seems seem needs need wants want says met sat led struck fled drove flew threw wore dealt slept swore shook hung wept swung spun sank stuck hid slid knelt froze rode rang sang woke stole tore bore shot")

// speakerLike: the phrase [s, e) can name a speaker: a pronoun, a name,
// or a common noun phrase headed by a role, an organisation or a document
// ("the official", "the company", "the poll").
func (en *engine) speakerLike(s, e int) bool {
	for k := s; k < e; k++ {
		t := &en.toks[k]
		if t.cap || en.reg.mentionAt[k] != 0 {
			return true
		}
		if _, pro := pronouns[t.low]; pro {
			return true
		}
		w := strings.TrimSuffix(t.low, "s")
		if roleHeads[t.low] || roleHeads[w] || orgWords[t.low] || orgWords[w] || surveyNouns[t.low] || speakerNouns[t.low] || speakerNouns[w] {
			return true
		}
	}
	return false
}

// speakerNouns are common nouns for people, groups and documents that
// speak, beyond roleHeads and orgWords (a plural in -s is found through its
// singular).
var speakerNouns = setOf("team colleague ally staff scientist people voter banker investor trader resident witness witnesses critic supporter opponent source protester demonstrator advocate campaigner nurse farmer victim survivor relative neighbor neighbour citizen villager employee volunteer fan customer patient parent student teacher worker member owner man woman men women report study statement document letter memo filing ruling complaint lawsuit indictment data figures investigator authorities paper newspaper publication outlet editorial coalition group percent respondent majority")

// finishEval decides between "C, X said" and "X said C".
func (en *engine) finishEval(st sentence, ev eval) (eval, bool) {
	if en.segs[st.seg].where != whereBody && en.headlinePassive(ev, st.b) {
		// "Former aide charged with lying", "Minister told to resign":
		// a headline's past participle is a passive; its subject is
		// the one accused or told, and who spoke goes unsaid.
		if listenerVerbs[ev.c.vi.lemma] {
			ev.addrS, ev.addrE = ev.subjS, ev.subjE
		}
		ev.subjS, ev.subjE = -1, -1
		return ev, true
	}
	en.addressee(st, &ev)
	p := ev.subjS - 1
	if p <= st.a || ev.c.vi.topic {
		return ev, true // (a topic verb's content is its object: "spoke of X")
	}
	if rs := en.roleListAfterQuote(p, st.a); rs > 0 {
		// "“Q,” chairman, CEO and president Craig Menear said", "lead
		// researcher and NASA scientist Lucas Paganini said": the titles
		// before the name are the speaker's.
		ev.subjS = rs
		p = rs - 1
	}
	pt := &en.toks[p]
	if pt.low == "as" && p-1 > st.a && en.toks[p-1].low == "," && en.trailCompatible(ev.afterStart, st.b) && !en.introducesContent(ev.afterStart, st.b) {
		// "C, as police have said.": the clause before is the content.
		ev.trailing = true
		ev.contentEnd = p - 1
		return ev, true
	}
	closing := en.closesQuote(p)
	if pt.low != "," && !closing && !longDash(pt.low) {
		return ev, true
	}
	end := p
	if closing {
		end = p + 1
	}
	startsQuote := en.toks[st.a].kind == tMark && en.toks[st.a].q >= 0 && !en.cueBetween(en.spans[en.toks[st.a].q].close, ev.subjS)
	if !startsQuote && !en.trailCompatible(ev.afterStart, st.b) && !en.clauseGoesOnInQuote(st, ev, end) {
		return ev, true
	}
	if !startsQuote && end-st.a < 3 && !en.parenthetical(ev.afterStart, st.b) {
		return ev, true
	}
	if w := en.toks[st.a].low; !startsQuote && end-st.a <= 6 && (prepositions[w] || w == "like" || w == "unlike") && !en.parenthetical(ev.afterStart, st.b) {
		return ev, true // "Through a spokesman, Justice declined to comment", "Like Obama, I believe ..."
	}
	if !startsQuote && subordinators[en.toks[st.a].low] && !en.parenthetical(ev.afterStart, st.b) && !en.framedTrail(st, ev, end) {
		return ev, true // "As the charges were unsealed, Sawyer testified ..."
	}
	if !startsQuote && askedWords[en.toks[st.a].low] && en.toks[st.a].cap {
		return ev, true // "Asked whether he would run again, the mayor said, “Q”": the question's frame
	}
	if f := en.toks[st.a].low; !startsQuote && len(f) > 5 && strings.HasSuffix(f, "ing") && !en.parenthetical(ev.afterStart, st.b) && !en.finiteIn(st.a+1, end) && !en.quotedPredicate(st.a+1, end) && !(st.a+1 < end && (presentVerb(&en.toks[st.a+1]) || participleModifier(&en.toks[st.a+1]))) {
		// "Heading into the debate, Sanders told ...": a participial
		// frame (but "Shifting patterns could affect millions, X said"
		// is a clause).
		return ev, true
	}
	ev.trailing = true
	ev.contentEnd = end
	return ev, true
}

// headlinePassive: the cue is a past participle right after its subject
// and before a preposition or "to" ("charged with", "accused of", "told
// to", "said to"): in a headline, where the active voice takes the
// present tense, a passive.
func (en *engine) headlinePassive(ev eval, b int) bool {
	i := ev.c.i
	if ev.subjS < 0 || ev.subjE != i || i+1 >= b || en.toks[i].q >= 0 {
		return false
	}
	w, n := en.toks[i].low, en.toks[i+1].low
	if n == "to" {
		// (But "The agency declined to comment"; and "said to reporters"
		// has a listener, not an infinitive.)
		v := &en.toks[min(i+2, b-1)]
		_, pro := pronouns[v.low]
		bare := i+2 < b && v.kind == tWord && !v.cap && v.q < 0 && !pro && !articles[v.low] && !determiners[v.low] && (!strings.HasSuffix(v.low, "s") || strings.HasSuffix(v.low, "ss"))
		return headlinePassiveTo[w] && bare
	}
	return headlinePassives[w] && (n == "with" || n == "of" || n == "for" || n == "by" || n == "over" || n == "as" || n == "in")
}

// headlinePassives are past participles that a headline uses only in the
// passive before a preposition ("accused of", "charged with"; not "called
// for", "warned of"); headlinePassiveTo before "to".
var (
	headlinePassives  = setOf("accused charged criticized criticised blamed praised slammed sued fined indicted convicted sentenced cleared questioned")
	headlinePassiveTo = setOf("told asked urged ordered advised said reported expected believed thought rumored rumoured")
)

// listenerVerbs have a listener for a subject in the passive ("Minister
// told to resign").
var listenerVerbs = setOf("tell ask urge order advise")

// frontedListener: "Speaking to Sky Sports after the match, Harper said
// C": the listener of a fronted "speaking to" or "talking with" is the
// main statement's.
func (en *engine) frontedListener(st sentence, ev *eval) {
	if ev.addrS >= 0 || ev.subjS <= st.a+3 || ev.trailing {
		return
	}
	if w, p := en.toks[st.a].low, en.toks[st.a+1].low; w != "speaking" && w != "talking" || p != "to" && p != "with" {
		return
	}
	if cm := en.clauseComma(st.a, st.b); cm != ev.subjS-1 {
		return
	}
	if s, e := en.npForward(st.a+2, ev.subjS-1); s < e && !en.verbAt(s) {
		ev.addrS, ev.addrE = s, e
	}
}

// clauseIn: a pronoun subject and a verb stand in [s, e) ("he rated").
func (en *engine) clauseIn(s, e int) bool {
	for k := s; k+1 < e; k++ {
		t := &en.toks[k]
		if t.q < 0 && (subjectPronoun(t.low) || t.low == "who") {
			if n := &en.toks[k+1]; finiteVerbs[n.low] || strings.HasSuffix(n.low, "ed") || auxWords[n.low] {
				return true
			}
		}
	}
	return false
}

// nounPhraseOnly: from i up to a relative or that-clause, a comma or the
// end, the words hold no verb ("the smallest annual increase since 2021
// and a sign that ..."): a noun phrase, not a clause.
func (en *engine) nounPhraseOnly(i, b int) bool {
	e := i
	for e < b && en.toks[e].low != "," && en.toks[e].low != "that" && en.toks[e].low != "which" && en.toks[e].low != "who" && en.toks[e].q < 0 {
		e++
	}
	if e == i {
		return false
	}
	for k := i; k < e; k++ {
		if t := &en.toks[k]; t.kind == tWord && !t.cap && (finiteVerbs[t.low] || auxWords[t.low] && !afterCueAdverbs[t.low]) {
			return false
		}
	}
	return !en.clauseIn(i, e)
}

// finiteIn: a frequent finite verb form stands in [s, e).
func (en *engine) finiteIn(s, e int) bool {
	for k := s; k < e; k++ {
		if t := &en.toks[k]; t.q < 0 && !t.cap && finiteVerbs[t.low] {
			return true
		}
	}
	return false
}

// hasSpeakerAfter: a cue with its own subject comes after token n.
func hasSpeakerAfter(evs []eval, n int) bool {
	for _, ev := range evs {
		if !ev.trailing && ev.subjS > n {
			return true
		}
	}
	return false
}

// cueBetween: a verb of saying stands outside quotations in (a, b): the
// quotation that opens the sentence has its own attribution ("“Q?” she
// said, but ..., Melanie said yes").
func (en *engine) cueBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if t := &en.toks[i]; t.q < 0 && t.kind == tWord && !t.cap {
			if vi, ok := reportingVerbs[t.low]; ok && !vi.weak && !vi.belief {
				return true
			}
		}
	}
	return false
}

// parenthetical: "The museum, Mr. Obama said, would ...": a comma right
// after the cue (or its time expression) and more content.
func (en *engine) parenthetical(i, b int) bool {
	for i < b {
		if _, end := en.parseWhen(i, b); end > i {
			i = end
			continue
		}
		if afterCueAdverbs[en.toks[i].low] || en.toks[i].low == "earlier" && en.toks[i].q < 0 {
			i++
			continue
		}
		if w := en.toks[i].low; (w == "in" || w == "on" || w == "at" || w == "during") && en.toks[i].q < 0 {
			if k := en.mediumNounAt(i, b); k > i {
				// "These employees, Stumpf explained in the hearing, were
				// well paid": the occasion of the statement.
				i = k + 1
				continue
			}
		}
		break
	}
	return i+1 < b && en.toks[i].low == "," && !en.isParticipleCue(i+1) && en.toks[i+1].low != "according"
}

// framedTrail: "After some challenges, C, one official said.": a frame
// closed by its own comma, then the statement, then the cue ending the
// sentence.
func (en *engine) framedTrail(st sentence, ev eval, end int) bool {
	var scratch attribution
	if en.skipTrailers(&scratch, ev.afterStart, st.b) < st.b-1 {
		return false
	}
	for k := st.a + 1; k+2 < end; k++ {
		if t := &en.toks[k]; t.low == "," && t.q < 0 {
			return true
		}
	}
	return false
}

// clauseGoesOnInQuote: `It was, the president said, “a stone ...”`: a
// short clause begun before the parenthetical cue (ending at end) goes on
// in the quotation that opens after the cue's comma.
func (en *engine) clauseGoesOnInQuote(st sentence, ev eval, end int) bool {
	i := ev.afterStart
	if _, e := en.parseWhen(i, st.b); e > i {
		i = e
	}
	if i+1 >= st.b || en.toks[i].low != "," || !en.opensQuote(i+1) {
		return false
	}
	return end-st.a <= 6 && en.finiteIn(st.a, end) && !en.cueBetween(st.a-1, end) && !prepositions[en.toks[st.a].low] && !subordinators[en.toks[st.a].low]
}

// trailCompatible: after a trailing cue only adverbials, a source, a
// participle clause or a second quoted fragment may follow.
func (en *engine) trailCompatible(i, b int) bool {
	for i < b && (en.toks[i].kind == tPunct && en.toks[i].low != "," && en.toks[i].low != ":" || afterCueAdverbs[en.toks[i].low]) {
		i++
	}
	if i < b && (en.toks[i].low == "late" || en.toks[i].low == "early") {
		if _, end := en.parseWhen(i, b); end > i {
			i = end // "their union announced late Friday, ..."
			for i < b && en.toks[i].kind == tPunct && en.toks[i].low != "," && en.toks[i].low != ":" {
				i++
			}
		}
	}
	if i >= b {
		return true
	}
	t := &en.toks[i]
	switch {
	case t.low == ",":
		// `replied, "Q."`: the quotation is this cue's content.
		return !(i+1 < b && en.toks[i+1].kind == tMark && en.toks[i+1].q >= 0)
	case t.low == ":" || t.low == "that":
		return false
	case t.kind == tMark:
		return true
	case t.low == "to" && i+1 < b && !en.toks[i+1].cap && !articles[en.toks[i+1].low] && !determiners[en.toks[i+1].low]:
		return false // "declined to comment": an infinitive is content
	case (t.low == "this" || t.low == "last") && !en.isWhenAt(i, b):
		return false // "knew this talk was wrong": a determiner, not "this week"
	case (t.low == "on" || t.low == "about" || t.low == "of" || t.low == "with" || t.low == "over") && i+1 < b && gerund(&en.toks[i+1]):
		return false // "will insist on being Trump": the verb's complement
	case trailPreps[t.low]:
		// no "that" clause further on
		for k := i; k < b && k < i+12; k++ {
			if en.toks[k].low == "," && en.toks[k].q < 0 {
				break
			}
			if en.toks[k].low == "that" && en.toks[k].q < 0 || en.toks[k].kind == tMark {
				return false
			}
		}
		return true
	}
	return false
}

// progressiveBefore: the -ing cue at i is a finite verb after a form of
// "be", over up to three adverbs ("is calling", "is once again
// questioning").
func (en *engine) progressiveBefore(i, lo int) bool {
	for p := i - 1; p >= lo && p >= i-4; p-- {
		w := en.toks[p].low
		if progressive(w) {
			return true
		}
		if en.toks[p].q >= 0 || !(auxWords[w] || sentenceAdverbs[w] || en.lyAdverb(p, lo)) {
			return false
		}
	}
	return false
}

// mannerPhrase: "in detail", "at length" and the like at i.
func (en *engine) mannerPhrase(i int) bool {
	t, n := &en.toks[i], &en.toks[i+1]
	if t.q >= 0 || n.q >= 0 {
		return false
	}
	switch t.low {
	case "in":
		return n.low == "detail" || n.low == "depth" || n.low == "private" || n.low == "public" || n.low == "writing" || n.low == "person"
	case "at":
		return n.low == "length"
	}
	return false
}

// objectBeforeFor: the person named as the object of the verb before
// "for" at k ("held Pagliano in contempt for", "praised Obama for"), not
// the sentence's subject.
func (en *engine) objectBeforeFor(k int, st sentence) (int, int, bool) {
	for j := k - 1; j > st.a && j >= k-8; j-- {
		t := &en.toks[j]
		if t.q >= 0 || t.kind == tPunct {
			return 0, 0, false
		}
		m := en.reg.mentionAt[j]
		if m == 0 {
			continue
		}
		mn := en.reg.mentions[m-1]
		if mn.s <= st.a {
			return 0, 0, false
		}
		p := &en.toks[mn.s-1]
		if prepositions[p.low] {
			j = mn.s // "in contempt of Congress": not the object
			continue
		}
		// Only an object, a person's name right after a verb.
		if kind := en.reg.ents[max(mn.ent, 0)].kind; mn.ent >= 0 && (kind == Person || kind == Other) && p.kind == tWord && !p.cap && (en.verbAt(mn.s-1) || strings.HasSuffix(p.low, "ed")) {
			return mn.s, mn.e, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// quotedPredicate: a quotation inside [s, e) opens with a finite verb:
// the sentence's own predicate, quoted ("Hosting Cook “is our dream,”
// Benioff said").
func (en *engine) quotedPredicate(s, e int) bool {
	for k := s; k+1 < e; k++ {
		if en.opensQuote(k) && k > s && finiteAux[en.toks[k+1].low] {
			return true
		}
	}
	return false
}

// roleListAfterQuote: the words ending at p, back to a closing quotation
// mark, are titles joined by commas and "and" (no verb among them); it
// returns where they start, or -1.
func (en *engine) roleListAfterQuote(p, lo int) int {
	and := false
	for k := p; k > lo && k >= p-16; k-- {
		t := &en.toks[k]
		if en.closesQuote(k) {
			if !and || k == p {
				return -1 // a bare "“Q,” X said" needs nothing
			}
			if f := &en.toks[k+1]; f.kind != tWord || clauseStops[f.low] {
				return -1
			}
			return k + 1
		}
		switch {
		case t.q >= 0 || t.kind == tMark:
			return -1
		case t.low == "and" || t.low == "&":
			and = true
		case (t.low == "of" || t.low == "'s" || t.low == "’s") && k+1 <= p && en.toks[k+1].cap, t.low == "." && k > lo && en.toks[k-1].cap && en.isAbbrev(k-1):
			// "lead author Dr. Mingyang Song of Harvard's T.H. Chan
			// School of Public Health said": a name with its institution.
			and = true
		case t.low == ",":
		case t.kind == tWord && !auxWords[t.low] && !finiteVerbs[t.low] && (t.cap || !clauseStops[t.low] && !strings.HasSuffix(t.low, "ed")):
			if _, cue := reportingVerbs[t.low]; cue && !t.cap {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// closesDashPair: the dash at k closes an aside opened by the same dash
// earlier in the sentence ("The film ― which weaves ... ― explains X"):
// the verb after it is the subject's, not an inverted attribution's.
func (en *engine) closesDashPair(k, lo int) bool {
	if !longDash(en.toks[k].low) {
		return false
	}
	for j := k - 1; j > lo; j-- {
		if t := &en.toks[j]; t.low == en.toks[k].low && t.q < 0 {
			return true
		}
	}
	return false
}

var askedTopics = setOf("if whether about how what why when who")

// laterClauseSubject finds, between a, b, a coordinated clause with a
// subject of its own (", and several hundred protested ..."), and returns
// that subject.
func (en *engine) laterClauseSubject(a, b int) (int, int, bool) {
	for k := b - 1; k > a; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.low != "and" && t.low != "but" || en.toks[k-1].low != "," {
			continue
		}
		ns, ne := en.npForward(k+1, b)
		if ns < ne && ne < b && (en.verbAt(ne) || presentVerb(&en.toks[ne])) {
			return ns, ne, true // (", and she becomes upset, shouting ...")
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// subordinateSubject finds the subject of an adverbial clause ("after
// Donald Trump unleashed ...", "when she posted ...") that runs without a
// comma from before b to b, a name or a pronoun right before its verb.
func (en *engine) subordinateSubject(a, b int) (int, int, bool) {
	for k := b - 1; k > a; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			if t.low == "," || t.kind == tMark {
				return 0, 0, false
			}
			continue
		}
		if !subordinators[t.low] || t.low == "that" || k+2 >= b {
			continue
		}
		n := k + 1
		if subjectPronoun(en.toks[n].low) && en.verbAt(n+1) {
			return n, n + 1, true
		}
		if m := en.reg.mentionAt[n]; m != 0 {
			if mn := en.reg.mentions[m-1]; mn.s == n && mn.ent >= 0 && mn.e < b && en.verbAt(mn.e) {
				return mn.s, mn.e, true
			}
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// whereClauseSubject: "X earned him the attention of Congress, where he
// appeared ... for saying C": the pronoun subject of a ", where"/", when"
// clause that runs without a comma to b.
func (en *engine) whereClauseSubject(a, b int) (int, int, bool) {
	for k := b - 1; k > a; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.low == "," && k+1 < b && en.toks[k+1].low != "where" && en.toks[k+1].low != "when" {
			if t.low == "," {
				return 0, 0, false
			}
			continue
		}
		if (t.low == "where" || t.low == "when") && en.toks[k-1].low == "," && k+2 < b && subjectPronoun(en.toks[k+1].low) && en.verbAt(k+2) {
			return k + 1, k + 2, true
		}
	}
	return 0, 0, false
}

// gerund: a lower-case -ing form that is a verb ("being", "raising"), not
// a preposition ("during", "including").
func gerund(t *tok) bool {
	return t.kind == tWord && t.q < 0 && !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ing") && !prepositions[t.low] && !notGerunds[t.low]
}

var notGerunds = setOf("during including following regarding concerning according notwithstanding morning evening something nothing anything everything thing things ceiling building spring king wedding meeting")

// skipConnective steps over a leading connective ("And C, he said": it
// links to the sentence before and is the narrator's) (and its comma) of the
// content [s, e) that stands outside quotation marks.
func (en *engine) skipConnective(s, e int) int {
	s = en.skipDateline(s, e)
	// "In addition, C, he said", "As it stands, C": a short discourse
	// adverbial before the first comma frames the statement.
	if k := s + 1; k < e && discourseOpeners[en.toks[s].low] {
		for ; k < e && k <= s+3; k++ {
			if en.toks[k].q >= 0 || en.toks[k].kind == tMark {
				break
			}
			if en.toks[k].low == "," {
				if k+2 < e {
					s = k + 1
				}
				break
			}
		}
	}
	// "Details aside, C": a frame the narrator sets.
	for k := s + 1; k < e && k <= s+3; k++ {
		if en.toks[k].q >= 0 || en.toks[k].kind != tWord {
			break
		}
		if en.toks[k].low == "aside" && k+2 < e && en.toks[k+1].low == "," {
			s = k + 2
			break
		}
	}
	// "But" stays: a contrast is part of what the source asserts (the
	// annotation keeps it), a mere link ("And", "However") is not.
	if s+1 < e && en.toks[s].q < 0 && en.toks[s].kind == tWord && connectives[en.toks[s].low] && en.toks[s].low != "but" && !en.concessive(s, e) {
		n := s + 1
		if en.toks[n].low == "," {
			n++
		}
		if n < e && (en.toks[n].kind == tWord || en.toks[n].kind == tMark) {
			return n
		}
	}
	return s
}

// concessive: "However laudable the goal, C" opens with a concession
// (no comma after "however" and no verb before the next comma), not a link.
func (en *engine) concessive(s, e int) bool {
	if en.toks[s].low != "however" || en.toks[s+1].low == "," {
		return false
	}
	k := s + 1
	for k < e && en.toks[k].low != "," {
		k++
	}
	return k < e && !en.finiteIn(s+1, k)
}

// skipDateline steps over a dateline opening a story's first sentence:
// "WASHINGTON ―", "NEW YORK (AP) —".
func (en *engine) skipDateline(s, e int) int {
	inParen := false
	for k := s; k < e && k < s+10; k++ {
		t := &en.toks[k]
		if t.q >= 0 {
			return s
		}
		switch {
		case isDash(t.low):
			// ("TEHRAN/VIENNA (Reuters) - C": a spaced hyphen too.)
			if k > s && k+1 < e {
				return k + 1
			}
			return s
		case t.kind == tWord && isAllCaps(en.text[t.s:t.e]), t.low == "(" || t.low == ")" || t.low == "," || t.low == "." || t.low == "/":
			if t.low == "(" {
				inParen = true
			} else if t.low == ")" {
				inParen = false
			}
		case inParen && t.kind == tWord && t.cap:
			// the agency: "(Reuters)", "(AP)"
		default:
			return s
		}
	}
	return s
}

// frameClause: a subordinator and a subject pronoun at i ("as they ...",
// "when he ...") open a clause framing the attribution.
func (en *engine) frameClause(i, b int) bool {
	if i+1 >= b || !frameWords[en.toks[i].low] {
		return false
	}
	if p, ok := pronouns[en.toks[i+1].low]; ok {
		return p != "" && !objectPronouns[en.toks[i+1].low] && en.toks[i+1].low != "it"
	}
	// "..., as European diplomats warned that ...": a subject of its own
	// and its verb.
	ns, ne := en.npForward(i+1, b)
	return ns == i+1 && ne > ns && ne < b && en.verbAt(ne)
}

var frameWords = setOf("as when after before while since")

// afterCueAdverbs may follow a cue before the comma of a parenthetical
// ("the senator said then, ...").
var afterCueAdverbs = setOf("then later again too")

// discourseOpeners start a short framing adverbial ("In addition,",
// "As it stands,", "In short,").
var discourseOpeners = setOf("in as for by of")

// cuePreps complete a cue verb ("warned against", "spoke about").
var cuePreps = setOf("about against with over into upon of")

// settingPreps head a phrase of time or place after a cue.
var settingPreps = setOf("after before during since following at in on")

// clauseIntro words open a content clause.
var clauseIntro = setOf("that whether how what why when where who if")

// narratorTurn words after a comma hand the sentence back to the narrator
// ("X said C, but ...").
var narratorTurn = setOf("but though although while whereas")

// contentStart skips what stands between a cue and its content: a colon
// or comma, a time expression, "in a statement".
func (en *engine) contentStart(at *attribution, i, b int) int {
	if i < b && en.toks[i].low == "," && i == at.cueE {
		// "continues to insist, most recently in an interview, that
		// ...": a parenthetical between the cue and its that-clause.
		for k := i + 1; k+1 < b && k < i+16; k++ {
			u := &en.toks[k]
			if u.q >= 0 || u.kind == tPunct && u.low != "," && u.low != "." {
				break
			}
			if u.low == "," && en.toks[k+1].low == "that" {
				return k + 1
			}
		}
	}
	if i == at.cueE && i < b && en.toks[i].low == "without" {
		// "claimed without evidence that C", "said without offering
		// proof that C": the manner joins the cue.
		for k := i + 1; k < b && k <= i+4; k++ {
			if t := &en.toks[k]; t.q >= 0 || t.kind != tWord {
				break
			} else if t.low == "that" {
				at.cueE = k
				return k
			}
		}
	}
	if i == at.cueE && i < b && (en.toks[i].low == "under" || en.toks[i].low == "amid") {
		// "admitted under Warren's grilling he hadn't ...": the pressure
		// joins the cue, and the clause after it is the content.
		for k := i + 1; k+1 < b && k <= i+6; k++ {
			if u := &en.toks[k]; u.q >= 0 || u.kind != tWord {
				break
			}
			if n := &en.toks[k+1]; subjectPronoun(en.toks[k].low) && n.kind == tWord && n.q < 0 && !n.cap && !prepositions[n.low] {
				at.cueE = k
				return k
			}
		}
	}
	if i == at.cueE && i > 0 {
		vi := reportingVerbs[en.toks[i-1].low]
		switch {
		case vi.topic:
			// "spoke emotionally of X": the cue runs to its preposition.
			if k := en.topicPrep(i-1, b); k > 0 {
				at.cueE = k + 1
				return k + 1
			}
		case vi.clause:
			if k := en.clauseThat(i-1, b); k > 0 {
				if w := en.toks[i].low; (w == "on" || w == "in") && k > i+1 && at.source == "" {
					at.source = en.text[en.toks[i+1].s:en.toks[k-1].e] // "posted on Facebook that C"
				}
				return k // "have heard by now that C"
			}
		case vi.frame || vi.lemma == "express":
			// "expressed deep concern about X": the attitude and its
			// preposition join the cue; a that-clause stays the content.
			if k := en.attitudeFrame(i-1, b); k > 0 {
				if en.toks[k].low == "that" {
					at.cueE = k
					return k
				}
				at.cueE = k + 1
				return k + 1
			}
		}
	}
	adj := -1 // the end of a time, span or adverb right after the cue
	if i == at.cueE && i > 0 && planVerbs[reportingVerbs[en.toks[i-1].low].lemma] {
		// "announced plans this week to give $15 million": what is
		// planned is the content.
		if k := en.planObject(i, b); k > i {
			at.cueE = k
			return k
		}
	}
	if i == at.cueE && i > 0 && reportingVerbs[en.toks[i-1].low].lemma == "vote" {
		// "voted 335-91 on Saturday to keep ...", "voted 19-15 along
		// party lines": the tally and the split belong to the cue.
		if k := en.tallyEnd(i, b); k > i {
			at.cueE = k
			i = k
		}
	}
	for i < b {
		t := &en.toks[i]
		if t.low == "," && i+1 < b && en.isParticipleCue(i+1) {
			return i // "Macron agreed, saying ...": the participle states it (empty content)
		}
		if t.low == "as" && t.q < 0 && i+1 < b && at.cueE > 0 && !reportingVerbs[en.toks[at.cueE-1].low].asObj {
			// "said Friday as he entered the talks": when, not what (but
			// "described it as ...").
			if n := en.toks[i+1].low; subjectPronoun(n) || articles[n] || possessives[n] {
				return b
			}
		}
		if t.kind == tPunct && (t.low == "," || t.low == ":" || isDash(t.low)) {
			i++
			continue
		}
		if t.q >= 0 {
			// "told “Morning Joe” on Friday that ...": a short quoted
			// title, then the that-clause.
			if sp := en.spans[t.q]; sp.open == i && sp.close > i && sp.close-i <= 7 {
				k := sp.close + 1
				if _, end := en.parseWhen(k, b); end > k {
					k = end
				}
				if k < b && en.toks[k].low == "that" {
					return k
				}
			}
			return i
		}
		// "says of Clinton, “Q”": the topic of the remark, then what was
		// said.
		if (t.low == "of" || t.low == "about") && i == at.cueE {
			for k := i + 1; k+1 < b && k < i+7; k++ {
				u := &en.toks[k]
				if u.q >= 0 || u.kind == tPunct && u.low != "," && u.low != "." {
					break
				}
				if u.low == "," {
					if en.opensQuote(k + 1) {
						return k + 1
					}
					break
				}
			}
		}
		// "scolded him: “Q”": an object before a colon and a quotation.
		for k := i; k < b && k < i+5; k++ {
			u := &en.toks[k]
			if u.q >= 0 || u.kind == tPunct && u.low != ":" {
				break
			}
			if u.low == ":" && k+1 < b && en.toks[k+1].kind == tMark && en.toks[k+1].q >= 0 {
				return k + 1
			}
		}
		if w, end := en.parseWhen(i, b); end > i {
			if at.when == nil {
				at.when = w
			}
			if i == at.cueE || i == adj {
				adj = end
			}
			i = end
			continue
		}
		// "has argued for years that C", "talked for decades about X": a
		// span of time modifies the cue.
		if end := en.duration(i, b); end > i {
			if i == at.cueE || i == adj {
				adj = end
			}
			i = end
			continue
		}
		// "refused to disclose X", "wanted to know X": an infinitive verb
		// of saying or knowing joins the cue; its object is the content.
		if t.low == "to" && i == at.cueE && i+2 < b {
			if vi, ok := reportingVerbs[en.toks[i+1].low]; ok && en.toks[i+1].q < 0 && !en.toks[i+1].cap && en.toks[i+1].low == vi.lemma && en.toks[i+2].kind == tWord && !cuePreps[en.toks[i+2].low] && en.toks[i+2].low != "on" && en.toks[i+2].low != "up" && en.toks[i+2].low != "off" && !(en.lyAdverb(i+2, i) && (i+3 >= b || en.toks[i+3].kind == tPunct)) {
				at.cueE = i + 2
				i += 2
				continue
			}
		}
		// "know all about X": the quantifier and its preposition join
		// the cue.
		if t.low == "all" && i == at.cueE && i+2 < b && en.toks[i+1].low == "about" && en.toks[i+2].kind == tWord {
			at.cueE = i + 2
			return i + 2
		}
		// "warned against X", "bragged about X": the preposition belongs
		// to the cue, its object is the content.
		// A time, a span of time or a manner adverb may come between
		// ("complained bitterly about X", "complained on Monday about
		// X"): the cue runs over them to its preposition.
		if (i == at.cueE || i == adj) && i+1 < b && (en.toks[i+1].kind == tWord || en.opensQuote(i+1)) && (!clauseIntro[en.toks[i+1].low] || t.low != "of" && t.low != "with" && t.low != "against") && (cuePreps[t.low] && !en.approximately(i, b) || en.prepVerb(at.cueE-1, i, b)) {
			at.cueE = i + 1
			return i + 1
		}
		// "asked Clinton about her emails", "warned them of the risk":
		// after the addressee as well.
		if at.addrS >= 0 && i == at.addrE && i+1 < b && en.toks[i+1].kind == tWord && !clauseIntro[en.toks[i+1].low] && (t.low == "about" || t.low == "of") {
			return i + 1
		}
		// "complained bitterly that ...": a manner adverb modifies the cue
		// ("said only that ...").
		if i+1 < b && t.kind == tWord && !t.cap && (len(t.low) > 4 && strings.HasSuffix(t.low, "ly") || t.low == "only" && i == at.cueE) && t.q < 0 ||
			(i == at.cueE || i == adj) && i+1 < b && (t.low == "again" || t.low == "once" || t.low == "twice") && t.q < 0 {
			// ("learned again during the debate that C")
			if n := en.toks[i+1].low; clauseIntro[n] || (i == at.cueE || i == adj) && (cuePreps[n] && !en.approximately(i+1, b) || t.low != "only" && !strings.HasSuffix(t.low, "ly") && trailPreps[n]) {
				if i == at.cueE || i == adj {
					adj = i + 1
				}
				i++
				continue
			}
		}
		// "shows in detail how C", "explained at length why C": a manner
		// phrase modifies the cue.
		if (i == at.cueE || i == adj) && i+2 < b && en.mannerPhrase(i) && clauseIntro[en.toks[i+2].low] {
			adj = i + 2
			i += 2
			continue
		}
		// "said in a statement (that)", "said on Twitter that": jump to the
		// "that" when it comes soon.
		if trailPreps[t.low] && t.low != "that" && !en.infinitive(i, b) {
			if i == at.cueE && i+1 < b && en.toks[i+1].kind == tPunct && en.toks[i+1].q < 0 {
				return i // a stranded preposition ("the one I know of --"): emit drops it
			}
			for k := i + 1; k < b && k < i+10; k++ {
				if c := en.titleQuote(k); c > k && c+1 < b {
					k = c // `said on "State of the Union" that`: a programme's title
					continue
				}
				if en.toks[k].low == "," && k+2 < b && (en.toks[k+1].low == "formerly" || en.toks[k+1].low == "previously") {
					// "wrote on X, formerly Twitter, that": the medium's old name
					if c := en.nextComma(k+1, b, 5); c > 0 {
						k = c
						continue
					}
				}
				// "at a campaign stop in Toledo, Ohio, that": a comma
				// inside a place name does not end the phrase.
				if en.toks[k].q >= 0 || en.toks[k].low == "," && !(k+2 < b && en.toks[k+1].cap && en.toks[k+2].low == ",") && !(k+1 < b && en.toks[k+1].low == "that" && k-1 > i && en.toks[k-1].cap) {
					if en.toks[k].low == "," && settingPreps[t.low] && t.low != "in" && t.low != "on" && k+1 < b && en.opensQuote(k+1) {
						// "said during the debate last week, “Q”": the occasion, then
						// the words (but "said on the other hand, “Q”" and "hope in
						// 2017 America says, “Q”" keep theirs).
						return k + 1
					}
					break
				}
				if en.toks[k].low == "that" && prepositions[en.toks[k-1].low] && k > i+1 {
					continue // "wrote in 2014 for people in that spot": a pronoun, no clause
				}
				if u := &en.toks[k]; u.low == "to" && at.addrS >= 0 && i == at.addrE && settingPreps[t.low] && k > i+1 && k+1 < b {
					// "tells his supporters at a Michigan rally to “go
					// vote”": the setting, then what the listeners are
					// told to do.
					if n := &en.toks[k+1]; n.kind == tMark || n.kind == tWord && !n.cap && !articles[n.low] && !determiners[n.low] && !startsNumber(n.low) {
						if _, pro := pronouns[n.low]; !pro {
							return k
						}
					}
				}
				if en.toks[k].low == "that" {
					// k > i+1: "in that ..." names no source.
					if at.source == "" && (t.low == "in" || t.low == "on") && k > i+1 {
						// "in a statement Tuesday that": the time is when,
						// not part of the source.
						se := k
						if x := en.whenEndingAt(k-1, i+2); x >= 0 {
							se = x
							if at.when == nil {
								at.when, _ = en.parseWhen(x, k)
							}
						}
						if se = en.trimEnd(i+1, se); se > i+1 && !(t.low == "in" && en.placeIn(at, i+1, se)) {
							at.source = en.text[en.toks[i+1].s:en.toks[se-1].e]
						}
					}
					return k
				}
			}
			// "said after the convention he would not ...": a short
			// setting phrase, then a that-less clause with a pronoun
			// subject.
			for k := i + 2; settingPreps[t.low] && k < b && k < i+6; k++ {
				u := &en.toks[k]
				if u.q >= 0 || u.kind != tWord {
					break
				}
				if subjectPronoun(u.low) {
					return k
				}
			}
			// "said in a statement it would review X", "said on Twitter
			// the tour would go on": a medium, then a that-less clause
			// (its source).
			if (t.low == "in" || t.low == "on") && at.source == "" {
				for k := i + 2; k < b && k < i+6; k++ {
					u := &en.toks[k-1]
					if u.q >= 0 || u.kind != tWord {
						break
					}
					if !mediumNouns[u.low] {
						continue
					}
					j := k
					if _, end := en.parseWhen(j, b); end > j {
						j = end
					}
					if c := en.thatlessClause(j, b); c == j {
						at.source = en.text[en.toks[i+1].s:en.toks[k-1].e]
						return j
					}
					break
				}
			}
		}
		return i
	}
	return i
}

// contentEnd: the content runs to the end of the sentence, short of a
// following participle cue or "according to", without end punctuation.
// A quotation right after the cue ends it when the narrator goes on
// ("chanted “What curfew?” and kept going").
func (en *engine) contentEnd(s, b int) int {
	if b-s > maxContentTokens {
		// A "sentence" this long has lost its punctuation; reading all
		// of it for each candidate end would take quadratic time.
		b = s + maxContentTokens
	}
	if s < b && en.toks[s].kind == tMark && en.toks[s].q >= 0 {
		if c := en.spans[en.toks[s].q].close; c > s && c+1 < b {
			if w := en.toks[c+1].low; (w == "and" || w == "but" || w == "before" || w == "as" || w == "while" || w == "when" || w == "until" || w == "after") && c+2 < b {
				// ... unless the quotation is only the first of two
				// subjects ("said “budget reforms” and the collection of
				// taxes would ...").
				if n := &en.toks[c+2]; w != "and" && w != "but" || !n.cap && n.kind == tWord && !determiners[n.low] && !articles[n.low] {
					return c + 1
				}
			}
		}
	}
	// "say the new rules, which take effect in May, will save lives": a
	// noun phrase with an aside is the subject of a clause, and ends
	// nothing.
	aside := false
	for i := s; i+1 < b; i++ {
		if t := &en.toks[i]; t.q >= 0 || t.kind == tPunct && t.low != "," {
			break
		}
		if en.toks[i].low == "," {
			aside = en.subjectAside(i, b)
			break
		}
	}
	b = en.infinitiveEnd(s, b)
	for i := s; i < b; i++ {
		// "(the company called it “immaterial”) and ...": the brackets the
		// statement stands in close it.
		if t := &en.toks[i]; t.low == ")" && t.q < 0 && i > s && !en.opensBracket(s, i) {
			b = i
			break
		}
	}
	for i := s; i+1 < b; i++ {
		t := &en.toks[i]
		if i > s && en.quoteTail(i, b) {
			b = i + 1
			break
		}
		if i > s && en.innerComma(i) {
			// `that X was “true,” but ...` turns back to the narrator
			// as `..., but` does.
			if n := en.toks[i+1].low; en.isParticipleCue(i+1) || n == "according" || narratorTurn[n] {
				b = i + 1
				break
			}
		}
		if t.q >= 0 {
			continue
		}
		if i > s && !aside && en.objectEnds(s, i, b) {
			b = i
			break
		}
		if i > s+1 && isDash(t.low) && en.dashClause(i+1, b) {
			b = i // "... their messianic impulses - it has also exposed ...": the narrator goes on
			break
		}
		if reflexives[t.low] && t.q < 0 && i > s && i-s <= 3 && (i+1 >= b || en.toks[i+1].kind == tPunct) && en.toks[s].q < 0 {
			b = i // "doesn't even believe it himself": the emphatic pronoun is the subject's
			break
		}
		if t.low == "," && t.q < 0 && i > s && en.commaTail(i+1, b) {
			b = i // "..., too.", "..., known as HFCs": the narrator's tail
			break
		}
		if i > s+1 && isDash(t.low) && en.dashComment(i, b) {
			b = i // "... open more land to drilling ― probably not what Graham had in mind"
			break
		}
		if i > s && en.thenParticiple(i) {
			b = i // "responded to a mother by saying C": the participle states C
			break
		}
		if t.low == "," && en.absoluteWith(i+1, b) {
			b = i
			break
		}
		if (t.low == "," || isDash(t.low) && t.q < 0) && i > s+2 && en.summative(i+1, b) {
			// "asked them to discuss their ideas, a request not always
			// honored", `likened the rules to "burning the Constitution" -
			// a charge that might have stung`
			b = i
			break
		}
		if t.low == "," && t.q < 0 && en.toks[s].low == "to" && gerund(&en.toks[i+1]) && !ingNouns[en.toks[i+1].low] {
			b = i // "voted to ban phones, siding with teachers": the narrator's participle clause
			break
		}
		if t.low == "," && t.q < 0 && i > s+1 && en.relativeTime(i+1, b) > 0 {
			b = i // "..., a day after the losing candidate claimed ...": the narrator's time
			break
		}
		if t.low == "," && t.q < 0 && en.objectRelative(i+1, b) {
			b = i // "... video of the shooting, which the police have not done"
			break
		}
		if t.low == "," && (en.isParticipleCue(i+1) || en.toks[i+1].low == "according" || narratorTurn[en.toks[i+1].low] && !en.coordinatedPredicate(i+1, b) || en.commentStarts(i+1, b)) || t.low == ";" {
			b = i
			break
		}
	}
	return en.trimEnd(s, en.trailingAside(s, en.trimEnd(s, b)))
}

// onlyAdverbs: [s, e) holds nothing but auxiliaries and adverbs ("still",
// "had long", "once").
func (en *engine) onlyAdverbs(s, e int) bool {
	for k := s; k < e; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord || !(auxWords[t.low] || t.low == "once" || t.low == "long" || en.lyAdverb(k, s)) {
			return false
		}
	}
	return true
}

// maxContentTokens bounds the tokens of one reported content: a real
// sentence is far shorter, and the bound keeps text without punctuation
// linear.
const maxContentTokens = 400

// relativeTime returns the token after "a day after", "two weeks
// before", "hours after" at i (a time set by another event), or 0.
func (en *engine) relativeTime(i, b int) int {
	k := i
	if k < b && (en.toks[k].low == "a" || en.toks[k].low == "an" || en.toks[k].low == "one" || numberWords[en.toks[k].low] || startsNumber(en.toks[k].low)) {
		k++
	}
	if k+1 >= b || !durationUnit(en.toks[k].low) {
		return 0
	}
	if w := en.toks[k+1].low; (w == "after" || w == "before") && en.toks[k+1].q < 0 {
		return k + 2
	}
	return 0
}

// trailingAside: a content [s, e) that ends in a bracketed clause ends
// before it ("... outside the norms of the party (which lets the rest of
// the GOP off the hook)", "... (her campaign later disclosed that she has
// pneumonia)"): the narrator's aside. A bracket that holds a name, a
// party or a title ("(D-Va.)", "(41 Shots)") stays.
func (en *engine) trailingAside(s, e int) int {
	if e-1 <= s || en.toks[e-1].low != ")" || en.toks[e-1].q >= 0 {
		return e
	}
	o := e - 2
	for o > s && en.toks[o].low != "(" && en.toks[o].low != ")" {
		o--
	}
	if o <= s+2 || en.toks[o].low != "(" || en.toks[o].q >= 0 {
		return e
	}
	f := &en.toks[o+1]
	if f.kind != tWord || f.q >= 0 {
		return e
	}
	if !f.cap && (f.low == "which" || f.low == "who" || f.low == "or" || f.low == "and" || f.low == "but" || subjectPronoun(f.low) || possessives[f.low]) {
		return o
	}
	words, finite := 0, false
	for k := o + 1; k < e-1; k++ {
		t := &en.toks[k]
		if t.q >= 0 {
			return e
		}
		if t.kind == tWord {
			words++
			finite = finite || !t.cap && finiteVerbs[t.low]
		}
	}
	if words >= 4 && finite {
		return o // "(Security experts have linked the breach to Russia.)"
	}
	return e
}

// relativeClauseSubject: the words before a cue, ending at k, are a
// restrictive relative clause ("who did not wish to be named") after the
// noun phrase that is the cue's subject ("A spokesperson"); it returns
// that noun phrase.
func (en *engine) relativeClauseSubject(k, lo int) (int, int, bool) {
	for w := k; w > lo && w > k-12; w-- {
		t := &en.toks[w]
		if t.q >= 0 || t.kind != tWord {
			return 0, 0, false
		}
		if t.low != "who" && t.low != "that" {
			continue
		}
		if w == k || t.low == "that" && !en.finiteIn(w+1, k+1) {
			return 0, 0, false // "who" is the subject itself, or no clause follows "that"
		}
		p := w - 1
		if en.toks[p].kind != tWord || en.toks[p].q >= 0 {
			return 0, 0, false
		}
		if _, cue := reportingVerbs[en.toks[p].low]; cue {
			return 0, 0, false // "said that ...": a that-clause, not a relative
		}
		ns, ok := en.npBack(p, lo)
		if !ok || !en.speakerLike(ns, p+1) || en.finiteIn(ns, p+1) {
			return 0, 0, false
		}
		if ns > lo && !(en.toks[ns-1].low == "," || clauseOpeners[en.toks[ns-1].low] || connectives[en.toks[ns-1].low]) {
			return 0, 0, false // the phrase must open its clause
		}
		return ns, p + 1, true
	}
	return 0, 0, false
}

// quotedAs: the "as" at i follows "quoted", perhaps with the medium
// between ("was quoted by Reuters as saying", "was quoted in the Times
// as saying").
func (en *engine) quotedAs(i, lo int) bool { return en.quotedAt(i, lo) >= 0 }

// quotedAt returns the index of the "quoted" that the "as" at i follows,
// or -1.
func (en *engine) quotedAt(i, lo int) int {
	for k := i - 1; k >= lo && k >= i-10; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return -1
		}
		if t.low == "quoted" {
			return k
		}
	}
	return -1
}

// quotedMedium fills in who quoted the speaker: "was quoted by Reuters
// as saying" (the reporter), "was quoted in the Times as saying" (the
// source). A time at the end is when, not who.
func (en *engine) quotedMedium(at *attribution, ev eval) {
	as := ev.c.i - 1
	if !ev.c.vi.participle || as < 1 || en.toks[as].low != "as" {
		return
	}
	q := en.quotedAt(as, max(0, ev.subjE))
	if q < 0 || q+2 >= as {
		return
	}
	s, e := q+2, as
	if x := en.whenEndingAt(e-1, s); x > s {
		e = x
	}
	switch en.toks[q+1].low {
	case "by":
		if at.reportedBy = en.resolve(s, e); at.reportedBy < 0 {
			at.reportedBy = en.literal(s, e)
		}
	case "in":
		at.source = en.text[en.toks[s].s:en.toks[e-1].e]
	}
}

// narratedClause: a clause with its own subject, a noun phrase, opens at
// i outside quotation marks ("Kevin was drifting off").
func (en *engine) narratedClause(i, b int) bool {
	if i >= b || en.toks[i].q >= 0 || en.toks[i].kind != tWord {
		return false
	}
	if _, pro := pronouns[en.toks[i].low]; pro {
		return false // "she said, and they had waited for years": hers, most likely
	}
	ns, ne := en.npForward(i, b)
	return ns < ne && ne < b && en.toks[ne].q < 0 && en.verbAt(ne)
}

var sayingBy = setOf("saying telling announcing declaring arguing claiming insisting noting writing stating asserting suggesting explaining tweeting")

// titleQuote: the quotation opening at i is a short title in Title Case
// ("State of the Union", "This Week"); it returns its closing mark, or -1.
func (en *engine) titleQuote(i int) int {
	if !en.opensQuote(i) {
		return -1
	}
	c := en.spans[en.toks[i].q].close
	if c <= i+1 || c > i+7 {
		return -1
	}
	for k := i + 1; k < c; k++ {
		t := &en.toks[k]
		if k == c-1 && k > i+1 && (t.low == "." || t.low == ",") {
			break // "State of the Union."
		}
		if t.kind != tWord || !t.cap && !titleSmallWords[t.low] {
			return -1
		}
	}
	if !en.toks[i+1].cap {
		return -1
	}
	return c
}

var titleSmallWords = setOf("of the a an and on in to for at with")

// thenParticiple: "before", "after", "while" or "by" at i opens a
// statement of the speaker's with a participle cue ("said before asking
// her", "responded by saying").
func (en *engine) thenParticiple(i int) bool {
	w := en.toks[i].low
	if en.toks[i].q >= 0 || i+1 >= len(en.toks) || !en.isParticipleCue(i+1) {
		return false
	}
	if w == "by" {
		// (Only a verb of saying: "by adding a few communities", "by
		// comparing X to Y" are means, not statements.)
		return sayingBy[en.toks[i+1].low]
	}
	return w == "before" || w == "after" || w == "while"
}

// summative: the words at i are a noun phrase that sums up the clause
// before it ("a request not always honored", "a testament to his
// improvements"): the narrator's comment.
func (en *engine) summative(i, b int) bool {
	if i+2 < b && en.toks[i].low == "the" && en.toks[i].q < 0 && timeOrdinals[en.toks[i+1].low] && en.toks[i+2].low == "time" {
		return true // "..., the only time either party has replaced its nominee"
	}
	if i+2 < b && en.toks[i].low == "the" && en.toks[i].q < 0 && en.toks[i+1].low == "latest" && en.toks[i+2].kind == tWord && !en.toks[i+2].cap {
		return true // "..., the latest chapter in a rocky relationship": the narrator's remark
	}
	if i >= b || en.toks[i].q >= 0 || !articles[en.toks[i].low] || en.toks[i].low == "the" {
		return false
	}
	return en.nounWithin(i+1, b, summativeNouns)
}

// nounWithin: one of nouns stands among the three words from i, before
// anything that is not a word ("a [swiftly called] meeting", "a request").
func (en *engine) nounWithin(i, b int, nouns map[string]bool) bool {
	for k := i; k < b && k < i+3; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return false
		}
		if nouns[t.low] {
			return true
		}
	}
	return false
}

// timeOrdinals count occasions: "the first time", "the only time".
var timeOrdinals = setOf("first second third fourth fifth only last latest")

// summativeNouns name what a clause amounts to.
var summativeNouns = setOf("figure sum number estimate request move step sign testament reference nod shift reversal departure tactic strategy factor trait signal rebuke blow setback boost reminder indication acknowledgment acknowledgement admission echo twist charge claim accusation allegation assertion remark comment complaint characterization")

// isDash: w is a dash between words, a spaced hyphen included.
func isDash(w string) bool {
	return w == "-" || longDash(w)
}

// longDash: w is a dash that is never a hyphen: two hyphens, an em, en or
// horizontal-bar dash ("Trans- Pacific" has a broken hyphen).
func longDash(w string) bool {
	return w == "--" || w == "—" || w == "―" || w == "–"
}

// dashClause: after a dash at i-1 an independent clause begins, with a
// pronoun subject and its verb ("- it has also exposed", "— and he
// noted"): a new sentence of the narrator's, not more of the content.
func (en *engine) dashClause(i, b int) bool {
	if i < b && (en.toks[i].low == "and" || en.toks[i].low == "but") {
		i++
	}
	if i+1 >= b || en.toks[i].q >= 0 {
		return false
	}
	if w := en.toks[i].low; w == "let's" || w == "let" && en.toks[i+1].low == "'s" {
		return true
	}
	if !subjectPronoun(en.toks[i].low) && en.toks[i].low != "it" {
		// "... his call — Democrats expected secrecy": a name or a bare
		// plural and its verb open the narrator's clause too.
		t := &en.toks[i]
		if t.kind != tWord || !(t.cap && en.reg.mentionAt[i] != 0 || !t.cap && presentVerb(t) && !auxWords[t.low]) {
			return false
		}
		n := &en.toks[i+1]
		_, cue := reportingVerbs[n.low]
		return n.q < 0 && !n.cap && (finiteVerbs[n.low] || cue && strings.HasSuffix(n.low, "ed"))
	}
	n := &en.toks[i+1]
	return n.q < 0 && (finiteVerbs[n.low] || auxWords[n.low] || strings.HasSuffix(n.low, "ed"))
}

// absoluteWith: "with" at i opens an absolute phrase, a noun phrase and
// a participle ("..., with both candidates expected to visit", "...,
// with polls showing her ahead"): the narrator's circumstance.
func (en *engine) absoluteWith(i, b int) bool {
	if i >= b || en.toks[i].low != "with" {
		return false
	}
	for k := i + 2; k < b && k <= i+10; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return false
		}
		if !t.cap && len(t.low) > 4 && (strings.HasSuffix(t.low, "ing") && !ingNouns[t.low] || strings.HasSuffix(t.low, "ed")) {
			return true
		}
	}
	return false
}

// quoteAfterColon returns the opening mark of a quotation that follows a
// colon in [s, e) and runs to e (the end of a content before a trailing
// cue), or -1.
func (en *engine) quoteAfterColon(s, e int) int {
	for k := s; k+1 < e; k++ {
		t := &en.toks[k]
		if t.q >= 0 {
			return -1 // a quotation before any colon
		}
		if t.low != ":" {
			continue
		}
		if !en.opensQuote(k + 1) {
			return -1
		}
		if c := en.spans[en.toks[k+1].q].close; c >= e-1 && c <= e+1 {
			return k + 1
		}
		return -1
	}
	return -1
}

// leadingCue: the content [s, e) of a trailing cue ev opens with a cue of
// its own whose subject, the same speaker ent, starts it ("DuVernay said
// she felt ... “Q,” she said"); it returns where that cue's content
// starts, or -1.
func (en *engine) leadingCue(evs []eval, ev eval, ent, s, e int) int {
	if en.toks[e-1].kind != tMark || en.toks[e-1].q < 0 {
		return -1 // only when a quotation closes right before the trailing cue
	}
	for _, ev2 := range evs {
		if ev2.trailing || ev2.subjS != s || ev2.c.i >= e || ev2.c.i >= ev.c.i || ev2.addrS >= 0 || ev2.c.vi.belief {
			continue
		}
		tmp := en.newAttribution(ev2)
		if ent < 0 || tmp.ent != ent {
			continue
		}
		if k := en.contentStart(&tmp, ev2.afterStart, e); k > ev2.c.i && k < e-1 && en.toks[k].q < 0 {
			return k
		}
	}
	return -1
}

// trailingRelative returns the relative pronoun of a non-restrictive
// clause (", who ...", "- which ...") that runs from within [s, e) to e
// with no comma of its own, or -1.
func (en *engine) trailingRelative(s, e int) int {
	for k := e - 2; k > s+1; k-- {
		t := &en.toks[k]
		if t.q >= 0 {
			continue
		}
		if t.low == "," || t.low == ";" || isDash(t.low) {
			if w := en.toks[k+1].low; (w == "who" || w == "which") && en.toks[k+1].q < 0 {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// whatClauseEnd: the end of a "what X says ..." clause within [i, e): a
// comma, or "and"/"or" before another wh-word.
func (en *engine) whatClauseEnd(i, e int) int {
	for k := i; k+1 < e; k++ {
		t := &en.toks[k]
		if t.q >= 0 {
			continue
		}
		if t.low == "," || (t.low == "and" || t.low == "or") && askedTopics[en.toks[k+1].low] {
			return en.trimEnd(i, k)
		}
	}
	return e
}

// lastConjunct returns the start of the last clause of [s, e) joined by
// ", but" or ", and" with a subject of its own, or -1.
func (en *engine) lastConjunct(s, e int) int {
	for k := e - 2; k > s+1; k-- {
		t := &en.toks[k]
		if t.q >= 0 || (t.low != "but" && t.low != "and") || en.toks[k-1].low != "," {
			continue
		}
		if ns, ne := en.npForward(k+1, e); ns < ne && ne < e && en.verbAt(ne) {
			return k + 1
		}
		return -1
	}
	return -1
}

// commentStarts: after a comma in reported content, a non-restrictive
// relative clause is the narrator's comment on the last noun, not part of
// the attributed proposition.
func (en *engine) commentStarts(i, b int) bool {
	t := &en.toks[i]
	if t.q >= 0 {
		return false
	}
	if !relativeOpeners[t.low] {
		return false
	}
	// "Trump, who is 70, is ...": an embedded relative closes with a
	// comma and the proposition goes on; "the captain, who is “the right
	// man”": quoted words in it are the speaker's.
	for k := i + 1; k < b; k++ {
		if c := en.titleQuote(k); c > k {
			k = c // `during a "Commander-In-Chief" forum`: a title
			continue
		}
		if en.toks[k].low == "," && en.toks[k].q < 0 || en.toks[k].kind == tMark && en.toks[k].q >= 0 {
			return false
		}
	}
	return true
}

var relativeOpeners = setOf("who whom whose")

// objectRelative: "which" at i opens a relative clause with a subject of
// its own, a noun phrase or a name ("..., which the police have not
// done", "..., which the Supreme Court has put on hold"): another party's
// act, told by the narrator.
func (en *engine) objectRelative(i, b int) bool {
	if i+2 >= b || en.toks[i].low != "which" || en.toks[i].q >= 0 {
		return false
	}
	n := &en.toks[i+1]
	if n.q >= 0 || n.kind != tWord {
		return false
	}
	k := i + 1
	switch {
	case n.cap && en.reg.mentionAt[k] != 0:
		k = en.reg.mentions[en.reg.mentionAt[k]-1].e
	case n.low == "the" || n.low == "a" || n.low == "an":
		k++
		if k < b && en.reg.mentionAt[k] != 0 {
			k = en.reg.mentions[en.reg.mentionAt[k]-1].e // "the U.S. Supreme Court"
		}
		for k < b && k < i+7 && en.toks[k].kind == tWord && en.toks[k].q < 0 && !finiteVerbs[en.toks[k].low] && !auxWords[en.toks[k].low] {
			k++
		}
	default:
		return false
	}
	return k > i+1 && k < b && en.toks[k].q < 0 && (finiteVerbs[en.toks[k].low] || auxWords[en.toks[k].low] && en.verbAt(k))
}

// objectEnds: when the content is a noun phrase (the object of "cited",
// "called for", "shows"), the proposition is the phrase alone: a time
// adjunct or a verb coordinated with the cue ("denounced the annexation
// in July and has since left") belongs to the narrator's clause.
func (en *engine) objectEnds(s, i, b int) bool {
	t := &en.toks[i]
	cut := false
	switch {
	case t.kind == tPunct && longDash(t.low):
		// "linked cybersecurity to her email server — an opportunity he
		// missed": a dash after a noun phrase opens the narrator's aside
		// (but a pair of dashes sets off an aside inside the phrase).
		cut = true
		for k := s; k < b; k++ {
			if k == i {
				continue
			}
			if w := en.toks[k].low; w == t.low && en.toks[k].q < 0 {
				cut = false
				break
			}
		}
	case t.low == "," && i+1 < b && en.toks[i+1].q < 0:
		// ", which ...", ", forcing them to ...", ", but ...": after a
		// noun phrase the narrator comments or goes on.
		n := en.toks[i+1].low
		cut = n == "which" || n == "where" || n == "but" || n == "yet" || participleOpener(&en.toks[i+1])
	}
	if !cut && (t.kind != tWord || t.cap && !weekdayOrMonth(t.low)) {
		return false
	}
	switch {
	case cut:
	case t.low == "during" || t.low == "since" || t.low == "amid" || t.low == "because" && i+1 < b && en.toks[i+1].low == "of":
		// (but "ever since he did an internship": the adverb and its
		// clause are the whole fragment)
		cut = !(i == s+1 && (en.toks[s].low == "ever" || en.toks[s].low == "long" || en.toks[s].low == "shortly" || en.toks[s].low == "just" || en.toks[s].low == "even"))
		if cut && t.low == "during" && (en.eventNominal(s, i) || eventNouns[en.toks[i-1].low]) {
			cut = false // "his questioning of the candidate during a forum": the event's own time
		}
	case (t.low == "as" || t.low == "when") && i+1 < b:
		// "shouting profanities as she hurries closer", "condemned the
		// launch as Pyongyang fired three missiles": a clause of the
		// narrator's (but "described him as a disgrace" is the label).
		n := &en.toks[i+1]
		if subjectPronoun(n.low) {
			cut = true
		} else if n.cap && n.q < 0 && en.reg.mentionAt[i+1] != 0 {
			m := en.reg.mentions[en.reg.mentionAt[i+1]-1]
			cut = m.e < b && en.toks[m.e].q < 0 && (en.verbAt(m.e) || t.low == "as" && presentVerb(&en.toks[m.e]) && m.e+1 < b && (articles[en.toks[m.e+1].low] || possessives[en.toks[m.e+1].low]))
		}
	case en.inMonth(i, b, false):
		cut = true // "endorsed one in July"
	case t.low == "to" && i+1 < b && en.toks[i+1].q < 0 && i > s && i-s <= 4:
		// "mentioned the devil to me", "could offer a retort to both
		// parties": the listener after the object is not what was said.
		n := en.toks[i+1].low
		cut = objectPronouns[n] || n == "both" || n == "reporters" || n == "voters" || n == "supporters"
	case t.low == "while" && i+1 < b:
		// "while at the convention", "while driving" (but "while police
		// shout at him" is a clause the speaker may have stated).
		n := en.toks[i+1].low
		cut = prepositions[n] || len(n) > 5 && strings.HasSuffix(n, "ing")
	case (t.low == "in" || t.low == "on" || t.low == "at") && en.mediumPhrase(i, b):
		cut = true
	case (t.low == "and" || t.low == "but" || t.low == "yet" && i > s && !auxWords[en.toks[i-1].low] && !negated(en.toks[i-1].low)) && i+1 < b:
		// (but "hadn't yet been", "has yet to": an adverb)
		n := en.toks[i+1].low
		// ("and not only because ...", "and not as someone ...": a negated
		// phrase, not the narrator's next predicate.)
		cut = auxWords[n] && n != "also" && n != "then" && !((n == "not" || n == "never") && !en.verbAt(i+1)) || strings.HasSuffix(n, "ed") && !en.toks[i+1].cap
		if cut && auxWords[n] && en.openRelative(s, i) {
			cut = false // "a nation that borders China and has had ties with X": the relative clause goes on
		}
	default:
		// ("Voters this fall are expected to": the subject's time, then
		// its verb.)
		_, end := en.parseWhen(i, b)
		cut = end > i && !(end < b && en.verbAt(end))
		if cut && end < b && en.toks[end].low == "that" && en.toks[end].q < 0 {
			cut = false // "echoed statements by Trump last week that C": the noun's clause goes on
		}
		if cut && en.infinitiveAfterPlace(end, b) {
			// "encouraging his supporters at a rally Friday evening in
			// Michigan to ask why ...": the object's infinitive still
			// comes, so the time is inside the statement.
			cut = false
		}
	}
	if !cut {
		return false
	}
	// Only a noun phrase: no clause opener and no finite verb before i.
	if w := en.toks[s].low; w == "that" && !(i == s+2 && en.determinerThat(s)) || w == "to" || w == "whether" || w == "if" || w == "how" || w == "what" || w == "why" || w == "when" || w == "where" || w == "who" {
		return false // (but "rejected that argument in a ruling": a determiner)
	}
	if _, pro := pronouns[en.toks[s].low]; pro && !objectPronouns[en.toks[s].low] && en.toks[s].low != "her" {
		return false
	}
	// Quoted words are the speaker's: keep what frames them. A time or
	// setting cut waits for a quotation still to come ("remarks on
	// Saturday “a wake-up call”"); a comma or a dash does not.
	qe := b
	if t.kind == tPunct {
		qe = i
	}
	if _, cue := reportingVerbs[en.toks[i+1].low]; (t.low == "and" || t.low == "but") && cue && !en.toks[i+1].cap {
		qe = i // "praised X but warned that “Q”": the quotation is the next statement's
	}
	for k := i + 1; k+1 < qe; k++ {
		if en.toks[k].low == "," && en.toks[k].q < 0 && en.isParticipleCue(k+1) {
			qe = k // (", arguing that “...”": the participle's quotation)
			break
		}
		if w := en.toks[k].low; (w == "and" || w == "but") && en.toks[k].q < 0 {
			if _, cue := reportingVerbs[en.toks[k+1].low]; cue && !en.toks[k+1].cap {
				qe = k // ("... and said she has “Steadiness”": the next statement's)
				break
			}
		}
	}
	for k := s; k < qe; k++ {
		if c := en.titleQuote(k); k > i && c > k {
			k = c // `during a "Commander-in-Chief Forum"`: a title in the setting
			continue
		}
		if en.toks[k].q >= 0 {
			return false
		}
	}
	for k := s; k < i; k++ {
		u := &en.toks[k]
		if u.kind != tWord {
			continue
		}
		if strings.HasSuffix(u.low, "ed") && k > s && (articles[en.toks[k-1].low] || determiners[en.toks[k-1].low]) {
			continue // "some pointed advice": an adjective
		}
		if k-1 > s && (en.toks[k-1].low == "that" || en.toks[k-1].low == "which" || en.toks[k-1].low == "who") && en.toks[k-2].kind == tWord && !en.toks[k-2].cap && !auxWords[en.toks[k-2].low] {
			if _, cue := reportingVerbs[en.toks[k-2].low]; !cue {
				continue // "the raid that killed bin Laden": a relative clause inside the noun phrase
			}
		}
		if auxWords[u.low] && u.low != "also" && u.low != "then" && u.low != "now" && u.low != "just" && u.low != "even" && u.low != "first" && u.low != "last" || strings.HasSuffix(u.low, "ed") || strings.HasSuffix(u.low, "n't") || irregularPast[u.low] && k > s && !u.cap {
			return false // ("Trump rose 1 point since the debate": a clause)
		}
	}
	return true
}

// negated: w is a contracted negation ("hadn't", "hadn’t").
func negated(w string) bool {
	return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// irregularPast are past tenses that are not nouns or adjectives as well.
var irregularPast = setOf("brought made took gave went came got knew thought saw told felt became began ran paid sent built meant stood understood wrote spoke chose broke fell rose grew drew bought sold taught caught fought sought kept lost won led held")

// subjectAside: the comma at i opens an aside that closes with a comma
// and a finite verb: the noun phrase before it is the subject of a clause
// that goes on ("the rules, which take effect in May, will save lives").
func (en *engine) subjectAside(i, b int) bool {
	for k := i + 1; k+1 < b; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tPunct && t.low != "," {
			return false
		}
		if t.low == "," {
			n := &en.toks[k+1]
			if n.q >= 0 || n.kind != tWord || n.cap {
				return false
			}
			j := k + 1
			for j+1 < b && auxWords[en.toks[j].low] && !finiteVerbs[en.toks[j].low] {
				j++ // "..., also have"
			}
			w := en.toks[j].low
			_, cue := reportingVerbs[w]
			return finiteVerbs[w] && !cue
		}
	}
	return false
}

// inMonth: "in June" (or, with year, "in 2015") at i: a time without a
// day, which parseWhen leaves out ("a loss of $916 million in 1995" is
// part of what was said).
func (en *engine) inMonth(i, b int, year bool) bool {
	if i+1 >= b || en.toks[i].low != "in" {
		return false
	}
	n := &en.toks[i+1]
	return months[n.low] != 0 && n.cap || year && isYear(n.low)
}

// determinerThat: "that" at i heads a one-word noun phrase ("that
// argument"), not a clause.
func (en *engine) determinerThat(i int) bool {
	n := &en.toks[i+1]
	if n.kind != tWord || n.cap || n.q >= 0 || auxWords[n.low] || clauseStops[n.low] || strings.HasSuffix(n.low, "ed") {
		return false
	}
	_, pro := pronouns[n.low]
	return !pro
}

// participleOpener: after a comma, t opens a participle clause of the
// narrator's (", forcing them to ...", ", killing more than 10,000").
func participleOpener(t *tok) bool {
	return t.kind == tWord && !t.cap && t.q < 0 && len(t.low) > 5 && strings.HasSuffix(t.low, "ing") && !ingNouns[t.low]
}

// ingNouns end in -ing but open no participle clause after a comma.
var ingNouns = setOf("including during nothing something anything everything thing things morning evening spring string king ring bring sing sting swing wing ceiling building meeting funding ruling spending hearing housing rating polling voting")

// mediumPhrase: the phrase at i ("in a statement", "on Twitter", "at a
// rally last week") names where a statement was made and ends the clause.
func (en *engine) mediumPhrase(i, b int) bool {
	return en.mediumNounAt(i, b) > i
}

// mediumNounAt returns the medium noun of the medium phrase at i ("in
// the committee hearing": hearing), or -1 when i opens none.
func (en *engine) mediumNounAt(i, b int) int {
	for k := i + 1; k < b && k <= i+5; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return -1
		}
		if mediumNouns[t.low] {
			// Only the end of the clause may follow (a time, a comma).
			n := k + 1
			if _, end := en.parseWhen(n, b); end > n {
				n = end
			}
			if n < b && participleModifier(&en.toks[n]) {
				return k // "in a ruling released Thursday", "at a forum viewed by millions"
			}
			if n >= b || en.toks[n].kind == tPunct && en.toks[n].low != "-" || en.toks[n].low == "and" || en.toks[n].low == "but" {
				return k
			}
			return -1
		}
	}
	return -1
}

// mediumNouns are the media and occasions of statements.
var mediumNouns = setOf("statement statements interview interviews speech speeches letter website tweet tweets twitter facebook instagram post posts op-ed column email e-mail memo filing remarks diatribe broadcast briefing rally rallies forum forums debate hearing ruling conference appearance video ad ads program show")

// participleModifier: a past participle describing the noun before it
// ("a ruling released Thursday").
func participleModifier(t *tok) bool {
	return t.kind == tWord && !t.cap && t.q < 0 && len(t.low) > 4 && strings.HasSuffix(t.low, "ed")
}

func weekdayOrMonth(w string) bool {
	return weekdays[w] != 0 || w == "sunday" || months[w] != 0
}

// quoteTail: after a quoted fragment closing at i, the narrator takes the
// sentence back when a time or setting adjunct, a dash or a predicate
// coordinated with the cue follows (`called it “a disgrace” Wednesday on
// the show`, `tweeted that she was “a con” and encouraged ...`).
func (en *engine) quoteTail(i, b int) bool {
	if !en.closesQuote(i) || i+1 >= b {
		return false
	}
	n := &en.toks[i+1]
	if n.q >= 0 {
		return false
	}
	switch {
	case longDash(n.low):
		return true
	case quoteTailPreps[n.low]:
		// ("would take “more hours” before details emerge": a clause
		// after "before" goes on with what was said.)
		return n.low != "before" || !en.clauseAfter(i+2, b)
	case (n.low == "and" || n.low == "but") && i+2 < b:
		w := &en.toks[i+2]
		return w.kind == tWord && !w.cap && w.q < 0 && strings.HasSuffix(w.low, "ed")
	case en.innerComma(i) && n.kind == tWord && !n.cap && strings.HasSuffix(n.low, "ing") && len(n.low) > 5:
		return true
	}
	if i+2 < b && (n.low == "all" || n.low == "for") && durationUnit(en.toks[i+2].low) {
		return true // "a “con artist” all week", "for months"
	}
	_, end := en.parseWhen(i+1, b)
	return end > i+1
}

var quoteTailPreps = setOf("during after before since amid")

// clauseAfter: a clause opens at i, a subject of up to four words (a
// name or a noun phrase, not a pronoun) and then its verb.
func (en *engine) clauseAfter(i, b int) bool {
	if i >= b || en.toks[i].q >= 0 || en.toks[i].kind != tWord {
		return false
	}
	if _, pro := pronouns[en.toks[i].low]; pro {
		return false // ("after she attacked ...": the narrator's clause)
	}
	for k := i + 1; k < b && k <= i+4; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord || clauseStops[t.low] {
			return false
		}
		plural := strings.HasSuffix(en.toks[k-1].low, "s")
		if !t.cap && (finiteVerbs[t.low] || presentVerb(t) && !plural ||
			plural && !strings.HasSuffix(t.low, "s") && !prepositions[t.low] && !determiners[t.low] && !articles[t.low]) {
			return k > i // ("before details emerge": a plural and its verb)
		}
	}
	return false
}

// planVerbs make public a plan whose aim is the content.
var planVerbs = setOf("announce unveil outline detail reveal")

// planObject returns where the aim of bare "plans" at i starts ("announced
// plans this week to give ...": the infinitive), or i. With an article
// the plan itself is what was made public ("outlined a plan to cut
// prices").
func (en *engine) planObject(i, b int) int {
	if i >= b || en.toks[i].q >= 0 || en.toks[i].low != "plans" {
		return i
	}
	k := i + 1
	if _, end := en.parseWhen(k, b); end > k {
		k = end
	}
	if k+1 < b && en.toks[k].q < 0 && en.toks[k].low == "to" && en.toks[k+1].kind == tWord && !en.toks[k+1].cap {
		return k
	}
	return i
}

// tallyEnd returns the end of a vote's tally at i ("335-91", "19 to 15",
// "unanimously", "along party lines", or a tally and a split), or i.
func (en *engine) tallyEnd(i, b int) int {
	k := i
	if k < b && en.toks[k].q < 0 && isTally(en.toks[k].low) {
		k++
	} else if k+2 < b && startsNumber(en.toks[k].low) && en.toks[k+1].low == "to" && startsNumber(en.toks[k+2].low) {
		k += 3
	}
	if k < b && (en.toks[k].low == "unanimously" || en.toks[k].low == "yes" || en.toks[k].low == "no") && en.toks[k].q < 0 {
		k++ // ("voted no", "voted yes on the bill")
	}
	if k+2 < b && en.toks[k].low == "along" && en.toks[k+1].low == "party" && en.toks[k+2].low == "lines" {
		k += 3
	}
	return k
}

// isTally: w is a vote count such as "335-91".
func isTally(w string) bool {
	a, c, ok := strings.Cut(w, "-")
	if !ok || a == "" || c == "" {
		return false
	}
	for _, r := range a + c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// infinitive: "to" at i opens an infinitive ("refused to make public the
// records that ..."), not a phrase naming a listener or a place ("said to
// reporters that").
func (en *engine) infinitive(i, b int) bool {
	if i+1 >= b || en.toks[i].low != "to" {
		return false
	}
	n := &en.toks[i+1]
	if n.kind != tWord || n.cap || n.q >= 0 || articles[n.low] || determiners[n.low] || possessives[n.low] {
		return false
	}
	if _, pro := pronouns[n.low]; pro {
		return false
	}
	return !strings.HasSuffix(n.low, "s") || strings.HasSuffix(n.low, "ss") || strings.HasSuffix(n.low, "us")
}

// infinitiveEnd: an infinitive content from s ends where a finite
// auxiliary of the enclosing sentence comes with no clause opened inside
// it ("the reasons that Trump refuses to make public his returns | may be
// that ..."), or b.
func (en *engine) infinitiveEnd(s, b int) int {
	if !en.infinitive(s, b) {
		return b
	}
	// "The bill that Democrats wanted to pass | never reached the floor":
	// a past tense right after the infinitive's verb is the main clause's.
	j := s + 2
	for j < b && en.toks[j].q < 0 && (en.toks[j].low == "never" || en.toks[j].low == "not" || en.lyAdverb(j, s)) {
		j++
	}
	if j < b && en.toks[j].q < 0 && en.toks[j].kind == tWord && !en.toks[j].cap && strings.HasSuffix(en.toks[j].low, "ed") && (j > s+2 || en.toks[j-1].low != "be") {
		return s + 2
	}
	for k := s + 2; k < b; k++ {
		t := &en.toks[k]
		if t.q >= 0 {
			continue
		}
		if clauseIntro[t.low] || t.low == "which" || t.low == "whom" || t.kind == tPunct {
			return b
		}
		if finiteAux[t.low] {
			if p := en.toks[k-1].low; subjectPronoun(p) {
				return b // "the coal he is producing": a relative clause
			}
			if p := en.toks[k-1].low; (p == "and" || p == "but") && k-1 > s+1 {
				return k - 1 // "to transform the economy but are likely to ..."
			}
			return k
		}
	}
	return b
}

// presentVerb: t may be a verb in the third person present ("takes",
// "remains"), a lowercase word in -s that is no noun in -ss or -us.
func presentVerb(t *tok) bool {
	return t.kind == tWord && !t.cap && t.q < 0 && len(t.low) > 3 && strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") && !strings.HasSuffix(t.low, "us")
}

// finiteAux are the finite auxiliaries and modals.
var finiteAux = setOf("will would could can may might should must is are was were has have had does did")

// duration returns the end of a span of time at i ("for years", "for the
// past two decades", "for more than a year", "all week"), or i. A span
// of what the unit measures ("for years of cuts") is no time.
func (en *engine) duration(i, b int) int {
	w := func(k int) string {
		if k < b && en.toks[k].q < 0 {
			return en.toks[k].low
		}
		return ""
	}
	switch w(i) {
	case "all":
		if durationUnit(w(i+1)) && w(i+2) != "of" {
			return i + 2
		}
		return i
	case "for":
	default:
		return i
	}
	for k := i + 1; k < b && k <= i+5; k++ {
		x := w(k)
		if durationUnit(x) || k > i+1 && (x == "time" || x == "while") {
			if w(k+1) == "of" {
				return i
			}
			return k + 1
		}
		if !durationWords[x] && !startsNumber(x) && !quantityWords[x] {
			return i
		}
	}
	return i
}

// durationWords may stand between "for" and its unit of time.
var durationWords = setOf("a an the past last first more than nearly almost over at least several many few some long")

// durationUnit: w follows "all" or "for" in a duration ("all week", "for
// months"): a period of the calendar, perhaps plural.
func durationUnit(w string) bool {
	w = strings.TrimSuffix(w, "s")
	return periods[w] || w == "day" || w == "night" || w == "decade"
}

// innerComma: token i closes a quotation that ends in a comma (American
// style puts the comma of the sentence inside the closing mark).
func (en *engine) innerComma(i int) bool {
	t := &en.toks[i]
	return en.closesQuote(i) && i-1 > en.spans[t.q].open+1 && en.toks[i-1].low == ","
}

// trimEnd drops punctuation outside quotations at the end of [s, e).
func (en *engine) trimEnd(s, e int) int {
	for e > s {
		t := &en.toks[e-1]
		if t.kind == tPunct && t.q < 0 && t.low != ")" && t.low != "%" || t.kind == tMark && t.q < 0 || t.low == ")" && t.q < 0 && !en.opensBracket(s, e-1) {
			e--
			continue
		}
		if e-1 > s && t.q < 0 && (t.low == "and" || t.low == "or" || t.low == "but") && !(e < len(en.toks) && isDash(en.toks[e].low)) {
			// "feared regime retaliation and | asked not to be named": a
			// content does not end on a conjunction (but a speaker cut
			// off, "and —", does).
			e--
			continue
		}
		break
	}
	return e
}

// opensBracket: an opening bracket stands in [s, e).
func (en *engine) opensBracket(s, e int) bool {
	for k := s; k < e; k++ {
		if en.toks[k].low == "(" {
			return true
		}
	}
	return false
}

// skipTrailers steps over what may follow a trailing cue before a comma:
// time expressions, "in a statement", the addressee.
func (en *engine) skipTrailers(at *attribution, i, b int) int {
	for i < b {
		t := &en.toks[i]
		if c := en.titleQuote(i); c > i && c < b {
			i = c + 1 // `said on CNN's "State of the Union."`: a programme's title
			continue
		}
		if t.low == "," || t.kind == tMark && t.q >= 0 || t.q >= 0 || en.thenParticiple(i) {
			return i // (“Q1,” she said before asking, “Q2”: a statement of its own)
		}
		if w, end := en.parseWhen(i, b); end > i {
			if at.when == nil {
				at.when = w
			}
			i = end
			continue
		}
		if t.kind == tPunct {
			i++
			continue
		}
		if (t.low == "in" || t.low == "on") && i+1 < b && at.source == "" {
			// "in a statement", "on Twitter"
			k := i + 1
			for k < b && en.toks[k].kind == tWord && en.toks[k].q < 0 && k < i+6 {
				if _, isWhen := en.parseWhen(k, b); isWhen > k {
					break
				}
				k++
			}
			if k > i+1 && !(t.low == "in" && en.placeIn(at, i+1, k)) {
				at.source = en.text[en.toks[i+1].s:en.toks[k-1].e]
			}
			i = k
			continue
		}
		i++
	}
	return i
}

// placeIn: the capitalised words at [s, e) after "in" name the place of
// a spoken statement ("told a conference in Rome", "said in Brussels
// that"), not a document it appeared in; after a written cue ("wrote in
// Politico") they are the publication.
func (en *engine) placeIn(at *attribution, s, e int) bool {
	for k := s; k < e; k++ {
		t := &en.toks[k]
		if t.kind != tWord || !t.cap || articles[t.low] || determiners[t.low] || orgWords[t.low] || isAllCaps(en.text[t.s:t.e]) && len(t.low) > 1 {
			return false
		}
	}
	for k := at.cueS; k < at.cueE; k++ {
		if vi, ok := reportingVerbs[en.toks[k].low]; ok && writtenCues[vi.lemma] {
			return false
		}
	}
	return true
}

// writtenCues report what was written: "in X" after them is where.
var writtenCues = setOf("write pen publish post tweet")

// sourceTail extends the source of "according to" over what describes
// it up to the next comma ("a statement from the company", "a poll
// released Tuesday by Gallup").
func (en *engine) sourceTail(e, b int) int {
	if e >= b || en.toks[e].q >= 0 || en.toks[e].kind != tWord || !(prepositions[en.toks[e].low] || participleModifier(&en.toks[e])) || en.toks[e].low == "that" {
		return e
	}
	for k := e; k < b && k < e+15; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tMark || en.finiteIn(k, k+1) || t.low == "that" || t.low == "who" || t.low == "which" {
			return e
		}
		if t.kind == tPunct && !(t.low == "." && en.isAbbrev(k-1) && k+1 < b) && t.low != "-" {
			return k
		}
	}
	if e+15 >= b {
		return b // the sentence ends without punctuation
	}
	return e
}

// accordingTail reads ", according to X" after another cue: a document is
// the source, an agent is the reporter.
func (en *engine) accordingTail(i, b int) (string, int) {
	s, e := en.npForward(i, b)
	if s >= e {
		return "", -1
	}
	e = en.trimEnd(s, b)
	np := en.text[en.toks[s].s:en.toks[e-1].e]
	if determiners[en.toks[s].low] && !en.toks[s+1].cap {
		return np, -1
	}
	return "", en.resolveOrLiteral(s, e)
}

// dashComment: a lone dash at i (no second dash before b) opens the
// narrator's comment on what was said: a comparison ("-- far lower than
// X"), an "as" clause ("― just as he did in 2012"), a hedge ("―
// probably not what he meant") or a count ("-- 44 percent to 34").
func (en *engine) dashComment(i, b int) bool {
	if i == 0 || en.toks[i].s == en.toks[i-1].e && en.toks[i].low != "―" {
		return false // "375–500 ml": a range, not a dash between clauses
	}
	for k := i + 1; k < b; k++ {
		if isDash(en.toks[k].low) {
			return false // a pair of dashes: an aside inside the content
		}
	}
	n := i + 1
	if n+1 >= b || en.toks[n].q >= 0 {
		return false
	}
	w := en.toks[n].low
	switch {
	case w == "just" && en.toks[n+1].low == "as", w == "as" && !en.toks[n+1].cap:
		return true
	case w == "probably" || w == "perhaps" || w == "presumably":
		return true
	case (w == "far" || w == "much" || w == "well") && strings.HasSuffix(en.toks[n+1].low, "er") || w == "more" && en.toks[n+1].low == "than":
		return true
	case startsNumber(w) && en.toks[n].kind == tWord || w == "$":
		return true
	}
	return false
}

// eventNominal: the noun phrase [s, e) holds an -ing noun after a
// determiner ("his questioning of X", "the fatal shooting of Y"), an
// event that a following time belongs to.
func (en *engine) eventNominal(s, e int) bool {
	for k := s + 1; k < e; k++ {
		t := &en.toks[k]
		if t.kind != tWord || t.cap || t.q >= 0 || len(t.low) <= 5 || !strings.HasSuffix(t.low, "ing") {
			continue
		}
		if p := en.toks[k-1].low; articles[p] || possessives[p] || k-2 >= s && articles[en.toks[k-2].low] && adjectiveLike(p) {
			return true
		}
	}
	return false
}

// commaTail: after a comma, the words at n close the sentence as the
// narrator's: an additive adverb ("..., too.", "..., as well.") or a name
// given to the phrase before ("..., known as the Trans-Pacific
// Partnership").
func (en *engine) commaTail(n, b int) bool {
	if n >= b || en.toks[n].q >= 0 {
		return false
	}
	w := en.toks[n].low
	end := func(k int) bool {
		return k >= b || en.toks[k].kind == tPunct && en.toks[k].q < 0 && en.toks[k].low != "-"
	}
	switch {
	case w == "too":
		return end(n + 1)
	case w == "as" && n+1 < b && en.toks[n+1].low == "well":
		return end(n + 2)
	case w == "also" && n+1 < b && en.toks[n+1].low == "known":
		return n+2 < b && en.toks[n+2].low == "as"
	case w == "known":
		return n+1 < b && en.toks[n+1].low == "as"
	case w == "dubbed" || w == "nicknamed":
		return true
	case n+2 < b && en.toks[n+1].low == "and" && (en.toks[n+2].low == w && (w == "over" || w == "again") || w == "time" && en.toks[n+2].low == "again"):
		// "said yes, yes, yes, over and over again": how often it was said
		return true
	case (w == "more" || w == "less" || w == "fewer") && n+1 < b && en.toks[n+1].low == "than":
		// "will expand by 1.6 percent, more than half a point less than
		// forecast in July": the narrator's comparison
		return true
	}
	return false
}

// eventNouns name events a following "during" phrase dates ("his
// microphone problems during the debate").
var eventNouns = setOf("problems problem remarks comments comment performance appearance conduct behavior behaviour answers answer statements handling treatment response responses exchange exchanges")

// openRelative: a relative pronoun and its verb inside the noun phrase
// [s, i), with no comma after them ("a nation that borders China"): a
// clause still open at i.
func (en *engine) openRelative(s, i int) bool {
	for k := i - 1; k > s; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tPunct {
			return false
		}
		if (t.low == "that" || t.low == "which" || t.low == "who") && k+1 < i && en.toks[k-1].kind == tWord && !en.toks[k-1].cap && !auxWords[en.toks[k-1].low] {
			if _, cue := reportingVerbs[en.toks[k-1].low]; cue {
				return false
			}
			v := &en.toks[k+1]
			return presentVerb(v) || en.verbAt(k+1)
		}
	}
	return false
}

// infinitiveAfterPlace: at k, perhaps after a place ("in Michigan"), an
// infinitive follows ("to ask why ...").
func (en *engine) infinitiveAfterPlace(k, b int) bool {
	if k+1 < b && (en.toks[k].low == "in" || en.toks[k].low == "at") && en.toks[k+1].cap {
		k++
		for k < b && en.toks[k].cap && en.toks[k].kind == tWord && en.toks[k].q < 0 {
			k++
		}
	}
	return k+1 < b && en.toks[k].low == "to" && en.toks[k].q < 0 && en.toks[k+1].kind == tWord && !en.toks[k+1].cap && en.toks[k+1].q < 0 && !articles[en.toks[k+1].low] && !determiners[en.toks[k+1].low] && !possessives[en.toks[k+1].low]
}
