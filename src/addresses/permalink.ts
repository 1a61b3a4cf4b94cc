// Where an article's page lives: the site's `permalink` pattern filled in. Pure.
import { calendarDay } from '../input/dates.js';

/**
 * The default puts the day in the path, so two articles with one title on two days (a daily
 * brief, a press review) never claim one page. `articles/:slug.html` is Syndic 0.2.0's scheme.
 */
export const DEFAULT_PERMALINK = 'articles/:year/:month/:day/:slug.html';

/** The folder every page pattern starts in: Syndic owns it, so a page never lands on a file of the user's. */
export const PERMALINK_ROOT = 'articles/';

const TOKENS = new Set([':year', ':month', ':day', ':slug']);

/** Why `pattern` cannot be a permalink, or undefined when it can. */
export function permalinkProblem(pattern: string): string | undefined {
  if (!pattern.startsWith(PERMALINK_ROOT)) return `must start with ${PERMALINK_ROOT}, the folder Syndic owns`;
  if (!pattern.includes(':slug')) return 'must contain :slug, so two articles on one day get two pages';
  if (!pattern.endsWith('.html') && !pattern.endsWith('/')) return 'must end with .html, or with / for a folder holding index.html';
  const unknown = pattern.match(/:[a-z]+/gi)?.find((token) => !TOKENS.has(token));
  if (unknown) return `has the unknown token ${unknown}; the tokens are :year, :month, :day and :slug`;
  if (pattern.split('/').some((segment) => segment === '..' || segment === '.') || pattern.includes('//') || /[\\?#%\s]/.test(pattern)) {
    return 'may hold only folder names, tokens, "-", "_" and "/"';
  }
  return undefined;
}

/** The page path of an article: `articles/2024/11/21/le-brief.html` for the default pattern. */
export function permalinkPath(pattern: string, slug: string, date: Date, timezone: string): string {
  const [year = '', month = '', day = ''] = calendarDay(date, timezone).split('-');
  const values: Record<string, string> = { ':year': year, ':month': month, ':day': day, ':slug': slug };
  const filled = pattern.replace(/:(?:year|month|day|slug)/g, (token) => values[token] ?? token);
  return filled.endsWith('/') ? `${filled}index.html` : filled;
}
