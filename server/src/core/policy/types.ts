// The shape of a policy pack once loaded and compiled. Everything a rule knows
// about elements, groups, competencies and Acts comes from here, never from code.
import type { SeveritySetting } from '../severity';
import type { DualRegExp } from './text-forms';
import type { PhraseBook, PhraseList } from '../match/book';

/** A phrase list of the policy, matched with all the others (match/book.ts). */
export type Matcher = PhraseList;

export interface StopWords {
  /** Verbs and nouns of ending: "close", "closure of", "wound down", "lapse". */
  actions: Matcher;
  /** What a commissioner pays for and can stop: a service, contract, grant, ward, funding. */
  objects: Matcher;
}

export interface AspectDef {
  id: string;
  title: string;
  description: string;
  signals: Matcher;
  /** Sentences that hold a signal but state nothing (a condition, a hypothetical, a denial, a practice). */
  notStated?: Matcher;
  /** Phrases holding a signal that are no instance of the aspect (a practice ended, not a service). */
  nearMisses?: Matcher;
  /** Sentences that take back a statement of the aspect before them in the paragraph ("This is not a decision of the CCG"). */
  takenBack?: Matcher;
  /** Sentences that say the whole section states none of the aspect ("This strategy does not itself make any decision to decommission a service"). */
  deniedThroughout?: Matcher;
  /** Headings that announce the aspect though no verb of ending is in them ("What's going"). */
  headings?: Matcher;
  /** A verb of ending that counts only with what it ends (recognise/stops.ts). */
  stops?: StopWords;
}

export interface ElementDef {
  id: string;
  title: string;
  description: string;
  headings: Matcher;
  /** Generic headings ("Introduction") that count only when no specific heading does. */
  weakHeadings?: Matcher;
  /** Headings that name the element only when the section's prose addresses it too ("What works well"). */
  contentHeadings?: Matcher;
  /** Headings that look like this element but are not (e.g. "contract monitoring"). */
  notHeadings?: Matcher;
  /** Phrases whose presence in a section's prose shows it addresses the element. */
  signals: Matcher;
  /** Phrases that look like signals but are not ("contract monitoring" for monitoring). */
  nearMisses?: Matcher;
  /** What the element is about: a heading's prose with near-misses and none of these is the near-miss. */
  anchors?: Matcher;
  /** Distinct signal phrases a section needs before content alone counts. */
  minSignals: number;
  aspects: AspectDef[];
  wcc: number[];
  /** Skeleton prose for snippets and quick fixes. */
  scaffold: string;
}

export interface GroupDef {
  id: string;
  label: string;
  synonyms: Matcher;
  /** Synonym spellings kept for completion and quick fixes. */
  names: string[];
  nearMisses?: Matcher;
  /** Synonyms naming only part of the group ("transgender people" within sex): they mention it, but a finding about them alone does not cover it. */
  partOnly?: Matcher;
}

export interface CompetencyDef {
  number: number;
  names: string[];
  description: string;
}

export interface ActDef {
  id: string;
  title: string;
  aliases: Matcher;
  aliasList: string[];
  url?: string;
  summary: string;
  status: string;
  superseded: boolean;
  successor?: string;
}

export interface Policy {
  id: string;
  /** The built-in pack's id when this is that pack as shipped (no config, no file pack). */
  builtin?: string;
  title: string;
  description: string;
  docsBase: string;
  elements: ElementDef[];
  placeholders: Matcher;
  /** Headings of the document's apparatus (references, glossary, contents): never any element's section. */
  apparatus: Matcher;
  /** What the strategy is about ("mental health"): in a wider document, the chapter whose title names it is the strategy. */
  subject: Matcher;
  /** Headings of a part that retells the strategy (an easy-read summary): its sections only stand in where the body has none. */
  retellings: Matcher;
  minWords: number;
  eqia: {
    headings: Matcher;
    /** Phrases that announce an EqIA in a section's opening prose. */
    introductions: Matcher;
    impact: Matcher;
    unassessed: Matcher;
    /** Words that mark a sentence as a list of strands considered, not an assessment. */
    listCues: Matcher;
    /** Phrases of a section that only points at the assessment elsewhere ("is attached at Appendix B"). */
    pointers: Matcher;
    /** Headings about equality in general ("Equality and diversity"), not the assessment: such a section with nothing in it is no EqIA. */
    generalHeadings: Matcher;
    /** Words an organisation's name ends in: "Hartwell Women's Centre" names a provider, not the group. */
    organisations: Matcher;
    /** Kinds of organisation a group word may describe ("LGBTQ+ organisations", "BME-led charities"): a provider, not the group. */
    providers: Matcher;
    /** A column's header naming who provides ("Provider", "Delivered by"): a group word in its cells names an organisation. */
    providerColumns: Matcher;
    /** Groups no protected characteristic names that EqIAs give rows of their own ("Carers", "Veterans"): such a row ends the one above. */
    otherGroups: Matcher;
    /** Sentences about every group at once, which assess none of them. */
    blanket: Matcher;
    /** A clear verdict opening a statement; stands even if later prose mentions an assessment to come. */
    verdicts: Matcher;
    /** A "no impact" finding, which counts even beside not-assessed wording. */
    noImpact: Matcher;
    /** A question about a group's impact whose answer, opening with yes or no, is a verdict. */
    impactQuestions: Matcher;
    /** Cell values (ticks, yes/no) that state a verdict under an impact column. */
    cellMarks: Matcher;
    impactColumns: Matcher;
    scaffold: string;
  };
  groups: GroupDef[];
  competencies: CompetencyDef[];
  wcc: {
    /** Words that mark a line, a list's lead-in or a front-matter key as being about WCC. */
    context: Matcher;
    /** The framework's names, which open a reference ("WCC 5", "World Class Commissioning 5", "WCC5"). */
    prefixes: Matcher;
    /** Words that may stand between a prefix and the numbers ("WCC competency 5", "WCC refs 2, 3"). */
    introducers: Matcher;
    /** Words that open a reference without a prefix ("Competency 5"), in a document that names the framework. */
    standalone: Matcher;
  };
  legislation: ActDef[];
  rules: Record<string, SeveritySetting>;
  /** What recognisers derive from the pack, built on first use and kept with it (see derived.ts). */
  readonly derived: PolicyDerived;
}

/** What a heading title says to the policy: its normal form and the elements it names or rules out. */
export interface TitleReading {
  normal: string;
  /** Elements whose specific headings match (and whose not-headings do not). */
  elements: ElementDef[];
  /** Elements whose generic headings ("Introduction") match. */
  weak: ElementDef[];
  /** Elements the title names only if the section's prose addresses them too ("What works well"). */
  confirm: ElementDef[];
  /** Elements the title rules out ("Contract monitoring" for monitoring). */
  not: Set<ElementDef>;
  /** The title names the equality impact assessment (the EqIA's headings match it, at any length). */
  eqia: boolean;
  /** The title is of the document's apparatus (references, glossary, contents): `apparatus` matches `normal`. */
  apparatus: boolean;
  /** Aspects the title announces ("What will no longer be commissioned"): see stops.ts `announcesAspect`. */
  announced: AspectDef[];
}

/** The tag patterns of a WCC vocabulary, each in its latin and full form (groups: the numbers, last the name; see wcc-syntax.ts `readTag`). */
export interface TagPatterns {
  /** A prefix, an optional introducer, numbers and a name: "WCC competency 5 – Manage knowledge", "WCC 1–3", "WCC C5". */
  tag: DualRegExp;
  /** A standalone word, numbers and a name: "Competency 5", read only in a document that names the framework. */
  standalone: DualRegExp;
  /** A whole table cell that holds a reference's numbers, perhaps opened as in prose or followed by a name: "5", "WCC 5", "5 – Manage knowledge". */
  cell: DualRegExp;
  /** A reference's list going on after a name in brackets: "), 6, 8" of "WCC 5 (Manage knowledge), 6, 8". */
  continued: DualRegExp;
}

/**
 * Everything derived from a compiled pack that every document reuses: the
 * phrase book (every phrase list compiled together), heading readings, the WCC
 * tag and completion patterns. Explicit state owned by the policy object, so
 * nothing is kept at module level.
 */
export interface PolicyDerived {
  /** Every phrase list of the policy, matched together. */
  readonly book: PhraseBook;
  readTitle(title: string): TitleReading;
  /** Every alias of every Act as one list, longest first, with the Act of each. */
  readonly acts: { list: Matcher; acts: ActDef[] };
  /** Every competency name as one list (written without a number it can still be a reference), with the competency of each. */
  readonly wccNames: { list: Matcher; competencies: CompetencyDef[] };
  readonly wccTags: TagPatterns;
  /** The end of a line waiting for a competency number (completion). */
  readonly wccBeforeNumber: RegExp;
}

/** A problem found while loading a pack or config: where, and what is wrong. */
export interface PolicyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}
