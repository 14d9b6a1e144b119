// --cache: reuse the result of a file whose content, policy, linked files and
// tool build are unchanged since the last --cache run. Content is compared by
// hash; as in git's index, a file whose size and modification time are those it
// had well before it was last hashed is not read again. One JSON file under
// node_modules/.cache/commissioning-lint (or --cache-location); read and written
// only when --cache is given.
import type * as Crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigResolver } from './config';
import type { FileResult } from './lint-file';
import { builtinIdOf, type Policy } from '../core';
import { readGuarded } from './node-host';
import { isReadError } from './host';
import { CACHE_MAX_BYTES, DOCUMENT_MAX_BYTES } from './limits';
import { validEntry, type Entry } from './cache-entry';
import { version } from '../../../package.json';

const FORMAT = 1;
export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'commissioning-lint');
const FILE_NAME = 'cache.json';


interface CacheFile {
  format: number;
  tool: string;
  entries: Record<string, Entry>;
}

export function cacheFile(location: string | undefined, cwd = process.cwd()): string {
  return path.join(path.resolve(cwd, location ?? DEFAULT_CACHE_DIR), FILE_NAME);
}

/** Lints the files whose cached result is stale (with `lint`), reuses the rest, saves the cache. */
export async function lintCached(files: string[], location: string | undefined, resolver: ConfigResolver, lint: (files: string[]) => Promise<FileResult[]>): Promise<FileResult[]> {
  const file = cacheFile(location);
  const tool = toolFingerprint();
  const cache = load(file, tool);
  const hashes = new Hashes();
  const results: FileResult[] = new Array(files.length);
  const stale: number[] = [];
  let dirty = false;
  const keys: Array<{ hash: string; policy: string; stat?: Stat } | undefined> = files.map((f, i) => {
    // A damaged or forged entry is no entry: the file is linted again.
    const e = validEntry(cache.entries[f]) ? cache.entries[f] : undefined;
    const stat = statOf(f);
    // Like git's index: a file whose size and time are those it had, well before it
    // was last hashed, is not read again; anything else is hashed.
    const same = !!e && !!stat && e.size === stat.size && e.mtime === stat.mtime && e.checked !== undefined && stat.mtime < e.checked - RACY_MS;
    const hash = same ? e!.hash : hashes.of(f);
    const resolved = resolver.forFile(f);
    const policy = resolved.policy;
    if (hash === null || !policy) {
      stale.push(i);
      return undefined;
    }
    // A Word document's rendering (the file's own, or a linked Word EqIA's) depends on the style map too.
    const styleMap = resolved.styleMap?.length ? `:${sha256(JSON.stringify(resolved.styleMap))}` : '';
    const key = { hash, policy: policyFingerprint(policy) + styleMap, stat: same ? undefined : stat };
    if (e && e.hash === key.hash && e.policy === key.policy && Object.entries(e.links).every(([p, h]) => hashes.of(p) === h)) {
      results[i] = { ...e.result, file: f };
      if (key.stat && key.stat.mtime < key.stat.at - RACY_MS) {
        // Touched, or settled since it was hashed: remember its time, so the next run need not read it.
        Object.assign(e, stamp(key.stat));
        dirty = true;
      }
    } else stale.push(i);
    return key;
  });
  if (stale.length) {
    const fresh = await lint(stale.map((i) => files[i]));
    stale.forEach((i, k) => {
      const r = fresh[k];
      results[i] = r;
      const key = keys[i];
      if (!key || r.error) {
        delete cache.entries[files[i]];
        return;
      }
      const { file: _file, ...result } = r;
      // Linked files are hashed as they are now: one edited during the run just misses next time.
      const links = Object.fromEntries((r.links ?? []).map((p) => [p, hashes.of(p)]));
      cache.entries[files[i]] = { hash: key.hash, ...(key.stat ? stamp(key.stat) : {}), policy: key.policy, links, result };
    });
  }
  // An unchanged corpus leaves the cache as it was: such a run only reads.
  if (stale.length || dirty) save(file, cache, new Set(files));
  return results;
}

function load(file: string, tool: string): CacheFile {
  const r = readGuarded(file, CACHE_MAX_BYTES);
  if (!isReadError(r)) {
    try {
      const c = JSON.parse(Buffer.from(r.bytes).toString('utf8')) as CacheFile;
      if (c && c.format === FORMAT && c.tool === tool && c.entries && typeof c.entries === 'object' && !Array.isArray(c.entries)) return { ...c, entries: Object.assign(Object.create(null), c.entries) };
    } catch {
      // unreadable: start afresh
    }
  }
  return { format: FORMAT, tool, entries: Object.create(null) };
}

function save(file: string, cache: CacheFile, seen: Set<string>): void {
  // Entries of files this run did not lint stay (linting a subset must not evict the
  // rest) unless the file is gone.
  for (const f of Object.keys(cache.entries)) if (!seen.has(f) && !fs.existsSync(f)) delete cache.entries[f];
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(cache));
    fs.renameSync(tmp, file); // atomic, so a concurrent run never reads half a cache
  } catch (err) {
    process.stderr.write(`commissioning-lint: warning: cannot write the cache "${file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
  }
}

/** sha256 in hex. node:crypto is required on first use, so runs without --cache never load it. */
function sha256(data: string | Uint8Array): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const crypto = require('node:crypto') as typeof Crypto;
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Content hashes, each file read once per run; null for a file that cannot be read. */
/** A file changed this close to its hashing may change again within the same time stamp ("racily clean"). */
const RACY_MS = 2000;

interface Stat {
  size: number;
  mtime: number;
  /** When the stat was taken. */
  at: number;
}

function statOf(file: string): Stat | undefined {
  try {
    const st = fs.statSync(file);
    return { size: st.size, mtime: st.mtimeMs, at: Date.now() };
  } catch {
    return undefined;
  }
}

const stamp = (st: Stat) => ({ size: st.size, mtime: st.mtime, checked: st.at });

class Hashes {
  private readonly memo = new Map<string, string | null>();

  of(file: string): string | null {
    let h = this.memo.get(file);
    if (h === undefined) {
      const r = readGuarded(file, DOCUMENT_MAX_BYTES);
      h = isReadError(r) ? null : sha256(r.bytes);
      this.memo.set(file, h);
    }
    return h;
  }
}

const policyPrints = new WeakMap<Policy, string>();

/** A hash of the policy's data: phrase lists stand in for their compiled patterns. */
function policyFingerprint(policy: Policy): string {
  // A built-in pack as shipped is part of the bundle, which the tool fingerprint covers.
  const builtin = builtinIdOf(policy);
  if (builtin) return `builtin:${builtin}`;
  let p = policyPrints.get(policy);
  if (!p) {
    // What is derived from the data (memos, compiled patterns) is not part of it.
    const data = JSON.stringify(policy, (key, value) => (key === 'derived' ? undefined : value && typeof value === 'object' && Array.isArray(value.phrases) && typeof value.test === 'function' ? value.phrases : value));
    p = sha256(data);
    policyPrints.set(policy, p);
  }
  return p;
}

/**
 * The tool's version and a hash of the running bundle, so results of older rules
 * are never reused, while rebuilding the same code keeps the cache.
 */
function toolFingerprint(): string {
  let build = '';
  try {
    // esbuild.js writes the bundle's hash beside it; a bundle newer than that file (esbuild --watch) is hashed here.
    const id = __filename.replace(/\.js$/, '.id');
    build = fs.statSync(id).mtimeMs >= fs.statSync(__filename).mtimeMs ? fs.readFileSync(id, 'utf8').trim() : bundleHash(__filename);
  } catch {
    try {
      build = bundleHash(__filename);
    } catch {
      // not running from a file: the version alone
    }
  }
  return `${version}:${build}`;
}

const bundleHash = (file: string): string => sha256(fs.readFileSync(file)).slice(0, 16);
