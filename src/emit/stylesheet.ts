// The XSLT 1.0 stylesheet that RSS and Atom name in <?xml-stylesheet?>, so a browser that still
// runs XSLT shows a feed opened by mistake as a page: what a feed is, the address to copy into a
// reader, and the latest items. Feed readers ignore the processing instruction.
//
// It holds no author text: everything it shows is read from the feed when it is applied, by
// value-of, which escapes. RSS descriptions are HTML holding escaped plain text (escape.ts), so
// `unescape` decodes the three references escapeText writes instead of disable-output-escaping,
// which Firefox ignores and which would let markup through.
import type { Output, Site } from '../model.js';
import { STYLESHEET_PATH } from '../addresses/urls.js';

interface Words {
  what: string;
  how: string;
  address: string;
  visit: string;
  latest: string;
}

// Written once per site, in its language when the table has it; English otherwise.
const WORDS: Readonly<Record<string, Words>> = {
  en: {
    what: 'This is a web feed, also known as an RSS or Atom feed. Feed readers fetch it to show you new articles as they are published.',
    how: 'To subscribe, copy the address below and paste it into your feed reader app (newsboat, NetNewsWire, Feedly, Inoreader, Thunderbird…).',
    address: 'Feed address',
    visit: 'Visit the site',
    latest: 'Latest articles',
  },
  fr: {
    what: 'Ceci est un flux web, appelé aussi flux RSS ou Atom. Les lecteurs de flux le consultent pour vous montrer les nouveaux articles dès leur publication.',
    how: 'Pour vous abonner, copiez l’adresse ci-dessous et collez-la dans votre lecteur de flux (newsboat, NetNewsWire, Feedly, Inoreader, Thunderbird…).',
    address: 'Adresse du flux',
    visit: 'Aller sur le site',
    latest: 'Derniers articles',
  },
};

/** The words for a BCP 47 tag: its language if the table has it, else English. */
function wordsFor(language: string): Words {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(WORDS, primary) ? (WORDS[primary] as Words) : (WORDS.en as Words);
}

/** Escapes the table's words for the stylesheet's XML (they are ours, but may hold `&`). */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const STYLE = `body{font:17px/1.5 system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
.about{background:#fff6d6;border:1px solid #e6cf7a;border-radius:6px;padding:.75rem 1rem}
input{width:100%;font:inherit;padding:.35rem;box-sizing:border-box}
ol{padding:0;list-style:none}li{margin:1.25rem 0}time{color:#555;font-size:.9em}
h1{margin-bottom:.25rem}a{color:#0645ad}`;

/** The stylesheet's text for a site (its language picks the words). */
export function stylesheetText(site: Pick<Site, 'language'>): string {
  const words = wordsFor(site.language);
  return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="yes"/>
  <xsl:variable name="rss" select="/rss/channel"/>
  <xsl:variable name="atom" select="/atom:feed"/>
  <xsl:template match="/">
    <html lang="{$rss/language | $atom/@xml:lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$rss/title | $atom/atom:title"/></title>
        <style>${STYLE}</style>
      </head>
      <body>
        <div class="about">
          <p>${xml(words.what)}</p>
          <p>${xml(words.how)}</p>
          <label>${xml(words.address)}
            <input type="url" readonly="readonly" value="{$rss/*[local-name()='link' and @rel='self'][1]/@href | $atom/atom:link[@rel='self'][1]/@href}"/>
          </label>
        </div>
        <h1><xsl:value-of select="$rss/title | $atom/atom:title"/></h1>
        <p><xsl:value-of select="$rss/description | $atom/atom:subtitle"/></p>
        <p><a href="{$rss/link | $atom/atom:link[@rel='alternate'][1]/@href}">${xml(words.visit)}</a></p>
        <h2>${xml(words.latest)}</h2>
        <ol>
          <xsl:for-each select="$rss/item">
            <li>
              <a href="{link}"><xsl:value-of select="title"/></a><br/>
              <time><xsl:value-of select="substring(pubDate, 6, 11)"/></time>
              <p><xsl:call-template name="unescape"><xsl:with-param name="text" select="description"/></xsl:call-template></p>
            </li>
          </xsl:for-each>
          <xsl:for-each select="$atom/atom:entry">
            <li>
              <a href="{atom:link[not(@rel) or @rel='alternate'][1]/@href}"><xsl:value-of select="atom:title"/></a><br/>
              <time datetime="{atom:published | atom:updated[not(../atom:published)]}"><xsl:value-of select="substring(atom:published | atom:updated[not(../atom:published)], 1, 10)"/></time>
              <p><xsl:value-of select="atom:summary"/></p>
            </li>
          </xsl:for-each>
        </ol>
      </body>
    </html>
  </xsl:template>
  <!-- &amp; &lt; &gt; back to the characters, one reference at a time. -->
  <xsl:template name="unescape">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&amp;')">
        <xsl:value-of select="substring-before($text, '&amp;')"/>
        <xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
        <xsl:choose>
          <xsl:when test="starts-with($rest, 'amp;')">&amp;<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'lt;')">&lt;<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'gt;')">&gt;<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:otherwise>&amp;<xsl:call-template name="unescape"><xsl:with-param name="text" select="$rest"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
`;
}

/** dist/feed.xsl. A static/feed.xsl of the user's replaces it (static.ts). */
export function stylesheetDocument(site: Pick<Site, 'language'>): Output {
  return { path: STYLESHEET_PATH, contents: stylesheetText(site) };
}
