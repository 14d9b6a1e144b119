import * as fs from 'node:fs';

// Turns file bytes into text the way an editor would: UTF-8 (BOM dropped by the
// core), UTF-16 with a BOM, and invalid UTF-8 shown as U+FFFD. Binary is refused.
export interface Decoded {
  text?: string;
  problem?: string;
  warning?: string;
}

export const MAX_BYTES = 50 * 1024 * 1024;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_BYTES) return { problem: `file is ${(bytes.length / 1048576).toFixed(0)} MB, over the ${MAX_BYTES / 1048576} MB limit` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'not a text file (it contains NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), warning: 'contains bytes that are not valid UTF-8 (shown as �)' };
  }
}

/** A file's text, or undefined when it is missing, not a regular file, too big or binary. */
export function readTextFile(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    return decode(fs.readFileSync(file)).text;
  } catch {
    return undefined;
  }
}
