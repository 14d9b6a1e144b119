// Expands the command line's files, directories and globs into Markdown files,
// honouring .gitignore and .commissioning-lint-ignore files on the way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type FastGlob from 'fast-glob';
import type { Ignore } from 'ignore';

// Loaded on first use, so a run over plain file names never pays for them (cold start).
/* eslint-disable @typescript-eslint/no-require-imports */
let fgModule: typeof FastGlob | undefined;
const fg = () => (fgModule ??= require('fast-glob') as typeof FastGlob);
let ignoreModule: (() => Ignore) | undefined;
const ignore = () => (ignoreModule ??= require('ignore') as () => Ignore)();
/* eslint-enable @typescript-eslint/no-require-imports */

export interface Inputs {
  files: string[];
  /** Files found by walking a directory or glob (not named one by one). */
  discovered: Set<string>;
  problems: string[];
}

const IGNORE_FILES = ['.gitignore', '.commissioning-lint-ignore'];
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];
const GLOB_CHARS = /[*?[\]{}!]/;

export function expandInputs(inputs: string[], cwd: string): Inputs {
  const files: string[] = [];
  const discovered = new Set<string>();
  const problems: string[] = [];
  const filter = new IgnoreFilter();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.push(abs);
    } else if (stat?.isDirectory()) {
      const found = fg().sync(['**/*.md', '**/*.markdown'], { cwd: abs, absolute: true, dot: false, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false }).filter((f) => !filter.ignores(f, abs));
      if (!found.length) problems.push(`no Markdown files found in "${input}"`);
      for (const f of found.sort()) {
        files.push(path.normalize(f));
        discovered.add(path.normalize(f));
      }
    } else if (GLOB_CHARS.test(input)) {
      const found = fg().sync(input.replace(/\\/g, '/'), { cwd, absolute: true, ignore: ALWAYS_SKIPPED, onlyFiles: true }).filter((f) => !filter.ignores(f, cwd));
      if (!found.length) problems.push(`no files match the pattern "${input}"`);
      for (const f of found.sort()) {
        files.push(path.normalize(f));
        discovered.add(path.normalize(f));
      }
    } else {
      problems.push(`cannot read "${input}": no such file or directory`);
    }
  }
  return { files: [...new Set(files)], discovered, problems };
}

/** Applies every ignore file between a file and the root it was found from (and that root's ancestors). */
class IgnoreFilter {
  private readonly byDir = new Map<string, Ignore | null>();

  private readonly gitRoot = new Map<string, boolean>();

  ignores(file: string, root: string): boolean {
    for (let d = path.dirname(file); ; d = path.dirname(d)) {
      const ig = this.load(d);
      if (ig) {
        // Only directories holding an ignore file pay for the relative path.
        const rel = path.relative(d, file).split(path.sep).join('/');
        if (rel !== '' && !rel.startsWith('..') && ig.ignores(rel)) return true;
      }
      if (d === path.dirname(d)) return false;
      if (!d.startsWith(root) && this.isGitRoot(d)) return false;
    }
  }

  private isGitRoot(dir: string): boolean {
    let v = this.gitRoot.get(dir);
    if (v === undefined) {
      v = fs.existsSync(path.join(dir, '.git'));
      this.gitRoot.set(dir, v);
    }
    return v;
  }

  private load(dir: string): Ignore | null {
    if (this.byDir.has(dir)) return this.byDir.get(dir)!;
    let ig: Ignore | null = null;
    for (const name of IGNORE_FILES) {
      try {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        ig = (ig ?? ignore()).add(text);
      } catch {
        // no such ignore file here
      }
    }
    this.byDir.set(dir, ig);
    return ig;
  }
}
