import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/cli.js';
import { progressBar } from '../../src/cli/progress.js';

function fakeTerminal(): { stream: PassThrough & { isTTY: boolean; columns: number }; output: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, output: () => text };
}

function io(terminal: NodeJS.WritableStream | undefined, tty = true): Io {
  return { stdout: () => undefined, stderr: () => undefined, isTTY: { stdout: tty, stderr: tty }, ...(terminal ? { terminal } : {}) };
}

describe('progressBar', () => {
  it('draws article counts for each phase of a long build, then clears itself', () => {
    const { stream, output } = fakeTerminal();
    const progress = progressBar(io(stream), 3);
    for (let done = 1; done <= 3; done += 1) progress.onProgress({ phase: 'parse', done, total: 3 });
    progress.onProgress({ phase: 'pages', done: 3, total: 3 });
    progress.stop();
    expect(output()).toContain('Reading articles');
    expect(output()).toContain('1/3 articles');
    expect(output()).toContain('Writing pages');
    expect(output()).toContain('3/3 articles');
    expect(output()).toMatch(/\u001b\[2K$/);
  });

  it('stays silent for short builds and without a terminal', () => {
    const short = fakeTerminal();
    const progress = progressBar(io(short.stream), 500);
    progress.onProgress({ phase: 'parse', done: 1, total: 10 });
    progress.stop();
    expect(short.output()).toBe('');

    const piped = fakeTerminal();
    const none = progressBar(io(piped.stream, false), 1);
    none.onProgress({ phase: 'parse', done: 1, total: 10 });
    none.stop();
    expect(piped.output()).toBe('');
    expect(() => progressBar(io(undefined), 1).onProgress({ phase: 'parse', done: 1, total: 1 })).not.toThrow();
  });
});
