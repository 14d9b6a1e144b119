// Worker thread side of the pool. A worker runs the same bundle as the CLI (through
// dist/cli.js, so it starts from V8's code cache too); main.ts sees the flag the pool
// sets and calls runWorker() instead of the command. It lints the files it is sent,
// one message per file, with its own engine.
import { lintFile } from '../engine';
import { makeEngine, WORKER_FLAG, type WorkerInit, type WorkerTask } from './worker-protocol';

export function isWorker(): boolean {
  return (globalThis as Record<string, unknown>)[WORKER_FLAG] === true;
}

export function runWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const engine = makeEngine(workerData as WorkerInit);
  parentPort!.on('message', async (task: WorkerTask) => {
    parentPort!.postMessage({ index: task.index, result: await lintFile(engine, task.file) });
  });
}
