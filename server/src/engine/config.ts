// Finds the configuration for a file (--config, or the nearest
// .commissioning-lint.yaml up the tree) and loads the policy it selects, with
// every file read through the host's guarded reader. Results are memoised per
// config file, so a sweep loads each policy once. Also says which folder is a
// file's workspace: linked files are followed only inside it.
import * as path from 'node:path';
import { PolicyLoader, isBuiltinPolicy, type PackSource, type Policy, type PolicyProblem } from '../core';
import type { FileHost } from './host';
import { isReadError } from './host';
import { CONFIG_MAX_BYTES } from './limits';
import { decode } from './decode';
import { checkStyleMap } from './docx/style-map';

export const CONFIG_NAMES = ['.commissioning-lint.yaml', '.commissioning-lint.yml'];

export interface Resolved {
  policy?: Policy;
  problems: PolicyProblem[];
  /** What the policy left out but still loaded without (a workspace regex in an untrusted workspace). */
  warnings?: PolicyProblem[];
  configFile?: string;
  /** Glob patterns, relative to the config file's folder, of files not to lint. */
  ignore?: string[];
  /** The config's `docx.styleMap`, checked: lines for a Word template's own styles. */
  styleMap?: string[];
}

export interface ResolverOptions {
  /** --config: one config file for every file. */
  config?: string;
  /** --policy or the editor's setting: a built-in id or a pack path (relative to cwd). */
  policy?: string;
  /** Where relative --config and --policy paths start; the CLI's workspace when no config is found. */
  cwd: string;
  host: FileHost;
  /** Shared between resolvers of one process, so built-in packs compile once. */
  loader?: PolicyLoader;
  /** The workspace folders (language server); linked files must lie inside the one holding the file. */
  roots?: string[];
  /** /regex/ phrases from the workspace: on a linear-time engine (default), or refused (untrusted workspace). */
  workspaceRegex?: 'bounded' | 'refused';
}

export class ConfigResolver {
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, Resolved>();
  readonly loader: PolicyLoader;

  constructor(private readonly opts: ResolverOptions) {
    this.loader = opts.loader ?? new PolicyLoader();
  }

  get host(): FileHost {
    return this.opts.host;
  }

  forFile(file: string): Resolved {
    const configFile = this.configFileFor(file);
    const key = configFile ?? '';
    let r = this.loaded.get(key);
    if (!r) {
      r = this.load(configFile);
      this.loaded.set(key, r);
    }
    return r;
  }

  /**
   * The workspace a file belongs to, which linked files may not leave: the
   * workspace folder holding it (editor); else the folder of its config file,
   * else the working directory if it holds the file, else the file's own folder.
   */
  rootFor(file: string): string {
    const inside = (dir: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
    const folder = this.opts.roots?.filter(inside).sort((a, b) => b.length - a.length)[0];
    if (folder) return folder;
    const config = this.configFileFor(file);
    if (config) return path.dirname(config);
    if (inside(this.opts.cwd)) return this.opts.cwd;
    return path.dirname(file);
  }

  private configFileFor(file: string): string | undefined {
    return this.opts.config ? path.resolve(this.opts.cwd, this.opts.config) : this.find(path.dirname(file));
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
      // Anything by that name counts (a FIFO or a link to a device is then refused with a reason, not skipped).
      const hit = CONFIG_NAMES.map((n) => path.join(d, n)).find((p) => this.opts.host.exists(p));
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
      const text = this.readText(configFile);
      if (typeof text !== 'string') return { problems: [{ file: configFile, line: 1, column: 1, message: `cannot read the configuration file: ${text.error}` }], configFile };
      config = { text, file: configFile };
    }
    const policyRef = this.opts.policy;
    let policy: string | PackSource | undefined = policyRef;
    if (policyRef && !isBuiltinPolicy(policyRef)) {
      const file = path.resolve(this.opts.cwd, policyRef);
      const text = this.readText(file);
      if (typeof text !== 'string') {
        const why = text.missing ? 'not a built-in pack (commissioning-friend-2009, equality-act-2010) nor a readable pack file' : `cannot read the pack file: ${text.error}`;
        return { problems: [{ file: policyRef, line: 1, column: 1, message: `unknown policy "${policyRef}": ${why}` }], configFile };
      }
      policy = { text, file };
    }
    const loaded = this.loader.load({
      policy,
      config,
      workspaceRegex: this.opts.workspaceRegex,
      readPack: (ref, from) => {
        const file = path.resolve(from ? path.dirname(from) : this.opts.cwd, ref);
        const text = this.readText(file);
        if (typeof text === 'string') return { text, file };
        return text.missing ? undefined : { error: text.error };
      },
    });
    const styleMap = loaded.config?.docx?.styleMap;
    if (styleMap && config) {
      // Checked with the config, so a bad line is the config's problem at its line, not each Word file's.
      const checked = checkStyleMap(styleMap);
      if ('error' in checked) return { problems: [{ file: config.file, line: lineOf(config.text, styleMap, checked.error), column: 1, message: `docx.styleMap: ${checked.error.replace(/^style map /, '')}` }], configFile };
      return { policy: loaded.policy, problems: loaded.problems, warnings: loaded.warnings, configFile, ignore: loaded.config?.ignore, styleMap: checked.lines };
    }
    return { policy: loaded.policy, problems: loaded.problems, warnings: loaded.warnings, configFile, ignore: loaded.config?.ignore };
  }

  /** A config or pack file's text (UTF-8 or UTF-16, BOM dropped), or why it cannot be read. */
  private readText(file: string): string | { error: string; missing?: boolean } {
    const r = this.opts.host.read(file, CONFIG_MAX_BYTES);
    if (isReadError(r)) return r;
    const d = decode(r.bytes);
    if (d.text === undefined) return { error: d.problem ?? 'cannot decode' };
    return d.text.charCodeAt(0) === 0xfeff ? d.text.slice(1) : d.text;
  }
}

/** The config line holding the style-map entry a message names ("style map line 3 …"), else 1. */
function lineOf(text: string, lines: string[], message: string): number {
  const n = Number(/line (\d+)/.exec(message)?.[1]);
  const entry = lines[n - 1];
  const at = typeof entry === 'string' && entry.trim() ? text.indexOf(entry.trim(), Math.max(0, text.indexOf('styleMap'))) : -1;
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
