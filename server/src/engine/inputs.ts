// Expands the command line's files, directories and globs into the documents
// to lint (Markdown and Word), as the language server's workspace sweep does
// for a folder: folders are walked (no symlink leaving the walk, no
// node_modules, .git or hidden folders), .gitignore, .commissioning-lint-ignore
// and the config's `ignore` are honoured, and a folder that cannot be read is
// one problem, not the end of the run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import type { ConfigResolver } from './config';
import { IgnoreFiles } from './ignore-files';
import { ConfigIgnore } from './config-ignore';
import { nodeHost } from './node-host';
import { hasDocumentExtension, isOfficeLockFile } from './documents';

export interface Inputs {
  files: string[];
  /** Files found by walking a folder or glob (not named one by one). */
  discovered: Set<string>;
  /** One line each: an input that matched nothing, a folder or ignore file that could not be read. */
  problems: string[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}!]/;

// Loaded on first use, so a run over plain file names never pays for them (cold start).
/* eslint-disable @typescript-eslint/no-require-imports */
const makeIgnore = () => (require('ignore') as () => Ignore)();
const picomatch = () => require('picomatch') as typeof import('picomatch');
/* eslint-enable @typescript-eslint/no-require-imports */

export function expandInputs(inputs: string[], cwd: string, resolver?: ConfigResolver): Inputs {
  const files: string[] = [];
  const discovered = new Set<string>();
  const problems: string[] = [];
  const ignoreFiles = new IgnoreFiles(nodeHost, makeIgnore);
  const configIgnore = new ConfigIgnore(resolver, makeIgnore);
  const take = (found: string[]) => {
    for (const f of found.sort()) {
      files.push(f);
      discovered.add(f);
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = statOf(abs);
    if (stat?.isFile()) files.push(abs);
    else if (stat?.isDirectory()) {
      const found = walk(abs, (f) => hasDocumentExtension(f), ignoreFiles, configIgnore, problems);
      if (!found.length) problems.push(`no Markdown files or Word documents found in "${input}"`);
      take(found);
    } else if (GLOB_CHARS.test(input)) {
      const scan = picomatch().scan(input.replace(/\\/g, '/'));
      const base = path.resolve(cwd, scan.base || '.');
      const match = picomatch()(scan.glob || '**', { dot: false });
      const found = statOf(base)?.isDirectory() ? walk(base, (f) => match(path.relative(base, f).split(path.sep).join('/')), ignoreFiles, configIgnore, problems) : [];
      if (!found.length) problems.push(`no files match the pattern "${input}"`);
      take(found);
    } else problems.push(`cannot read "${input}": no such file or directory`);
  }
  for (const x of ignoreFiles.problems) problems.push(x);
  return { files: [...new Set(files)], discovered, problems };
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Files under `root` that `wanted` accepts, not ignored; symlinks are followed only to files inside the walk. */
function walk(root: string, wanted: (file: string) => boolean, ignoreFiles: IgnoreFiles, configIgnore: ConfigIgnore, problems: string[]): string[] {
  const out: string[] = [];
  const realRoot = nodeHost.realpath(root) ?? root;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push(`cannot read the folder "${dir}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!ignoreFiles.ignores(p, true, root)) stack.push(p);
      } else if (e.isFile() || (e.isSymbolicLink() && linksInside(p, realRoot))) {
        // Word's owner files (~$name.docx) come and go while a document is open; they are not documents.
        if (wanted(p) && !isOfficeLockFile(p) && !ignoreFiles.ignores(p, false, root) && !configIgnore.ignores(p)) out.push(p);
      }
    }
  }
  return out;
}

/** A symlink to a regular file inside the walk's real root (a link to /etc/passwd is not a strategy). */
function linksInside(link: string, realRoot: string): boolean {
  const real = nodeHost.realpath(link);
  if (!real || !statOf(real)?.isFile()) return false;
  const rel = path.relative(realRoot, real);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
