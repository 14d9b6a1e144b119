// One phrase matched as a regular expression, on the text rather than its
// tokens: a /regex/ entry, or a plain phrase the tokens cannot express (see
// phrase-shape.ts; no pack has one). The built-in packs' entries run on V8's
// engine; the workspace's (`bounded`) on RE2, in linear time (bounded-regex.ts).
// Where such entries are tried: regex-entries.ts.
import { BoundedRegExp } from './bounded-regex';
import { isRegexEntry, phraseSource } from './source';
import { narrowable } from '../policy/text-forms';
import { Starts } from './starts';

/** Receives a match (an empty one too); returns false to stop. */
export type MatchSink = (start: number, end: number) => boolean;

export interface RegexEntry {
  /** The pattern, for V8 (undefined for a workspace's entry, which only RE2 runs). */
  readonly source?: string;
  /** Folded letters every match starts with, at the start of a run of \w; undefined if unknown. */
  readonly leads: string[] | undefined;
  /**
   * The end of the entry's match starting at `at`, or -1 (only for an entry with leads).
   * `narrow`: the text has no character that needsUnicode() (text-forms.ts) looks for.
   */
  matchAt(text: string, at: number, narrow?: boolean): number;
  /** Every match, one at each start where one starts, left to right, until `on` returns false. */
  scan(text: string, on: MatchSink, narrow?: boolean): void;
}

/** The next start to try after one at `at`: on by one code point, never into a surrogate pair. */
const after = (text: string, at: number): number => at + (text.codePointAt(at)! > 0xffff ? 2 : 1);

/** A V8 entry's leads and starts (see V8Entry), as a built-in pack's book keeps them (see FrozenMatcher); null for none. */
export type FrozenEntry = [leads: string[] | null, starts: string[] | null];

/** An entry on V8's engine; its patterns are compiled on first use. */
export class V8Entry implements RegexEntry {
  readonly leads: string[] | undefined;
  /**
   * What every match starts with, as written (lower case; a space stands for the
   * spaces or line break a pattern's space matches; see startsOf): checked before
   * the pattern is run, so a text where the entry cannot match never compiles it.
   * Undefined if unknown.
   */
  readonly starts: string[] | undefined;
  private written?: string;
  /** `starts` as a trie, made on first use. */
  private startTrie?: Starts;
  /** The sticky pattern and the probe, each with "u" and without (see `pattern`), compiled on first use. */
  private readonly compiled: Array<RegExp | undefined> = [];
  /** Whether the pattern may run without "u" on narrow text (text-forms.ts), found on first need. */
  private narrowable?: boolean;

  /** `frozen`: the leads read from this phrase before (at build time), so a cold start does not read the pattern character by character. */
  constructor(
    private readonly phrase: string,
    frozen?: FrozenEntry,
  ) {
    const regex = isRegexEntry(phrase);
    this.leads = frozen !== undefined ? (frozen[0] ?? undefined) : regex ? leadsOf(this.source) : undefined;
    this.starts = frozen !== undefined ? (frozen[1] ?? undefined) : regex ? startsOf(phrase.slice(1, -1)) : undefined;
  }

  freeze(): FrozenEntry {
    return [this.leads ?? null, this.starts ?? null];
  }

  /** The pattern (source.ts), made on first use: a one-file run compiles about a third of a pack's entries. */
  get source(): string {
    return (this.written ??= phraseSource(this.phrase));
  }

  /**
   * The sticky pattern or the probe (see `scan`), with "u" unless the text is narrow
   * and the pattern narrowable: about a third cheaper to compile, the same matches
   * there (tests/core/text-forms.test.js checks the built-in packs' entries).
   */
  private pattern(probe: boolean, narrow: boolean): RegExp {
    if (narrow) narrow = this.narrowable ??= narrowable(this.source, true);
    const source = probe && this.source.startsWith('\\b') ? this.source.slice(2) : this.source;
    return (this.compiled[(probe ? 2 : 0) + (narrow ? 1 : 0)] ??= new RegExp(source, (probe ? 'gi' : 'iy') + (narrow ? '' : 'u')));
  }

  matchAt(text: string, at: number, narrow = false): number {
    // Speed: compiling a pattern costs 0.1-0.5 ms (a one-file run tries ~60 entries, most
    // at words where they cannot match: "will" not followed by "be completed").
    if (this.starts && !(this.startTrie ??= new Starts(this.starts)).test(text, at)) return -1;
    const sticky = this.pattern(false, narrow);
    sticky.lastIndex = at;
    return sticky.test(text) ? sticky.lastIndex : -1;
  }

  scan(text: string, on: MatchSink, narrow = false): void {
    // Speed: V8 scans quickly for a pattern's leading letters, but not past a
    // leading \b under "iu" (about 20 times slower). Without it, the probe
    // matches wherever the entry does (and maybe elsewhere): where to try it.
    // An entry without a leading \b is its own probe: its first match from an
    // offset is its match at the first start where it has one, so no second
    // pattern is compiled.
    const stripped = this.source.startsWith('\\b');
    const probe = this.pattern(true, narrow);
    probe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = probe.exec(text))) {
      const at = m.index;
      // Set inside a surrogate pair, lastIndex finds the pair's match again (V8), for ever.
      probe.lastIndex = after(text, at);
      const end = stripped ? this.matchAt(text, at, narrow) : at + m[0].length;
      if (end >= 0 && !on(at, end)) return;
    }
  }
}

/** An entry from the workspace, on RE2 (linear time whatever the pattern); tried from every start it finds. */
export class BoundedEntry implements RegexEntry {
  readonly leads = undefined;
  private readonly re: BoundedRegExp;

  constructor(phrase: string) {
    this.re = new BoundedRegExp(phrase.slice(1, -1));
  }

  matchAt(): number {
    return -1;
  }

  scan(text: string, on: MatchSink): void {
    this.re.everyStart(text, (start, end) => on(start, end), after);
  }
}

/**
 * The letters every match of a pattern starts with, just after its opening \b:
 * the literal run after it, or one per branch of an opening (a|b|c) group (its
 * branches may hold groups of their own, as the line-break spaces do).
 * Undefined when unknown (no \b first, a "|" outside any group, or a branch that
 * does not open with letters). A letter made optional by a quantifier does not count.
 */
function leadsOf(source: string): string[] | undefined {
  if (!source.startsWith('\\b') || hasTopLevelBar(source)) return undefined;
  let branches = [source.slice(2)];
  if (source[2] === '(') {
    const open = source.startsWith('(?:', 2) ? 5 : 3;
    // A lookaround or named group says nothing of the letters.
    if (open === 3 && source[3] === '?') return undefined;
    const close = closingParen(source, 2);
    if (close < 0 || /^[?*{]/.test(source.slice(close + 1))) return undefined;
    branches = topLevelBranches(source.slice(open, close));
  }
  const leads = branches.map(literalStart);
  if (!leads.every((l) => l.length)) return undefined;
  // A lead that starts with another adds no start ("will" beside "wil"), and would try the entry twice at one.
  return leads.filter((l, i) => !leads.some((m, j) => j !== i && (m.length < l.length || j < i) && l.startsWith(m)));
}

/** Starts beyond this many alternatives are cut where the group that would multiply them opens. */
const MAX_STARTS = 16;
const QUANTIFIER = /^[?*+{]/;

/**
 * The literal text every match of a /regex/ entry (as written, spaces unwrapped)
 * starts with, one string per alternative: the entry's opening \b, then letters,
 * digits and spaces, through groups (their branches multiplied out), up to the
 * first thing that is not plain text (a class, an escape, a quantified letter or
 * group, a lookaround). Undefined when unknown (no \b first, a "|" outside any group).
 * Checked against every match on the fixture corpus (tests/core/phrase-match.test.js).
 */
export function startsOf(pattern: string): string[] | undefined {
  if (!pattern.startsWith('\\b') || hasTopLevelBar(pattern)) return undefined;
  const out = [...new Set(literalRun(pattern, [{ text: '', open: true }]).map((a) => a.text))];
  return out.every((t) => t.length) ? out : undefined;
}

/** Extends each open alternative by the plain text at the start of `pattern`; an alternative is closed where that ends. */
function literalRun(pattern: string, alts: Array<{ text: string; open: boolean }>): Array<{ text: string; open: boolean }> {
  const closed = () => alts.map((a) => ({ text: a.text, open: false }));
  for (let i = 0; i < pattern.length; ) {
    if (!alts.some((a) => a.open)) return alts;
    const c = pattern[i];
    if (c === '\\') {
      // \b is zero-width: the letters around it are still the match's.
      if (pattern[i + 1] !== 'b') return closed();
      i += 2;
    } else if (c === '(') {
      if (pattern[i + 1] === '?' && !pattern.startsWith('(?:', i)) return closed();
      const close = closingParen(pattern, i);
      if (close < 0 || QUANTIFIER.test(pattern.slice(close + 1))) return closed();
      const branches = topLevelBranches(pattern.slice(pattern.startsWith('(?:', i) ? i + 3 : i + 1, close)).map((b) => literalRun(b, [{ text: '', open: true }]));
      const join = (a: string, b: string) => (a.endsWith(' ') && b.startsWith(' ') ? a + b.slice(1) : a + b);
      const next = alts.flatMap((a) => (a.open ? branches.flatMap((r) => r.map((b) => ({ text: join(a.text, b.text), open: b.open }))) : [a]));
      if (next.length > MAX_STARTS) return closed();
      alts = next;
      i = close + 1;
    } else if (/^[a-z0-9 ]$/i.test(c)) {
      if (QUANTIFIER.test(pattern.slice(i + 1))) return closed();
      // A run of spaces is one LINE_SPACE (source.ts), and spaces meeting across a group's edge match one run too.
      alts = alts.map((a) => (a.open && !(c === ' ' && a.text.endsWith(' ')) ? { text: a.text + c.toLowerCase(), open: true } : a));
      i++;
    } else {
      return closed();
    }
  }
  return alts;
}

function literalStart(pattern: string): string {
  const run = /^[a-z0-9]+/i.exec(pattern)?.[0] ?? '';
  return (/^[?*{]/.test(pattern.slice(run.length)) ? run.slice(0, -1) : run).toLowerCase();
}

/** Calls `at` for each character outside any class, with the group depth before it (escapes skipped); stops where it returns true. */
function walkGroups(pattern: string, at: (i: number, depth: number) => boolean | void): void {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (at(i, depth)) return;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
}

/** Whether a pattern has a "|" outside any group or class. */
function hasTopLevelBar(pattern: string): boolean {
  let found = false;
  walkGroups(pattern, (i, depth) => (found = pattern[i] === '|' && depth === 0));
  return found;
}

/** The offset of the ")" that closes the group opening at `open`, or -1. */
function closingParen(pattern: string, open: number): number {
  let close = -1;
  walkGroups(pattern.slice(open), (i, depth) => pattern[open + i] === ')' && depth === 1 && ((close = open + i), true));
  return close;
}

/** A group's body split at its own "|"s (not those of groups inside it). */
function topLevelBranches(body: string): string[] {
  const out: string[] = [];
  let from = 0;
  walkGroups(body, (i, depth) => {
    if (body[i] === '|' && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  });
  return [...out, body.slice(from)];
}
