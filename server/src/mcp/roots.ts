// Where the server may read: the folders the client shares as MCP roots (its
// workspace), or the server's working directory when the client offers none.
// A path an assistant names is taken only if, with every symlink resolved, it
// lies inside one of them, outside .git, and is a Markdown file; anything else
// is refused with a reason and nothing of it is read. Linked EqIAs follow the
// engine's rule (engine/linked.ts) with these roots as the workspace.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { hasDocumentExtension } from '../engine';
import { nodeHost } from '../engine/node';

/** How long the client has to answer roots/list. */
const ROOTS_TIMEOUT_MS = 10_000;

export class Roots {
  private cached?: Promise<string[]>;

  constructor(
    private readonly server: Server,
    private readonly cwd: string,
  ) {}

  /** The client said its roots changed. */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Real paths of the roots (cached until the client says they changed); rejects when the client will not say. */
  list(): Promise<string[]> {
    if (!this.cached) {
      const p = this.fetch();
      this.cached = p;
      // A failed request is asked again next time.
      p.catch(() => {
        if (this.cached === p) this.cached = undefined;
      });
    }
    return this.cached;
  }

  private async fetch(): Promise<string[]> {
    const fallback = () => [nodeHost.realpath(this.cwd) ?? this.cwd];
    if (!this.server.getClientCapabilities()?.roots) return fallback();
    let listed: Array<{ uri: string }>;
    try {
      listed = (await this.server.listRoots(undefined, { timeout: ROOTS_TIMEOUT_MS })).roots;
    } catch (err) {
      // One line (the SDK's schema errors are pretty-printed JSON), of a readable length.
      const why = String((err as Error)?.message ?? err).replace(/\s+/g, ' ').slice(0, 300);
      throw new Error(`the client did not list its roots: ${why}`);
    }
    if (!listed.length) return fallback();
    const out: string[] = [];
    for (const r of listed) {
      let dir: string;
      try {
        dir = fileURLToPath(r.uri);
      } catch {
        continue; // not a file: URI, or not one for this machine
      }
      const real = nodeHost.realpath(dir);
      if (real && !out.includes(real)) out.push(real);
    }
    return out;
  }
}

export type Located = { file: string; root: string } | { refused: string };

/**
 * The real path of `written` (absolute, a file: URI, or relative to the first
 * root) when it is a Markdown file inside a root; `mustExist: false` allows a
 * file not yet saved (text given with a path), whose folder is then checked.
 */
export function locate(written: string, roots: string[], mustExist: boolean): Located {
  if (!roots.length) return { refused: 'the client shares no folder on this machine as a root, so no path can be read' };
  let abs: string;
  try {
    abs = /^file:/i.test(written) ? fileURLToPath(written) : path.resolve(roots[0], written);
  } catch {
    return { refused: 'is not a file path or a file: URI for this machine' };
  }
  if (!hasDocumentExtension(abs)) return { refused: 'is not a Markdown file (.md or .markdown)' };
  let real = nodeHost.realpath(abs);
  if (!real) {
    if (mustExist) return { refused: 'cannot read: no such file' };
    // Not saved yet: its nearest existing folder, symlinks resolved, decides where it is.
    let dir = path.dirname(abs);
    const rest = [path.basename(abs)];
    let realDir = nodeHost.realpath(dir);
    while (!realDir && dir !== path.dirname(dir)) {
      rest.unshift(path.basename(dir));
      dir = path.dirname(dir);
      realDir = nodeHost.realpath(dir);
    }
    real = path.join(realDir ?? dir, ...rest);
  }
  const root = roots.filter((r) => inside(real!, r)).sort((a, b) => b.length - a.length)[0];
  if (!root) return { refused: "is outside the client's roots (symlinks resolved)" };
  if (path.relative(root, real).split(path.sep).includes('.git')) return { refused: 'is inside a .git folder, not the workspace' };
  if (!hasDocumentExtension(real)) return { refused: 'is a link to a file that is not Markdown' };
  return { file: real, root };
}

function inside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
