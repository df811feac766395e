package attribute

import (
	"testing"
)

// TestReportedSpans checks the content span of reported (indirect)
// attributions against the convention of attribution corpora (PARC,
// PolNeAR): the content is the attributed proposition, without its cue
// and source; "that" belongs to it, a narrator's comment after it does
// not. Sentences are made up.
func TestReportedSpans(t *testing.T) {
	cases := []struct {
		name, text    string
		cue, content  string
		speaker       string // mention text; "" = any
		absentContent bool   // no attribution with this cue
		noSpeaker     bool   // the attribution names no source
	}{
		{name: "object of urge with infinitive",
			text: "The mayor urged residents to stay indoors.",
			cue:  "urged", content: "residents to stay indoors", speaker: "The mayor"},
		{name: "object of encourage",
			text: "Mr. Dole is also encouraging his supporters to call their senators.",
			cue:  "encouraging", content: "his supporters to call their senators", speaker: "Mr. Dole"},
		{name: "tell with that keeps the addressee out",
			text: "The coach told reporters that the team was ready.",
			cue:  "told", content: "that the team was ready", speaker: "The coach"},
		{name: "trailing non-restrictive relative is the narrator's",
			text: "The senator questioned the health of Mr. Grant, who is 71.",
			cue:  "questioned", content: "the health of Mr. Grant", speaker: "The senator"},
		{name: "embedded relative stays",
			text: "The aide said Mr. Grant, who is 71, would run again.",
			cue:  "said", content: "Mr. Grant, who is 71, would run again", speaker: "The aide"},
		{name: "comma inside the closing mark turns to the narrator",
			text: "The panel ruled that the claim was “true,” but critics said the ruling ignored the data.",
			cue:  "ruled", content: "that the claim was “true,”", speaker: "The panel"},
		{name: "second speaker after an inner comma",
			text: "The panel ruled that the claim was “true,” but critics said the ruling ignored the data.",
			cue:  "said", content: "the ruling ignored the data", speaker: "critics"},
		{name: "participle after an inner comma",
			text: "The senator said the bank was “rotten to the core,” adding that its chief should resign.",
			cue:  "adding", content: "that its chief should resign", speaker: "The senator"},
		{name: "leading connective is the narrator's",
			text: "And the economy is slowing, the minister said.",
			cue:  "said", content: "the economy is slowing", speaker: "the minister"},
		{name: "leading however with its comma",
			text: "However, the deal will not close this year, the company said.",
			cue:  "said", content: "the deal will not close this year", speaker: "the company"},
		{name: "belief verb after a pronoun is a verb",
			text: "The mill may shut down. They fear the plant will close by spring.",
			cue:  "fear", content: "the plant will close by spring", speaker: "They"},
		{name: "belief verb after an auxiliary",
			text: "The minister does not expect the talks to resume.",
			cue:  "expect", content: "the talks to resume", speaker: "The minister"},
		{name: "noun after a determiner is no cue",
			text: "The fear of the residents is real.",
			cue:  "fear", absentContent: true},
		{name: "polls show a noun phrase",
			text: "Recent polls in Ohio have shown the mayor's lead eroding.",
			cue:  "have shown", content: "the mayor's lead eroding", speaker: "Recent polls in Ohio"},
		{name: "apposition with a relative clause is no inversion",
			text: "Economist Ann Smith, who studies tax policy at the institute, said the statement didn't clarify the matter.",
			cue:  "said", content: "the statement didn't clarify the matter", speaker: "Economist Ann Smith"},
		{name: "common noun antecedent of a relative clause",
			text: "The agency, which oversees the program, said it was taking steps to increase vetting.",
			cue:  "said", content: "it was taking steps to increase vetting", speaker: "The agency"},
		{name: "plan as an attributed intention",
			text: "The governor planned to veto the bill.",
			cue:  "planned", content: "to veto the bill", speaker: "The governor"},
		{name: "plans after a determiner are a noun",
			text: "The plans for the stadium were rejected.",
			cue:  "plans", absentContent: true},
		{name: "time adjunct after a quoted fragment",
			text: "The host blasted the mayor as a “disgrace” Wednesday on his radio show.",
			cue:  "blasted", content: "the mayor as a “disgrace”", speaker: "The host"},
		{name: "predicate coordinated after a quoted fragment",
			text: "The singer tweeted that the critic was “a fraud” and urged fans to boycott the paper.",
			cue:  "tweeted", content: "that the critic was “a fraud”", speaker: "The singer"},
		{name: "time adjunct after a noun-phrase object",
			text: "The union endorsed the governor for a second term on Thursday.",
			cue:  "endorsed", content: "the governor for a second term", speaker: "The union"},
		{name: "clause content keeps its time adjunct",
			text: "The union said the strike would end on Thursday.",
			cue:  "said", content: "the strike would end on Thursday", speaker: "The union"},
		{name: "show as a noun at the end",
			text: "The host blasted the mayor as a “disgrace” Wednesday on his radio show.",
			cue:  "show", absentContent: true},
		{name: "dateline and framing clause are the narrator's",
			text: "WASHINGTON ― The plan is an insult to all workers, union leaders said Friday, as they met in the capital.",
			cue:  "said", content: "The plan is an insult to all workers", speaker: "union leaders"},
		{name: "bare plural subject after a subordinate clause",
			text: "Although the mayor lacks a record, elected officials from both parties say he has forged a reputation.",
			cue:  "say", content: "he has forged a reputation", speaker: "elected officials from both parties"},
		{name: "noun-ambiguous cue after a name",
			text: "Ms. Lynch notes they were appointed before she came.",
			cue:  "notes", content: "they were appointed before she came", speaker: "Ms. Lynch"},
		{name: "noun-ambiguous word after a name with a determiner",
			text: "The Mueller report was released on Thursday.",
			cue:  "report", absentContent: true},
		{name: "manner adverb between cue and that",
			text: "Mr. Lee complained bitterly that taxes are too high.",
			cue:  "complained", content: "that taxes are too high", speaker: "Mr. Lee"},
		{name: "parenthetical cue with then",
			text: "The truth, the senator said then, was that the plan had failed.",
			cue:  "said", content: "The truth, the senator said then, was that the plan had failed", speaker: "the senator"},
		{name: "leading But stays",
			text: "But the new plan is still tilted toward the rich, the analyst said.",
			cue:  "said", content: "But the new plan is still tilted toward the rich", speaker: "the analyst"},
		{name: "preposition completing the cue",
			text: "The agency warned against potential hackers from abroad.",
			cue:  "warned against", content: "potential hackers from abroad", speaker: "The agency"},
		{name: "short framing adverbial before trailing content",
			text: "In addition, the campaign plans to release more records, the spokesman said.",
			cue:  "said", content: "the campaign plans to release more records", speaker: "the spokesman"},
		{name: "see as a view",
			text: "Many voters see the race as a referendum on the economy.",
			cue:  "see", content: "the race as a referendum on the economy", speaker: "Many voters"},
		{name: "see as perception is no cue",
			text: "I saw him at the rally on Friday.",
			cue:  "saw", absentContent: true},
		{name: "outline a plan",
			text: "The senator outlined a plan to cut drug prices.",
			cue:  "outlined", content: "a plan to cut drug prices", speaker: "The senator"},
		{name: "participial frame before the speaker",
			text: "Heading into the debate, the senator told a morning show that nobody doubted her record.",
			cue:  "told", content: "that nobody doubted her record", speaker: "the senator"},
		{name: "apposition of an according-to source is not content",
			text: "The treatment can be effective, according to Craig Lee, head of the center at the university.",
			cue:  "according to", content: "The treatment can be effective", speaker: "Craig Lee"},
		{name: "cue after a raising verb",
			text: "Critics pounced after he appeared to suggest that veterans are weak.",
			cue:  "suggest", content: "that veterans are weak", speaker: "he"},
		{name: "went on to say",
			text: "The senator went on to say the plan would fail.",
			cue:  "say", content: "the plan would fail", speaker: "The senator"},
		{name: "belief verb after seemed to",
			text: "She seemed to think the outreach was phony.",
			cue:  "think", content: "the outreach was phony", speaker: "She"},
		{name: "plain infinitive stays content",
			text: "He declined to say whether he would run.",
			cue:  "declined", content: "to say whether he would run", speaker: "He"},
		{name: "noun-ambiguous form between a noun and an article",
			text: "The woman disputes the idea that she needed help.",
			cue:  "disputes", content: "the idea that she needed help", speaker: "The woman"},
		{name: "noun-ambiguous form before a preposition stays a noun",
			text: "Their claims of fraud were rejected.",
			cue:  "claims", absentContent: true},
		{name: "sourceless passive attribution",
			text: "Voters head to the polls.\n\nAbout one voter in nine is expected to be Latino.",
			cue:  "is expected", content: "About one voter in nine is expected to be Latino", noSpeaker: true},
		{name: "negated sourceless passive",
			text: "Voters head to the polls.\n\nThe missile is not thought to be capable of reaching the coast.",
			cue:  "is not thought", content: "The missile is not thought to be capable of reaching the coast", noSpeaker: true},
		{name: "cue coordinated after quoted content keeps the subject",
			text: "The host tweeted in the early hours that the actress was “a con” and encouraged fans to boycott her film.",
			cue:  "encouraged", content: "fans to boycott her film", speaker: "The host"},
		{name: "restrictive which as the subject",
			text: "They turned to the police department which reported 2,521 shootings in the city.",
			cue:  "reported", content: "2,521 shootings in the city", speaker: "which"},
		{name: "relative that as the subject",
			text: "He released a letter from his doctor that says he is in excellent health.",
			cue:  "says", content: "he is in excellent health", speaker: "that"},
		{name: "concessive even-clause belongs to the content",
			text: "The senator said the trip mattered more, even though it received less attention.",
			cue:  "said", content: "the trip mattered more, even though it received less attention", speaker: "The senator"},
		{name: "but with a new subject is the narrator's",
			text: "The senator said the trip mattered more, but critics disagreed.",
			cue:  "said", content: "the trip mattered more", speaker: "The senator"},
		{name: "noun-ambiguous form ending a noun phrase",
			text: "The economy will grow 1.6 percent, down from the fund's last estimate.",
			cue:  "estimate", absentContent: true},
		{name: "noun-ambiguous form ending a trailing attribution",
			text: "The deal will close in March, the report notes.",
			cue:  "notes", content: "The deal will close in March", speaker: "the report"},
		{name: "sourceless passive in a subordinate clause",
			text: "Voters head to the polls.\n\nAlthough the missile is not thought to be capable of reaching the coast, it is a threat.",
			cue:  "is not thought", content: "the missile is not thought to be capable of reaching the coast", noSpeaker: true},
		{name: "participle after a common-noun subject behind a framing phrase",
			text: "In August, several environmental groups granted the miner an extension, saying his capital was short.",
			cue:  "saying", content: "his capital was short", speaker: "several environmental groups"},
		{name: "quantifier opening a sentence is no name",
			text: "Several groups granted him an extension, saying his capital was short.",
			cue:  "saying", content: "his capital was short", speaker: "Several groups"},
		{name: "singular show before that is a noun",
			text: "The two taped an hourlong show that aired on Thursday.",
			cue:  "show", absentContent: true},
		{name: "plural subject makes show a verb",
			text: "Recent polls show that the race is tied.",
			cue:  "show", content: "that the race is tied", speaker: "Recent polls"},
		{name: "participle cue as a complement stays inside the content",
			text: "The spokeswoman called on the mayor to stop attacking the actress and apologize.",
			cue:  "called on", content: "the mayor to stop attacking the actress and apologize", speaker: "The spokeswoman"},
		{name: "setting with a place name before that",
			text: "The senator says at a campaign stop in Toledo, Ohio, that the plan failed.",
			cue:  "says", content: "that the plan failed", speaker: "The senator"},
		{name: "going on to say after a quotation",
			text: "\"We will win,\" the senator said, going on to say that the country has spent years fighting.",
			cue:  "going on to say", content: "that the country has spent years fighting", speaker: "the senator"},
		{name: "trailing as-clause attribution",
			text: "It also does not answer whether the man had a gun, as police have said.",
			cue:  "have said", content: "It also does not answer whether the man had a gun", speaker: "police"},
		{name: "negated progressive cue",
			text: "The attorney general isn't saying if the foundation broke any laws.",
			cue:  "saying", content: "if the foundation broke any laws"},
		{name: "organisation with an apposition",
			text: "The Federal Trade Commission, the agency that oversees the program, said it would act.",
			cue:  "said", content: "it would act", speaker: "The Federal Trade Commission"},
		{name: "object before a negated infinitive",
			text: "He told his aides never to speak of the emails.",
			cue:  "told", content: "his aides never to speak of the emails", speaker: "He"},
		{name: "weekday possessive is no time adjunct",
			text: "The mayor praised Thursday’s protests for being largely peaceful.",
			cue:  "praised", content: "Thursday’s protests for being largely peaceful", speaker: "The mayor"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Text(c.text, Options{})
			var got []string
			for _, q := range res.Quotes {
				if q.Cue != c.cue {
					continue
				}
				if c.absentContent {
					t.Fatalf("unexpected attribution %q", q.Text)
				}
				got = append(got, q.Text)
				if q.Text != c.content {
					continue
				}
				if c.noSpeaker && q.Speaker != nil {
					t.Fatalf("sourceless %q got speaker %+v", q.Text, q.Speaker)
				}
				if c.speaker != "" && (q.Speaker == nil || q.Speaker.Mention == nil || q.Speaker.Mention.Text != c.speaker) {
					t.Fatalf("speaker of %q: got %+v, want %q", q.Text, q.Speaker, c.speaker)
				}
				return
			}
			if !c.absentContent {
				t.Fatalf("cue %q: got contents %q, want %q", c.cue, got, c.content)
			}
		})
	}
}
