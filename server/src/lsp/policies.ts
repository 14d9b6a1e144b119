// Which policy lints a document: the settings' `policy` (a built-in id or a
// pack path), else the nearest .commissioning-lint.yaml, else the default
// pack; then the settings' `rules` severities on top. Uses the engine's
// ConfigResolver, as the CLI does, one per (workspace folder, policy setting),
// dropped whenever a config file or pack may have changed.
import * as path from 'node:path';
import { ConfigResolver, type FileHost, type Resolved } from '../engine';
import { PolicyLoader, isBuiltinPolicy, type Policy } from '../core';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { uriToPath } from './uris';

export class PolicyStore {
  private resolvers = new Map<string, ConfigResolver>();
  private readonly withRules = new WeakMap<Policy, Map<string, Policy>>();
  /** Built-in packs compile once for the server's life. */
  private readonly loader = new PolicyLoader();
  /** Bumped whenever policies may have changed; part of every cached result's key. */
  generation = 0;

  constructor(
    private readonly folders: () => string[],
    private readonly host: FileHost,
    /** Whether the client trusts the workspace (VS Code says; other editors do not, and are trusted). */
    private readonly trusted: () => boolean,
  ) {}

  forDocument(uri: string, settings: Settings): Resolved {
    const file = uriToPath(uri);
    const r = this.resolverFor(file, settings).forFile(file ?? path.join(this.baseOf(file), 'untitled.md'));
    return { ...r, policy: r.policy && this.applyRules(r.policy, settings.rules) };
  }

  /** The resolver for a document (untitled ones take the folder they would be saved in). */
  resolverFor(file: string | undefined, settings: Settings): ConfigResolver {
    const base = this.baseOf(file);
    const key = `${base}\u0000${settings.policy}`;
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      const policy = settings.policy && !isBuiltinPolicy(settings.policy) ? path.resolve(base, settings.policy) : settings.policy || undefined;
      resolver = new ConfigResolver({ policy, cwd: base, host: this.host, loader: this.loader, roots: this.folders(), workspaceRegex: this.trusted() ? 'bounded' : 'refused' });
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }

  /** The style map of a Word file's config (`docx.styleMap`), if it has one. */
  styleMapFor(file: string): string[] | undefined {
    return this.resolverFor(file, DEFAULT_SETTINGS).forFile(file).styleMap;
  }

  /** The workspace a document's linked files may not leave (see ConfigResolver.rootFor). */
  rootFor(file: string): string {
    return this.resolverFor(file, DEFAULT_SETTINGS).rootFor(file);
  }

  folderList(): string[] {
    return this.folders();
  }

  isTrusted(): boolean {
    return this.trusted();
  }

  /** A config file or pack changed on disk (or the settings did): forget every loaded policy. */
  invalidate(): void {
    this.resolvers = new Map();
    this.generation++;
  }

  /** The settings' severities over the policy's, memoised so each variant keeps one identity. */
  private applyRules(policy: Policy, rules: Settings['rules']): Policy {
    const ids = Object.keys(rules);
    if (!ids.length) return policy;
    const key = JSON.stringify(ids.sort().map((id) => [id, rules[id]]));
    let variants = this.withRules.get(policy);
    if (!variants) this.withRules.set(policy, (variants = new Map()));
    let p = variants.get(key);
    if (!p) variants.set(key, (p = { ...policy, builtin: undefined, rules: { ...policy.rules, ...rules } }));
    return p;
  }

  private baseOf(file: string | undefined): string {
    return this.folderOf(file) ?? (file ? path.dirname(file) : process.cwd());
  }

  private folderOf(file: string | undefined): string | undefined {
    if (!file) return undefined;
    return this.folders()
      .filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }
}
