//go:build nonewsclip

package peers

import "github.com/newsclip/newsclip/bench/internal/harness"

// newsclipTool leaves newsclip out of builds tagged nonewsclip.
func newsclipTool() (harness.Tool, bool) { return harness.Tool{}, false }
