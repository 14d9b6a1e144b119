// Runs the core for a document and remembers the result per document version,
// so diagnostics, hovers, completions, outline and code lens of one version
// share one analysis. One parse cache serves every document: the core memoises
// parses per top-level chunk, so an edit re-parses only the chunk it touched.
import * as path from 'node:path';
import { analyse, lint, lintAnalysis, type Analysis, type LintContext, type LintResult, type Policy, type PolicyProblem } from '../core';
import { LineIndex, LruCache } from '../core';
import { contextFor, LinkedFiles, locateFindings, WordTexts, type FileHost } from '../engine';
import type { Offload } from './offload';

import type { PolicyStore } from './policies';
import type { Settings } from './settings';
import { uriToPath } from './uris';

export interface Linted {
  uri: string;
  /** Document version (open documents) or undefined (read from disk). */
  version?: number;
  /** Changes whenever the diagnostics may have changed; the pull protocol's resultId. */
  resultId: string;
  text: string;
  lines: LineIndex;
  enabled: boolean;
  policy?: Policy;
  /** Why the policy could not be loaded (config or pack errors). */
  problems: PolicyProblem[];
  /** What the policy left out (a workspace regex in an untrusted workspace), shown on the document. */
  warnings?: PolicyProblem[];
  result?: LintResult;
  /** Absolute paths of linked files (EqIAs) the result depends on. */
  dependencies: string[];
  /** Memo key: version, settings and policy generation. */
  key: string;
  /** Linted on the offload worker (a large document): no analysis is kept for hovers and the like. */
  offloaded?: boolean;
  /** Linked Word EqIAs (real paths) this lint found not yet converted: convert them and lint again. */
  wordPending?: string[];
  /** The text is a Word document's Markdown rendering: findings carry where they are in Word. */
  word?: boolean;
}

/** Documents at least this long are linted off the main thread when an offload worker is given (about 1 MB: half a second of lint). */
export const OFFLOAD_CHARS = 1_000_000;

/** How many documents keep their full Analysis in memory (others recompute it on demand). */
const ANALYSES_KEPT = 16;

export class LintService {
  // Bounded by the source text held, not entry count (see LruCache).
  readonly cache: LruCache;
  /** Large documents' lints in flight on the offload worker, so one request's work serves the next. */
  private readonly inflight = new Map<string, { key: string; text: string; done: Promise<Linted> }>();
  private readonly memo = new Map<string, Linted>();
  private readonly analyses = new Map<string, { key: string; analysis: Analysis }>();
  /** Linked files each open document's last lint read; kept across invalidation, dropped on close. */
  private readonly deps = new Map<string, string[]>();
  private resultCounter = 0;
  /** Bumped when settings change; part of every memo key. */
  settingsGeneration = 0;
  /** Linked Word EqIAs converted so far (kept while their bytes are unchanged), for every document. */
  readonly words: WordTexts;

  constructor(
    private readonly policies: PolicyStore,
    private readonly host: FileHost,
    /** Text of an open document with this path, so linked EqIAs being edited count as they are. */
    private readonly openText: (file: string) => string | undefined,
    opts: { cacheChars?: number; offload?: Offload } = {},
  ) {
    this.cache = new LruCache({ maxWeight: opts.cacheChars ?? 4_000_000, weigh: (key) => key.length });
    this.offload = opts.offload;
    this.words = new WordTexts(host, (file) => policies.styleMapFor(file));
  }

  private readonly offload?: Offload;

  /**
   * The lint of an open document as `lint` gives it; a large one runs on the
   * offload worker (see offload.ts) while this thread answers other requests.
   */
  async lintAsync(uri: string, text: string, version: number | undefined, settings: Settings): Promise<Linted> {
    if (!this.offload || !settings.enable || text.length < OFFLOAD_CHARS) return this.lint(uri, text, version, settings);
    const key = `${version ?? 'disk'}:${this.policies.generation}:${this.settingsGeneration}`;
    const prev = this.memo.get(uri);
    if (prev && prev.key === key && prev.text === text) return prev;
    const flying = this.inflight.get(uri);
    if (flying && flying.key === key && flying.text === text) return flying.done;
    const done = this.offloaded(uri, text, version, settings, key);
    this.inflight.set(uri, { key, text, done });
    try {
      return await done;
    } finally {
      if (this.inflight.get(uri)?.done === done) this.inflight.delete(uri);
    }
  }

  /** `lintDetached`, off this thread for a large document (a closed file of a workspace sweep). */
  async lintDetachedAsync(uri: string, text: string, settings: Settings, opts: { word?: boolean } = {}): Promise<Linted> {
    // A Word document's findings are located in its model, which only this thread holds.
    if (!this.offload || !settings.enable || text.length < OFFLOAD_CHARS || opts.word) return this.lintDetached(uri, text, settings, opts);
    return this.offloaded(uri, text, undefined, settings, 'detached', false);
  }

  private async offloaded(uri: string, text: string, version: number | undefined, settings: Settings, key: string, remember = true): Promise<Linted> {
    const own = this.policies.forDocument(uri, settings);
    const reply = await this.offload!.lint({ uri, text, settings, folders: this.policies.folderList(), trusted: this.policies.isTrusted(), generation: this.policies.generation });
    // A worker that failed leaves the lint to this thread: slow, but never wrong.
    if (reply.error || (!reply.result && !reply.problems.length)) return remember ? this.lint(uri, text, version, settings) : this.lintDetached(uri, text, settings);
    const file = uriToPath(uri);
    const dependencies = file && reply.result ? reply.result.dependencies.map((d) => path.resolve(path.dirname(file), d)) : [];
    const linted: Linted = { uri, version, resultId: `${++this.resultCounter}`, text, key, lines: new LineIndex(text), enabled: true, policy: own.policy, problems: reply.problems, warnings: own.warnings, result: reply.result, dependencies, offloaded: true };
    if (remember) {
      this.memo.set(uri, linted);
      this.deps.set(uri, dependencies);
    }
    return linted;
  }

  /** The lint of `text` as version `version` of `uri`, reusing the last one when nothing changed. */
  lint(uri: string, text: string, version: number | undefined, settings: Settings): Linted {
    const key = `${version ?? 'disk'}:${this.policies.generation}:${this.settingsGeneration}`;
    const prev = this.memo.get(uri);
    if (prev && prev.key === key && prev.text === text) return prev;
    const linted = this.run(uri, text, version, settings, key);
    this.memo.set(uri, linted);
    this.deps.set(uri, linted.dependencies);
    return linted;
  }

  /** A one-off lint (a closed file of the workspace, or a Word document's rendering): nothing of it is remembered. */
  lintDetached(uri: string, text: string, settings: Settings, opts: { word?: boolean } = {}): Linted {
    return this.run(uri, text, undefined, settings, 'detached', false, opts.word);
  }

  /**
   * Converts the linked Word EqIAs a lint found not converted (the core reads
   * linked files synchronously; conversion is not), and forgets that lint.
   * True when the document should be linted again.
   */
  async convertPending(l: Linted): Promise<boolean> {
    if (!l.wordPending?.length) return false;
    await this.words.convert(l.wordPending);
    this.invalidate([l.uri]);
    return true;
  }

  /** The last lint of a document, whatever its version. */
  last(uri: string): Linted | undefined {
    return this.memo.get(uri);
  }

  /** The full analysis behind a lint (recomputed if it was evicted). */
  analysis(l: Linted): Analysis | undefined {
    if (!l.enabled || !l.policy || l.offloaded) return undefined;
    const kept = this.analyses.get(l.uri);
    if (kept && kept.key === l.key) return kept.analysis;
    try {
      const a = analyse(l.text, this.context(l.uri, l.policy));
      this.keep(l.uri, l.key, a);
      return a;
    } catch {
      return undefined;
    }
  }

  forget(uri: string): void {
    this.memo.delete(uri);
    this.analyses.delete(uri);
    this.deps.delete(uri);
  }

  /** Drops memoised results so the next request lints afresh (settings, policy or a linked file changed). */
  invalidate(uris?: Iterable<string>): void {
    if (!uris) {
      this.memo.clear();
      this.analyses.clear();
      // Settings or policies changed: a style map may have too.
      this.words.clear();
      return;
    }
    for (const u of uris) {
      this.memo.delete(u);
      this.analyses.delete(u);
    }
  }

  /** Open documents whose last lint read the file at `file`. */
  dependents(file: string): string[] {
    const out: string[] = [];
    for (const [uri, deps] of this.deps) if (deps.includes(file)) out.push(uri);
    return out;
  }

  private run(uri: string, text: string, version: number | undefined, settings: Settings, key: string, keepAnalysis = true, word = false): Linted {
    const resultId = `${++this.resultCounter}`;
    const base = { uri, version, resultId, text, key, problems: [] as PolicyProblem[], dependencies: [] as string[] };
    if (!settings.enable) return { ...base, lines: new LineIndex(text), enabled: false };
    const { policy, problems, warnings } = this.policies.forDocument(uri, settings);
    if (!policy) return { ...base, lines: new LineIndex(text), enabled: true, problems };
    const wanted = new Set<string>();
    const ctx = this.context(uri, policy, wanted);
    let result: LintResult;
    let lines: LineIndex;
    try {
      const a = analyse(text, ctx);
      result = lintAnalysis(a, ctx);
      lines = a.model.lines;
      if (word) locateFindings(result, a.model);
      if (keepAnalysis) this.keep(uri, key, a);
    } catch {
      // lint() turns a failure into an internal-error finding rather than throwing.
      result = lint(text, ctx);
      lines = new LineIndex(text);
    }
    const file = uriToPath(uri);
    const dependencies = file ? result.dependencies.map((d) => path.resolve(path.dirname(file), d)) : [];
    return { ...base, lines, enabled: true, policy, result, dependencies, warnings, ...(wanted.size ? { wordPending: [...wanted] } : {}), ...(word ? { word } : {}) };
  }

  private context(uri: string, policy: Policy, wanted?: Set<string>): LintContext {
    const file = uriToPath(uri);
    if (!file) return { fileName: uri, policy, cache: this.cache };
    // Linked files are read once per lint (an EqIA linked under many spellings is read once),
    // and only inside the document's workspace folder, as the CLI does; Word ones are converted once.
    const linked = new LinkedFiles({ host: this.host, rootFor: (f) => this.policies.rootFor(f), overlay: this.openText, words: this.words });
    return contextFor(linked, file, policy, { cache: this.cache, wanted });
  }

  private keep(uri: string, key: string, analysis: Analysis): void {
    this.analyses.delete(uri);
    this.analyses.set(uri, { key, analysis });
    if (this.analyses.size > ANALYSES_KEPT) this.analyses.delete(this.analyses.keys().next().value as string);
  }
}
