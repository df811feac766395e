package attribute_test

import (
	"fmt"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/attribute"
)

func ExampleText() {
	text := "Talks will go on, Smith tells Doe\n\n" +
		"Foreign Minister Jane Smith met John Doe on Friday.\n\n" +
		"\"We are ready to talk,\" Smith said. \"But it takes two.\"\n\n" +
		"The foreign minister said on Friday that the talks would continue."
	res := attribute.Text(text, attribute.Options{Published: time.Date(2022, 1, 28, 0, 0, 0, 0, time.UTC)})
	for _, q := range res.Quotes {
		to := ""
		if q.Addressee != nil {
			to = " to " + q.Addressee.Name
		}
		when := ""
		if q.When != nil {
			when = " (" + q.When.Date + ")"
		}
		fmt.Printf("%s %s: %s%s%s [%s]\n", q.Speaker.Name, q.Cue, q.Text, to, when, q.Kind)
	}
	// Output:
	// Jane Smith tells: Talks will go on to John Doe [indirect]
	// Jane Smith said: "We are ready to talk," Smith said. "But it takes two." [direct]
	// Jane Smith said: that the talks would continue (2022-01-28) [indirect]
}

func ExampleArticle() {
	a := &article.Article{
		Headline: "Plan will fail: Smith",
		Body: []article.Block{
			{Type: article.Paragraph, Text: "Mayor Jane Smith spoke on Monday."},
			{Type: article.Paragraph, Text: "\"It will not work,\" she added."},
		},
	}
	attribute.Article(a, attribute.Options{})
	for _, q := range a.Quotes {
		fmt.Printf("%s | %s | %s | %s\n", q.Where, q.Speaker.Name, q.Speaker.Mention.Text, a.Text()[q.Start:q.End])
	}
	fmt.Println(a.Speakers[0].Name, a.Speakers[0].Role, a.Speakers[0].Quotes)
	// Output:
	// headline | Jane Smith | Smith | Plan will fail
	// body | Jane Smith | she | "It will not work,"
	// Jane Smith Mayor [0 1]
}
