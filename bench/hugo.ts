// A minimal Hugo site over the same corpus: every page, plus home RSS, Atom and JSON Feed
// carrying the same number of items with full .Content, so the comparison is like for like.
// With `groups`, also each tag and author term: a listing page and the same three feeds of
// its newest `limit`, as Syndic writes under tags/ and authors/.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const CONFIG = (baseUrl: string, limit: number, groups: boolean) => `baseURL = "${baseUrl}"
title = "Syndic Bench"
# Hugo logs disabling "taxonomy" (the list of all terms) as an error; Syndic writes no such page.
ignoreErrors = ["error-disable-taxonomy"]
disableKinds = ${groups ? '["taxonomy", "section", "sitemap", "robotsTXT", "404"]' : '["taxonomy", "term", "section", "sitemap", "robotsTXT", "404"]'}
${groups ? '[taxonomies]\n  tag = "tags"\n  author = "author"\n' : ''}[params]
  limit = ${limit}
[mediaTypes."application/atom+xml"]
  suffixes = ["xml"]
[mediaTypes."application/feed+json"]
  suffixes = ["json"]
[outputFormats.Atom]
  mediaType = "application/atom+xml"
  baseName = "atom"
[outputFormats.JSONFeed]
  mediaType = "application/feed+json"
  baseName = "feed"
  isPlainText = true
[outputs]
  home = ["HTML", "RSS", "Atom", "JSONFeed"]
  term = ["HTML", "RSS", "Atom", "JSONFeed"]
`;

const PAGE = `<!doctype html><html lang="{{ .Params.lang | default "fr" }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</article></body></html>
`;

const HOME = (pages: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ol>
{{ range ${pages}.ByDate.Reverse }}<li><a href="{{ .Permalink }}">{{ .Title }}</a></li>
{{ end }}</ol></body></html>
`;

const RSS = (pages: string) => `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link><description>bench</description>
{{ range first .Site.Params.limit ${pages}.ByDate.Reverse }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><content:encoded>{{ printf "<![CDATA[%s]]>" .Content | safeHTML }}</content:encoded></item>
{{ end }}</channel></rss>
`;

const ATOM = (pages: string) => `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<feed xmlns="http://www.w3.org/2005/Atom"><id>{{ .Permalink }}</id><title>{{ .Site.Title }}</title><updated>{{ now.Format "2006-01-02T15:04:05Z07:00" }}</updated>
{{ range first .Site.Params.limit ${pages}.ByDate.Reverse }}<entry><id>{{ .Permalink }}</id><title>{{ .Title }}</title><updated>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</updated><link href="{{ .Permalink }}"/><content type="html">{{ .Content | html }}</content></entry>
{{ end }}</feed>
`;

const JSON_FEED = (pages: string) => `{"version":"https://jsonfeed.org/version/1.1","title":{{ .Site.Title | jsonify }},"items":[
{{ range $i, $p := first .Site.Params.limit ${pages}.ByDate.Reverse }}{{ if $i }},{{ end }}{"id":{{ $p.Permalink | jsonify }},"title":{{ $p.Title | jsonify }},"content_html":{{ $p.Content | jsonify }},"date_published":{{ $p.Date.Format "2006-01-02T15:04:05Z07:00" | jsonify }}}
{{ end }}]}
`;

/** Writes a Hugo site in `dir` whose content folder is the corpus's articles folder. */
export async function writeHugoSite(dir: string, articlesDir: string, baseUrl: string, limit: number, groups = false): Promise<void> {
  await mkdir(path.join(dir, 'layouts/_default'), { recursive: true });
  await writeFile(path.join(dir, 'hugo.toml'), CONFIG(baseUrl, limit, groups));
  await writeFile(path.join(dir, 'layouts/_default/single.html'), PAGE);
  for (const [kind, pages] of [['index', '.Site.RegularPages'], ['_default/term', '.Pages']] as const) {
    await writeFile(path.join(dir, `layouts/${kind}.html`), HOME(pages));
    await writeFile(path.join(dir, `layouts/${kind}.rss.xml`), RSS(pages));
    await writeFile(path.join(dir, `layouts/${kind}.atom.xml`), ATOM(pages));
    await writeFile(path.join(dir, `layouts/${kind}.jsonfeed.json`), JSON_FEED(pages));
  }
  await symlink(articlesDir, path.join(dir, 'content'));
}
