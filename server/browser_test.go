package server

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the browser test's screenshots to testdata/screenshots")

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// TestBrowser drives headless Chromium through the reader as a person
// would: search, open an article, see a quote highlighted with its
// speaker, follow the speaker to their page and its timeline, and try the
// extractor. It fails (does not skip) when Chromium is missing.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("the browser test needs Chromium at %s (%v): install it with `apt-get install -y chromium chromium-driver`", chromiumPath, err)
	}
	e := newEnv(t, Config{})
	shots := t.TempDir()
	if *updateScreenshots {
		shots = filepath.Join("testdata", "screenshots")
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	// Chromium now and then dies at start-up on a loaded machine (seen
	// while the rest of the suite runs beside it): start it again, with a
	// fresh profile, before judging the pages.
	var ctx context.Context
	for attempt := 1; ; attempt++ {
		aopts := append(opts[:len(opts):len(opts)], chromedp.UserDataDir(t.TempDir()))
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), aopts...)
		c, cancelCtx := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
		err := chromedp.Do(c)
		if err == nil {
			defer cancelAlloc()
			defer cancelCtx()
			ctx = c
			break
		}
		cancelCtx()
		cancelAlloc()
		if attempt == 3 {
			t.Fatalf("chromium did not start in %d attempts: %v", attempt, err)
		}
		t.Logf("chromium did not start (attempt %d): %v", attempt, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name), png, 0o644)
		})
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// audit lists what a screen-reader or keyboard user would miss on the
	// current page: its language, one h1, no skipped heading level, labels
	// of fields, alternative text of images, names of links and buttons, a
	// main landmark, a text alternative for the chart.
	audit := func(step string) {
		t.Helper()
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const p = [];
			if (!document.documentElement.lang) p.push('html has no lang');
			if (!document.title) p.push('no title');
			if (document.querySelectorAll('h1').length !== 1) p.push(document.querySelectorAll('h1').length + ' h1 elements');
			if (!document.querySelector('main')) p.push('no main landmark');
			let level = 0;
			for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
				const l = +h.tagName[1];
				if (l > level + 1) p.push('heading level skipped before ' + h.tagName + ' ' + h.innerText);
				level = l;
			}
			for (const el of document.querySelectorAll('input:not([type=hidden]), textarea, select')) {
				if (!(el.labels && el.labels.length) && !el.getAttribute('aria-label')) p.push('field without label: ' + (el.name || el.id));
			}
			for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) p.push('img without alt: ' + img.src);
			for (const a of document.querySelectorAll('a, button')) {
				if (!(a.innerText || '').trim() && !a.getAttribute('aria-label')) p.push('unnamed ' + a.tagName + ' ' + (a.href || ''));
			}
			const svg = document.querySelector('svg');
			if (svg && !(svg.getAttribute('role') === 'img' && (svg.getAttribute('aria-labelledby') || svg.getAttribute('aria-label')))) p.push('chart without a text alternative');
			return p;
		})()`))
		if err != nil {
			t.Fatalf("%s: audit: %v", step, err)
		}
		for _, p := range problems {
			t.Errorf("%s page: %s", step, p)
		}
	}
	text := func(step string, sel chromedp.CSS) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("%s: text of %s: %v", step, sel, err)
		}
		return s
	}

	// Search. The query's value attribute is only in the results page, so
	// waiting for it waits for the answer to the form.
	do("search",
		chromedp.Navigate(e.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "harbour"),
		chromedp.Click(chromedp.CSS(`form.filters button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#q[value="harbour"]`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.hits`)),
		shot("search.png"),
	)
	audit("search")
	if hits := text("search", `ol.hits`); !strings.Contains(hits, "Mayor vows to rebuild harbour after storm") || strings.Contains(hits, "Council approves") {
		t.Errorf("search results show %q", hits)
	}

	// The article: headline, figure caption, a quote marked with its speaker.
	do("article",
		chromedp.Click(chromedp.Search(`//ol[@class="hits"]//a[contains(., "Mayor vows")]`)),
		chromedp.WaitVisible(chromedp.CSS(`article.story`)),
		shot("article.png"),
	)
	audit("article")
	if h := text("article", `article.story h1`); !strings.Contains(h, "Mayor vows to rebuild harbour after storm") {
		t.Errorf("article headline %q", h)
	}
	if c := text("article", `article.story figcaption`); !strings.Contains(c, "Boats lie stranded on the quay after the storm.") || !strings.Contains(c, "Photo: J. Silva") {
		t.Errorf("figure caption %q", c)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const i = document.querySelector('article.story figure img'); return !!i && i.complete && i.naturalWidth > 0; })()`))
	if err != nil || !loaded {
		t.Errorf("the figure's image is not shown (err %v)", err)
	}
	type marked struct {
		Text       string `json:"text"`
		Background string `json:"background"`
		Who        string `json:"who"`
		Visible    bool   `json:"visible"`
	}
	quote, err := chromedp.Run(ctx, chromedp.Evaluate[marked](`(() => {
		const m = [...document.querySelectorAll('article.story mark.q')].find(m => m.innerText.includes('rebuild every pier'));
		if (!m) return {text: '', background: '', who: '', visible: false};
		const r = m.getBoundingClientRect();
		return {text: m.innerText, background: getComputedStyle(m).backgroundColor,
			who: m.nextElementSibling ? m.nextElementSibling.innerText : '', visible: r.width > 0 && r.height > 0};
	})()`))
	if err != nil {
		t.Fatalf("article: %v", err)
	}
	if !quote.Visible || !strings.Contains(quote.Text, "We will rebuild every pier") {
		t.Errorf("the quote is not visible and marked: %+v", quote)
	}
	if quote.Background == "" || quote.Background == "rgba(0, 0, 0, 0)" || quote.Background == "transparent" {
		t.Errorf("the quote is not highlighted: background %q (stylesheet not applied?)", quote.Background)
	}
	if !strings.Contains(quote.Who, "Maria Lopez") {
		t.Errorf("the quote is followed by %q, not its speaker", quote.Who)
	}

	// The speaker page, reached from the name after the quote.
	do("speaker",
		chromedp.Click(chromedp.Search(`//article//mark[contains(., "rebuild every pier")]/following-sibling::span[1]/a[contains(., "Maria Lopez")]`)),
		chromedp.WaitVisible(chromedp.CSS(`.chart svg`)),
		shot("speaker.png"),
	)
	audit("speaker")
	if name := text("speaker", `main h1`); name != "Maria Lopez" {
		t.Errorf("speaker page heading %q", name)
	}
	said := text("speaker", `ol.said`)
	for _, want := range []string{"We will rebuild every pier", "The first pier is finished", "First pier reopens in Porto Claro"} {
		if !strings.Contains(said, want) {
			t.Errorf("speaker page lacks %q: %q", want, said)
		}
	}
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.chart rect.bar')].filter(r => r.getBBox().height > 0).length`))
	if err != nil {
		t.Fatalf("speaker: %v", err)
	}
	if bars != 2 {
		t.Errorf("the timeline shows %d non-empty bars, want 2 (2 and 10 March)", bars)
	}

	// The extractor page: paste a page, see the article beside its quotes.
	do("extract",
		chromedp.Navigate(e.ts.URL+"/extract"),
		chromedp.WaitVisible(chromedp.CSS(`#html`)),
		chromedp.SetValue(chromedp.CSS(`#html`), newsPage),
		chromedp.Click(chromedp.CSS(`form.extract button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.quotes`)),
		shot("extract.png"),
	)
	audit("extract")
	table := text("extract", `table.quotes`)
	for _, want := range []string{"Helen Park", "Nobody will cross this bridge until it is safe", "Omar Haddad"} {
		if !strings.Contains(table, want) {
			t.Errorf("quotes table lacks %q: %q", want, table)
		}
	}
	for _, n := range []string{"search.png", "article.png", "speaker.png", "extract.png"} {
		if st, err := os.Stat(filepath.Join(shots, n)); err != nil || st.Size() < 1000 {
			t.Errorf("screenshot %s: %v", n, err)
		}
	}
	t.Logf("screenshots in %s", shots)
}
