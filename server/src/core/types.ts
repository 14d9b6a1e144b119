// Shared shapes of the pure core: what lint() takes and returns. Positions are
// 1-based (unist style); columns count UTF-16 code units, as editors do.
import type { Policy } from './policy/types';
import type { Severity } from './severity';
import type { Location } from './model/locate';

export type { Severity, SeveritySetting } from './severity';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What a quick fix needs; adapters rebuild fixes from this alone. */
export interface FixData {
  kind: string;
  [key: string]: unknown;
}

export interface Diagnostic extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  data?: FixData;
  /**
   * Where a reader of the source document finds it, when that is not the text
   * linted (a Word document: line and column are of its Markdown rendering).
   * Never set by lint(); the engine adds it (model/locate.ts).
   */
  location?: Location;
}

/** A diagnostic an author waived inline, kept so SARIF can report the suppression. */
export interface SuppressedDiagnostic extends Diagnostic {
  justification: string;
}

export type ElementStatus = 'present' | 'missing' | 'empty';
export type GroupStatus = 'covered' | 'missing' | 'unassessed';

export interface ElementCoverage {
  status: ElementStatus;
  line?: number;
  aspects?: Record<string, 'present' | 'missing'>;
}

export interface GroupCoverage {
  status: GroupStatus;
  line?: number;
  source?: string;
}

export interface WccTag {
  number: number;
  line: number;
}

export interface WccInvalid {
  line: number;
  text: string;
  reason: string;
}

export interface Coverage {
  ipc: Record<string, ElementCoverage>;
  eqia: { status: ElementStatus; line?: number; source?: string; groups: Record<string, GroupCoverage> };
  wcc: { tags: WccTag[]; invalid: WccInvalid[]; covered: number[]; missing: number[] };
}

/** A file the EqIA lives in, supplied by the caller (the core does no I/O). */
export interface LinkedText {
  path: string;
  text: string;
  /** The same file however it is spelled (its real path): read and parsed once per document. */
  key?: string;
}

/** A linked file the caller would not or could not read, and why (one clause: "is outside the workspace"). */
export interface LinkedRefusal {
  path: string;
  refused: string;
}

export type LinkedFile = LinkedText | LinkedRefusal;

export interface LintContext {
  /** Name shown in coverage `source` and used to resolve relative links. */
  fileName?: string;
  policy: Policy;
  /** Reads a file linked from the strategy (path as written, URL-decoded); undefined reads as "no such file". */
  readLinked?: (relativePath: string) => LinkedFile | undefined;
  /** Optional memo of per-chunk parses, reused across edits of the same document. */
  cache?: ParseCache;
}

export interface ParseCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  coverage: Coverage;
  /** Paths of linked files the result depends on (so editors can re-lint on change). */
  dependencies: string[];
}
