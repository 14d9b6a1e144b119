// Seams for a server whose files come from the client rather than a disk (the
// web extension's Web Worker; see server/src/web/). The engine reads through a
// synchronous FileHost, so such a host serves only what it already holds: a
// FileSupply fetches ahead of a lint, records what the lint asked for and it
// did not hold, and the lint runs again once that has been fetched. On the
// desktop there is no supply and none of this runs.
import type { ConfigResolver } from '../engine';

/** What a fetch brought that was not known before: config/pack/ignore files, or documents (linked EqIAs). */
export interface Learned {
  config: boolean;
  documents: boolean;
}

export interface FileSupply {
  /** Before a lint of `file`: fetch what it will likely read (config files up its folders, what its last lint read). */
  prepare(file: string): Promise<Learned | undefined>;
  /** Runs `lint` (synchronous, through the host) and says whether it asked for anything the host did not hold. */
  record<T>(file: string, lint: () => T): { result: T; missed: boolean };
  /** Fetches what the last `record` of `file` missed. */
  fetchMissed(file: string): Promise<Learned | undefined>;
  /** A watched file changed, was created or deleted: what is held of it is stale. */
  changed(file: string): void;
}

/** How many times a lint runs at most while it keeps finding files it needs (config → pack → linked EqIA). */
export const MAX_ROUNDS = 4;

/**
 * Where the workspace sweep gets its documents: on the desktop the engine's
 * folder walk (the CLI's own, lsp/node-files.ts); in the web the client's
 * vscode.workspace.findFiles, filtered by the same ignore rules (web/workspace-files.ts).
 */
export interface WorkspaceFiles {
  /** The folder's documents to lint, and one line per problem met (an unreadable folder or ignore file). */
  list(folder: string, resolver: () => ConfigResolver): Promise<{ files: string[]; problems: string[] }>;
  /** Before `stamp` is asked of these files (a sweep's): make their stamps known. */
  prepare?(files: string[]): Promise<void>;
  /** Before a batch of a sweep is linted: fetch the text of those files whose stored lint is `stale`. */
  load?(files: string[], stale: (file: string) => boolean): Promise<void>;
  /** The file's size and modification time, or undefined when it is no longer a file. */
  stamp(file: string): string | undefined;
}
