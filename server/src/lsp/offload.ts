// Large documents are linted on a worker thread, so the language server never
// blocks for long: a 10 MB strategy takes seconds to lint, and in that time
// every other request (a hover, an edit elsewhere) would wait. The worker runs
// the same engine (its own policies and parse cache, so an edit re-parses only
// the chunks it touched); the main thread gets the lint result. What needs the
// whole analysis in memory (hovers, completion, outline) is not offered for such
// documents; diagnostics, coverage, code lens and quick fixes are.
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { LintResult, PolicyProblem } from '../core';
import type { Settings } from './settings';

/** Set on the worker thread's workerData: runs offload-worker.ts's loop instead of a server. */
export const OFFLOAD_FLAG = 'commissioningLintOffload';

export interface OffloadRequest {
  id: number;
  uri: string;
  text: string;
  settings: Settings;
  folders: string[];
  trusted: boolean;
  /** Policy generation: when it moves, the worker loads policies afresh. */
  generation: number;
}

export interface OffloadReply {
  id: number;
  result?: LintResult;
  problems: PolicyProblem[];
  error?: string;
}

/** The main thread's side: one worker, started on first use, requests answered in turn. */
export class Offload {
  private worker?: Worker;
  private next = 1;
  private readonly pending = new Map<number, (r: OffloadReply) => void>();

  constructor(private readonly script: string) {}

  lint(req: Omit<OffloadRequest, 'id'>): Promise<OffloadReply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.start().postMessage({ ...req, id } satisfies OffloadRequest);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const w = new Worker(this.script, { workerData: { [OFFLOAD_FLAG]: true } });
    w.on('message', (r: OffloadReply) => {
      this.pending.get(r.id)?.(r);
      this.pending.delete(r.id);
    });
    // A worker that dies answers what it owed with an error, and the next request starts another.
    const fail = (why: string) => {
      for (const [id, resolve] of this.pending) resolve({ id, problems: [], error: why });
      this.pending.clear();
      if (this.worker === w) this.worker = undefined;
    };
    w.on('error', (err) => fail(`the lint worker failed: ${err.message}`));
    w.on('exit', (code) => fail(`the lint worker stopped (exit code ${code})`));
    w.unref();
    this.worker = w;
    return w;
  }
}

/** The server bundle's own path: the worker runs it with the flag set. */
export function serverScript(): string {
  return path.join(__dirname, path.basename(__filename));
}
