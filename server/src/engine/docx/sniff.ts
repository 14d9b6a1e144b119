// Looks at a file's bytes before anything is unpacked: too large, empty, an
// old binary Word file, a password-protected one, or not a zip at all. Each
// answer is the one-line reason the file is refused.
import { LIMITS, formatSize } from './limits';

/** Microsoft's compound file (OLE) signature: old .doc files and encrypted .docx files both start with it. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function refuse(bytes: Uint8Array): string | undefined {
  if (bytes.length > LIMITS.fileBytes) return `is ${formatSize(bytes.length)}, over the ${formatSize(LIMITS.fileBytes)} limit`;
  if (bytes.length === 0) return 'is empty';
  if (startsWith(bytes, OLE)) {
    // Word encrypts a .docx by wrapping it in a compound file whose streams are
    // named EncryptionInfo and EncryptedPackage (names stored as UTF-16LE).
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) return 'is password-protected; remove the password to lint it';
    if (hasUtf16(bytes, 'WordDocument')) return 'is an old binary Word document (.doc); save it as .docx';
    return 'is an old binary Office file, not a Word document (.docx)';
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'is a Rich Text (RTF) file, not a Word document (.docx); save it as .docx';
  // A zip starts with a local file header (PK\3\4), or is empty (PK\5\6).
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'is not a Word document (.docx)';
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Whether `name`, as UTF-16LE, occurs anywhere in the bytes (a compound file's directory can be anywhere). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i + name.length * 2 <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 0;
    while (k < name.length && bytes[i + 2 * k] === name.charCodeAt(k) && bytes[i + 2 * k + 1] === 0) k++;
    if (k === name.length) return true;
  }
  return false;
}
