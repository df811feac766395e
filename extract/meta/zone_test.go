package meta

import "testing"

// TestDatelineZone checks that a visible time without a zone keeps the
// page's zone: from a machine-readable attribute of the dateline itself,
// or from another date of the page that states its offset.
func TestDatelineZone(t *testing.T) {
	cases := []struct{ name, page, want string }{
		{"title attribute", `<body><li class="date-and-time" title="2015-03-13T21:00:00+11:00">March 13, 2015 9:00PM</li></body>`,
			"2015-03-13T21:00:00+11:00"},
		{"datetime attribute on a span", `<body><span class="published" datetime="2020-05-02T08:30:00-04:00">May 2, 2020 8:30 AM</span></body>`,
			"2020-05-02T08:30:00-04:00"},
		{"zone from modified meta", `<head><meta property="article:modified_time" content="2019-07-01T12:00:00+02:00"></head>
<body><div class="dateline">July 1, 2019 10:15</div></body>`, "2019-07-01T10:15:00+02:00"},
		{"no zone anywhere stays UTC", `<body><div class="dateline">July 1, 2019 10:15</div></body>`,
			"2019-07-01T10:15:00Z"},
		{"stated zone is not moved", `<head><meta property="article:modified_time" content="2019-07-01T12:00:00+02:00"></head>
<body><div class="dateline">July 1, 2019 10:15 EDT</div></body>`, "2019-07-01T10:15:00-04:00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := run(t, c.page, "")
			if got := stamp(a.Published); got != c.want {
				t.Errorf("published %s, want %s", got, c.want)
			}
		})
	}
}
