// Public API of the pure core, used by the CLI, the language server and tests.
export { lint, lintAnalysis } from './lint';
export { analyse, parseDocument, type Analysis } from './analyse';
export type { ParseOptions } from './parse/parse';
export type { FastStats } from './parse/fast';
export { loadPolicy, builtinPackText, builtinIdOf, isBuiltinPolicy, BUILTIN_POLICY_IDS, DEFAULT_POLICY_ID, type PackSource, type LoadOptions } from './policy/load';
export { RULES } from './rules';
export { RULE_IDS } from './rules/ids';
export { LruCache, type LruOptions } from './lru-cache';
export { coverageLine } from './coverage-line';
export type * from './types';
export type { Policy, PolicyProblem } from './policy/types';
export { ruleDocsUrl } from './docs';
export * from './editor';
export { LineIndex } from './parse/lines';
export { PhraseHitFinder, byStart, distinctWithin, leftmostSpans } from './policy/phrase-hits';
export { phraseSource } from './policy/phrases';
export { pieces } from './parse/pieces';
export type { Section } from './model/types';

// ---------------------------------------------------------------------------
// Locations a reader of the source document can follow (heading path,
// paragraph or table row, quote): given with findings in converted Word files.
export { describeLocation, formatLocation, type Location, type LocationKind } from './model/locate';
