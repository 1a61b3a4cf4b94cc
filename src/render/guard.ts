// Bounds on what reaches `marked`. Its block parser recurses once per level of blockquote and
// list (2 KB of ">" overflowed the stack), nested lists cost about depth³, and its emphasis
// scan is quadratic in the delimiters of one paragraph (200 KB of "_a" took 87 s). The scan
// below runs at parse time, so `check` and `--keep-going` see a too-complex article as that
// article's problem; the tokenizer guard in render-depth.ts makes the same bound exact while
// rendering. This module does not load marked, so `check` never does.

export const MARKDOWN_LIMITS = {
  /**
   * Levels of blockquote and list, together. Measured with marked 18 on this 2-core machine:
   * a list nested 100 levels took 88 ms, 200 levels 460 ms, 800 levels 8 s (cubic), and 2,000
   * ">" overflowed the stack; at 32 levels it renders in about 3 ms. Real articles nest 3 or 4.
   */
  depth: 32,
  /**
   * Emphasis delimiters (`*`, `_`, `~`) in one paragraph. The cost is quadratic in them, per
   * paragraph: one of 10,000 "_a" took 0.97 s, 20,000 took 3.6 s, 1,000 about 14 ms, and a
   * 1 MiB article made only of 1,000-delimiter paragraphs 7 s. So both the paragraph and the
   * sum of squares over the article are bounded: 2,000 in one paragraph (~50 ms), and 4·10⁷
   * summed (ten such paragraphs, ~0.5 s). A real paragraph holds a few dozen.
   */
  delimiters: 2_000,
  delimiterWork: 40_000_000,
  /**
   * Table cells in one article. GFM pads every row to the header's columns, so a header of
   * 1,000 columns over 2,000 one-letter rows (8 KB) rendered to 20 MB of HTML in 1.3 s. 100,000
   * cells is about 2 MB of HTML; an election-results table has a few hundred.
   */
  tableCells: 100_000,
} as const;

export interface TooComplex {
  /** 1-based line in the Markdown (which keeps the file's line numbers). */
  line: number;
  reason: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const NON_BLANK = /\S/;

/**
 * The first place where `markdown` goes past MARKDOWN_LIMITS, or undefined. It over-estimates
 * nesting rather than under-estimates it: every ">" and list marker at the start of a line
 * counts, and so does each deeper indentation of a list item.
 */
export function markdownComplexity(markdown: string): TooComplex | undefined {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let indents: number[] = [];
  let delimiters = 0;
  let work = 0;
  let table = false;
  let columns = 0;
  let cells = 0;
  let paragraphStart = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const opening = line.includes('``') || line.includes('~~') ? FENCE.exec(line)?.[1] : undefined;
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      continue;
    }
    if (opening !== undefined) {
      fence = opening;
      work += delimiters * delimiters;
      delimiters = 0;
      continue;
    }
    if (!NON_BLANK.test(line)) {
      table = false;
      work += delimiters * delimiters;
      delimiters = 0;
      continue;
    }
    const { quotes, markers, indent, rest } = containers(line);
    // An indented code block: no inline parsing, no nesting.
    if (markers === 0 && quotes === 0 && indent >= 4 && indents.length === 0) continue;
    if (markers === 0 && quotes === 0 && indent === 0) indents = [];
    if (markers > 0) {
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
    }
    const depth = quotes + indents.length + Math.max(markers - 1, 0);
    if (depth > MARKDOWN_LIMITS.depth) {
      return { line: index + 1, reason: `nests blockquotes and lists more than ${MARKDOWN_LIMITS.depth} levels deep` };
    }
    // marked scans each list item and table cell on its own: a long table of bold cells is cheap.
    // A table is a line with "|" followed by a delimiter row such as |---|:--:|.
    if (!table && /^[\s|:-]+$/.test(line) && line.includes('|') && line.includes('-') && (lines[index - 1] ?? '').includes('|')) {
      table = true;
      columns = line.split('|').filter((cell) => cell.trim() !== '').length;
    } else if (table) {
      cells += columns;
      if (cells > MARKDOWN_LIMITS.tableCells) return { line: index + 1, reason: `has tables of more than ${MARKDOWN_LIMITS.tableCells.toLocaleString('en-US')} cells in all` };
    }
    if (markers > 0 || table) {
      work += delimiters * delimiters;
      delimiters = 0;
    }
    if (delimiters === 0) paragraphStart = index;
    delimiters += countDelimiters(line, rest);
    if (delimiters > MARKDOWN_LIMITS.delimiters) {
      return { line: paragraphStart + 1, reason: `has more than ${MARKDOWN_LIMITS.delimiters.toLocaleString('en-US')} emphasis marks (*, _ or ~) in one paragraph` };
    }
    if (work + delimiters * delimiters > MARKDOWN_LIMITS.delimiterWork) {
      return { line: paragraphStart + 1, reason: 'has too many paragraphs dense with emphasis marks (*, _ or ~); rendering them would take too long' };
    }
  }
  return undefined;
}

/**
 * Whether `markdown` could render to more than `limit` bytes of HTML. Apart from reference links
 * and tables (bounded above), Markdown measured at most ~6 bytes of HTML per character (autolinks,
 * code spans of "<"); a reference definition is copied into every use of it, so 14 KB of "[x]"
 * under a 2 KB URL made 6 MB. Only such articles are rendered ahead of time (parse-job.ts).
 */
export function mayRenderLarge(markdown: string, limit: number): boolean {
  if (markdown.length * 6 > limit) return true;
  let longest = 0;
  for (const definition of markdown.matchAll(/^ {0,3}\[[^\]\n]+\]:[^\n]*/gm)) longest = Math.max(longest, definition[0].length);
  if (longest === 0) return false;
  let uses = 0;
  for (let at = markdown.indexOf('['); at >= 0; at = markdown.indexOf('[', at + 1)) uses++;
  return longest * uses > limit;
}

/** The ">" and list markers a line opens with, the indentation of its first list marker, and where its text starts. */
function containers(line: string): { quotes: number; markers: number; indent: number; rest: number } {
  let quotes = 0;
  let markers = 0;
  let indent = 0;
  let at = 0;
  for (;;) {
    let spaces = 0;
    while (line[at] === ' ' || line[at] === '\t') spaces += line[at++] === '\t' ? 4 : 1;
    if (line[at] === '>') {
      quotes++;
      at++;
      continue;
    }
    const end = markerEnd(line, at);
    if (end < 0) return { quotes, markers, indent: markers > 0 ? indent : spaces, rest: at };
    if (markers === 0) indent = spaces;
    markers++;
    at = end;
  }
}

/** Where a list marker (`-`, `*`, `+`, `1.`, `1)`) starting at `at` ends, or -1 if there is none. */
function markerEnd(line: string, at: number): number {
  let end = at;
  const first = line[at];
  if (first === '-' || first === '*' || first === '+') end++;
  else {
    while (end - at < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
    if (end === at || (line[end] !== '.' && line[end] !== ')')) return -1;
    end++;
  }
  const next = line[end];
  return next === undefined || next === ' ' || next === '\t' ? end : -1;
}

function countDelimiters(text: string, from: number): number {
  let count = 0;
  for (let k = from; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 42 || code === 95 || code === 126) count++;
  }
  return count;
}
