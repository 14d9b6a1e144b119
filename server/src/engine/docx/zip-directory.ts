// Reads a zip's central directory, the list of parts Word and mammoth trust,
// without unpacking anything, and refuses what a Word document never is: too
// many parts, declared sizes over the caps, duplicate names, ZIP64 or zip
// encryption. Written here rather than taken from a library because none gives
// this in plain JavaScript: fflate's unzipSync reads the directory but not an
// entry's offset, and keeps inflating past a declared size; its streaming Unzip
// reads local headers, not the directory; JSZip keeps sizes private; yauzl does
// it well but needs Node's zlib and streams (the server also builds for a Web Worker).
import { DocxInputError } from './errors';
import { LIMITS, formatSize } from './limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the part is read. */
  method: number;
  compressedSize: number;
  /** Unpacked size as the directory declares it (may lie: the inflater holds to it). */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_LENGTH = 22;
const CENTRAL_LENGTH = 46;

const damaged = (why: string) => new DocxInputError(`is damaged or incomplete (${why})`);

/** The directory's entries in order; throws DocxInputError with the reason a file is refused. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) throw damaged('no zip directory found: was the file cut short?');
  const declared = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  // 0xFFFF entries or 0xFFFFFFFF sizes mean ZIP64, which a file under the size cap never needs.
  if (declared === 0xffff) throw tooManyEntries();
  if (dirSize === 0xffffffff || dirOffset === 0xffffffff || dirOffset + dirSize > eocd) throw damaged('its zip directory lies outside the file');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const utf8 = new TextDecoder('utf-8');
  let total = 0;
  // Walked to the directory's end rather than trusting the 16-bit count, which wraps past 65,535.
  for (let pos = dirOffset; pos < dirOffset + dirSize; ) {
    if (pos + CENTRAL_LENGTH > eocd || view.getUint32(pos, true) !== CENTRAL_SIG) throw damaged('its zip directory is malformed');
    if (entries.length >= LIMITS.entries) throw tooManyEntries();
    const flags = view.getUint16(pos + 8, true);
    const nameLength = view.getUint16(pos + 28, true);
    const next = pos + CENTRAL_LENGTH + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
    if (next > eocd) throw damaged('its zip directory is malformed');
    const entry: ZipEntry = {
      // Names are UTF-8 when flag bit 11 is set, else code page 437; the parts read here are ASCII either way.
      name: utf8.decode(bytes.subarray(pos + CENTRAL_LENGTH, pos + CENTRAL_LENGTH + nameLength)),
      method: view.getUint16(pos + 10, true),
      compressedSize: view.getUint32(pos + 20, true),
      size: view.getUint32(pos + 24, true),
      localOffset: view.getUint32(pos + 42, true),
    };
    if (flags & 1) throw new DocxInputError('uses zip encryption, which Word documents do not; it cannot be read');
    if (names.has(entry.name)) throw damaged(`the part ${printable(entry.name)} appears twice`);
    if (entry.size > LIMITS.partBytes) {
      throw new DocxInputError(`has a part (${printable(entry.name)}) that unpacks to ${formatSize(entry.size)}, over the ${formatSize(LIMITS.partBytes)} limit for one part`);
    }
    total += entry.size;
    if (total > LIMITS.totalBytes) throw new DocxInputError(`would unpack to more than ${formatSize(LIMITS.totalBytes)}, over the limit`);
    names.add(entry.name);
    entries.push(entry);
    pos = next;
  }
  if (entries.length % 0x10000 !== declared) throw damaged('its zip directory does not match its own count of parts');
  return entries;
}

/** Offset of the end-of-directory record: within the last 64 KB (its comment is at most 65,535 bytes). */
function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_LENGTH;
  for (let pos = last; pos >= 0 && pos >= last - 0xffff; pos--) {
    // The record ends the file, comment included.
    if (view.getUint32(pos, true) === EOCD_SIG && pos + EOCD_LENGTH + view.getUint16(pos + 20, true) === view.byteLength) return pos;
  }
  return -1;
}

function tooManyEntries(): DocxInputError {
  return new DocxInputError(`has more than ${LIMITS.entries.toLocaleString('en-GB')} parts, over the limit (a Word document has a few hundred at most)`);
}

/** A part name for a message: control characters dropped, at most 80 characters. */
export function printable(name: string): string {
  const flat = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return flat.length > 80 ? flat.slice(0, 79) + '…' : flat;
}
