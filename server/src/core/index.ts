// Public API of the pure core, used by the CLI, the language server and tests.
export { lint, lintAnalysis } from './lint';
export { analyse, parseDocument, type Analysis } from './analyse';
export { parseChunks, type ParseOptions } from './parse/parse';
export type { FastStats } from './parse/fast';
export { loadPolicy, PolicyLoader, builtinPackText, builtinIdOf, isBuiltinPolicy, BUILTIN_POLICY_IDS, DEFAULT_POLICY_ID, type PackSource, type LoadOptions } from './policy/load';
export { RULES } from './rules';
export { RULE_IDS } from './rules/ids';
export { LruCache, type LruOptions } from './lru-cache';
export { coverageLine } from './coverage-line';
export type * from './types';
export type { Policy, PolicyProblem } from './policy/types';
export { ruleDocsUrl } from './docs';
export * from './editor';
export { LineIndex } from './parse/lines';
export { phraseSource } from './match/source';
export { LATIN_WORD, LATIN_LETTERS_DIGITS, LATIN_LETTERS } from './policy/text-forms';
export { pieces } from './parse/pieces';
export { tagText, itemText, grammarTagSource } from './recognise/wcc-syntax';
export type { Section } from './model/types';
export { buildReview, type Review, type ReviewFile, type ReviewInput, type Column } from './report/review';
export { reviewMarkdown, strategyMarkdown, md, EMOJI, PLAIN, type Symbols } from './report/markdown';
export { statusLevel, statusWord, countSeverities, plural, LEGEND, type Level } from './report/status';
export { labelsFor, type Labels } from './report/labels';
export { describeLocation, formatLocation, locator, type Location, type LocationKind } from './model/locate';

// The phrase matcher's parts, for its equivalence test and benchmark (tests/core/phrase-match.test.js, tests/bench/match-bench.js).
export { PhraseMatcher, TextMatches, leftmostFirst } from './match';
export { PhraseBook } from './match/book';
export { distinctWithin } from './match/distinct';
export { startsWithOne } from './match/starts';
export { readSimpleYaml } from './simple-yaml';
export { tokenise } from './match/tokens';
export { foldCode, isJoiner } from './match/chars';
export { wordCount } from './recognise/text';
