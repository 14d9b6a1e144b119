// The Word package as mammoth sees it: an object that answers which parts
// exist and reads a part, standing in for mammoth's own JSZip reader. Every
// part is checked in the zip directory before anything is unpacked, only XML
// parts are ever unpacked (each under the cap of its declared size), and a
// style map embedded in the document is hidden.
import { DocxInputError } from './errors';
import { inflateEntry } from './inflate';
import { dropTocControls } from './toc';
import { LIMITS, formatSize } from './limits';
import { printable, readZipDirectory, type ZipEntry } from './zip-directory';

/** The interface mammoth's docx reader uses (`{ file }` input to convert). */
export interface MammothFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
  write(): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
  /** A part's XML at once (not through mammoth), or undefined when there is none: document properties. */
  part(name: string): string | undefined;
}

const MAIN_DOCUMENT = 'word/document.xml';
/** mammoth would apply a style map stored in the document; documents choose nothing here. */
const HIDDEN = new Set(['mammoth/style-map']);

/** Zips that are other formats, known by a part Word documents lack, and what to call them. */
const OTHER_FORMATS: Array<[string, string]> = [
  ['xl/workbook.xml', 'an Excel workbook'],
  ['ppt/presentation.xml', 'a PowerPoint presentation'],
  ['content.xml', 'an OpenDocument file'],
];

export function openPackage(bytes: Uint8Array): MammothFile {
  const entries = new Map<string, ZipEntry>(readZipDirectory(bytes).map((e) => [e.name, e]));
  if (!entries.has(MAIN_DOCUMENT)) {
    const other = OTHER_FORMATS.find(([part]) => entries.has(part));
    throw new DocxInputError(other ? `is ${other[1]}, not a Word document (.docx)` : 'is a zip file but not a Word document (.docx): it has no word/document.xml');
  }
  // Conversion time grows with the text: the main document is checked before mammoth starts, other parts as they are read.
  overXmlLimit(entries.get(MAIN_DOCUMENT)!);
  const decoded = new Map<string, string>();
  const exists = (name: string) => entries.has(name) && !HIDDEN.has(name);
  const text = (name: string): string => {
    let xml = decoded.get(name);
    if (xml === undefined) {
      const entry = entries.get(name);
      if (!entry || HIDDEN.has(name)) throw new DocxInputError(`is damaged or incomplete (it has no part ${name})`);
      // Only XML is read: images and embedded files stay packed (mammoth's image reader is never called).
      if (!/\.(xml|rels)$/i.test(name)) throw new DocxInputError(`asked for a part that is not read (${name})`);
      overXmlLimit(entry);
      xml = dropTocControls(new TextDecoder('utf-8').decode(inflateEntry(bytes, entry)));
      decoded.set(name, xml);
    }
    return xml;
  };
  return {
    exists,
    read: (name, encoding) => {
      try {
        const xml = text(name);
        return Promise.resolve(encoding ? xml : new TextEncoder().encode(xml));
      } catch (err) {
        return Promise.reject(err);
      }
    },
    write: () => {
      throw new DocxInputError('is read only');
    },
    toArrayBuffer: () => Promise.reject(new DocxInputError('is read only')),
    part: (name) => (exists(name) ? text(name) : undefined),
  };
}

/** Refuses an XML part whose declared size is over the cap (the inflater holds it to that size). */
function overXmlLimit(entry: ZipEntry): void {
  if (entry.size <= LIMITS.xmlPartBytes) return;
  const what = entry.name === MAIN_DOCUMENT ? 'its text (word/document.xml)' : `a part (${printable(entry.name)})`;
  throw new DocxInputError(`is too large to read: ${what} unpacks to ${formatSize(entry.size)}, over the ${formatSize(LIMITS.xmlPartBytes)} limit`);
}
