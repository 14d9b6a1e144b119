// What every output format receives: the run's results, ready to print.
import type { Policy } from '../../core';
import type { FileResult } from '../../engine';

export interface Report {
  /** Results in a stable order (as given on the command line, directories sorted). */
  results: FileResult[];
  /** Paths as shown to the user (relative to the working directory, forward slashes). */
  display: (file: string) => string;
  policyId: string;
  policy?: Policy;
  version: string;
  color: boolean;
  quiet: boolean;
  /** The working directory paths are shown relative to (SARIF names it as the source root). */
  cwd?: string;
}

export type Formatter = (report: Report) => string;
