// Which policy lints a document: the settings' `policy` (a built-in id or a
// pack path), else the nearest .commissioning-lint.yaml, else the default
// pack; then the settings' `rules` severities on top. Reuses the CLI's
// ConfigResolver, one per (workspace folder, policy setting), dropped whenever
// a config file or pack may have changed.
import * as path from 'node:path';
import { ConfigResolver } from '../cli/config';
import { isBuiltinPolicy, type Policy, type PolicyProblem } from '../core';
import type { Settings } from './settings';
import { uriToPath } from './uris';

export interface DocumentPolicy {
  policy?: Policy;
  problems: PolicyProblem[];
  configFile?: string;
  /** Glob patterns (relative to the config file) the config asks not to lint. */
  ignore?: string[];
}

export class PolicyStore {
  private resolvers = new Map<string, ConfigResolver>();
  private readonly withRules = new WeakMap<Policy, Map<string, Policy>>();
  /** Bumped whenever policies may have changed; part of every cached result's key. */
  generation = 0;

  constructor(private readonly folders: () => string[]) {}

  forDocument(uri: string, settings: Settings): DocumentPolicy {
    const file = uriToPath(uri);
    const folder = this.folderOf(file);
    const base = folder ?? (file ? path.dirname(file) : process.cwd());
    const key = `${base}\u0000${settings.policy}`;
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      const policy = settings.policy && !isBuiltinPolicy(settings.policy) ? path.resolve(base, settings.policy) : settings.policy || undefined;
      resolver = new ConfigResolver({ policy, cwd: base });
      this.resolvers.set(key, resolver);
    }
    // Documents with no file (untitled) take the configuration of the folder they would be saved in.
    const r = resolver.forFile(file ?? path.join(base, 'untitled.md'));
    return { policy: r.policy && this.applyRules(r.policy, settings.rules), problems: r.problems, configFile: r.configFile, ignore: r.ignore };
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
    if (!p) variants.set(key, (p = { ...policy, rules: { ...policy.rules, ...rules } }));
    return p;
  }

  private folderOf(file: string | undefined): string | undefined {
    if (!file) return undefined;
    return this.folders()
      .filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }
}
