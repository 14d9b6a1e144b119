// What the tools share: the client's roots, one policy loader (built-in packs
// compile once), and the one way a tool's `text` / `path` becomes a document:
// the engine's ConfigResolver, LinkedFiles and guarded reader, as the CLI and
// the language server use them. Config and packs are read afresh on every
// call, so an edited .commissioning-lint.yaml counts at once.
import * as path from 'node:path';
import { PolicyLoader, type Policy } from '../core';
import { ConfigResolver, LinkedFiles, lintFile, readDocument, type Engine, type FileHost, type FileResult, type Resolved } from '../engine';
import { nodeHost } from '../engine/node';
import { locate, type Roots } from './roots';

export interface McpOptions {
  /** --policy: a built-in id or a pack file, for every call that names none. */
  policy?: string;
  /** --config: one config file for every document. */
  config?: string;
  cwd: string;
}

/** A refusal or a bad request, said to the assistant as the tool's error. */
export class ToolError extends Error {}

export interface Doc {
  /** Absolute real path (an unsaved draft's intended path, or "untitled.md" in the first root). */
  file: string;
  /** The path as shown: relative to its root, with "/". */
  display: string;
  text: string;
  /** Why the text may not read as the file does (invalid UTF-8). */
  warning?: string;
  engine: Engine;
}

/** Where a draft given without a path sits: in the first root, under this name. */
const UNTITLED = 'untitled.md';

/** A host with no files: linked EqIAs of a draft when the client shares no root are refused, not read. */
const NO_FILES: FileHost = { read: () => ({ error: 'no such file', missing: true }), realpath: () => undefined, exists: () => false };

export class Session {
  private readonly loader = new PolicyLoader();

  constructor(
    readonly opts: McpOptions,
    readonly roots: Roots,
  ) {}

  /** The client's roots (real paths); a tool error when the client will not list them. */
  async rootList(): Promise<string[]> {
    try {
      return await this.roots.list();
    } catch (err) {
      throw new ToolError((err as Error).message);
    }
  }

  /** The engine for one call: linked files only inside the root that holds the document. */
  engine(roots: string[], policy?: string): Engine {
    const resolver = new ConfigResolver({ policy: policy ?? this.opts.policy, config: this.opts.config, cwd: this.opts.cwd, host: nodeHost, loader: this.loader, roots });
    const host = roots.length ? nodeHost : NO_FILES;
    return { resolver, linked: new LinkedFiles({ host, rootFor: (f) => resolver.rootFor(f) }) };
  }

  /** The document a tool was given: `text`, `path` (read through the guarded reader), or both. */
  async document(args: { text?: string; path?: string; policy?: string }): Promise<Doc> {
    if (args.text === undefined && args.path === undefined) throw new ToolError('give the strategy as `text`, or the `path` of a Markdown file inside the client\'s roots');
    const roots = await this.rootList();
    const engine = this.engine(roots, args.policy);
    if (args.path === undefined) {
      const dir = roots[0] ?? this.opts.cwd;
      return { file: path.join(dir, UNTITLED), display: UNTITLED, text: args.text!, engine };
    }
    const at = locate(args.path, roots, args.text === undefined);
    if ('refused' in at) throw new ToolError(refusal(args.path, at.refused));
    const display = path.relative(at.root, at.file).split(path.sep).join('/');
    if (args.text !== undefined) return { file: at.file, display, text: args.text, engine };
    const read = readDocument(nodeHost, at.file);
    if ('error' in read) throw new ToolError(refusal(args.path, read.error.startsWith('cannot read') ? read.error : `cannot read: ${read.error}`));
    return { file: at.file, display, text: read.text, warning: read.warning, engine };
  }

  /** Lints a document as the CLI would; a config or pack that cannot be loaded is a tool error. */
  async lint(doc: Doc): Promise<FileResult> {
    const r = await lintFile(doc.engine, doc.file, doc.text);
    if (r.error || !r.diagnostics || !r.coverage) throw new ToolError(`cannot lint ${doc.display}: ${r.error ?? 'no result'}`);
    return r;
  }

  /** The policy documents in the first root are linted with (its config, --policy or `policy`, else the default). */
  async activePolicy(policy?: string): Promise<{ policy: Policy; resolved: Resolved; root?: string }> {
    const roots = await this.rootList();
    const root = roots[0];
    const resolved = this.engine(roots, policy).resolver.forFile(path.join(root ?? this.opts.cwd, UNTITLED));
    if (!resolved.policy) {
      const p = resolved.problems[0];
      throw new ToolError(`cannot load the policy: ${p ? `${p.file}:${p.line}:${p.column}: ${p.message}` : 'unknown error'}`);
    }
    return { policy: resolved.policy, resolved, root };
  }

  /** A built-in pack as shipped (no workspace config). */
  builtin(id: string): Policy | undefined {
    return this.loader.load({ policy: id }).policy;
  }
}

/** `"x.md" is outside the client's roots`, `cannot read "x.md": not a regular file (a FIFO)`. */
function refusal(written: string, why: string): string {
  const q = JSON.stringify(written);
  return why.startsWith('cannot read: ') ? `cannot read ${q}: ${why.slice('cannot read: '.length)}` : `${q} ${why}`;
}

/**
 * Wraps a tool's handler: a ToolError becomes the tool's error result (the
 * assistant reads it and can try again); anything else too, logged to stderr
 * as an internal error. Nothing a call does ends the server.
 */
export function toolHandler<A>(name: string, run: (args: A) => Promise<ToolResult> | ToolResult): (args: A) => Promise<ToolResult> {
  return async (args: A) => {
    try {
      return await run(args);
    } catch (err) {
      if (err instanceof ToolError) return toolError(err.message);
      process.stderr.write(`commissioning-lint: internal error in ${name}: ${(err as Error)?.stack ?? err}\n`);
      return toolError(`internal error: ${(err as Error)?.message ?? err}`);
    }
  };
}

export interface ToolResult {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export function toolError(text: string): ToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
