// The one entry point for getting a Policy: built-in pack or pack file, plus an
// optional workspace config. Never throws; problems carry file and line.
import cf2009 from '../../../../policies/commissioning-friend-2009.yaml';
import ea2010 from '../../../../policies/equality-act-2010.yaml';
import cf2009Data from '../../../../policies/commissioning-friend-2009.yaml?data';
import ea2010Data from '../../../../policies/equality-act-2010.yaml?data';
import type { RawConfig, RawPack } from './raw';
import type { Policy, PolicyProblem } from './types';
import { parseYamlSource, type YamlLocation, type YamlStep } from './yaml-source';
import { Validators } from './validate';
import { applyConfig, mergePacks } from './merge';
import { compilePolicy, type CompileProblem } from './compile';

export const DEFAULT_POLICY_ID = 'commissioning-friend-2009';

const BUILTIN_TEXT: Record<string, string> = {
  'commissioning-friend-2009': cf2009,
  'equality-act-2010': ea2010,
};

/** The built-in packs parsed at build time (JSON), so loading one needs no YAML parse. */
const BUILTIN_DATA: Record<string, string> = {
  'commissioning-friend-2009': cf2009Data,
  'equality-act-2010': ea2010Data,
};

export const BUILTIN_POLICY_IDS = Object.keys(BUILTIN_TEXT);

export interface PackSource {
  text: string;
  file: string;
}

export interface LoadOptions {
  /** A built-in pack id or a pack file's contents; overrides the config's `policy`. */
  policy?: string | PackSource;
  config?: PackSource;
  /** Reads a pack file named by a config `policy` or a pack's `extends` (the core does no I/O). */
  readPack?: (ref: string, fromFile: string) => PackSource | { error: string } | undefined;
  /**
   * /regex/ phrases from a config or pack file (not the built-in packs): run on a
   * linear-time engine (the default), or left out with a warning in an untrusted workspace.
   */
  workspaceRegex?: 'bounded' | 'refused';
}

export interface Loaded {
  policy?: Policy;
  config?: RawConfig;
  problems: PolicyProblem[];
  /** What was left out of a policy that still loads (a workspace regex in an untrusted workspace). */
  warnings?: PolicyProblem[];
}

export function isBuiltinPolicy(id: string): boolean {
  return id in BUILTIN_TEXT;
}

export function builtinPackText(id: string): string | undefined {
  return BUILTIN_TEXT[id];
}

/** The id of a built-in pack when `policy` is that pack as shipped (no config, no file pack). */
export function builtinIdOf(policy: Policy): string | undefined {
  return policy.builtin;
}

/** A pack or config file as parsed, kept so a problem found later can name its line. */
interface Source {
  file: string;
  /** Absent for built-in packs, which are parsed at build time. */
  locate?: (path: readonly YamlStep[]) => YamlLocation;
}

function problemAt(source: Source, path: readonly YamlStep[], message: string): PolicyProblem {
  const at = source.locate?.(path) ?? { line: 1, column: 1 };
  return { file: source.file, line: at.line, column: at.column, message };
}

/**
 * Loads policies, keeping what is worth keeping between loads: the built-in packs
 * once compiled, and the schema validators. An adapter holds one for its run (or
 * its server); nothing is kept at module level.
 */
export class PolicyLoader {
  private readonly builtins = new Map<string, Policy>();
  private trusted?: ReadonlySet<string>;
  readonly validators = new Validators();

  /** The built-in packs' own /regex/ phrases: reviewed with the code, so they run on V8's engine. */
  trustedRegex(): ReadonlySet<string> {
    if (!this.trusted) {
      const found = new Set<string>();
      const walk = (v: unknown): void => {
        if (typeof v === 'string') {
          if (/^\/.*\/$/s.test(v)) found.add(v);
        } else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      for (const data of Object.values(BUILTIN_DATA)) walk(JSON.parse(data));
      this.trusted = found;
    }
    return this.trusted;
  }

  load(opts: LoadOptions = {}): Loaded {
    return load(opts, this);
  }

  builtin(id: string): Policy | undefined {
    return this.builtins.get(id);
  }

  keepBuiltin(id: string, policy: Policy): void {
    this.builtins.set(id, policy);
  }
}

/** One load with nothing kept (tests, one-off tools). */
export function loadPolicy(opts: LoadOptions = {}): Loaded {
  return new PolicyLoader().load(opts);
}

function load(opts: LoadOptions, loader: PolicyLoader): Loaded {
  const problems: PolicyProblem[] = [];
  let config: RawConfig | undefined;
  let configSource: Source | undefined;
  if (opts.config) {
    const parsed = parseYamlSource<RawConfig>(opts.config.text, opts.config.file, loader.validators.config);
    if (!parsed.data) return { problems: parsed.problems };
    config = parsed.data;
    configSource = { file: opts.config.file, locate: parsed.locate };
  }
  const ref = opts.policy ?? config?.policy ?? DEFAULT_POLICY_ID;
  const from = opts.policy !== undefined || !opts.config ? '' : opts.config.file;

  if (!config && typeof ref === 'string' && isBuiltinPolicy(ref)) {
    const cached = loader.builtin(ref);
    if (cached) return { policy: cached, problems };
  }
  const chain: Source[] = [];
  const raw = resolvePack(ref, from, opts, loader, problems, [], chain);
  if (!raw) return { problems };
  let pack = raw;
  if (config) {
    const applied = applyConfig(raw, config);
    pack = applied.pack;
    for (const p of applied.problems) problems.push(problemAt(configSource!, p.path.split('/').slice(1), `${p.path.slice(1).replace(/\//g, '.')}: ${p.message}`));
    if (problems.length) return { problems };
  }
  const builtin = !config && typeof ref === 'string' && isBuiltinPolicy(ref) ? ref : undefined;
  // A built-in pack as shipped has only its own patterns; anything else may carry the workspace's.
  const trust = builtin ? undefined : { trusted: loader.trustedRegex(), others: opts.workspaceRegex ?? 'bounded' };
  const compiled = compilePolicy(pack, builtin, trust);
  const place = (p: CompileProblem) => placeProblem(p, raw, configSource, chain);
  if (!compiled.policy) return { problems: compiled.problems.map(place) };
  if (builtin) loader.keepBuiltin(builtin, compiled.policy);
  return { policy: compiled.policy, config, problems, warnings: compiled.warnings.map(place) };
}

/** Parses a pack (built-in or file) and everything it extends, merged base-first; `chain` gets each file parsed, the named one first. */
function resolvePack(ref: string | PackSource, fromFile: string, opts: LoadOptions, loader: PolicyLoader, problems: PolicyProblem[], seen: string[], chain: Source[]): RawPack | undefined {
  let source: PackSource | undefined;
  let builtin = false;
  if (typeof ref !== 'string') source = ref;
  else if (isBuiltinPolicy(ref)) {
    source = { text: BUILTIN_TEXT[ref], file: `${ref} (built-in)` };
    builtin = true;
  } else {
    const read = opts.readPack?.(ref, fromFile);
    if (!read || 'error' in read) {
      const why = read ? `cannot read the pack file "${ref}": ${read.error}` : `unknown policy "${ref}": not a built-in pack (${BUILTIN_POLICY_IDS.join(', ')}) nor a readable pack file`;
      problems.push({ file: fromFile || ref, line: 1, column: 1, message: why });
      return undefined;
    }
    source = read;
  }
  if (seen.includes(source.file)) {
    problems.push({ file: source.file, line: 1, column: 1, message: `policy packs extend each other in a cycle: ${[...seen, source.file].join(' → ')}` });
    return undefined;
  }
  // Built-in packs are validated by the test suite and parsed at build time; skipping
  // the YAML parse and ajv keeps start-up fast.
  const parsed = builtin && typeof ref === 'string' ? { data: JSON.parse(BUILTIN_DATA[ref]) as RawPack, problems: [] } : parseYamlSource<RawPack>(source.text, source.file, builtin ? undefined : loader.validators.pack);
  for (const x of parsed.problems) problems.push(x);
  if (!parsed.data) return undefined;
  chain.push({ file: source.file, locate: 'locate' in parsed ? parsed.locate : undefined });
  const pack = parsed.data;
  if (!pack.extends) return pack;
  const base = resolvePack(pack.extends, source.file, opts, loader, problems, [...seen, source.file], chain);
  return base ? mergePacks(base, pack) : undefined;
}

/**
 * The file, line and column of the entry a compile problem names. An entry the config
 * added (a synonym, a local element) is in the config. Otherwise it is in the first
 * file of the `extends` chain, the named pack first, that writes that path: merging
 * overrides field by field (a list whole), so that file's list is the one compiled and
 * the index is its own. If no file writes the whole path (a value the merge defaulted),
 * the named pack's line for the nearest key it does write.
 */
function placeProblem(p: CompileProblem, raw: RawPack, config: Source | undefined, chain: Source[]): PolicyProblem {
  if (config) {
    const inConfig = configPath(p.path, raw) ?? configList(p.path, config);
    if (inConfig) return problemAt(config, inConfig, p.message);
  }
  for (const source of chain) {
    const at = source.locate?.(p.path);
    if (at?.exact) return { file: source.file, line: at.line, column: at.column, message: p.message };
  }
  return problemAt(chain[0], p.path, p.message);
}

/** For a problem with a whole list (too many phrases): the config's list that adds to it, if the config writes one. */
function configList(path: CompileProblem['path'], config: Source): YamlStep[] | undefined {
  const [top, key, field] = path;
  const list: YamlStep[] | undefined =
    top === 'groups' && typeof key === 'object' && field === 'synonyms' ? ['synonyms', 'groups', key.id]
    : top === 'elements' && typeof key === 'object' && field === 'headings' ? ['synonyms', 'elements', key.id]
    : top === 'eqia' && key === 'headings' && field === undefined ? ['synonyms', 'eqia']
    : undefined;
  return list && config.locate?.(list).exact ? list : undefined;
}

/** Where in the config an entry the config added is written, or undefined if the pack has it. */
function configPath(path: CompileProblem['path'], raw: RawPack): YamlStep[] | undefined {
  const [top, key, field, index] = path;
  const past = (list: string[] | undefined) => (typeof index === 'number' && index >= (list?.length ?? 0) ? index - (list?.length ?? 0) : undefined);
  if (top === 'elements' && typeof key === 'object') {
    const el = raw.elements?.find((e) => e.id === key.id);
    if (!el) return [...path];
    const i = field === 'headings' ? past(el.headings) : undefined;
    return i === undefined ? undefined : ['synonyms', 'elements', key.id, i];
  }
  if (top === 'groups' && typeof key === 'object' && field === 'synonyms') {
    const i = past(raw.groups?.find((g) => g.id === key.id)?.synonyms);
    return i === undefined ? undefined : ['synonyms', 'groups', key.id, i];
  }
  if (top === 'eqia' && key === 'headings' && typeof field === 'number') {
    const list = raw.eqia?.headings;
    return field >= (list?.length ?? 0) ? ['synonyms', 'eqia', field - (list?.length ?? 0)] : undefined;
  }
  return undefined;
}
