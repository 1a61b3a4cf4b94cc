// podcast:value: payments split between recipients, written in the channel and an episode, and
// every split checked (value/value.md of the namespace).
import { describe, expect, it } from 'vitest';
import { rssDocument } from '../../src/emit/rss.js';
import type { PodcastChannel } from '../../src/model.js';
import { parseArticle, parseSettings } from '../../src/parse.js';
import { entry, feedSpec, SETTINGS_YAML, site, source } from '../support/factories.js';
import { validateRss } from '../support/validators.js';

const PODCAST: PodcastChannel = {
  owner: { name: 'Ann', email: 'podcast@news.test.example' },
  image: { url: 'https://news.test.example/media/cover.png', type: 'image/png', width: 1400, height: 1400 },
  categories: [['News', []]],
  explicit: false,
  type: 'episodic',
  locked: false,
};
const NODE = '02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52';
const APP = '03ae9f91a0cb8ff43840e3c322c4c61f019d8c1c3cea15a25cfc425ac605e61a4a';

function settingsWith(value: string) {
  return parseSettings(source('syndic.yaml', `${SETTINGS_YAML}podcast:\n  owner: {name: Ann, email: podcast@news.test.example}\n  image: https://news.test.example/cover.png\n  categories: [News]\n  explicit: false\n  value:\n${value}`));
}

describe('podcast:value', () => {
  it('is written in the channel with a recipient per line, the fee marked, lightning and keysend by default', async () => {
    const parsed = settingsWith(`    suggested: "0.00000005000"\n    recipients:\n      - {name: "Rédaction & co", type: node, address: "${NODE}", split: 95}\n      - {name: App, type: node, address: "${APP}", split: 5, fee: true}\n`);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.format()).join('\n'));
    const podcasting = parsed.value.podcast?.podcasting;
    const rss = rssDocument(feedSpec([entry()], { podcast: { ...PODCAST, ...(podcasting === undefined ? {} : { podcasting }) } }));
    expect(rss).toContain(
      `<podcast:value type="lightning" method="keysend" suggested="0.00000005000">\n            <podcast:valueRecipient name="Rédaction &amp; co" type="node" address="${NODE}" split="95"/>\n            <podcast:valueRecipient name="App" type="node" address="${APP}" split="5" fee="true"/>\n        </podcast:value>`,
    );
    expect(await validateRss(rss)).toEqual([]);
  });

  it('is written in an episode, a guest’s share with its custom record', () => {
    const parsed = parseArticle(source('articles/ep.md', `---\ntitle: Ep\ndate: 2024-11-08\nvalue:\n  recipients:\n    - {type: node, address: "${NODE}", split: 80}\n    - {name: Anna, type: lnaddress, address: "anna@getalby.com", split: 20, customKey: "696969", customValue: "x1"}\n---\n\nBody\n`), site());
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.format()).join('\n'));
    const { episode } = parsed.value;
    const rss = rssDocument(feedSpec([entry({ ...(episode === undefined ? {} : { episode }) })], { podcast: PODCAST }));
    expect(rss).toContain(`<podcast:valueRecipient name="Anna" type="lnaddress" address="anna@getalby.com" split="20" customKey="696969" customValue="x1"/>`);
  });

  it.each([
    [`    recipients: []\n`, 'podcast.value.recipients', 'must name at least one recipient'],
    [`    recipients: [{type: node, address: "${NODE}", split: 0}]\n`, 'podcast.value.recipients.0.split', 'must be at least 1 share'],
    [`    recipients: [{type: node, address: "${NODE}", split: 12.5}]\n`, 'podcast.value.recipients.0.split', 'must be a whole number of shares'],
    [`    recipients: [{type: node, address: "02abc", split: 1}]\n`, 'podcast.value.recipients.0.address', 'is not a Lightning node public key'],
    [`    recipients: [{type: lnaddress, address: "anna", split: 1}]\n`, 'podcast.value.recipients.0.address', 'is not a Lightning address'],
    [`    recipients: [{type: node, address: "${NODE}", split: 1}, {type: node, address: "${APP}", split: 101, fee: true}]\n`, 'podcast.value.recipients.1.split', 'a fee\'s split is a percentage'],
    [`    recipients: [{type: node, address: "${APP}", split: 5, fee: true}]\n`, 'podcast.value.recipients', 'has only fees'],
    [`    recipients: [{type: node, address: "${NODE}", split: 1}, {type: node, address: "${APP}", split: 60, fee: true}, {type: node, address: "${APP}", split: 40, fee: true}]\n`, 'podcast.value.recipients', 'takes 100 % in fees'],
    [`    recipients: [{type: node, address: "${NODE}", split: 1, customValue: x}]\n`, 'podcast.value.recipients.0.customValue', 'needs a customKey'],
    [`    method: carrier-pigeon\n    recipients: [{type: node, address: "${NODE}", split: 1}]\n`, 'podcast.value.method', ''],
  ])('refuses %s', (lines, field, message) => {
    const parsed = settingsWith(lines);
    expect(parsed.ok).toBe(false);
    const problem = parsed.ok ? undefined : parsed.problems[0];
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(message);
    expect(problem?.line).toBeGreaterThan(0);
  });
});
