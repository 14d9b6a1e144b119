// What recognisers derive from a compiled pack, built on first use and kept with
// the policy object: the reading of each heading title, the signal index, the
// phrase finders, the Act finder and the WCC patterns. A policy is compiled once
// per config and reused for every document, so this is where that work is kept —
// explicitly, with the policy, not in module-level memos.
import type { ActDef, ElementDef, Matcher, Policy, PolicyDerived, SignalIndex, TagPatterns, TitleReading } from './types';
import { PhraseHitFinder } from './phrase-hits';
import { DualRegExp } from './phrases';
import { normaliseHeading, wordCount } from '../recognise/text';
import { beforeNumberPattern, nameSource, tagPatterns } from '../recognise/wcc-syntax';

/** Headings longer than this are prose that markup made a heading, not titles. */
const TITLE_MAX_WORDS = 20;

/** Titles repeat across sections, documents and every re-lint of an edited one; a bound keeps a long session's memo small. */
const READINGS_KEPT = 10_000;

export class Derived implements PolicyDerived {
  private readonly readings = new Map<string, TitleReading>();
  private readonly finders = new Map<Matcher, PhraseHitFinder>();
  private readonly names = new Map<string, DualRegExp>();
  private signalIndex?: SignalIndex;
  private actFinder?: { finder: PhraseHitFinder; acts: ActDef[] };
  private tags?: TagPatterns;
  private beforeNumber?: RegExp;

  constructor(private readonly policy: Omit<Policy, 'derived'>) {}

  readTitle(title: string): TitleReading {
    let r = this.readings.get(title);
    if (!r) {
      // A "heading" of a whole paragraph (an underline after prose makes one) names no element.
      const normal = wordCount(title, TITLE_MAX_WORDS + 1) > TITLE_MAX_WORDS ? '' : normaliseHeading(title);
      const elements = this.policy.elements;
      const not = new Set(normal ? elements.filter((e) => e.notHeadings?.test(normal)) : []);
      const confirm = normal ? elements.filter((e) => !not.has(e) && e.contentHeadings?.test(normal)) : [];
      r = {
        normal,
        confirm,
        elements: normal ? elements.filter((e) => !not.has(e) && !confirm.includes(e) && e.headings.test(normal)) : [],
        weak: normal ? elements.filter((e) => !not.has(e) && e.weakHeadings?.test(normal)) : [],
        not,
      };
      if (this.readings.size >= READINGS_KEPT) this.readings.clear();
      this.readings.set(title, r);
    }
    return r;
  }

  get signals(): SignalIndex {
    if (!this.signalIndex) {
      const phrases: string[] = [];
      const bounded = new Set<string>();
      const ranges = new Map<ElementDef, [number, number]>();
      for (const e of this.policy.elements) {
        ranges.set(e, [phrases.length, phrases.length + e.signals.phrases.length]);
        phrases.push(...e.signals.phrases);
        for (const b of e.signals.bounded) bounded.add(b);
      }
      this.signalIndex = { finder: new PhraseHitFinder(phrases, bounded), ranges };
    }
    return this.signalIndex;
  }

  finderFor(set: Matcher): PhraseHitFinder {
    let f = this.finders.get(set);
    if (!f) this.finders.set(set, (f = new PhraseHitFinder(set.phrases, set.bounded)));
    return f;
  }

  get acts(): { finder: PhraseHitFinder; acts: ActDef[] } {
    if (!this.actFinder) {
      // Aliases of all Acts compete, longest first, so "Equality Act 2006" is not read as a bare "Equality Act".
      const entries = this.policy.legislation.flatMap((act) => act.aliases.phrases.map((alias) => ({ act, alias })));
      entries.sort((a, b) => b.alias.length - a.alias.length);
      const bounded = new Set(this.policy.legislation.flatMap((act) => [...act.aliases.bounded]));
      this.actFinder = { finder: new PhraseHitFinder(entries.map((e) => e.alias), bounded), acts: entries.map((e) => e.act) };
    }
    return this.actFinder;
  }

  get wccTags(): TagPatterns {
    return (this.tags ??= tagPatterns(this.policy.wcc));
  }

  wccName(name: string): DualRegExp {
    let p = this.names.get(name);
    if (!p) this.names.set(name, (p = new DualRegExp((latin) => nameSource(name, latin), 'giu')));
    return p;
  }

  get wccBeforeNumber(): RegExp {
    return (this.beforeNumber ??= beforeNumberPattern(this.policy.wcc));
  }
}
