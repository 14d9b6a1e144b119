// .gitignore and .commissioning-lint-ignore files: a path is skipped when an
// ignore file in its folder or any folder above it (up to the repository that
// holds the walk) says so. Ignore files are read through the guarded reader;
// one that cannot be read is reported once and ignores nothing.
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import { isReadError, type FileHost } from './host';
import { CONFIG_MAX_BYTES } from './limits';
import { decode } from './decode';

export const IGNORE_FILES = ['.gitignore', '.commissioning-lint-ignore'];

export class IgnoreFiles {
  private readonly byDir = new Map<string, Ignore | null>();
  private readonly gitRoot = new Map<string, boolean>();
  /** One line per ignore file that could not be read. */
  readonly problems: string[] = [];

  constructor(
    private readonly host: FileHost,
    private readonly makeIgnore: () => Ignore,
  ) {}

  /** Whether `target` (a file, or a folder when `isDir`) is ignored; `root` is where the walk started. */
  ignores(target: string, isDir: boolean, root: string): boolean {
    for (let d = path.dirname(target); ; d = path.dirname(d)) {
      const ig = this.load(d);
      if (ig) {
        // Only folders holding an ignore file pay for the relative path.
        const rel = path.relative(d, target).split(path.sep).join('/');
        if (rel !== '' && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel)) return true;
      }
      if (d === path.dirname(d)) return false;
      if (!d.startsWith(root) && this.isGitRoot(d)) return false;
    }
  }

  private isGitRoot(dir: string): boolean {
    let v = this.gitRoot.get(dir);
    if (v === undefined) {
      v = this.host.realpath(path.join(dir, '.git')) !== undefined;
      this.gitRoot.set(dir, v);
    }
    return v;
  }

  private load(dir: string): Ignore | null {
    const known = this.byDir.get(dir);
    if (known !== undefined) return known;
    let ig: Ignore | null = null;
    for (const name of IGNORE_FILES) {
      const file = path.join(dir, name);
      const r = this.host.read(file, CONFIG_MAX_BYTES);
      if (isReadError(r)) {
        if (!r.missing) this.problems.push(`${file}: ${r.error}; it was not applied`);
        continue;
      }
      const text = decode(r.bytes).text;
      if (text === undefined) this.problems.push(`${file}: not a text file; it was not applied`);
      else ig = (ig ?? this.makeIgnore()).add(text);
    }
    this.byDir.set(dir, ig);
    return ig;
  }
}
