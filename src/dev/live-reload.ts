// Live reload for `syndic serve --watch`: open pages listen on a Server-Sent Events stream
// and reload when the site is rebuilt. The script exists only in served responses, never in dist/.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where pages connect; under a name no output file can take (Syndic never writes `__syndic/`). */
export const LIVE_RELOAD_PATH = '/__syndic/live-reload';

// EventSource reconnects by itself if the server restarts; a `reload` event reloads the page.
const SCRIPT = `<script>new EventSource(${JSON.stringify(LIVE_RELOAD_PATH)}).addEventListener("reload",()=>location.reload())</script>`;

/** The page with the live-reload script before `</body>` (or at the end, for a fragment). */
export function withLiveReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + SCRIPT : `${html.slice(0, at)}${SCRIPT}\n${html.slice(at)}`;
}

/** The pages currently listening, and the one message they understand. */
export class ReloadChannel {
  readonly #clients = new Set<ServerResponse>();

  /** Answers a page's EventSource request and keeps the stream open until the page or `close()` ends it. */
  listen(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    // A comment line flushes the headers, so the browser's EventSource fires `open` at once.
    response.write(': connected\n\n');
    this.#clients.add(response);
    request.on('close', () => this.#clients.delete(response));
  }

  /** Tells every open page to reload. */
  reload(): void {
    for (const client of this.#clients) client.write('event: reload\ndata: {}\n\n');
  }

  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
