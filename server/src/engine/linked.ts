// The one rule for linked EqIAs, for the CLI and the language server alike.
// A strategy's link (or front-matter `eqia:`) is followed only to a Markdown
// or Word file whose real path (symlinks resolved) lies inside the strategy's
// workspace and outside .git; each real file is read once per run however it
// is spelled. Anything else is refused with a reason the core reports on the
// link, and nothing of the file is read. And a file linked as some strategy's
// EqIA is part of that strategy, not a strategy of its own.
//
// A linked Word file must be converted, which is asynchronous, while the core
// reads linked files synchronously: a Word link not yet converted is put in the
// lint's `wanted` set, and the engine converts those and lints again (lint-file.ts).
import * as path from 'node:path';
import { LruCache, type LinkedFile } from '../core';
import { isReadError, type FileHost } from './host';
import { DOCUMENT_MAX_BYTES } from './limits';
import { decode } from './decode';
import { hasDocumentExtension, isWordFile } from './documents';
import { WordTexts } from './word';

export interface LinkedOptions {
  host: FileHost;
  /** The workspace folder a strategy's links may not leave. */
  rootFor: (strategy: string) => string;
  /** Text of a file open in an editor, which wins over the disk. */
  overlay?: (file: string) => string | undefined;
  /** Converted Word files, shared beyond this object (the language server keeps one for all its lints). */
  words?: WordTexts;
  /** The style map for converting a linked Word file (its config's `docx.styleMap`), when `words` is not given. */
  styleMapFor?: (file: string) => string[] | undefined;
}

/** What a linked Word file reads as until it is converted (the lint that sees it is done again). */
export const NOT_CONVERTED = 'is a Word document not converted yet';

type Read = { text: string } | { refused: string };

/** Linked files read so far in this run, by real path (a few, however large, kept). */
export class LinkedFiles {
  private readonly read = new LruCache({ maxWeight: 64 * 1024 * 1024, weigh: (_key, v) => ('text' in (v as Read) ? (v as { text: string }).text.length : 64) });

  readonly words: WordTexts;

  constructor(private readonly opts: LinkedOptions) {
    this.words = opts.words ?? new WordTexts(opts.host, opts.styleMapFor);
  }

  /**
   * The core's `readLinked` for one strategy; `asked` collects the absolute path
   * of every link followed or not, `wanted` the real path of each linked Word
   * file that must be converted before the strategy is linted again.
   */
  readerFor(strategy: string, asked?: string[], wanted?: Set<string>): (written: string) => LinkedFile {
    return (written) => {
      const target = path.resolve(path.dirname(strategy), written);
      asked?.push(target);
      const why = this.refusal(strategy, target);
      if (typeof why === 'string') return { path: written, refused: why };
      const got = isWordFile(why.real) ? this.words.get(why.real) : this.load(why.real);
      if (!got) {
        wanted?.add(why.real);
        return { path: written, refused: NOT_CONVERTED };
      }
      return 'refused' in got ? { path: written, refused: got.refused } : { path: written, text: got.text, key: why.real };
    };
  }

  /** Why a link may not be followed, or the real path it leads to. */
  private refusal(strategy: string, target: string): string | { real: string } {
    if (!hasDocumentExtension(target)) return 'is not a Markdown file or Word document';
    if (target.split(path.sep).includes('.git')) return 'is inside a .git folder, not the workspace';
    const real = this.opts.host.realpath(target);
    if (!real) return this.opts.overlay?.(target) !== undefined ? 'could not be read: it is not saved yet' : 'could not be read: no such file';
    const root = this.opts.rootFor(strategy);
    const realRoot = this.opts.host.realpath(root) ?? root;
    const rel = path.relative(realRoot, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return 'is outside the workspace';
    if (real.split(path.sep).includes('.git') || !hasDocumentExtension(real)) return 'is not a Markdown file or Word document inside the workspace';
    return { real };
  }

  private load(real: string): Read {
    const open = this.opts.overlay?.(real);
    if (open !== undefined) return { text: open };
    const hit = this.read.get(real) as Read | undefined;
    if (hit) return hit;
    const r = this.opts.host.read(real, DOCUMENT_MAX_BYTES);
    let got: Read;
    if (isReadError(r)) got = { refused: `could not be read: ${r.error}` };
    else {
      const d = decode(r.bytes);
      got = d.text === undefined ? { refused: `could not be read: ${d.problem}` } : { text: d.text };
    }
    this.read.set(real, got);
    return got;
  }
}

/** Files linked as some strategy's EqIA, from the strategies' `dependencies` (absolute paths). */
export function linkedEqiaFiles(results: Iterable<{ dependencies?: string[] }>): Set<string> {
  const out = new Set<string>();
  for (const r of results) for (const d of r.dependencies ?? []) out.add(d);
  return out;
}
