package plaintext_test

import (
	"fmt"

	"github.com/newsclip/newsclip/plaintext"
)

func ExampleParse() {
	text := `World / Europe

Bridge reopens after flood repairs

Workers check the bridge over the Danube in Novi Sad on Monday. (Photo: Reuters)

The bridge over the Danube in Novi Sad reopened on Monday after three months of repairs.

What comes next

Engineers will inspect the bridge again in spring, the city said.

Follow us on Twitter
`
	a := plaintext.Parse(text)
	fmt.Println(a.Section, a.Headline, a.Language)
	for _, b := range a.Body {
		fmt.Println(b.Type)
	}
	// Output:
	// [World Europe] Bridge reopens after flood repairs en
	// figure
	// paragraph
	// heading
	// paragraph
}

func ExampleLines() {
	text := "News / Russia\n\nPutin tells Macron\n\nThe Kremlin said so on Friday.\n"
	for _, l := range plaintext.Lines(text) {
		fmt.Printf("%-9s %q\n", l.Role, text[l.Start:l.End])
	}
	// Output:
	// section   "News / Russia"
	// blank     ""
	// headline  "Putin tells Macron"
	// blank     ""
	// paragraph "The Kremlin said so on Friday."
}
