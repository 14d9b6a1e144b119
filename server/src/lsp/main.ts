// Language server entry (dist/server.js): `--stdio` (the default), `--node-ipc`,
// `--socket=N` or `--pipe=NAME`. The process never dies of a bug: stray errors
// are logged to the client, and nothing is ever written to disk. The same
// bundle, on a worker thread, lints large documents (offload.ts).
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { isMainThread, workerData } from 'node:worker_threads';
import { startServer } from './server';
import { adoptStdio, stdioStreams } from './transport';
import { desktopFiles } from './node-files';
import { Offload, OFFLOAD_FLAG, serverScript } from './offload';
import { runOffloadWorker } from './offload-worker';
import type { ServerState } from './state';
import { WARM_UP_SAMPLES } from './warm-up-samples';

function serve(): void {
  const OTHER_TRANSPORTS = ['--node-ipc', '--socket', '--pipe'];
  const stdio = !process.argv.some((a) => OTHER_TRANSPORTS.some((t) => a.startsWith(t)));
  let connection: Connection;
  if (stdio) {
    const [reader, writer] = stdioStreams();
    connection = createConnection(ProposedFeatures.all, reader, writer);
    adoptStdio(connection);
  } else {
    connection = createConnection(ProposedFeatures.all);
  }
  // Files come from the disk, or from the client for a virtual workspace folder.
  let started: ServerState | undefined;
  const files = desktopFiles(connection, () => started?.folders ?? [], () => {
    started?.policies.invalidate();
    started?.service.invalidate();
  });
  const state = (started = startServer(connection, files.host, { ...files, offload: new Offload(serverScript()), warmUpSamples: WARM_UP_SAMPLES }));
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (err) => state.log(event, err));
  }
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[OFFLOAD_FLAG]) runOffloadWorker();
else serve();
