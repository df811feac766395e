package meta

type field int

const (
	fHeadline field = iota
	fDescription
	fSite
	fImage
	fLang
	fURL
	fPublished
	fModified
	fAuthor
	fSection
	fTags
)

type metaKey struct {
	field field
	rank  int
	src   string
}

// metaKeys maps a lower-cased <meta> name or property to the field it
// fills, its trust rank and the source name recorded for dates.
var metaKeys = map[string]metaKey{}

func init() {
	set := func(f field, rank int, src string, keys ...string) {
		for _, k := range keys {
			metaKeys[k] = metaKey{f, rank, src}
		}
	}
	og, tw := rankOpenGraph, rankOpenGraph-5
	set(fHeadline, og, srcOpenGraph, "og:title")
	set(fHeadline, tw, srcOpenGraph, "twitter:title")
	set(fHeadline, rankMeta, srcParsely, "parsely-title")
	set(fHeadline, rankMeta-2, srcMeta, "dc.title", "dcterms.title", "sailthru.title", "headline", "title", "citation_title")

	set(fDescription, og, srcOpenGraph, "og:description")
	set(fDescription, tw, srcOpenGraph, "twitter:description")
	set(fDescription, rankMeta, srcMeta, "description", "dc.description", "dcterms.description", "sailthru.description")

	set(fSite, og, srcOpenGraph, "og:site_name")
	set(fSite, rankMeta-5, srcMeta, "application-name", "al:android:app_name", "al:iphone:app_name", "apple-mobile-web-app-title", "publisher", "dc.publisher", "citation_publisher")

	set(fImage, og, srcOpenGraph, "og:image", "og:image:url", "og:image:secure_url")
	set(fImage, tw, srcOpenGraph, "twitter:image", "twitter:image:src")
	set(fImage, rankMeta, srcMeta, "parsely-image-url", "sailthru.image.full", "thumbnail", "thumbnailurl")

	set(fLang, rankOpenGraph, srcMeta, "language", "dc.language", "dcterms.language", "content-language")
	set(fLang, rankMeta, srcOpenGraph, "og:locale")

	set(fURL, og, srcOpenGraph, "og:url")
	set(fURL, tw, srcOpenGraph, "twitter:url")
	set(fURL, rankMeta, srcParsely, "parsely-link")

	set(fPublished, og, srcOpenGraph, "article:published_time", "article:published", "og:article:published_time", "og:published_time", "published_time", "article.published")
	set(fPublished, rankMeta, srcParsely, "parsely-pub-date")
	set(fPublished, rankMeta, srcMeta, "pubdate", "publishdate", "publish-date", "publish_date", "published-date",
		"date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.date", "dcterms.issued",
		"sailthru.date", "datepublished", "originalpublicationdate", "rnews:datepublished", "citation_publication_date",
		"citation_date", "cxenseparse:recs:publishtime", "og:pubdate", "ptime", "displaydate", "article_date_original",
		"release_date", "date_published", "dc.date.published", "pub_date", "creation_date")
	set(fModified, og, srcOpenGraph, "article:modified_time", "og:updated_time", "article:modified", "og:article:modified_time")
	set(fModified, rankMeta, srcMeta, "dcterms.modified", "dc.date.modified", "lastmod", "last-modified", "datemodified",
		"utime", "revised", "modified_time", "date_modified", "article.updated")

	set(fAuthor, og, srcOpenGraph, "article:author", "og:article:author")
	set(fAuthor, rankMeta, srcParsely, "parsely-author")
	set(fAuthor, rankMeta, srcMeta, "author", "sailthru.author", "dc.creator", "dcterms.creator", "byl",
		"citation_author", "cxenseparse:author", "article.author", "authors", "dc.contributor")

	set(fSection, og, srcOpenGraph, "article:section", "og:article:section")
	set(fSection, rankMeta, srcParsely, "parsely-section")
	set(fSection, rankMeta-2, srcMeta, "section", "article.section", "cxenseparse:recs:articlesection")

	set(fTags, og, srcOpenGraph, "article:tag", "og:article:tag")
	set(fTags, rankMeta, srcParsely, "parsely-tags")
	set(fTags, rankMeta-1, srcMeta, "news_keywords", "keywords", "sailthru.tags", "dc.subject", "dcterms.subject")
}
