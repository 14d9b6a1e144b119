// The one guarded reader for Node: every file the CLI and the language server
// read goes through here. It opens without blocking (a FIFO cannot stall it),
// checks with fstat that it is a regular file (not a device, socket or
// directory), and reads at most a cap, whatever the file claims its size is.
import * as fs from 'node:fs';
import type { FileHost, ReadResult } from './host';
import { megabytes, overLimit } from './limits';

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const CHUNK = 1024 * 1024;

export function readGuarded(file: string, cap: number): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK);
  } catch (err) {
    return openError(err as NodeJS.ErrnoException);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { error: `not a regular file (${kindOf(st)})` };
    if (st.size > cap) return { error: overLimit(st.size, cap) };
    // The size may be wrong (/proc files say 0, a file may grow): read to the end, up to the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, cap + 1 - total) || 1);
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > cap) return { error: `is over the ${megabytes(cap)} limit` };
    }
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (err) {
    return { error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}

function openError(err: NodeJS.ErrnoException): ReadResult {
  if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return { error: 'no such file', missing: true };
  if (err.code === 'EISDIR') return { error: 'not a regular file (a directory)' };
  if (err.code === 'ELOOP') return { error: 'cannot read: too many levels of symbolic links' };
  return { error: `cannot read: ${err.code ?? err.message}` };
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}

export const nodeHost: FileHost = {
  read: readGuarded,
  realpath(file) {
    try {
      return fs.realpathSync.native(file);
    } catch {
      return undefined;
    }
  },
  exists(file) {
    try {
      fs.statSync(file);
      return true;
    } catch {
      return false;
    }
  },
};

/** Standard input, up to a cap (a pipe, a file or a device such as /dev/zero). */
export async function readStdin(cap: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) {
        process.stdin.destroy();
        return { error: `is over the ${megabytes(cap)} limit` };
      }
      chunks.push(chunk);
    }
  } catch (err) {
    return { error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  return { bytes: Buffer.concat(chunks, total) };
}
