// Wires the language server: capabilities negotiated at initialize, then one
// module per feature. Everything here is adapter glue over the pure core.
import { TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { registerCodeActions } from './code-actions';
import { registerCompletion, COMPLETION_TRIGGERS } from './completion';
import { registerCoverage } from './coverage';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerLinks } from './links';
import { makeLogger, safeNotify } from './safe';
import { ServerState } from './state';
import { registerSymbols } from './symbols';
import { pathToUri, uriToPath } from './uris';
import { registerDynamic, registerWatch } from './watch';
import { registerWorkspace } from './workspace';
import { registerStats } from './stats';
import { registerWord } from './word';
import { WarmUp } from './warm-up';
import { DEFAULT_SETTINGS } from './settings';
import type { FileHost } from '../engine';
import type { FileSupply, WorkspaceFiles } from './supply';
import type { Offload } from './offload';
import { version } from '../../../package.json';

export interface ServerOptions {
  /** Where the workspace sweep finds documents (desktop: the engine's folder walk). */
  workspaceFiles: WorkspaceFiles;
  /** For a host that cannot read on demand (web): see supply.ts. */
  supply?: FileSupply;
  /** Where large documents are linted, off the main thread (desktop only: see offload.ts). */
  offload?: Offload;
  /** Never run /regex/ phrases from the workspace, whatever the client says of trust (the browser: see web/re2js-stub.ts). */
  noWorkspacePatterns?: boolean;
  /** Strategies linted on idle after start-up to warm the hot code (desktop: see warm-up.ts). */
  warmUpSamples?: readonly string[];
}

export function startServer(connection: Connection, host: FileHost, options: ServerOptions): ServerState {
  const log = makeLogger(connection);
  let initOptions: unknown;
  const state = new ServerState(connection, log, () => (initOptions as { settings?: unknown } | undefined)?.settings, host, options.supply, options.offload);
  // Warmed with the policy a document in the first workspace folder would get.
  const warmUri = () => (state.folders[0] ? pathToUri(`${state.folders[0]}/untitled.md`) : 'untitled:warm-up.md');
  if (options.warmUpSamples?.length) state.warmUp = new WarmUp(options.warmUpSamples, () => state.policies.forDocument(warmUri(), DEFAULT_SETTINGS).policy);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initOptions = params.initializationOptions;
    // Patterns from an untrusted workspace's config are not run at all (VS Code's Restricted Mode).
    state.trusted = !options.noWorkspacePatterns && (initOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    const c = params.capabilities;
    state.caps = {
      pull: !!c.textDocument?.diagnostic,
      refresh: !!c.workspace?.diagnostics?.refreshSupport,
      codeLensRefresh: !!c.workspace?.codeLens?.refreshSupport,
      configuration: !!c.workspace?.configuration,
      workDoneProgress: !!c.window?.workDoneProgress,
      watchedFilesRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configurationRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
      documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
      markdownHover: !c.textDocument?.hover?.contentFormat || c.textDocument.hover.contentFormat.includes('markdown'),
      workspaceFolders: !!c.workspace?.workspaceFolders,
    };
    state.settings.changed({ commissioningLint: (initOptions as { settings?: unknown } | undefined)?.settings ?? {} });
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    state.folders = folders.map(uriToPath).filter((f): f is string => !!f);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        // Pull for clients that ask; the rest get publishDiagnostics.
        diagnosticProvider: state.caps.pull ? { identifier: 'commissioning-lint', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Commissioning strategy' },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'commissioning-lint', version: version },
    };
  });

  const diagnostics = registerDiagnostics(state);
  const workspace = registerWorkspace(state, options.workspaceFiles);
  state.extraLinked = workspace.isLinked;
  registerHover(state);
  registerCompletion(state);
  registerCodeActions(state);
  registerLinks(state);
  registerSymbols(state);
  registerCoverage(state);
  registerStats(state);
  registerWord(state);
  registerWatch(state, { refresh: diagnostics.refresh, filesChanged: workspace.filesChanged });

  connection.onInitialized(
    safeNotify(log, 'initialized', async () => {
      state.warmUp?.start();
      await registerDynamic(connection, state);
      if (state.caps.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          safeNotify(log, 'workspace folders', (e) => {
            const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
            state.folders = [...state.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((f): f is string => !!f)];
            workspace.filesChanged(true);
            state.policies.invalidate();
            state.service.invalidate();
            diagnostics.refresh();
          }),
        );
      }
    }),
  );

  state.documents.listen(connection);
  connection.listen();
  return state;
}
