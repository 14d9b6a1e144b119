// The competency-tag syntax and its wording, written once: the patterns that
// read a reference ("WCC 5", "WCC competency 5 – Manage knowledge…",
// "Competency 5"), the one judgement of whether a number and name agree, the
// canonical way a tag is written (quick fixes, completion, snippets), and the
// same syntax for the editor's completion context and the TextMate grammar.
// The words are the pack's `wcc:` vocabulary; the numbers and punctuation here.
import type { CompetencyDef, Policy } from '../policy/types';
import { phraseSource } from '../match/source';
import { DualRegExp, LATIN_LETTERS_DIGITS } from '../policy/text-forms';
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

/** The one judgement of a reference: is the number a competency, and does a written name fit it? */
export function judgeReference(number: number, nameText: string | undefined, competencies: CompetencyDef[]): Judgement {
  const byNumber = competencies.find((c) => c.number === number);
  const max = competencies.length ? competencies[competencies.length - 1].number : 0;
  if (!byNumber) return { ok: false, reason: `there is no WCC competency ${number} (they are numbered 1–${max})` };
  const named = nameText ? competencyForName(nameText, competencies) : undefined;
  if (named && named.number !== number) return { ok: false, reason: `WCC ${number} is "${byNumber.names[0]}", but "${named.names[0]}" is WCC ${named.number}`, named };
  return { ok: true, competency: byNumber };
}

// A reference starts where a word does ("XWCC 5" is none) and may run straight into its number ("WCC5").
const START = String.raw`(?<![\p{L}\p{N}])`;
const LATIN_START = `(?<![${LATIN_LETTERS_DIGITS}])`;
/** "5", "no. 5", "#5", "5, 6 & 7", "5 and 6": on the same line as the prefix. Groups: first number, the rest. */
export const NUMBERS = String.raw`[ \t]*(?:no\.?|number|#)?[ \t]*[-–—:]?[ \t]*(\d{1,3})(?!\d|\.\d)((?:[ \t]*(?:,|&|and|\/|or)[ \t]*\d{1,3}(?!\d))*)`;
/** A written name runs to the end of the clause, but never into the next reference (`stop`). Group: the name. */
const name = (stop: string) => String.raw`(?:[ \t]*(?:[-–—:]|\()[ \t]*((?:(?!${stop})[^\n\]\).;|]){3,80}))?`;

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
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      let s = phraseSource(p, latin);
      if (/^\/.*\/$/s.test(p)) return `(?:${withoutCaptures(s)})`;
      if (!bounded && pre && s.startsWith(pre)) s = s.slice(pre.length);
      if (!bounded && post && s.endsWith(post)) s = s.slice(0, s.length - post.length);
      return s;
    })
    .join('|');
}

/** The tag patterns of a vocabulary (groups: first number, more numbers, name), each in its latin and full form. */
export interface TagPatterns {
  /** A prefix, an optional introducer, numbers and a name: "WCC competency 5 – Manage knowledge". */
  tag: DualRegExp;
  /** A standalone word, numbers and a name: "Competency 5", read only in a document that names the framework. */
  standalone: DualRegExp;
}

export function tagPatterns({ prefixes, standalone, introducers }: Policy['wcc']): TagPatterns {
  const named = (latin: boolean) => name(openingSource([...prefixes.phrases, ...standalone.phrases], true, latin));
  const start = (latin: boolean) => (latin ? LATIN_START : START);
  return {
    tag: new DualRegExp((latin) => `${start(latin)}(?:${openingSource(prefixes.phrases, false, latin)})(?:[ \\t-]*(?:${openingSource(introducers.phrases, false, latin)}))?${NUMBERS}${named(latin)}`, 'giu'),
    standalone: new DualRegExp((latin) => `${start(latin)}(?:${openingSource(standalone.phrases, false, latin)})${NUMBERS}${named(latin)}`, 'giu'),
  };
}

/**
 * The end of a line that opens a WCC reference and waits for its number (the
 * editor's completion): a prefix, optionally an introducer, and at most two
 * digits typed so far (group 1).
 */
export function beforeNumberPattern(wcc: Policy['wcc']): RegExp {
  return new RegExp(String.raw`${START}(?:${openingSource(wcc.prefixes.phrases)})(?:[\s-]*(?:${openingSource(wcc.introducers.phrases)}))?[\s-]*(?:no\.?\s*)?(\d{0,2})$`, 'iu');
}

/**
 * The tag pattern for the TextMate grammar (Oniguruma: "(?i)" instead of the "i"
 * flag, no capturing groups needed): the same prefix, introducer and numbers.
 */
export function grammarTagSource(wcc: Policy['wcc']): string {
  const source = `(?i)${START}(?:${openingSource(wcc.prefixes.phrases)})(?:[ \\t-]*(?:${openingSource(wcc.introducers.phrases)}))?${NUMBERS.replace(/\((?!\?)/g, '(?:')}`;
  // Oniguruma has no \uHHHH escape: the no-break space goes in as itself.
  return source.replace(/\\u00a0/g, '\u00a0');
}
