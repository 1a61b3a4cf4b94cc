// How long an article stays in news-sitemap.xml after its date. A module of its own: the quiet
// tick (incremental/quiet.ts) needs the window, not the sitemap writer and its library.

/** "Only include recent URLs for articles that were created in the last two days." */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
