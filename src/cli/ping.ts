// WebSub (https://www.w3.org/TR/websub/#publishing): after a build, tell each hub which
// feeds changed, so subscribers fetch them now instead of at their next poll. Network I/O,
// called by the CLI after the files are written: a failed ping never undoes a build.
import pRetry, { AbortError } from 'p-retry';

export interface PingOptions {
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout or a 5xx/429 answer. Default 2. */
  retries?: number;
  /** Delay before the first retry, doubled each time. Default 1 s. */
  minDelayMs?: number;
}

export interface PingResult {
  hub: string;
  feed: string;
  ok: boolean;
  attempts: number;
  /** HTTP status of the last answer, if any. */
  status?: number;
  /** Why it failed, in words a person can act on. */
  error?: string;
}

class HubAnswer extends Error {
  constructor(readonly status: number) {
    super(`the hub answered HTTP ${status}`);
  }
}

/** One `hub.mode=publish` POST per hub and changed feed URL. Never throws for network failures. */
export async function ping(hubs: readonly string[], feeds: readonly string[], options: PingOptions = {}): Promise<PingResult[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const jobs = hubs.flatMap((hub) => feeds.map((feed) => ({ hub, feed })));
  return Promise.all(
    jobs.map(async ({ hub, feed }): Promise<PingResult> => {
      let attempts = 0;
      try {
        const status = await pRetry(
          async () => {
            attempts++;
            const response = await fetch(hub, {
              method: 'POST',
              body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed }),
              signal: AbortSignal.timeout(timeoutMs),
            });
            await response.body?.cancel();
            if (response.ok) return response.status;
            const answer = new HubAnswer(response.status);
            // A 4xx other than 429 will not change on a retry: the hub refused this request.
            throw response.status >= 500 || response.status === 429 ? answer : new AbortError(answer);
          },
          { retries: options.retries ?? 2, minTimeout: options.minDelayMs ?? 1_000, factor: 2 },
        );
        return { hub, feed, ok: true, attempts, status };
      } catch (error) {
        // p-retry rethrows the error an AbortError wrapped.
        const status = error instanceof HubAnswer ? error.status : undefined;
        return { hub, feed, ok: false, attempts, ...(status === undefined ? {} : { status }), error: describe(error, timeoutMs) };
      }
    }),
  );
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof HubAnswer) return error.message;
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return error instanceof Error ? `${error.message}${cause ? ` (${cause})` : ''}` : String(error);
}
