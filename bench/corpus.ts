// A deterministic corpus of realistic news articles for benchmarks and crash tests.
// Article i depends only on (seed, i), so the first 1,000 of 10,000 are the 1,000-article corpus.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FRENCH = [
  'La Commission européenne a présenté mardi un nouveau paquet de mesures',
  'Selon les estimations des services de renseignement, les effectifs pourraient doubler',
  'Les négociations reprendront à Bruxelles la semaine prochaine, a déclaré le porte-parole',
  'Cette décision intervient au moment où les marchés s’inquiètent de la hausse des taux',
  'Le gouvernement a mis en garde contre « une escalade dangereuse » dans la région',
  'Les syndicats appellent à une grève nationale pour protester contre la réforme',
  'Il est possible que les agriculteurs ne reçoivent qu’une petite partie des aides',
  'Les élections régionales ont été marquées par une participation record',
];
const ENGLISH = [
  'The central bank held interest rates steady on Thursday, citing persistent inflation',
  'Officials said the agreement would be signed before the end of the year',
  'Analysts expect the merger to face scrutiny from competition regulators',
  'The storm left thousands of homes without power across the coastal region',
  'Negotiators described the talks as difficult but constructive',
  'The report found that emissions fell for the third consecutive year',
  'Shares rose sharply after the company raised its annual forecast',
  'Lawmakers are expected to vote on the proposal early next month',
];
const TAGS = ['Europe', 'Économie', 'Politique étrangère', 'Ukraine', 'Russie', 'Climat', 'Technologie', 'Santé', 'Énergie', 'Défense', 'Markets', 'Elections'];
const AUTHORS = ['Peter van Halteren', 'Marie Dubois', 'Jan Janssens', 'Sofia Rossi', 'Tom Evans'];
const MORE_TAGS = ['Belgique', 'France', 'Allemagne', 'Pays-Bas', 'Italie', 'Espagne', 'Chine', 'États-Unis', 'Afrique', 'Moyen-Orient', 'Migration', 'Justice', 'Éducation', 'Culture', 'Sport', 'Football', 'Agriculture', 'Transport', 'Logement', 'Emploi', 'Banques', 'Inflation', 'Intelligence artificielle', 'Cybersécurité'];
const FIRST = ['Anne', 'Bruno', 'Claire', 'David', 'Emma', 'François', 'Greta', 'Hugo', 'Inès', 'Jonas', 'Katrien', 'Lucas', 'Mila', 'Noah', 'Olivia', 'Pieter'];
const LAST = ['Martin', 'Peeters', 'Bernard', 'Maes', 'Lefebvre', 'Claes', 'Moreau', 'Willems', 'Laurent', 'De Smet', 'Fontaine', 'Wouters'];

/** Which tags and authors articles draw from, and how long their bodies are. */
export interface CorpusShape {
  tags: readonly string[];
  authors: readonly string[];
  /** Body length in characters: at least `bytes[0]`, up to `bytes[0] + bytes[1]`. */
  bytes: readonly [number, number];
  /** Newsroom groups are uneven: a few tags and authors carry most articles. */
  skewed: boolean;
}

/** The small shape the tests use: 12 tags, 5 authors, 3–5 KB bodies. */
export const SMALL: CorpusShape = { tags: TAGS, authors: AUTHORS, bytes: [3_000, 2_000], skewed: false };

/** A newsroom (issue 14): 36 tags, 192 authors, about 4.75 KB per article with frontmatter. */
export const NEWSROOM: CorpusShape = {
  tags: [...TAGS, ...MORE_TAGS],
  authors: FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`)),
  bytes: [3_200, 2_200],
  skewed: true,
};

/** mulberry32: tiny, fast, and the same sequence on every platform. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusArticle {
  name: string;
  text: string;
}

/** Article `index` of the corpus: 3–5 KB of Markdown with frontmatter. */
export function corpusArticle(index: number, seed = 1, shape: CorpusShape = SMALL): CorpusArticle {
  const next = random(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  // next()^1.5 favours the head of the list: the first of 36 tags is in about a quarter of articles.
  const pickGroup = <T>(list: readonly T[]): T => (shape.skewed ? (list[Math.floor(next() ** 1.5 * list.length)] as T) : pick(list));
  const day = new Date(Date.UTC(2024, 10, 20) - index * 3_600_000 * 7);
  const date = day.toISOString().slice(0, 10);
  const french = next() < 0.6;
  const sentences = french ? FRENCH : ENGLISH;
  const sentence = (): string => `${pick(sentences)}.`;
  const paragraphs: string[] = [];
  const target = shape.bytes[0] + Math.floor(next() * shape.bytes[1]);
  let size = 0;
  while (size < target) {
    const kind = next();
    let block: string;
    if (kind < 0.15) block = Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n');
    else if (kind < 0.3) block = `**${pick(TAGS)}** : ${sentence()} ${sentence()} [Lire aussi](/articles/article-${index + 1}.html).`;
    else block = `${sentence()} ${sentence()} ${sentence()} Voir [la source](https://source.example/${index}/${paragraphs.length}).`;
    paragraphs.push(block);
    size += block.length + 2;
  }
  const tags = [...new Set([pickGroup(shape.tags), pickGroup(shape.tags), pickGroup(shape.tags)])];
  const title = `${french ? 'Article' : 'Story'} ${index}: ${pick(sentences).split(' ').slice(0, 8).join(' ')}`;
  const frontmatter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${day.toISOString().slice(0, 19)}Z`,
    `author: ${JSON.stringify(pickGroup(shape.authors))}`,
    `lang: ${french ? 'fr' : 'en'}`,
    `summary: ${JSON.stringify(sentence())}`,
    `tags: ${JSON.stringify(tags)}`,
    '---',
  ].join('\n');
  return { name: `${date}-article-${index}.md`, text: `${frontmatter}\n\n${paragraphs.join('\n\n')}\n` };
}

export const CORPUS_SETTINGS = `title: Syndic Bench
description: A generated newsroom archive
url: https://bench.syndic.example/
language: fr
timezone: Europe/Brussels
author: Rédaction
`;

/** Writes syndic.yaml and `count` articles under `root`. */
export async function writeCorpus(root: string, count: number, options: { feedLimit?: number; seed?: number; settings?: string; shape?: CorpusShape } = {}): Promise<void> {
  await mkdir(path.join(root, 'articles'), { recursive: true });
  await writeFile(path.join(root, 'syndic.yaml'), `${CORPUS_SETTINGS}feedLimit: ${options.feedLimit ?? 50}\n${options.settings ?? ''}`);
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, (_, offset) => {
        const article = corpusArticle(start + offset, options.seed, options.shape);
        return writeFile(path.join(root, 'articles', article.name), article.text);
      }),
    );
  }
}
