// Plain-data shapes of a pack file and a config file, as written in YAML.
import type { SeveritySetting } from '../severity';

export interface RawElement {
  id: string;
  title?: string;
  description?: string;
  headings?: string[];
  weakHeadings?: string[];
  contentHeadings?: string[];
  notHeadings?: string[];
  signals?: string[];
  nearMisses?: string[];
  anchors?: string[];
  minSignals?: number;
  aspects?: Array<{ id: string; title?: string; description?: string; signals: string[]; notStated?: string[]; nearMisses?: string[]; takenBack?: string[]; deniedThroughout?: string[]; headings?: string[]; stops?: { actions: string[]; objects: string[] } }>;
  wcc?: number[];
  scaffold?: string;
}

export interface RawGroup {
  id: string;
  label?: string;
  after?: string;
  names?: string[];
  synonyms?: string[];
  nearMisses?: string[];
  partOnly?: string[];
}

export interface RawAct {
  id: string;
  title?: string;
  aliases?: string[];
  url?: string;
  summary?: string;
  status?: string;
  superseded?: boolean;
  successor?: string;
}

export interface RawPack {
  id: string;
  extends?: string;
  title?: string;
  description?: string;
  docsBase?: string;
  minWords?: number;
  placeholders?: string[];
  apparatus?: string[];
  subject?: string[];
  retellings?: string[];
  elements?: RawElement[];
  eqia?: { headings?: string[]; introductions?: string[]; impact?: string[]; unassessed?: string[]; listCues?: string[]; pointers?: string[]; generalHeadings?: string[]; organisations?: string[]; providers?: string[]; providerColumns?: string[]; otherGroups?: string[]; blanket?: string[]; verdicts?: string[]; noImpact?: string[]; impactQuestions?: string[]; cellMarks?: string[]; impactColumns?: string[]; scaffold?: string };
  groups?: RawGroup[];
  removeGroups?: string[];
  competencies?: Array<{ number: number; names: string[]; description?: string }>;
  wcc?: { context?: string[]; prefixes?: string[]; introducers?: string[]; standalone?: string[] };
  legislation?: RawAct[];
  rules?: Record<string, SeveritySetting>;
}

export interface RawConfig {
  policy?: string;
  rules?: Record<string, SeveritySetting>;
  synonyms?: { elements?: Record<string, string[]>; groups?: Record<string, string[]>; eqia?: string[] };
  elements?: Array<{ id: string; title: string; description?: string; headings: string[]; signals?: string[]; minSignals?: number }>;
  ignore?: string[];
  /** How Word documents are read: the engine's business (the core never sees a .docx). */
  docx?: { styleMap?: string[] };
}
