// One phrase matched as a regular expression, on the text rather than its
// tokens: a /regex/ entry, or a plain phrase the tokens cannot express (see
// phrase-shape.ts; no pack has one). Kept apart so that it can move to a
// linear-time engine. Where such entries are tried: regex-entries.ts.
import { foldCode } from './chars';
import { phraseSource } from '../policy/phrases';

export class RegexEntry {
  /** Folded letters every match starts with, at the start of a run of \w; undefined if unknown. */
  readonly leads: number[][] | undefined;
  private readonly sticky: RegExp;
  private readonly probe: RegExp;

  constructor(phrase: string) {
    const source = phraseSource(phrase);
    // Speed: V8 scans quickly for a pattern's leading letters, but not past a
    // leading \b under "iu" (about 20 times slower). Without it, the probe
    // matches wherever the entry does (and maybe elsewhere): where to try it.
    this.leads = /^\/.*\/$/s.test(phrase) ? leadsOf(source) : undefined;
    this.sticky = new RegExp(source, 'iuy');
    this.probe = new RegExp(source.startsWith('\\b') ? source.slice(2) : source, 'giu');
  }

  /** The end of the entry's match starting at `at`, or -1. */
  matchAt(text: string, at: number): number {
    this.sticky.lastIndex = at;
    return this.sticky.test(text) ? this.sticky.lastIndex : -1;
  }

  /** Every match, tried at every start the probe finds, until `on` returns false. */
  scan(text: string, on: (start: number, end: number) => boolean): void {
    const { probe } = this;
    probe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = probe.exec(text))) {
      const at = m.index;
      // On by one code point: set inside a surrogate pair, lastIndex finds the pair's match again (V8), for ever.
      probe.lastIndex = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
      const end = this.matchAt(text, at);
      if (end >= 0 && !on(at, end)) return;
    }
  }
}

/**
 * The letters every match of a pattern starts with, just after its opening \b:
 * the literal run after it, or one per branch of an opening (a|b|c) group.
 * Undefined when unknown (no \b first, a "|" outside any group, or a branch that
 * does not open with letters). A letter made optional by a quantifier does not count.
 */
function leadsOf(source: string): number[][] | undefined {
  if (!source.startsWith('\\b') || hasTopLevelBar(source)) return undefined;
  const group = /^\\b\((?:\?:)?([^()]*)\)(?![?*{])/.exec(source);
  const leads = (group ? group[1].split('|') : [source.slice(2)]).map(literalStart);
  if (!leads.every((l) => l.length)) return undefined;
  // A lead that starts with another adds no start ("will" beside "wil"), and would try the entry twice at one.
  return leads.filter((l, i) => !leads.some((m, j) => j !== i && (m.length < l.length || j < i) && m.every((c, k) => l[k] === c)));
}

function literalStart(pattern: string): number[] {
  const run = /^[a-z0-9]+/i.exec(pattern)?.[0] ?? '';
  const kept = /^[?*{]/.test(pattern.slice(run.length)) ? run.slice(0, -1) : run;
  return [...kept].map((ch) => foldCode(ch.charCodeAt(0)));
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
