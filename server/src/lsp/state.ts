// What every feature module shares: the connection, the open documents, the
// client's capabilities, settings, policies and the lint service, plus the one
// way to get the current lint of an open document.
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintService, type Linted } from './lint-service';
import { PolicyStore } from './policies';
import { SettingsStore, type Settings } from './settings';
import type { Logger } from './safe';
import type { FileHost } from '../engine';
import type { Offload } from './offload';
import { uriToPath } from './uris';
import { MAX_ROUNDS, type FileSupply, type Learned } from './supply';
import type { WarmUp } from './warm-up';

export interface ClientCaps {
  /** textDocument/diagnostic (pull); otherwise diagnostics are pushed. */
  pull: boolean;
  /** workspace/diagnostic/refresh */
  refresh: boolean;
  /** workspace/codeLens/refresh */
  codeLensRefresh: boolean;
  configuration: boolean;
  workDoneProgress: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  documentChanges: boolean;
  markdownHover: boolean;
  workspaceFolders: boolean;
}

export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  readonly policies: PolicyStore;
  readonly service: LintService;
  readonly settings: SettingsStore;
  caps: ClientCaps = { pull: false, refresh: false, codeLensRefresh: false, configuration: false, workDoneProgress: false, watchedFilesRegistration: false, configurationRegistration: false, documentChanges: false, markdownHover: true, workspaceFolders: false };
  /** Workspace folder paths (file: folders only). */
  folders: string[] = [];
  /** The client's word on workspace trust (initializationOptions.workspaceTrusted); trusted unless it says otherwise. */
  trusted = true;
  /** The version each open document had when last opened or saved (for run: onSave). */
  readonly savedVersion = new Map<string, number>();
  /** Whether a closed strategy of the workspace links this file as its EqIA (set by the workspace module). */
  extraLinked: (file: string) => boolean = () => false;
  /** Lints of a few strategies on idle after start-up (desktop), put off while documents are asked about. */
  warmUp: WarmUp | undefined;

  constructor(
    readonly connection: Connection,
    readonly log: Logger,
    initialSettings: () => unknown,
    /** Where files come from: the guarded reader on disk, or the client (web). */
    readonly host: FileHost,
    /** For a host that cannot read on demand (web): fetches ahead of a lint and what a lint missed. */
    readonly supply?: FileSupply,
    /** Where large documents are linted, off this thread (none in the browser). */
    offload?: Offload,
  ) {
    this.policies = new PolicyStore(() => this.folders, host, () => this.trusted);
    this.service = new LintService(this.policies, host, (file) => this.openTextOf(file), { offload });
    this.settings = new SettingsStore(connection, () => this.caps.configuration, initialSettings());
  }

  /** The current lint of an open document, or for run: onSave its lint as last saved. */
  async lintOpen(uri: string): Promise<Linted | undefined> {
    // The warm-up waits for a quiet spell after the last lint ended, not began.
    this.warmUp?.activity();
    try {
      return await this.lintOpenNow(uri);
    } finally {
      this.warmUp?.activity();
    }
  }

  private async lintOpenNow(uri: string): Promise<Linted | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const settings = await this.settings.get(uri);
    // The document may have changed or closed while we waited for settings.
    const now = this.documents.get(uri);
    if (!now) return undefined;
    const last = this.service.last(uri);
    if (settings.run === 'onSave' && last && last.enabled === settings.enable && this.savedVersion.get(uri) !== now.version) return last;
    const l = await this.supplied(uriToPath(uri), uri, () => this.service.lintAsync(uri, now.getText(), now.version, settings));
    // A linked Word EqIA is converted (asynchronously), then the document linted again.
    if (!(await this.service.convertPending(l))) return l;
    const again = this.documents.get(uri);
    return again ? this.supplied(uriToPath(uri), uri, () => this.service.lintAsync(uri, again.getText(), again.version, settings)) : undefined;
  }

  /**
   * Runs a lint of `uri` (at `file`). With a supply (web), what it will read is
   * fetched first, and while it asks for files not fetched yet (a pack its
   * config names, a linked EqIA), those are fetched and it runs again.
   */
  async supplied<T>(file: string | undefined, uri: string, run: () => T): Promise<T> {
    const supply = this.supply;
    if (!supply || !file) return run();
    this.learned(await supply.prepare(file), uri);
    for (let round = 1; ; round++) {
      const { result, missed } = supply.record(file, run);
      if (!missed || round >= MAX_ROUNDS) return result;
      const learned = await supply.fetchMissed(file);
      // Nothing new (what was missed does not exist): the result stands.
      if (!learned) return result;
      this.learned(learned, uri);
    }
  }

  /** Forget what was computed without what was just fetched: every policy if config files came, else this document's lint. */
  private learned(l: Learned | undefined, uri: string): void {
    if (l?.config) {
      this.policies.invalidate();
      this.service.invalidate();
    } else if (l?.documents) this.service.invalidate([uri]);
  }

  settingsFor(uri: string): Promise<Settings> {
    return this.settings.get(uri);
  }

  /** An open document's text by file path (so linked EqIAs being edited count as they are). */
  openTextOf(file: string): string | undefined {
    for (const d of this.documents.all()) if (uriToPath(d.uri) === file) return d.getText();
    return undefined;
  }

  /** Open documents whose file is `file`. */
  openUrisOf(file: string): string[] {
    return this.documents
      .all()
      .filter((d) => uriToPath(d.uri) === file)
      .map((d) => d.uri);
  }

  /** Is this file linked as the EqIA of a strategy we have linted? Then it is part of that strategy. */
  isLinkedEqia(uri: string): boolean {
    const file = uriToPath(uri);
    return !!file && (this.service.dependents(file).length > 0 || this.extraLinked(file));
  }
}
