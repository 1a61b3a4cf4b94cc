// Article pages carry one <script type="application/ld+json"> (emit/json-ld.ts), data and not
// code. Tests that a page runs no script look at the page without it; since its JSON holds no
// `<` at all (every one is \u003c), `[^<]*` cannot swallow markup that broke out of it.
const JSON_LD = /<script type="application\/ld\+json">[^<]*<\/script>/g;

/** The text with Syndic's JSON-LD elements taken out. */
export function withoutJsonLd(text: string): string {
  return text.replace(JSON_LD, '');
}

/** The JSON-LD elements' data, parsed. */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(JSON_LD)].map((match) => JSON.parse(match[0].slice(match[0].indexOf('>') + 1, -'</script>'.length)) as unknown);
}
