// Per-resource settings (`commissioningLint.*`), asked of the client for each
// document's URI and remembered only until the client says they changed.
import type { Connection } from 'vscode-languageserver';
import type { SeveritySetting } from '../core';

export interface Settings {
  enable: boolean;
  /** Built-in pack id or pack path (relative to the workspace folder); '' = config file or default. */
  policy: string;
  /** Rule id → severity, applied over the policy and config file. */
  rules: Record<string, SeveritySetting>;
  run: 'onType' | 'onSave';
  lintWorkspace: boolean;
  /** Whether the workspace lint reports Word (.docx) strategies too. */
  lintWordDocuments: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, policy: '', rules: {}, run: 'onType', lintWorkspace: true, lintWordDocuments: true };

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Settings from untrusted JSON: anything malformed falls back to its default. */
export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as SeveritySetting;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    policy: typeof r.policy === 'string' ? r.policy.trim() : DEFAULT_SETTINGS.policy,
    rules,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    lintWorkspace: typeof r.lintWorkspace === 'boolean' ? r.lintWorkspace : DEFAULT_SETTINGS.lintWorkspace,
    lintWordDocuments: typeof r.lintWordDocuments === 'boolean' ? r.lintWordDocuments : DEFAULT_SETTINGS.lintWordDocuments,
  };
}

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  /** Settings pushed by clients that cannot answer workspace/configuration. */
  private global: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: () => boolean,
    initial: unknown,
  ) {
    this.global = normaliseSettings(initial);
  }

  get(uri: string): Promise<Settings> {
    if (!this.canAsk()) return Promise.resolve(this.global);
    let p = this.byUri.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'commissioningLint' })
        .then(
          (raw) => normaliseSettings(raw ?? {}),
          () => this.global,
        );
      this.byUri.set(uri, p);
    }
    return p;
  }

  /** workspace/didChangeConfiguration: forget what we were told; keep pushed settings if any. */
  changed(pushed: unknown): void {
    this.byUri.clear();
    const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>).commissioningLint : undefined;
    if (section !== undefined) this.global = normaliseSettings(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
