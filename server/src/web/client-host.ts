// The web extension's FileHost: in a Web Worker there is no file system, so
// every file the engine reads (.commissioning-lint.yaml, policy packs, ignore
// files, linked EqIAs, closed documents of the workspace sweep) is asked of the
// VS Code client, which reads it through vscode.workspace.fs
// (client/src/file-host.ts) — only inside the workspace folders, and no more
// than the engine's limits allow.
//
// The engine reads synchronously, the client answers asynchronously, so this
// host serves only what it already holds, and lints converge in rounds
// (lsp/state.ts `supplied`):
//   1. prepare: before a lint of a document, fetch the config file names in
//      every folder from the document's up to its workspace folder, and
//      whatever the last lint of that document read — one request;
//   2. record: the lint runs against what is held; whatever it asks for that
//      is not held is answered "no such file" for now and noted;
//   3. fetchMissed: the noted files are fetched in one request; if anything
//      new came (a pack the config names, a linked EqIA) the affected results
//      are dropped and the lint runs again. A config naming a pack that links
//      nothing converges in two rounds, and in one from then on.
// What is held stays until a watched-file event says it changed (lsp/watch.ts
// calls `changed`); texts are kept up to a memory budget, sizes and types of
// every file seen. Paths outside every workspace folder are "no such file"
// without asking: config discovery walks up to the root of the path space.
import { hasDocumentExtension, CONFIG_MAX_BYTES, DOCUMENT_MAX_BYTES, overLimit, type FileHost, type ReadResult } from '../engine';
import { CONFIG_NAMES } from '../engine';
import { READ_FILES_METHOD, type FileAnswer, type ReadFilesResult } from '../lsp/protocol';
import type { FileSupply, Learned } from '../lsp/supply';
import { pathToUri, uriToPath } from '../lsp/uris';
import * as path from 'node:path';

/** The client side of the protocol: one request per batch of files. */
export interface FileRequester {
  sendRequest(method: string, params: unknown): Promise<unknown>;
}

/** What is known of one path. */
type Meta = { type: 'file'; size: number; mtime: number } | { type: 'directory' | 'missing' } | { type: 'other'; what: string } | { type: 'error'; error: string };

/** Files per request, so one answer never carries thousands of texts. */
const BATCH = 64;
/** Texts held at most (bytes); sizes and types are kept for every file seen. */
const TEXT_BUDGET = 64 * 1024 * 1024;

export class ClientHost implements FileHost, FileSupply {
  private readonly meta = new Map<string, Meta>();
  /** Texts by path, oldest first (re-inserted on use), within TEXT_BUDGET. */
  private readonly bytes = new Map<string, Uint8Array>();
  private held = 0;
  /** Fetches under way, so concurrent lints ask once. */
  private readonly pending = new Map<string, Promise<void>>();
  /** What each document's last lint read (to prepare the next one), and what it missed. */
  private readonly touched = new Map<string, Set<string>>();
  private readonly missedBy = new Map<string, Map<string, number>>();
  /** The recording under way (a lint runs synchronously, so there is one at a time). */
  private recording: { touched: Set<string>; missed: Map<string, number> } | undefined;

  constructor(
    private readonly client: FileRequester,
    /** The workspace folders' paths; nothing outside them is read. */
    private readonly folders: () => string[],
  ) {}

  // ---- FileHost: synchronous, from what is held ----

  read(file: string, cap: number): ReadResult {
    if (!this.note(file)) return { error: 'no such file', missing: true };
    const m = this.meta.get(file);
    if (!m) return this.miss(file, cap, { error: 'no such file', missing: true });
    switch (m.type) {
      case 'missing':
        return { error: 'no such file', missing: true };
      case 'directory':
        return { error: 'not a regular file (a directory)' };
      case 'other':
        return { error: `not a regular file (${m.what})` };
      case 'error':
        return { error: `cannot read: ${m.error}` };
    }
    if (m.size > cap) return { error: overLimit(m.size, cap) };
    const b = this.bytes.get(file);
    if (!b) return this.miss(file, cap, { error: 'no such file', missing: true });
    // Most recently used last.
    this.bytes.delete(file);
    this.bytes.set(file, b);
    return { bytes: b };
  }

  /**
   * The virtual file systems VS Code serves have no symbolic links to resolve: a
   * path is its own real path. One outside every workspace folder is given back
   * as it is, unasked: the engine then refuses it as outside the workspace
   * (a link's target), or stops there (the search for a repository's root).
   */
  realpath(file: string): string | undefined {
    if (!this.folderOf(file)) return file;
    return this.exists(file) ? file : undefined;
  }

  exists(file: string): boolean {
    if (this.isFolder(file)) return true;
    if (!this.note(file)) return false;
    const m = this.meta.get(file);
    if (!m) {
      this.miss(file, capFor(file), undefined);
      return false;
    }
    return m.type !== 'missing';
  }

  // ---- FileSupply: the asynchronous side ----

  async prepare(file: string): Promise<Learned | undefined> {
    const want = new Map<string, number>();
    const root = this.folderOf(file);
    if (root) {
      for (let d = path.dirname(file); ; d = path.dirname(d)) {
        for (const n of CONFIG_NAMES) want.set(path.join(d, n), CONFIG_MAX_BYTES);
        if (d === root || d === path.dirname(d)) break;
      }
    }
    for (const p of this.touched.get(file) ?? []) want.set(p, capFor(p));
    return this.fetch(want);
  }

  record<T>(file: string, lint: () => T): { result: T; missed: boolean } {
    const rec = { touched: new Set<string>(), missed: new Map<string, number>() };
    const outer = this.recording;
    this.recording = rec;
    try {
      const result = lint();
      this.touched.set(file, rec.touched);
      this.missedBy.set(file, rec.missed);
      return { result, missed: rec.missed.size > 0 };
    } finally {
      this.recording = outer;
    }
  }

  async fetchMissed(file: string): Promise<Learned | undefined> {
    const missed = this.missedBy.get(file);
    this.missedBy.delete(file);
    return missed ? this.fetch(missed) : undefined;
  }

  changed(file: string): void {
    this.meta.delete(file);
    this.drop(file);
  }

  /** The workspace sweep: sizes and times of these files (not their texts), where not known. */
  async stat(files: string[]): Promise<void> {
    await this.fetch(new Map(files.filter((f) => !this.meta.has(f)).map((f) => [f, 0])));
  }

  /** The workspace sweep: the texts of these files, where not held. */
  async load(files: string[]): Promise<void> {
    await this.fetch(new Map(files.filter((f) => !this.bytes.has(f)).map((f) => [f, DOCUMENT_MAX_BYTES])));
  }

  /** Fetches these files (path → cap) in one request per batch; also what config discovery and the listing ask for. */
  async fetchAll(files: Iterable<string>): Promise<Learned | undefined> {
    return this.fetch(new Map([...files].map((f) => [f, capFor(f)])));
  }

  /** A file's size and modification time, if known. */
  stamp(file: string): string | undefined {
    const m = this.meta.get(file);
    return m?.type === 'file' ? `${m.mtime}:${m.size}` : undefined;
  }

  // ---- internals ----

  /** Fetches what is not held (or held with too small a cap), in batches; says what was new. */
  private async fetch(want: Map<string, number>): Promise<Learned | undefined> {
    const todo: Array<{ file: string; cap: number }> = [];
    const waits: Array<Promise<void>> = [];
    for (const [file, cap] of want) {
      if (this.isFolder(file) || !this.folderOf(file)) continue;
      const p = this.pending.get(file);
      if (p) waits.push(p);
      else if (!this.holds(file, cap)) todo.push({ file, cap });
    }
    const learned: Learned = { config: false, documents: false };
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      const request = this.client.sendRequest(READ_FILES_METHOD, { files: batch.map((f) => ({ uri: pathToUri(f.file), cap: f.cap })) }).then((r) => {
        for (const a of (r as ReadFilesResult | null)?.files ?? []) {
          const file = uriToPath(a.uri);
          if (file && batch.some((f) => f.file === file) && this.store(file, a)) {
            if (hasDocumentExtension(file)) learned.documents = true;
            else learned.config = true;
          }
        }
      });
      const settled = request.catch(() => undefined).finally(() => {
        for (const f of batch) if (this.pending.get(f.file) === settled) this.pending.delete(f.file);
      });
      for (const f of batch) this.pending.set(f.file, settled);
      waits.push(settled);
    }
    await Promise.all(waits);
    return learned.config || learned.documents ? learned : undefined;
  }

  /**
   * Keeps an answer; true when it changes what a read would have given (a file
   * not known was answered "no such file", so learning that it is missing is
   * nothing new).
   */
  private store(file: string, a: FileAnswer): boolean {
    const before: Meta = this.meta.get(file) ?? { type: 'missing' };
    const meta: Meta = a.type === 'file' ? { type: 'file', size: a.size, mtime: a.mtime } : a.type === 'other' ? { type: 'other', what: a.what } : a.type === 'error' ? { type: 'error', error: a.error } : { type: a.type };
    this.meta.set(file, meta);
    let fresh = JSON.stringify(before) !== JSON.stringify(meta);
    if (fresh) this.drop(file);
    if (a.type === 'file' && a.data !== undefined) {
      if (!this.bytes.has(file)) fresh = true;
      this.keep(file, fromBase64(a.data));
    }
    return fresh;
  }

  private holds(file: string, cap: number): boolean {
    const m = this.meta.get(file);
    if (!m) return false;
    if (m.type !== 'file' || cap === 0 || m.size > cap) return true;
    return this.bytes.has(file);
  }

  private keep(file: string, b: Uint8Array): void {
    this.drop(file);
    if (b.length > TEXT_BUDGET) return;
    this.bytes.set(file, b);
    this.held += b.length;
    for (const [k, v] of this.bytes) {
      if (this.held <= TEXT_BUDGET) break;
      this.bytes.delete(k);
      this.held -= v.length;
    }
  }

  private drop(file: string): void {
    const b = this.bytes.get(file);
    if (b) {
      this.bytes.delete(file);
      this.held -= b.length;
    }
  }

  /** Notes a path asked for; false when it lies outside every workspace folder (then it does not exist for us). */
  private note(file: string): boolean {
    if (!this.folderOf(file)) return false;
    this.recording?.touched.add(file);
    return true;
  }

  private miss<R>(file: string, cap: number, answer: R): R {
    const r = this.recording;
    if (r) r.missed.set(file, Math.max(cap, r.missed.get(file) ?? 0));
    return answer;
  }

  private isFolder(file: string): boolean {
    return this.folders().includes(file);
  }

  private folderOf(file: string): string | undefined {
    return this.folders()
      .filter((f) => file === f || file.startsWith(f.endsWith('/') ? f : `${f}/`))
      .sort((a, b) => b.length - a.length)[0];
  }
}

/** How much of a file a read will want: a document's cap for Markdown, a config file's for the rest. */
function capFor(file: string): number {
  return hasDocumentExtension(file) ? DOCUMENT_MAX_BYTES : CONFIG_MAX_BYTES;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
