// Feedly's webfeeds: elements (https://blog.feedly.com/10-ways-to-optimize-your-feed-for-feedly/):
// the icon and logo from the site's one `icon`/`logo` setting, then cover, accentColor and related
// from `webfeeds:` in syndic.yaml. Feedly documents them for RSS; Atom gets the same elements as
// foreign markup (RFC 4287 §6.4). The W3C validator reports UnknownNamespace for the prefix: the
// one warning accepted (README "Feedly and Flipboard").
import type { Extension } from 'feed';
import type { FeedSpec } from '../model.js';
import { escapeAttribute, xmlJsAttributes, xmlJsText, xmlText } from './escape.js';

export const WEBFEEDS = 'http://webfeeds.org/rss/1.0';

/** One element: its name without prefix, its text or its attributes. */
type Element = { name: string; text: string } | { name: string; attributes: Record<string, string> };

function elements(spec: FeedSpec): Element[] {
  const given = spec.webfeeds;
  const related = given?.related;
  return [
    ...(spec.icon === undefined ? [] : [{ name: 'icon', text: spec.icon }]),
    ...(spec.image === undefined ? [] : [{ name: 'logo', text: spec.image }]),
    ...(given?.cover === undefined ? [] : [{ name: 'cover', attributes: { image: given.cover } }]),
    ...(given?.accentColor === undefined ? [] : [{ name: 'accentColor', text: given.accentColor }]),
    ...(related === undefined ? [] : [{ name: 'related', attributes: { ...(related.layout === undefined ? {} : { layout: related.layout }), ...(related.target === undefined ? {} : { target: related.target }) } }]),
  ];
}

/** True when the feed writes any webfeeds: element (and so declares the prefix). */
export function usesWebfeeds(spec: FeedSpec): boolean {
  return elements(spec).length > 0;
}

/** The RSS channel extensions, in feed's extension form. */
export function rssWebfeeds(spec: FeedSpec): Extension[] {
  return elements(spec).map((element) => ({ name: `webfeeds:${element.name}`, objects: 'text' in element ? xmlJsText(element.text) : xmlJsAttributes(element.attributes) }));
}

/** The Atom feed-level elements, serialised (atom.ts places them after the head links). */
export function atomWebfeeds(spec: FeedSpec): string[] {
  return elements(spec).map((element) => {
    if ('text' in element) return `<webfeeds:${element.name}>${xmlText(element.text)}</webfeeds:${element.name}>`;
    const attributes = Object.entries(element.attributes).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
    return `<webfeeds:${element.name}${attributes}/>`;
  });
}
