// Unpacks one zip entry under a hard cap: its declared size. Declared sizes
// can lie (a zip bomb declares a few bytes and inflates to gigabytes), so
// Node's zlib is given the declared size as `maxOutputLength`: it inflates a
// chunk (16 KB) at a time and stops at the first chunk that goes past it.
// (fflate's streaming inflater, fed 8 KB at a time, did the same at five
// times the CPU: it grows its output buffer at every step and checks it at
// every match; a sixth of a conversion.) The Word converter runs only in
// Node: the browser build has no Word support (web/word-stub.ts).
import { inflateRawSync } from 'node:zlib';
import { DocxInputError } from './errors';
import { printable, type ZipEntry } from './zip-directory';

const LOCAL_SIG = 0x04034b50;
const LOCAL_LENGTH = 30;

export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const name = printable(entry.name);
  const damaged = (why: string) => new DocxInputError(`is damaged or incomplete (${name} ${why})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + LOCAL_LENGTH > bytes.length || view.getUint32(at, true) !== LOCAL_SIG) throw damaged('cannot be found');
  const start = at + LOCAL_LENGTH + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged('is cut short');
  const data = bytes.subarray(start, end);

  if (entry.method === 0) {
    if (data.length !== entry.size) throw damaged('has the wrong size');
    return data.slice();
  }
  if (entry.method !== 8) throw new DocxInputError(`uses a compression method Word does not (${entry.method}, for ${name})`);

  const overDeclared = () => new DocxInputError(`is not a safe zip: ${name} unpacks to more than the ${entry.size.toLocaleString('en-GB')} bytes it declares (a zip bomb?)`);
  // Nothing compressed is nothing unpacked (zlib would call it cut short).
  if (data.length === 0) {
    if (entry.size !== 0) throw damaged('has the wrong size');
    return new Uint8Array(0);
  }
  let out: Uint8Array;
  try {
    // maxOutputLength is at least 1: an empty part that unpacks to a byte is caught below.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw overDeclared();
    throw damaged(`cannot be unpacked: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (out.length > entry.size) throw overDeclared();
  if (out.length !== entry.size) throw damaged('has the wrong size');
  return out;
}
