// Workspace diagnostics: every strategy under the workspace folders, open or
// not. Clients that pull get them through workspace/diagnostic (with progress
// and partial results, and "unchanged" for files whose lint is still current);
// clients that cannot pull get them pushed. The "lint workspace" command runs
// the same sweep on demand, even where `lintWorkspace` is off. Where the
// documents come from is pluggable (WorkspaceFiles): the disk on the desktop,
// the client in the web.
import {
  DocumentDiagnosticReportKind,
  WorkspaceDiagnosticRequest,
  type CancellationToken,
  type Diagnostic,
  type WorkDoneProgressReporter,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isWordFile, linkedEqiaFiles, readDocument, readWordDocument } from '../engine';
import { diagnosticsOf, unreadableDiagnostic } from './convert';
import { safe } from './safe';
import { LINT_WORKSPACE_METHOD, type LintWorkspaceSummary } from './protocol';
import type { ServerState } from './state';
import type { Settings } from './settings';
import { pathToUri, uriToPath } from './uris';
import type { WorkspaceFiles } from './supply';


interface Entry {
  /** What the lint depended on: file stamp, linked files' stamps, policy and settings generations. */
  stamp: string;
  resultId: string;
  items: Diagnostic[];
  dependencies: string[];
  /** Linted by the on-demand command in a folder where lintWorkspace is off. */
  onDemand: boolean;
}


/** How long a folder's file list is trusted when the client sends no file events. */
const LIST_TTL_MS = 30_000;
const BATCH = 25;

export function registerWorkspace(state: ServerState, source: WorkspaceFiles): { filesChanged: (created: boolean) => void; isLinked: (file: string) => boolean } {
  const { connection, log } = state;
  const store = new Map<string, Entry>();
  const lists = new Map<string, { at: number; files: string[] }>();
  let counter = 0;

  /** The folder's documents as the CLI would find them (ignore files and the config's `ignore` honoured). */
  const filesOf = async (folder: string, settings: Settings): Promise<string[]> => {
    const cached = lists.get(folder);
    if (cached && (state.caps.watchedFilesRegistration || Date.now() - cached.at < LIST_TTL_MS)) return cached.files;
    const listed = await source.list(folder, () => state.policies.resolverFor(folder, settings));
    for (const p of listed.problems) log('workspace', new Error(p));
    lists.set(folder, { at: Date.now(), files: listed.files });
    return listed.files;
  };

  const stampOf = (file: string): string | undefined => source.stamp(file);
  const generations = () => `${state.policies.generation}:${state.service.settingsGeneration}`;
  const depStamps = (deps: string[], openByPath: Map<string, TextDocument>) => deps.map((d) => `${d}@${openByPath.has(d) ? `open${openByPath.get(d)!.version}` : stampOf(d)}`).join('|');
  /** Whether a closed file's stored lint is still current (so its text need not be read). */
  const current = (file: string, openByPath: Map<string, TextDocument>, own = stampOf(file)): boolean => {
    const prev = store.get(file);
    return !!prev && !!own && prev.stamp === `${own}:${generations()}:${depStamps(prev.dependencies, openByPath)}`;
  };

  /** Lints (or reuses) one file; undefined when it no longer exists or is ignored. */
  const lintFile = async (file: string, settings: Settings, onDemand: boolean, openByPath: Map<string, TextDocument>): Promise<{ uri: string; version: number | null; entry: Entry } | undefined> => {
    const open = openByPath.get(file);
    const uri = open?.uri ?? pathToUri(file);
    if (open) {
      // Open documents are linted as the editor sees them (and as their own `run` setting says).
      const l = await state.lintOpen(open.uri);
      if (!l) return undefined;
      const entry: Entry = { stamp: `open:${l.key}`, resultId: `w${l.resultId}`, items: diagnosticsOf(l), dependencies: l.dependencies, onDemand };
      return { uri, version: open.version, entry };
    }
    const own = stampOf(file);
    if (!own) return undefined;
    const prev = store.get(file);
    if (prev && current(file, openByPath, own)) return { uri, version: null, entry: { ...prev, onDemand: prev.onDemand || onDemand } };
    // The same reader as the CLI: guarded, capped, UTF-16 and BOMs decoded, binary refused; a Word document converted.
    // Closed files are linted without keeping anything but their diagnostics, so memory stays flat.
    const word = isWordFile(file);
    const converted = word ? await readWordDocument(state.host, file, state.policies.forDocument(uri, settings).styleMap) : undefined;
    if (converted && 'error' in converted) {
      const entry: Entry = { stamp: `${own}:${generations()}:`, resultId: `w${++counter}`, items: [unreadableDiagnostic(converted.error)], dependencies: [], onDemand };
      return { uri, version: null, entry };
    }
    const lintOnce = () =>
      state.supplied(file, uri, () => {
        if (converted) return state.service.lintDetached(uri, converted.text, settings, { word });
        const read = readDocument(state.host, file);
        // A large file is linted on the offload worker (see offload.ts), so the sweep never holds the server.
        return 'error' in read ? read : state.service.lintDetachedAsync(uri, read.text, settings);
      });
    let l = await lintOnce();
    // A linked Word EqIA is converted (asynchronously), then the file linted again.
    if (!('error' in l) && (await state.service.convertPending(l))) l = await lintOnce();
    if ('error' in l) {
      const entry: Entry = { stamp: `${own}:${generations()}:`, resultId: `w${++counter}`, items: [unreadableDiagnostic(l.error)], dependencies: [], onDemand };
      return { uri, version: null, entry };
    }
    const entry: Entry = { stamp: `${own}:${generations()}:${depStamps(l.dependencies, openByPath)}`, resultId: `w${++counter}`, items: diagnosticsOf(l), dependencies: l.dependencies, onDemand };
    return { uri, version: null, entry };
  };

  /** Files linked as the EqIA of a closed strategy, as of the last sweep (one set, not a scan per file). */
  let linkedFiles = new Set<string>();
  const isLinked = (file: string) => linkedFiles.has(file);

  /** Files to sweep: every document of each folder; `force` sweeps folders with lintWorkspace off. */
  const targets = async (force: boolean): Promise<Array<{ file: string; onDemand: boolean; settings: Settings }>> => {
    const out: Array<{ file: string; onDemand: boolean; settings: Settings }> = [];
    for (const folder of state.folders) {
      // Closed files take their folder's settings (VS Code scopes resource settings by folder):
      // one configuration request per folder rather than one per file.
      const settings = await state.settingsFor(pathToUri(folder));
      if (!settings.enable) continue;
      const auto = settings.lintWorkspace;
      for (const file of await filesOf(folder, settings)) {
        if (!settings.lintWordDocuments && isWordFile(file)) continue;
        if (!auto && !force && !store.get(file)?.onDemand) continue;
        out.push({ file, onDemand: !auto, settings });
      }
    }
    return out;
  };

  /** The sweep shared by workspace/diagnostic and the lint-workspace command. */
  const sweep = async (opts: { force: boolean; previous: Map<string, string>; token?: CancellationToken; progress?: WorkDoneProgressReporter; partial?: { report: (v: WorkspaceDiagnosticReportPartialResult) => Promise<void> }; push: boolean }) => {
    const files = await targets(opts.force);
    const openByPath = new Map<string, TextDocument>();
    for (const d of state.documents.all()) {
      const f = uriToPath(d.uri);
      if (f) openByPath.set(f, d);
    }
    await source.prepare?.(files.filter((t) => !openByPath.has(t.file)).map((t) => t.file));
    const summary: LintWorkspaceSummary = { files: 0, errors: 0, warnings: 0, infos: 0 };
    const reports: WorkspaceDocumentDiagnosticReport[] = [];
    let batch: WorkspaceDocumentDiagnosticReport[] = [];
    opts.progress?.begin('Linting strategies', 0, `0/${files.length}`, true);
    const seen = new Set<string>();
    // First lint everything, so that files linked as some strategy's EqIA are known before reporting.
    const linted: Array<{ file: string; uri: string; version: number | null; entry: Entry }> = [];
    for (const [i, t] of files.entries()) {
      if (opts.token?.isCancellationRequested) break;
      // Yield between files so hovers and edits are answered during a long sweep.
      if (i % 4 === 0) await new Promise((r) => setImmediate(r));
      // Where texts come from the client, fetch the next batch of those to lint in one request.
      if (source.load && i % BATCH === 0) await source.load(files.slice(i, i + BATCH).map((x) => x.file).filter((f) => !openByPath.has(f)), (f) => !current(f, openByPath));
      const r = await lintFile(t.file, t.settings, t.onDemand && opts.force, openByPath);
      opts.progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length}`);
      if (!r) {
        store.delete(t.file);
        continue;
      }
      seen.add(t.file);
      if (!r.entry.stamp.startsWith('open:')) store.set(t.file, r.entry);
      linted.push({ file: t.file, ...r });
    }
    linkedFiles = linkedEqiaFiles(store.values());
    for (const [i, r] of linted.entries()) {
      // Reporting 20,000 files is work too: yield now and then, so requests are answered meanwhile.
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
      // A file linked as a strategy's EqIA is part of that strategy: it is reported clean
      // (under its own resultId, so a client that saw it earlier gets the change).
      const linked = state.isLinkedEqia(r.uri);
      const resultId = linked ? `${r.entry.resultId}L` : r.entry.resultId;
      const items = linked ? [] : r.entry.items;
      summary.files++;
      for (const d of items) {
        if (d.severity === 1) summary.errors++;
        else if (d.severity === 2) summary.warnings++;
        else summary.infos++;
      }
      const report: WorkspaceDocumentDiagnosticReport =
        opts.previous.get(r.uri) === resultId
          ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: r.uri, version: r.version, resultId }
          : { kind: DocumentDiagnosticReportKind.Full, uri: r.uri, version: r.version, resultId, items };
      if (opts.push && r.version === null) await connection.sendDiagnostics({ uri: r.uri, diagnostics: items });
      if (opts.partial) {
        batch.push(report);
        if (batch.length >= BATCH) {
          // Awaited: queued unawaited, hundreds of batches were encoded in one run of
          // microtasks at the end, holding every other request for seconds.
          await opts.partial.report({ items: batch });
          batch = [];
        }
      } else reports.push(report);
    }
    if (opts.partial && batch.length) await opts.partial.report({ items: batch });
    for (const f of [...store.keys()]) if (!seen.has(f) && !opts.token?.isCancellationRequested) store.delete(f);
    opts.progress?.done();
    return { summary, items: reports };
  };

  // Registered directly (not through languages.diagnostics.onWorkspace) so the
  // progress and partial-result tokens stay readable in the params.
  connection.onRequest(
    WorkspaceDiagnosticRequest.type,
    safe(log, 'workspace diagnostics', { items: [] } as WorkspaceDiagnosticReport, async (params, token): Promise<WorkspaceDiagnosticReport> => {
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      // Progress only when there is real work: VS Code re-asks every few seconds.
      const fresh = !store.size || [...previous.values()].every((v) => !v.startsWith('w'));
      const progress = fresh || params.workDoneToken !== undefined ? await createProgress(state, params.workDoneToken) : undefined;
      const partialToken = params.partialResultToken;
      const partial = partialToken !== undefined ? { report: (v: WorkspaceDiagnosticReportPartialResult) => connection.sendProgress(WorkspaceDiagnosticRequest.partialResult, partialToken, v) } : undefined;
      const r = await sweep({ force: false, previous, token, progress, partial, push: false });
      // With partial results the whole answer went as progress; the response itself is empty.
      return { items: partial ? [] : r.items };
    }),
  );

  connection.onRequest(
    LINT_WORKSPACE_METHOD,
    safe(log, 'lint workspace', null, async (params: { workDoneToken?: string | number } | undefined, token: CancellationToken) => {
      const progress = await createProgress(state, params?.workDoneToken);
      const r = await sweep({ force: true, previous: new Map(), token, progress, push: !state.caps.pull });
      // Pulling clients fetch the new results with their next workspace pull; ask them to hurry.
      if (state.caps.pull && state.caps.refresh) connection.languages.diagnostics.refresh().catch((err) => log('refresh', err));
      return r.summary;
    }),
  );

  return {
    filesChanged: (created: boolean) => {
      if (created) lists.clear();
    },
    isLinked,
  };
}

/** The client's progress token if it sent one, else a server-initiated one if the client supports it. */
async function createProgress(state: ServerState, token: string | number | undefined): Promise<WorkDoneProgressReporter | undefined> {
  if (token !== undefined) return state.connection.window.attachWorkDoneProgress(token);
  if (!state.caps.workDoneProgress) return undefined;
  try {
    return await state.connection.window.createWorkDoneProgress();
  } catch {
    return undefined;
  }
}
