package lang_test

import (
	"fmt"

	"github.com/newsclip/newsclip/lang"
)

func ExampleDetect() {
	fmt.Println(lang.Detect("Der Minister sagte, dass die Gespräche nicht vorbei sind."))
	fmt.Println(lang.Detect("Министр заявил, что переговоры закончены."))
	// Output:
	// de
	// ru
}
