// Turns file bytes into text the way an editor would: UTF-8 (BOM dropped by the
// core), UTF-16 with a BOM, and invalid UTF-8 shown as U+FFFD. Binary is refused.
export interface Decoded {
  text?: string;
  problem?: string;
  warning?: string;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  // Anywhere in the file, not only its start: a text head on megabytes of NULs is still binary.
  if (bytes.includes(0)) return { problem: 'not a text file (it contains NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), warning: 'contains bytes that are not valid UTF-8 (shown as �)' };
  }
}
