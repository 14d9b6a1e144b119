// One phrase matched as a regular expression, on the text rather than its
// tokens: a /regex/ entry, or a plain phrase the tokens cannot express (see
// phrase-shape.ts; no pack has one). The built-in packs' entries run on V8's
// engine; the workspace's (`bounded`) on RE2, in linear time (bounded-regex.ts).
// Where such entries are tried: regex-entries.ts.
import { BoundedRegExp } from './bounded-regex';
import { isRegexEntry, phraseSource } from './source';

/** Receives a match (an empty one too); returns false to stop. */
export type MatchSink = (start: number, end: number) => boolean;

export interface RegexEntry {
  /** The pattern, for V8 (undefined for a workspace's entry, which only RE2 runs). */
  readonly source?: string;
  /** Folded letters every match starts with, at the start of a run of \w; undefined if unknown. */
  readonly leads: string[] | undefined;
  /** The end of the entry's match starting at `at`, or -1 (only for an entry with leads). */
  matchAt(text: string, at: number): number;
  /** Every match, one at each start where one starts, left to right, until `on` returns false. */
  scan(text: string, on: MatchSink): void;
}

/** The next start to try after one at `at`: on by one code point, never into a surrogate pair. */
const after = (text: string, at: number): number => at + (text.codePointAt(at)! > 0xffff ? 2 : 1);

/** An entry on V8's engine; its patterns are compiled on first use. */
export class V8Entry implements RegexEntry {
  readonly leads: string[] | undefined;
  readonly source: string;
  private sticky?: RegExp;
  private probe?: RegExp;

  constructor(phrase: string) {
    this.source = phraseSource(phrase);
    this.leads = isRegexEntry(phrase) ? leadsOf(this.source) : undefined;
  }

  matchAt(text: string, at: number): number {
    const sticky = (this.sticky ??= new RegExp(this.source, 'iuy'));
    sticky.lastIndex = at;
    return sticky.test(text) ? sticky.lastIndex : -1;
  }

  scan(text: string, on: MatchSink): void {
    // Speed: V8 scans quickly for a pattern's leading letters, but not past a
    // leading \b under "iu" (about 20 times slower). Without it, the probe
    // matches wherever the entry does (and maybe elsewhere): where to try it.
    const probe = (this.probe ??= new RegExp(this.source.startsWith('\\b') ? this.source.slice(2) : this.source, 'giu'));
    probe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = probe.exec(text))) {
      const at = m.index;
      // Set inside a surrogate pair, lastIndex finds the pair's match again (V8), for ever.
      probe.lastIndex = after(text, at);
      const end = this.matchAt(text, at);
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
 * the literal run after it, or one per branch of an opening (a|b|c) group.
 * Undefined when unknown (no \b first, a "|" outside any group, or a branch that
 * does not open with letters). A letter made optional by a quantifier does not count.
 */
function leadsOf(source: string): string[] | undefined {
  if (!source.startsWith('\\b') || hasTopLevelBar(source)) return undefined;
  const group = /^\\b\((?:\?:)?([^()]*)\)(?![?*{])/.exec(source);
  const leads = (group ? group[1].split('|') : [source.slice(2)]).map(literalStart);
  if (!leads.every((l) => l.length)) return undefined;
  // A lead that starts with another adds no start ("will" beside "wil"), and would try the entry twice at one.
  return leads.filter((l, i) => !leads.some((m, j) => j !== i && (m.length < l.length || j < i) && l.startsWith(m)));
}

function literalStart(pattern: string): string {
  const run = /^[a-z0-9]+/i.exec(pattern)?.[0] ?? '';
  return (/^[?*{]/.test(pattern.slice(run.length)) ? run.slice(0, -1) : run).toLowerCase();
}

/** Whether a pattern has a "|" outside any group or class. */
function hasTopLevelBar(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}
