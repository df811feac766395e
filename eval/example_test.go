package eval_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/eval"
)

func ExampleTokens() {
	fmt.Printf("%q\n", eval.Tokens("Putin said: «Да, конечно». 東京都は、新しい計画"))
	// Output: ["Putin" "said" "Да" "конечно" "東京都は" "新しい計画"]
}

func ExampleScoreText() {
	// The prediction adds two words: 3 of its 5 shingles are right.
	c, exact := eval.ScoreText("a b c d e f", "a b c d e f g h", eval.ShingleSize)
	fmt.Printf("P %.2f R %.2f F1 %.2f exact %v\n", c.Precision(), c.Recall(), c.F1(), exact)
	// Output: P 0.60 R 1.00 F1 0.75 exact false
}

func ExampleScoreBodies() {
	set := &eval.GoldSet{Layout: eval.ScrapingHub, Pages: []eval.Page{
		{ID: "one", Body: "The mayor opened the new bridge on Monday."},
		{ID: "two", Body: "Rain is expected all week, forecasters said."},
	}}
	// Page two: 7 true tokens (4 shingles); 3 more words make 3 wrong
	// shingles, so P = 4/7. Corpus P = (1 + 4/7) / 2.
	predicted := map[string]string{
		"one": "The mayor opened the new bridge on Monday.",
		"two": "Rain is expected all week, forecasters said. Share this story",
	}
	r := eval.ScoreBodies(set, predicted, eval.Options{Resamples: -1})
	fmt.Printf("P %.3f R %.3f F1 %.3f accuracy %.3f\n", r.Precision, r.Recall, r.F1, r.Accuracy)
	// Output: P 0.786 R 1.000 F1 0.880 accuracy 0.500
}

func ExampleRun() {
	set, err := eval.Load("testdata/mini-sh")
	if err != nil {
		fmt.Println(err)
		return
	}
	// A stand-in extractor: the page file is the body text.
	extract := func(ctx context.Context, page []byte, url string) (*article.Article, error) {
		if strings.TrimSpace(string(page)) == "ERROR" {
			return nil, fmt.Errorf("cannot extract %s", url)
		}
		return &article.Article{Body: []article.Block{{Type: article.Paragraph, Text: string(page)}}}, nil
	}
	r, err := eval.Run(context.Background(), set, extract, eval.Options{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d pages, %d failed, %d missing, %d malformed, %d unlabeled\n", r.Pages, r.Failed, r.Missing, r.Malformed, r.Unlabeled)
	fmt.Printf("P %.3f R %.3f F1 %.3f accuracy %.3f\n", r.Precision, r.Recall, r.F1, r.Accuracy)
	// Output:
	// 5 pages, 1 failed, 1 missing, 1 malformed, 1 unlabeled
	// P 0.533 R 0.400 F1 0.457 accuracy 0.200
}
