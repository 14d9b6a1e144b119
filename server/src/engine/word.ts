// Word documents (.docx) in the engine: a Word file read with the guarded
// reader and converted to its Markdown rendering (engine/docx, loaded on first
// use, so a run over Markdown never loads mammoth); linked Word EqIAs converted
// once and kept while their bytes are unchanged; and where each finding is for
// a reader of the Word file. Conversion is asynchronous (mammoth is); the core
// lint stays synchronous, so a Word document is converted first and linted
// after (lint-file.ts).
import { locator, LruCache, type Analysis, type LintResult } from '../core';
import { isReadError, type FileHost } from './host';
import { DOCUMENT_MAX_BYTES } from './limits';

type Converter = typeof import('./docx/convert');

/**
 * The converter module, required on first use (mammoth and the HTML tools are
 * about 1 MB of code). The CLI and server bundles take it from dist/docx.js
 * beside them (esbuild.js), so a Markdown run never even reads it.
 */
function converter(): Converter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./docx/convert') as Converter;
}

export type WordRead = { text: string; warnings: string[] } | { error: string };

/** A Word file's bytes to its Markdown rendering, or the one-line reason it is refused. Never throws. */
export async function convertWord(bytes: Uint8Array, styleMap?: string[]): Promise<WordRead> {
  const r = await converter().docxToMarkdown(bytes, { styleMap });
  return 'error' in r ? r : { text: r.markdown, warnings: r.warnings };
}

/** Reads a Word file through the host's guarded reader and converts it. */
export async function readWordDocument(host: FileHost, file: string, styleMap?: string[]): Promise<WordRead> {
  const r = host.read(file, DOCUMENT_MAX_BYTES);
  if (isReadError(r)) return { error: r.missing ? 'cannot read: no such file' : r.error.startsWith('cannot') ? r.error : `cannot read: ${r.error}` };
  return convertWord(r.bytes, styleMap);
}

/**
 * The conversion warning worth a person's attention, as a clause after the
 * file name: paragraph styles that look like headings ("NHS Heading 2", "Section
 * title") but are read as paragraphs, which want a style-map line. Other unknown
 * styles ("Body Text 2", "List Paragraph") read as the paragraphs they are.
 */
export function styleWarning(warnings: string[]): string | undefined {
  const styles = [...new Set(warnings.map((w) => /^Unrecognised paragraph style: '([^']*(?:head|title)[^']*)'/i.exec(w)?.[1]).filter((s): s is string => !!s))];
  if (!styles.length) return undefined;
  const level = /(\d)\s*$/.exec(styles[0])?.[1] ?? '2';
  const names = styles.slice(0, 5).map((s) => `'${s}'`).join(', ') + (styles.length > 5 ? ` and ${styles.length - 5} more` : '');
  const one = styles.length === 1;
  return `has the paragraph style${one ? '' : 's'} ${names}, read as ${one ? 'a paragraph' : 'paragraphs'}: if ${one ? 'it is a heading, map it' : 'they are headings, map them'} in the config's docx.styleMap, e.g. p[style-name='${styles[0]}'] => h${Math.min(Number(level), 6) || 2}:fresh`;
}

/** Adds to each finding (and waived finding) where it is in the Word document. */
export function locateFindings(result: LintResult, model: Analysis['model']): void {
  const where = locator(model);
  for (const d of [...result.diagnostics, ...result.suppressed]) d.location = where(model.lines.lineStart(d.line) + d.column - 1);
}

type Converted = { text: string } | { refused: string };

/**
 * Linked Word EqIAs converted so far, by real path, each kept with the bytes it
 * came from: a file that has changed since is converted again. Shared by the
 * lints of one run (CLI) or of one server (language server).
 */
export class WordTexts {
  private kept = newCache();
  private readonly converting = new Map<string, Promise<void>>();

  constructor(
    private readonly host: FileHost,
    /** The style map that applies to a Word file (its config's `docx.styleMap`). */
    private readonly styleMapFor: (file: string) => string[] | undefined = () => undefined,
  ) {}

  /** The rendering of the Word file at `real` if it was converted from the bytes it holds now; undefined when it needs converting. */
  get(real: string): Converted | undefined {
    const kept = this.kept.get(real) as Kept | undefined;
    if (!kept) return undefined;
    const r = this.host.read(real, DOCUMENT_MAX_BYTES);
    if (isReadError(r)) return { refused: `could not be read: ${r.error}` };
    return sameBytes(r.bytes, kept.bytes) ? kept.read : undefined;
  }

  /** Forgets every conversion (a config, hence perhaps a style map, changed). */
  clear(): void {
    this.kept = newCache();
  }

  /** Converts the files (real paths), each once however many lints ask at the same time. */
  async convert(reals: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(reals)].map((real) => {
        let p = this.converting.get(real);
        if (!p) {
          p = this.convertOne(real).finally(() => this.converting.delete(real));
          this.converting.set(real, p);
        }
        return p;
      }),
    );
  }

  private async convertOne(real: string): Promise<void> {
    const r = this.host.read(real, DOCUMENT_MAX_BYTES);
    if (isReadError(r)) {
      this.kept.set(real, { bytes: new Uint8Array(0), read: { refused: `could not be read: ${r.error}` } } satisfies Kept);
      return;
    }
    const w = await convertWord(r.bytes, this.styleMapFor(real));
    // The converter's reason is a clause about the file ("is password-protected; …"), as a link's refusal is.
    this.kept.set(real, { bytes: r.bytes, read: 'error' in w ? { refused: w.error } : { text: w.text } } satisfies Kept);
  }
}

interface Kept {
  bytes: Uint8Array;
  read: Converted;
}

/** At most 64 MB of Word files and their renderings. */
function newCache(): LruCache {
  return new LruCache({ maxWeight: 64 * 1024 * 1024, weigh: (_key, v) => (v as Kept).bytes.length + ('text' in (v as Kept).read ? ((v as Kept).read as { text: string }).text.length * 2 : 64) });
}

/** Byte for byte (no Buffer: the engine also runs in a Web Worker). A 1 MB document compares in about a millisecond. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
