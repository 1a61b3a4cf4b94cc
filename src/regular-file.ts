// Reading a file Syndic did not make sure of: an article, the settings, or its own state (the
// build cache, the quiet record, the manifest), any of which a user or a crash can replace with
// something that is not a file. A FIFO would make readFile wait for a writer forever.
import { constants, open } from 'node:fs/promises';

/** The error for a folder (`EISDIR`) or anything else that is not a regular file (`ENOTREG`). */
export interface NotRegular extends Error {
  code: 'EISDIR' | 'ENOTREG';
}

/** A regular file's bytes, read without ever waiting on a FIFO; other errors are open()'s. */
export async function readRegularFile(file: string): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: info.isDirectory() ? 'EISDIR' : 'ENOTREG' }) as NotRegular;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
