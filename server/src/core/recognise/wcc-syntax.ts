// The competency-tag syntax and its wording, written once: the patterns that
// read a reference ("WCC 5", "WCC competency 5 – Manage knowledge…",
// "Competency 5", "WCC 1–3", "WCC C5", "(WCC: 2, 5 & 7)", "WCC competency
// three", a table cell "5 – Manage knowledge"), the one judgement of whether a
// number and name agree, the canonical way a tag is written (quick fixes,
// completion, snippets), and the same syntax for the editor's completion
// context and the TextMate grammar. The words are the pack's `wcc:` vocabulary;
// the numbers (in digits and in English words) and punctuation here.
import type { CompetencyDef, Policy, TagPatterns } from '../policy/types';
import { phraseSource } from '../match/source';
import { DualRegExp, LATIN_LETTERS, LATIN_LETTERS_DIGITS } from '../policy/text-forms';
import { competencyForName } from './competency-names';

/** How a tag is written when the tool writes one: "WCC 6 – Prioritise investment". */
export function tagText(number: number, name?: string): string {
  return name ? `WCC ${number} – ${name}` : `WCC ${number}`;
}

/** A competency as a list item or completion after "WCC ": "6 – Prioritise investment". */
export function itemText(number: number, name: string): string {
  return `${number} – ${name}`;
}

/** What a reference says about its competency: valid, or why not (and the competency a wrong name belongs to). */
export type Judgement = { ok: true; competency: CompetencyDef } | { ok: false; reason: string; named?: CompetencyDef };

/** "1–11": how the competencies are numbered, for messages. */
function numbering(competencies: CompetencyDef[]): string {
  return `1–${competencies.length ? competencies[competencies.length - 1].number : 0}`;
}

/** The one judgement of a reference: is the number a competency, and does a written name fit it? */
export function judgeReference(number: number, nameText: string | undefined, competencies: CompetencyDef[]): Judgement {
  const byNumber = competencies.find((c) => c.number === number);
  if (!byNumber) return { ok: false, reason: `there is no WCC competency ${number} (they are numbered ${numbering(competencies)})` };
  const named = nameText ? competencyForName(nameText, competencies) : undefined;
  if (named && named.number !== number) return { ok: false, reason: `WCC ${number} is "${byNumber.names[0]}", but "${named.names[0]}" is WCC ${named.number}`, named };
  return { ok: true, competency: byNumber };
}

/**
 * The judgements of a reference's numbers, each as `judgeReference` makes it: a
 * written name goes with the last number ("WCC 5 and 6 – Prioritise investment"),
 * every number of a range counts, and the part of a range past the last
 * competency is one invalid reference ("WCC 10–13": 10, 11, and no 12–13).
 */
export function judgeNumbers(spans: NumberSpan[], nameText: string | undefined, competencies: CompetencyDef[]): Array<{ number: number; judgement: Judgement }> {
  // "6 and 7 (prioritise investment; stimulate the market)": as many names as numbers, in turn.
  const numbers = spans.flatMap((sp) => (sp.from === sp.to ? [sp.from] : []));
  const names = nameText?.split(/\s*[;,]\s*/).filter((x) => x.trim());
  if (names && numbers.length >= 2 && numbers.length === spans.length && names.length === numbers.length) {
    return numbers.map((n, k) => ({ number: n, judgement: judgeReference(n, names[k], competencies) }));
  }
  const out: Array<{ number: number; judgement: Judgement }> = [];
  spans.forEach((span, i) => {
    const last = i === spans.length - 1;
    let missing: number[] = [];
    const flush = () => {
      if (missing.length > 1) out.push({ number: missing[0], judgement: { ok: false, reason: `there are no WCC competencies ${missing[0]}–${missing[missing.length - 1]} (they are numbered ${numbering(competencies)})` } });
      else if (missing.length) out.push({ number: missing[0], judgement: judgeReference(missing[0], last ? nameText : undefined, competencies) });
      missing = [];
    };
    for (let n = span.from; n <= span.to; n++) {
      if (span.from !== span.to && !competencies.some((c) => c.number === n)) {
        missing.push(n);
        continue;
      }
      flush();
      out.push({ number: n, judgement: judgeReference(n, last && n === span.to ? nameText : undefined, competencies) });
    }
    flush();
  });
  return out;
}

// A reference starts where a word does ("XWCC 5" is none) and may run straight into its number ("WCC5").
const START = String.raw`(?<![\p{L}\p{N}])`;
const LATIN_START = `(?<![${LATIN_LETTERS_DIGITS}])`;

/** The character classes of a pattern's full or latin form (see text-forms.ts). */
function classes(latin: boolean): { letter: string; alnum: string } {
  return latin ? { letter: `[${LATIN_LETTERS}]`, alnum: `[${LATIN_LETTERS_DIGITS}]` } : { letter: String.raw`\p{L}`, alnum: String.raw`[\p{L}\p{N}]` };
}

// The English words for numbers are syntax, like "no." and "number": they spell
// the numerals themselves, the same whatever a framework is called, so they sit
// here with the digits and punctuation, not in a pack's `wcc:` vocabulary (which
// holds the framework's own words). Beyond eleven, so that "competency twelve"
// is read, and reported, rather than passed over.
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const WORDS_LONGEST_FIRST = [...NUMBER_WORDS].sort((a, b) => b.length - a.length).join('|');
// Words after a number that make it an amount, a duration, an ordinal or a date,
// not a competency's number ("WCC 5m", "WCC 3 year plan", "WCC 12 March"): also English syntax.
const UNITS = 'per[ \\t]?cent|m|bn|k|million|billion|thousand|pounds?|years?|months?|weeks?|days?|hours?|st|nd|rd|th|january|february|march|april|june|july|august|september|october|november|december';

/**
 * One number of a reference in digits, "C" before it allowed ("C5"). Not a year
 * ("09/10", "10/11"), a decimal, a thousand ("1,200"), a compound ("3-year"), a
 * percentage, an amount, a duration or a date: "WCC" may also abbreviate a council.
 */
function digitItem(latin: boolean): string {
  const { letter } = classes(latin);
  return String.raw`(?:c(?=\d))?(?!0\d[\/–-]\d|\d\d\/\d\d(?!\d))\d{1,3}(?!\d|\.\d|,\d{3}(?!\d)|[-‑]${letter}|[ \t]*(?:%|(?:${UNITS})(?!${letter})|may[ \t]+\d))`;
}

/** One number in words ("three"), not the start of "one-off", "one of", "three years" or "two million". */
function wordItem(latin: boolean): string {
  const { letter, alnum } = classes(latin);
  return String.raw`(?:${WORDS_LONGEST_FIRST})(?!${alnum}|[-‑]${letter}|\s+(?:of|${UNITS})(?!${letter}))`;
}

/** Numbers of one kind joined as a list ("2, 5 & 7", "2, 5, and 7", "2/5/7") or a range ("1–3", "4 to 6"). */
function numberList(item: string, latin: boolean): string {
  const { letter } = classes(latin);
  const and = `(?:and|or)(?!${letter})`;
  const join = String.raw`[ \t]*(?:,(?:[ \t]*(?:${and}|&))?|&|\+|\/|${and}|[-–—]|to(?!${letter}))[ \t]*`;
  return `${item}(?:${join}${item})*`;
}

/**
 * What may stand between the words that open a reference and its numbers: "no.",
 * "number", "#", a dash or a colon. Each run of blanks follows something that must
 * be there (here and in lists), so a long run of blanks is read once, not tried
 * split every way (runs of blanks next to each other made this cubic). A bold
 * label's closing marks may stand before or just after the colon ("**WCC:** 5").
 */
const LEAD = String.raw`(?:\*{1,2}|_{1,2})?[ \t]*(?:(?:no\.?|number|#)[ \t]*)?(?:[-–—:](?:\*{1,2}|_{1,2})?[ \t]*)?`;

/**
 * The numbers of a reference, on the same line as the words that open it, as one
 * group (read by `readNumbers`): digits, or (`words`) numbers in words too, each
 * list of one kind. `capture`: whether the group captures (not in the grammar).
 */
function numbersSource(words: boolean, latin: boolean, capture = true): string {
  const digits = numberList(digitItem(latin), latin);
  const body = words ? `${digits}|${numberList(wordItem(latin), latin)}` : digits;
  return `${LEAD}(${capture ? '' : '?:'}${body})`;
}

/** A number, or a range of numbers, a reference names: "5" is 5–5, "1–3" is 1–3. */
export interface NumberSpan {
  from: number;
  to: number;
}

/** The numbers a reference's numbers group stands for, in order: "1–3, C5 and seven" → 1–3, 5, 7. */
export function readNumbers(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  let range = false;
  for (const [token] of text.toLowerCase().matchAll(/\d+|\p{L}+|[-–—]/gu)) {
    const n = /^\d/.test(token) ? Number(token) : NUMBER_WORDS.indexOf(token) + 1 || undefined;
    if (n === undefined) {
      // "C" before a number, "and", "or" join a list; a dash or "to" makes a range.
      range = token === 'to' || /^[-–—]$/.test(token);
      continue;
    }
    const last = out[out.length - 1];
    // A range runs upwards; "5–3" is read as the two numbers written.
    if (range && last && last.from === last.to && n > last.from) last.to = n;
    else out.push({ from: n, to: n });
    range = false;
  }
  return out;
}

/**
 * A reference matched by a tag pattern: its numbers (the first group that took part) and the
 * name written after them (the last groups: three in prose, after a dash on its line or the next, or
 * in brackets; one in a cell).
 */
export function readTag(m: RegExpExecArray, nameGroups: 1 | 3 = 3): { numbers: NumberSpan[]; name: string | undefined } {
  const numbers = m.slice(1, -nameGroups).find((g) => g !== undefined) ?? '';
  return { numbers: readNumbers(numbers), name: m.slice(-nameGroups).find((g) => g !== undefined) };
}

/**
 * A written name runs to the end of the clause, but never into the next reference (`stop`) or a
 * bracket (an aside: "competency 9 – Prioritise investment, … (Stimulate the market)"). In
 * brackets, names may follow one another ("6 and 7 (prioritise investment; stimulate the market)").
 * Groups: the name after a dash or colon, the name after a dash ending the line, the name or names in brackets.
 */
const name = (stop: string) => {
  const one = String.raw`(?:(?!${stop})[^\n\]\(\).;|]){3,80}`;
  // A dash may be two hyphens, as pandoc writes an en dash ("WCC 6 -- Stimulate the market"); a name in
  // brackets may stand on the next line of hard-wrapped prose ("competency 2\n(work with community partners)").
  // A dash at a line's end may have the name on the next ("WCC 7 –" / "Stimulate the market"); a colon not (a label's).
  return String.raw`(?:[ \t]*(?:--|[-–—:])[ \t]*(${one})|[ \t]*(?:--|[-–—])[ \t]*\r?\n[ \t]*(${one})|[ \t]*(?:\r?\n[ \t]*)?\([ \t]*(${one}(?:;[ \t]*${one})*))?`;
};

/** The word-boundary checks phraseSource puts around a plain phrase, read off a probe so they follow source.ts. */
function boundaries(latin: boolean): [string, string] {
  const probe = phraseSource('a', latin);
  const at = probe.indexOf('(?:a)');
  return at < 0 ? ['', ''] : [probe.slice(0, at), probe.slice(at + '(?:a)'.length)];
}
const BOUNDARIES = { full: boundaries(false), latin: boundaries(true) };

/** A /regex/ entry's groups made non-capturing, so the groups of the pattern around it keep their numbers. */
function withoutCaptures(source: string): string {
  return source.replace(/(?<!\\)\((?:\?<(?![=!])[^>]*>|(?!\?))/g, '(?:');
}

/**
 * Regex source for a list of the words that open a WCC reference (`wcc.prefixes`,
 * `wcc.introducers`, `wcc.standalone`), longest first, with no capturing group.
 * Unless `bounded`, without the phrases' own word boundaries: the tag syntax sets
 * its own, so a number may follow directly ("WCC5"). Matches nothing for an empty list.
 * `latin`: the form for text with no letter beyond U+0300 (see text-forms.ts).
 */
export function openingSource(list: readonly string[], bounded = false, latin = false): string {
  if (!list.length) return '(?!)';
  const [pre, post] = latin ? BOUNDARIES.latin : BOUNDARIES.full;
  const parts: Array<{ s: string; bare: boolean }> = [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const s = phraseSource(p, latin);
      if (/^\/.*\/$/s.test(p)) return { s: `(?:${withoutCaptures(s)})`, bare: false };
      if (!pre || !post || !s.startsWith(pre) || !s.endsWith(post)) return { s, bare: false };
      return { s: s.slice(pre.length, s.length - post.length), bare: true };
    });
  if (!bounded) return parts.map((p) => p.s).join('|');
  // Bounded: a run of plain phrases shares one pair of boundary checks, "pre(?:a|b)post" for
  // "pre a post|pre b post" (the same matches, tried in the same order): each check is a Unicode
  // class, and under "iu" a class is the costliest part of a pattern to compile (text-forms.ts).
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    if (!parts[i].bare) out.push(parts[i++].s);
    else {
      const run: string[] = [];
      while (i < parts.length && parts[i].bare) run.push(parts[i++].s);
      out.push(`${pre}(?:${run.join('|')})${post}`);
    }
  }
  return out.join('|');
}

/**
 * The tag patterns of a vocabulary, each in its latin and full form. Groups: the
 * numbers (after an introducer, numbers in words too: "WCC competency three"), and
 * last the name; `readTag` reads a match.
 */
export function tagPatterns({ prefixes, standalone, introducers }: Policy['wcc']): TagPatterns {
  const named = (latin: boolean) => name(openingSource([...prefixes.phrases, ...standalone.phrases], true, latin));
  const start = (latin: boolean) => (latin ? LATIN_START : START);
  const opening = (latin: boolean) => `(?:${openingSource(prefixes.phrases, false, latin)})(?:[ \\t-]*(?:${openingSource(introducers.phrases, false, latin)}))?`;
  return {
    tag: new DualRegExp((latin) => `${start(latin)}${prefixed(prefixes.phrases, introducers.phrases, latin, true)}${named(latin)}`, 'giu'),
    standalone: new DualRegExp((latin) => `${start(latin)}(?:${openingSource(standalone.phrases, false, latin)})${numbersSource(true, latin)}${named(latin)}`, 'giu'),
    // A table cell: the numbers alone, or opened as in prose ("WCC 5", "Competency 5"), or followed by a name ("5 – Manage knowledge").
    continued: new DualRegExp((latin) => String.raw`^\)[ \t]*(?:,(?:[ \t]*(?:and|&))?|&|and(?!${classes(latin).letter}))[ \t]*${numbersSource(false, latin)}${named(latin)}`, 'iu'),
    cell: new DualRegExp((latin) => String.raw`^[ \t]*(?:${opening(latin)}|(?:${openingSource(standalone.phrases, false, latin)}))?${numbersSource(true, latin)}(?:[ \t]*(?:--|[-–—:.)]|\()[ \t]*|[ \t]+)?(["“‘'(]?${classes(latin).letter}[\s\S]*)?$`, 'iu'),
  };
}

/** A prefix, then an introducer and numbers (in words too), or numbers alone: "WCC competency three", "WCC 5". */
function prefixed(prefixes: readonly string[], introducers: readonly string[], latin: boolean, capture: boolean): string {
  // Two introducers may stand together ("WCC competencies evidenced: 2, 5 & 7").
  const intro = openingSource(introducers, false, latin);
  const introduced = `[ \\t-]*(?:${intro})(?:[ \\t]+(?:${intro}))?${numbersSource(true, latin, capture)}`;
  return `(?:${openingSource(prefixes, false, latin)})(?:${introduced}|${numbersSource(false, latin, capture)})`;
}

/**
 * The end of a line that opens a WCC reference and waits for its number (the
 * editor's completion): a prefix, optionally an introducer, perhaps numbers
 * already listed ("WCC 2, ", "WCC 1 to "), a "C", and at most two digits typed
 * so far (group 1).
 */
export function beforeNumberPattern(wcc: Policy['wcc']): RegExp {
  const listed = String.raw`(?:\d{1,2}[ \t]*(?:,(?:[ \t]*(?:and|or|&))?|&|\+|\/|and|or|[-–—]|to)[ \t]*)*`;
  return new RegExp(String.raw`${START}(?:${openingSource(wcc.prefixes.phrases)})(?:[\s-]*(?:${openingSource(wcc.introducers.phrases)}))?[\s-]*(?:no\.?\s*)?${listed}c?(\d{0,2})$`, 'iu');
}

/**
 * The tag pattern for the TextMate grammar (Oniguruma: "(?i)" instead of the "i"
 * flag, no capturing groups needed): the same prefix, introducer and numbers.
 */
export function grammarTagSource(wcc: Policy['wcc']): string {
  const source = `(?i)${START}${prefixed(wcc.prefixes.phrases, wcc.introducers.phrases, false, false)}`;
  // Oniguruma has no \uHHHH escape: the no-break space goes in as itself.
  return source.replace(/\\u00a0/g, '\u00a0');
}
