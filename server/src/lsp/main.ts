// Language server entry (dist/server.js): `--stdio` (the default), `--node-ipc`,
// `--socket=N` or `--pipe=NAME`. The process never dies of a bug: stray errors
// are logged to the client, and nothing is ever written to disk.
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { isMainThread, workerData } from 'node:worker_threads';
import { startServer } from './server';
import { adoptStdio, stdioStreams } from './transport';
import { nodeHost } from '../engine/node';
import { Offload, OFFLOAD_FLAG, serverScript } from './offload';
import { runOffloadWorker } from './offload-worker';

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
  const state = startServer(connection, nodeHost, new Offload(serverScript()));
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (err) => state.log(event, err));
  }
}

// The same bundle runs the offload worker (offload.ts) on a worker thread.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[OFFLOAD_FLAG]) runOffloadWorker();
else serve();
