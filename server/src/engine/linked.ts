// The one rule for linked EqIAs, for the CLI and the language server alike.
// A strategy's link (or front-matter `eqia:`) is followed only to a Markdown
// file whose real path (symlinks resolved) lies inside the strategy's
// workspace and outside .git; each real file is read once per run however it
// is spelled. Anything else is refused with a reason the core reports on the
// link, and nothing of the file is read. And a file linked as some strategy's
// EqIA is part of that strategy, not a strategy of its own.
import * as path from 'node:path';
import { LruCache, type LinkedFile } from '../core';
import { isReadError, type FileHost } from './host';
import { DOCUMENT_MAX_BYTES } from './limits';
import { decode } from './decode';
import { hasDocumentExtension } from './documents';

export interface LinkedOptions {
  host: FileHost;
  /** The workspace folder a strategy's links may not leave. */
  rootFor: (strategy: string) => string;
  /** Text of a file open in an editor, which wins over the disk. */
  overlay?: (file: string) => string | undefined;
}

type Read = { text: string } | { refused: string };

/** Linked files read so far in this run, by real path (a few, however large, kept). */
export class LinkedFiles {
  private readonly read = new LruCache({ maxWeight: 64 * 1024 * 1024, weigh: (_key, v) => ('text' in (v as Read) ? (v as { text: string }).text.length : 64) });

  constructor(private readonly opts: LinkedOptions) {}

  /** The core's `readLinked` for one strategy; `asked` collects the absolute path of every link followed or not. */
  readerFor(strategy: string, asked?: string[]): (written: string) => LinkedFile {
    return (written) => {
      const target = path.resolve(path.dirname(strategy), written);
      asked?.push(target);
      const why = this.refusal(strategy, target);
      if (typeof why === 'string') return { path: written, refused: why };
      const got = this.load(why.real);
      return 'refused' in got ? { path: written, refused: got.refused } : { path: written, text: got.text, key: why.real };
    };
  }

  /** Why a link may not be followed, or the real path it leads to. */
  private refusal(strategy: string, target: string): string | { real: string } {
    if (!hasDocumentExtension(target)) return 'is not a Markdown file';
    if (target.split(path.sep).includes('.git')) return 'is inside a .git folder, not the workspace';
    const real = this.opts.host.realpath(target);
    if (!real) return this.opts.overlay?.(target) !== undefined ? 'could not be read: it is not saved yet' : 'could not be read: no such file';
    const root = this.opts.rootFor(strategy);
    const realRoot = this.opts.host.realpath(root) ?? root;
    const rel = path.relative(realRoot, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return 'is outside the workspace';
    if (real.split(path.sep).includes('.git') || !hasDocumentExtension(real)) return 'is not a Markdown file inside the workspace';
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
