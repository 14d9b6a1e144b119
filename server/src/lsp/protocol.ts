// The server's own protocol extensions, shared with the VS Code client: names
// and payload shapes only (the client bundles this file, nothing else of the server).

/** Server → client after each fresh lint of an open document; request: client → server for one document. */
export const COVERAGE_METHOD = 'commissioningLint/coverage';
/** Client → server: lint every strategy in the workspace (params may carry a workDoneToken). */
export const LINT_WORKSPACE_METHOD = 'commissioningLint/lintWorkspace';
/** Client → server: memory and cache figures (benchmarks, bug reports). */
export const STATS_METHOD = 'commissioningLint/stats';
/** Client → server: a Word document's Markdown rendering ({ uri } of a .docx → ConvertWordResult); the server writes nothing. */
export const CONVERT_WORD_METHOD = 'commissioningLint/convertWord';
/** The client command a code lens runs (with the document URI); other editors may ignore it. */
export const SHOW_REPORT_COMMAND = 'commissioningLint.showCoverageReport';

export interface CoverageInfo {
  uri: string;
  version?: number;
  /** "IPC 6/7 · EqIA 4/6 · WCC 7/11", or why there is none. */
  summary: string;
  enabled: boolean;
  policy?: string;
  /** The JSON contract's coverage object (DESIGN.md). */
  coverage?: unknown;
  /** Markdown report (request only). */
  report?: string;
}

export interface LintWorkspaceSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

// Files the server asks the client for, where it cannot read them itself (the
// web extension: no file system in a Web Worker). See server/src/web/client-host.ts.

/** Server → client: stat each file and, when it is a regular file of at most `cap` bytes, read it. */
export const READ_FILES_METHOD = 'commissioningLint/readFiles';
/** Server → client: the Markdown documents of a workspace folder (vscode.workspace.findFiles). */
export const FIND_FILES_METHOD = 'commissioningLint/findFiles';

export interface ReadFilesParams {
  files: Array<{ uri: string; cap: number }>;
}

/** One file as the client found it; `data` (base64) only for a regular file within the cap. */
export type FileAnswer =
  | { uri: string; type: 'file'; size: number; mtime: number; data?: string }
  | { uri: string; type: 'directory' | 'missing' }
  | { uri: string; type: 'other'; what: string }
  | { uri: string; type: 'error'; error: string };

export interface ReadFilesResult {
  files: FileAnswer[];
}

export interface FindFilesParams {
  /** The workspace folder's URI. */
  folder: string;
  max: number;
}

export interface FindFilesResult {
  uris: string[];
  /** More than `max` matched; the list was cut. */
  truncated?: boolean;
}

/** The Markdown rendering of a Word document, or why it could not be read (a clause after the file name). */
export type ConvertWordResult = { markdown: string; warning?: string } | { error: string };
