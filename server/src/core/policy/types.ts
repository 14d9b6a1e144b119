// The shape of a policy pack once loaded and compiled. Everything a rule knows
// about elements, groups, competencies and Acts comes from here, never from code.
import type { SeveritySetting } from '../types';
import type { PhraseSet } from './phrases';

/** A phrase list compiled to one case-insensitive regular expression. */
export type Matcher = PhraseSet;

export interface AspectDef {
  id: string;
  title: string;
  description: string;
  signals: Matcher;
}

export interface ElementDef {
  id: string;
  title: string;
  description: string;
  headings: Matcher;
  /** Generic headings ("Introduction") that count only when no specific heading does. */
  weakHeadings?: Matcher;
  /** Headings that look like this element but are not (e.g. "contract monitoring"). */
  notHeadings?: Matcher;
  /** Phrases whose presence in a section's prose shows it addresses the element. */
  signals: Matcher;
  /** Phrases that look like signals but are not ("contract monitoring" for monitoring). */
  nearMisses?: Matcher;
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
  minWords: number;
  eqia: {
    headings: Matcher;
    /** Phrases that announce an EqIA in a section's opening prose. */
    introductions: Matcher;
    impact: Matcher;
    unassessed: Matcher;
    /** Words that mark a sentence as a list of strands considered, not an assessment. */
    listCues: Matcher;
    /** Sentences about every group at once, which assess none of them. */
    blanket: Matcher;
    /** A clear verdict opening a statement; stands even if later prose mentions an assessment to come. */
    verdicts: Matcher;
    /** A "no impact" finding, which counts even beside not-assessed wording. */
    noImpact: Matcher;
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
}

/** A problem found while loading a pack or config: where, and what is wrong. */
export interface PolicyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}
