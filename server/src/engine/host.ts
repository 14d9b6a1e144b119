// What the engine needs of a file system, so the same engine serves the CLI
// and the language server on Node (node-host.ts: the guarded reader) and the
// web extension, where the VS Code client supplies files (no disk at all).
export type ReadResult = { bytes: Uint8Array } | { error: string; missing?: boolean };

export interface FileHost {
  /** A regular file's bytes, at most `cap` of them; anything else is a one-line reason. */
  read(file: string, cap: number): ReadResult;
  /** The path with every symlink resolved, or undefined when it does not exist. */
  realpath(file: string): string | undefined;
  /** Whether anything exists there, file or not (config discovery; reading it says what is wrong). */
  exists(file: string): boolean;
}

export function isReadError(r: ReadResult): r is { error: string; missing?: boolean } {
  return 'error' in r;
}
