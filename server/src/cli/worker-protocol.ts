// What the pool and its worker threads say to each other, and how a thread
// builds the same engine as the main thread (kept apart from both, so neither
// imports the other).
import { ConfigResolver, LinkedFiles, type Engine } from '../engine';
import { nodeHost } from '../engine/node';

/** What a worker needs to build the same engine as the main thread. */
export interface WorkerInit {
  config?: string;
  policy?: string;
  cwd: string;
}

export interface WorkerTask {
  index: number;
  file: string;
}

/** Set (by the pool's worker bootstrap) on a worker thread's global object. */
export const WORKER_FLAG = '__commissioningLintWorker';

/** A thread's engine: its own config resolver (compiled policies) and linked-file reader. */
export function makeEngine(init: WorkerInit): Engine {
  const resolver = new ConfigResolver({ ...init, host: nodeHost });
  return { resolver, linked: new LinkedFiles({ host: nodeHost, rootFor: (f) => resolver.rootFor(f) }) };
}
