// The worker-thread side of offload.ts: lints large documents with the same
// engine as the main thread (policies from the same config files, linked EqIAs
// through the same guarded reader), keeping its own parse cache across edits.
import type { OffloadReply, OffloadRequest } from './offload';
import { nodeHost } from '../engine/node';
import { LintService } from './lint-service';
import { PolicyStore } from './policies';

export function runOffloadWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  let folders: string[] = [];
  let trusted = true;
  let generation = -1;
  const policies = new PolicyStore(() => folders, nodeHost, () => trusted);
  // Room for a few large documents' chunk parses, so an edit re-parses only what it touched.
  const service = new LintService(policies, nodeHost, () => undefined, { cacheChars: 64_000_000 });
  parentPort!.on('message', (req: OffloadRequest) => {
    if (req.generation !== generation || req.trusted !== trusted || req.folders.join('\n') !== folders.join('\n')) {
      folders = req.folders;
      trusted = req.trusted;
      generation = req.generation;
      policies.invalidate();
      service.invalidate();
    }
    let reply: OffloadReply;
    try {
      const l = service.lint(req.uri, req.text, undefined, req.settings);
      reply = { id: req.id, result: l.result, problems: l.problems };
    } catch (err) {
      reply = { id: req.id, problems: [], error: (err as Error).message };
    }
    parentPort!.postMessage(reply);
  });
}
