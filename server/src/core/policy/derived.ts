// What recognisers derive from a compiled pack, kept with the policy object: the
// phrase book (every phrase list, compiled together on first use), the reading
// of each heading title, the Act and competency-name lists and the WCC patterns.
// A policy is compiled once per config and reused for every document, so this
// is where that work is kept — explicitly, with the policy, not in module-level memos.
import type { ActDef, CompetencyDef, Matcher, Policy, PolicyDerived, TagPatterns, TitleReading } from './types';
import type { PhraseBook } from '../match/book';
import { detached, normaliseHeading, wordCount } from '../recognise/text';
import { beforeNumberPattern, tagPatterns } from '../recognise/wcc-syntax';
import { announcesAspect } from '../recognise/stops';

/** Headings longer than this are prose that markup made a heading, not titles. */
const TITLE_MAX_WORDS = 20;

/**
 * Titles repeat across sections, documents and every re-lint of an edited one; a bound keeps a long session's memo
 * small. Above the titles of one document (a lint reads each several times: one of 20,000 headings re-read all of
 * them after each clearing, 11 s), so set well above what the reader's size limit lets a document hold in practice.
 */
const READINGS_KEPT = 50_000;

export class Derived implements PolicyDerived {
  private readonly readings = new Map<string, TitleReading>();
  readonly acts: { list: Matcher; acts: ActDef[] };
  private tags?: TagPatterns;
  private beforeNumber?: RegExp;

  /** Lists are added to the book here, before any match compiles it. */
  constructor(
    private readonly policy: Omit<Policy, 'derived'>,
    readonly book: PhraseBook,
    readonly wccNames: { list: Matcher; competencies: CompetencyDef[] },
  ) {
    // Aliases of all Acts compete, longest first, so "Equality Act 2006" is not read as a bare "Equality Act".
    const entries = policy.legislation.flatMap((act) => act.aliases.phrases.map((alias) => ({ act, alias })));
    entries.sort((a, b) => b.alias.length - a.alias.length);
    const bounded = new Set(policy.legislation.flatMap((act) => [...act.aliases.bounded]));
    this.acts = { list: book.list(entries.map((e) => e.alias), bounded), acts: entries.map((e) => e.act) };
  }

  readTitle(title: string): TitleReading {
    let r = this.readings.get(title);
    if (!r) {
      // A "heading" of a whole paragraph (an underline after prose makes one) names no element.
      const normalised = normaliseHeading(title);
      const normal = wordCount(title, TITLE_MAX_WORDS + 1) > TITLE_MAX_WORDS ? '' : normalised;
      const elements = this.policy.elements;
      const not = new Set(normal ? elements.filter((e) => e.notHeadings?.test(normal)) : []);
      const confirm = normal ? elements.filter((e) => !not.has(e) && e.contentHeadings?.test(normal)) : [];
      r = {
        normal,
        confirm,
        elements: normal ? elements.filter((e) => !not.has(e) && !confirm.includes(e) && e.headings.test(normal)) : [],
        weak: normal ? elements.filter((e) => !not.has(e) && e.weakHeadings?.test(normal)) : [],
        not,
        // "2.1.4 Equality Act 2010" names the Act (a legislation heading), not the assessment.
        eqia: this.policy.eqia.headings.test(normalised) && !onlyActs(normalised, this.acts.list),
        apparatus: this.policy.apparatus.test(normal),
        announced: elements.flatMap((e) => e.aspects.filter((a) => announcesAspect(a, title))),
      };
      if (this.readings.size >= READINGS_KEPT) this.readings.clear();
      // The key outlives the document its title was cut from.
      this.readings.set(detached(title), r);
    }
    return r;
  }

  get wccTags(): TagPatterns {
    return (this.tags ??= tagPatterns(this.policy.wcc));
  }

  get wccBeforeNumber(): RegExp {
    return (this.beforeNumber ??= beforeNumberPattern(this.policy.wcc));
  }
}

/** Whether a title names Acts and nothing else ("equality act 2010", "the equality act and the human rights act"). */
function onlyActs(title: string, acts: Matcher): boolean {
  const spans = acts.spans(title);
  if (!spans.length) return false;
  let rest = '';
  let at = 0;
  for (const [s, e] of spans) {
    rest += title.slice(at, s) + ' ';
    at = e;
  }
  rest += title.slice(at);
  return !/\p{L}/u.test(rest.replace(/\b(?:the|and|of|s)\b/g, ''));
}
