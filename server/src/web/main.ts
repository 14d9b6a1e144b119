// Language server entry for the browser (dist/web/server.js, a Web Worker
// started by the web extension, client/src/web/extension.ts): the same server
// as the desktop's, speaking LSP over postMessage, with files supplied by the
// client (client-host.ts) and the workspace listed by it (workspace-files.ts).
// Nothing here or below it may need Node (tests/web/bundle.test.js).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import type { ServerState } from '../lsp/state';
import { ClientHost } from './client-host';
import { ClientWorkspaceFiles } from './workspace-files';

/** The worker's global scope, as much of it as is used (the project type-checks without the DOM library). */
interface WorkerScope {
  postMessage(message: unknown): void;
  close(): void;
  addEventListener(type: string, listener: (e: { error?: unknown; message?: string; reason?: unknown }) => void): void;
}
declare const self: WorkerScope;
const port = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
const requester = { sendRequest: (method: string, params: unknown) => connection.sendRequest(method, params) };
let state: ServerState | undefined;
const host = new ClientHost(requester, () => state?.folders ?? []);
const workspaceFiles = new ClientWorkspaceFiles(requester, host, () => {
  state?.policies.invalidate();
  state?.service.invalidate();
});
state = startServer(connection, host, { workspaceFiles, supply: host, noWorkspacePatterns: true });

// The client's `exit` (after shutdown, as on a restart) ends the worker: nothing else would.
connection.onExit(() => self.close());
self.addEventListener('error', (e) => state?.log('uncaught error', e.error ?? e.message));
self.addEventListener('unhandledrejection', (e) => state?.log('unhandled rejection', e.reason));
