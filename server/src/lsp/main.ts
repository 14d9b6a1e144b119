// Language server entry (dist/server.js): `--stdio` (the default), `--node-ipc`,
// `--socket=N` or `--pipe=NAME`. The process never dies of a bug: stray errors
// are logged to the client, and nothing is ever written to disk. The same
// bundle, on a worker thread, lints large documents (offload.ts).
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { isMainThread, workerData } from 'node:worker_threads';
import * as v8 from 'node:v8';
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

// TurboFan inlines about a third as much into one function (920 bytes of bytecode by
// default). The recognisers' and the parser's long functions are optimised, thrown away
// on a new shape and optimised again for the first few large strategies and their edits,
// each compile taking 100-300 ms of a background thread that, on two cores, competes
// with the lint itself. With 300: a third to a half less compiling, 25% less CPU on
// other threads over 100 edits of a rich 500 KB strategy, main-thread time the same
// (docs/bench.md). Set before any of the bundle's hot code is optimised; the flags are
// the process's, so the offload worker has them too.
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[OFFLOAD_FLAG]) runOffloadWorker();
else serve();
