// Unpacks one zip entry under a hard cap: its declared size. Declared sizes
// can lie (a zip bomb declares a few bytes and inflates to gigabytes), so the
// compressed bytes go through fflate's streaming inflater a step at a time and
// the first byte past the declared size stops it.
import { Inflate } from 'fflate';
import { DocxInputError } from './errors';
import { INFLATE_STEP } from './limits';
import { printable, type ZipEntry } from './zip-directory';

const LOCAL_SIG = 0x04034b50;
const LOCAL_LENGTH = 30;

/** Thrown from inside the inflater's callback to stop it. */
class OverDeclared extends Error {}

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

  const out = new Uint8Array(entry.size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > entry.size) throw new OverDeclared();
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let pos = 0; pos < data.length || pos === 0; pos += INFLATE_STEP) {
      inflater.push(data.subarray(pos, pos + INFLATE_STEP), pos + INFLATE_STEP >= data.length);
    }
  } catch (err) {
    if (err instanceof OverDeclared) {
      throw new DocxInputError(`is not a safe zip: ${name} unpacks to more than the ${entry.size.toLocaleString('en-GB')} bytes it declares (a zip bomb?)`);
    }
    throw damaged(`cannot be unpacked: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (length !== entry.size) throw damaged('has the wrong size');
  return out;
}
