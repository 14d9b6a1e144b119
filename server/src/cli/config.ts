// Finds the configuration for a file (--config, or the nearest
// .commissioning-lint.yaml up the tree) and loads the policy it selects.
// Results are memoised per config file, so a sweep loads each policy once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPolicy, isBuiltinPolicy, type PackSource } from '../core';
import type { Policy, PolicyProblem } from '../core';

export const CONFIG_NAMES = ['.commissioning-lint.yaml', '.commissioning-lint.yml'];

export interface Resolved {
  policy?: Policy;
  problems: PolicyProblem[];
  configFile?: string;
  ignore?: string[];
}

export class ConfigResolver {
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, Resolved>();

  constructor(
    private readonly opts: { config?: string; policy?: string; cwd: string },
  ) {}

  forFile(file: string): Resolved {
    const configFile = this.opts.config ? path.resolve(this.opts.cwd, this.opts.config) : this.find(path.dirname(file));
    const key = configFile ?? '';
    let r = this.loaded.get(key);
    if (!r) {
      r = this.load(configFile);
      this.loaded.set(key, r);
    }
    return r;
  }

  private find(dir: string): string | undefined {
    const chain: string[] = [];
    let found: string | null | undefined;
    for (let d = dir; ; d = path.dirname(d)) {
      if (this.nearest.has(d)) {
        found = this.nearest.get(d);
        break;
      }
      chain.push(d);
      const hit = CONFIG_NAMES.map((n) => path.join(d, n)).find((p) => fs.existsSync(p));
      if (hit) {
        found = hit;
        break;
      }
      if (d === path.dirname(d)) {
        found = null;
        break;
      }
    }
    for (const d of chain) this.nearest.set(d, found ?? null);
    return found ?? undefined;
  }

  private load(configFile: string | undefined): Resolved {
    let config: PackSource | undefined;
    if (configFile) {
      const text = readText(configFile);
      if (text === undefined) return { problems: [{ file: configFile, line: 1, column: 1, message: 'cannot read the configuration file' }] };
      config = { text, file: configFile };
    }
    const policyRef = this.opts.policy;
    let policy: string | PackSource | undefined = policyRef;
    if (policyRef && !isBuiltinPolicy(policyRef)) {
      const file = path.resolve(this.opts.cwd, policyRef);
      const text = readText(file);
      if (text === undefined) return { problems: [{ file: policyRef, line: 1, column: 1, message: `unknown policy "${policyRef}": not a built-in pack (commissioning-friend-2009, equality-act-2010) nor a readable pack file` }] };
      policy = { text, file };
    }
    const loaded = loadPolicy({
      policy,
      config,
      readPack: (ref, from) => {
        const file = path.resolve(from ? path.dirname(from) : this.opts.cwd, ref);
        const text = readText(file);
        return text === undefined ? undefined : { text, file };
      },
    });
    return { policy: loaded.policy, problems: loaded.problems, configFile, ignore: loaded.config?.ignore };
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
