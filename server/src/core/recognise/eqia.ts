// Finds the Equality Impact Assessment (a section, or a file linked from it or
// named in front matter) and decides, per equality group of the policy, whether
// it is covered (a group-specific impact determination), unassessed (named
// without one) or missing.
import type { Block, Cell, DocModel, Row, Section, Span } from '../model/types';
import { cellSpans } from '../model/text-tables';
import type { GroupDef, Matcher, Policy } from '../policy/types';
import type { ElementStatus, GroupStatus } from '../types';
import { findMentions, firstMention, type Mention } from './groups';
import type { DocState } from './doc-state';
import { frontMatterKey, type FrontMatterData } from '../frontmatter';
import { keyBefore, ratedImpact, type RatingKey } from './rating-key';
import { isPlaceholder, sectionAt, sectionSpan, sectionStarting, sectionText, sentences, sentenceSpans, wordCount } from './text';
import { lastAtOrBefore, outermost } from '../sorted';

export interface GroupFinding {
  group: GroupDef;
  status: GroupStatus;
  /** Where it was covered, or first named. */
  /** Where; `named`: the words naming the group, where the source between start and end holds others too. */
  at?: { model: DocModel; start: number; end: number; source?: string; named?: string };
}

export interface EqiaFinding {
  status: ElementStatus;
  sections: Section[];
  /** Where the EqIA is announced in the strategy (heading, link or front-matter line). */
  at?: { start: number; end: number };
  source?: string;
  groups: GroupFinding[];
}

/**
 * A section under a plain-English heading ("Being fair to everyone") whose
 * opening prose says it is the equality impact assessment, and which goes on
 * to name several groups.
 */
function introducesEqia(model: DocModel, policy: Policy, s: Section, doc?: DocState): boolean {
  if (!opensAsEqia(model, policy, s, doc) || linksOut(model, s)) return false;
  const named = (text: string) => new Set(findMentions(policy, policy.groups, text).map((m) => m.group.id)).size;
  // Mentions in the section's text alone (offsets aside, what a search of the document's finds there): kept per chunk.
  return (doc?.model === model ? doc.inChunk(policy.groups, 'named', s.start, s.end, named) : named(model.masked.slice(s.start, s.end))) >= 3;
}

/**
 * Where no heading names the EqIA and no section opens as one: a paragraph opening with a bold run-in
 * label that names it ("**Equality impact screening.** We have screened these intentions…", in a letter
 * whose other titles are bold lines), read with the paragraphs after it, up to the next heading, as its section.
 */
function runInEqia(model: DocModel, policy: Policy): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < model.blocks.length; i++) {
    const b = model.blocks[i];
    if (b.kind !== 'paragraph') continue;
    const m = LEAD_IN.exec(model.source.slice(b.start, Math.min(b.end, b.start + 90)));
    if (!m || !policy.derived.readTitle(m[2].replace(/[.:–—-]\s*$/, '')).eqia) continue;
    const parent = sectionAt(model, b.start);
    let j = i;
    while (j + 1 < model.blocks.length && model.blocks[j + 1].kind !== 'heading' && model.blocks[j + 1].start < parent.end) j++;
    const heading: Block = { start: b.start + m.index, end: b.start + m[0].length, kind: 'heading', text: m[2].trim(), depth: parent.depth + 1 };
    out.push({ heading, title: heading.text!, depth: parent.depth + 1, blocks: model.blocks.slice(i, j + 1), children: [], parent, start: b.start, end: model.blocks[j].end });
    break;
  }
  return out;
}

/**
 * Whether a section's opening links to another document ("This strategy should be read alongside its
 * equality impact assessment ([EqIA](strategy-eqia.md))"): the assessment is that file, not this section.
 */
function linksOut(model: DocModel, s: Section): boolean {
  const { start, end } = sectionSpan(model, s, 'own');
  const to = Math.min(end, start + OPENING);
  return model.links.some((l) => l.start >= start && l.start < to && DOCUMENT_LINK.test(l.url));
}

/** A link to a document file (not a web page or an anchor). */
const DOCUMENT_LINK = /^(?![a-z][a-z0-9+.-]*:)[^#?]+\.(?:md|markdown|docx?|odt|pdf|rtf|txt)(?:[#?].*)?$/i;

/** Whether the opening of a section's own prose introduces it as the EqIA (asked of every section: kept per chunk in the document's memo). */
function opensAsEqia(model: DocModel, policy: Policy, s: Section, doc?: DocState): boolean {
  const { start, end } = sectionSpan(model, s, 'own');
  const to = Math.min(end, start + OPENING);
  const opens = (opening: string) => policy.eqia.introductions.spans(opening).some(([at]) => !PROPERTY_LINE.test(lineAround(opening, at)));
  if (doc?.model !== model) return opens(model.masked.slice(start, to));
  return doc.inChunk(policy.eqia.introductions, 'opens', start, to, opens);
}

/**
 * A page's property ("EqIA: Not started", "Status: Draft v3"): a short label, a colon and a
 * few words with no sentence, as a wiki page or a document's cover lists them. It records
 * the state of the assessment; it does not open it.
 */
const PROPERTY_LINE = /^[\s*_]*[^\s:.][^:.\n]{0,40}[*_]*:[*_]*[ \t]+[^.!?\n]{1,40}$/;

/** The line of `text` that holds offset `at`, without its line break. */
function lineAround(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const to = text.indexOf('\n', at);
  return text.slice(from, to < 0 ? text.length : to);
}

/** How much of a section's opening prose is read for an introduction. */
const OPENING = 600;

/** An EqIA held in another file, already parsed by the caller. */
export interface LinkedEqia {
  path: string;
  /** The caller's identity for the file (its real path), if it gave one. */
  key?: string;
  model: DocModel;
  /** Where the strategy points at it. */
  at: { start: number; end: number };
}

/** A stretch of the EqIA that can hold one determination: a row, item, sub-section or sentence. */
interface Unit {
  model: DocModel;
  source?: string;
  /** Where its subject groups are named. */
  subject: Span;
  /** The subject's lines when it is a text-table cell drawn over several (the subject then runs over its neighbours). */
  subjectParts?: Span[];
  /** Where its determination is looked for. */
  body: Span[];
  /** Table rows and columns are one unit per group even when a cell names several. */
  structured: boolean;
  /** For tables: each value cell with the header cell of its column (or row). */
  pairs?: Array<{ header?: Cell; value: Cell }>;
  /** Judge the body without its blanket sentences ("no group will be disadvantaged"). */
  blanketFree?: boolean;
  subjects?: Mention[];
  /** For a table rated in colours or symbols: the key above it. */
  key?: RatingKey;
  /** Each body span is a cell of the subject's row (a table a cell per paragraph): each opens with its own statement. */
  cells?: boolean;
}

/** The EqIA's sections in a document (`doc`: the document's state, when the model is its own, which keeps them). */
export function eqiaSections(model: DocModel, policy: Policy, doc?: DocState): Section[] {
  if (doc?.model === model) return (doc.eqiaSections ??= findEqiaSections(model, policy, doc));
  return findEqiaSections(model, policy);
}

function findEqiaSections(model: DocModel, policy: Policy, doc?: DocState): Section[] {
  // A section is the EqIA by its heading, or, where no heading names one, by an opening that
  // introduces it; a legislation section that explains the equality duty is no assessment.
  const titled = model.sections.filter((s) => policy.derived.readTitle(s.title).eqia);
  const introduced = titled.length ? titled : model.sections.filter((s) => introducesEqia(model, policy, s, doc));
  const found = introduced.length ? introduced : runInEqia(model, policy);
  // Keep outermost matches only: a sub-heading of the EqIA is part of it.
  const outer = outermost(found);
  const title = outer.length && outer[0] === model.sections[0] ? asDocumentTitle(model, outer[0]) : undefined;
  return title ? [title] : outer.flatMap((s) => [withGroupSections(model, policy, s, doc), ...formQuestions(model, s)]);
}

/**
 * The EqIA with the sections after it at its own level that are each headed by a group's name alone
 * ("Age", "Disability", "Race"), while they run on: its sub-headings, which a text browser's dump
 * (`lynx`, `w3m`) sets at the level of every other title.
 */
function withGroupSections(model: DocModel, policy: Policy, s: Section, doc?: DocState): Section {
  const groups: Section[] = [];
  const named = new Set<string>();
  // A table a cell per paragraph, each short cell read as a title (`odt2txt`): its header's titles and a
  // row's other cells ("Positive", its notes) stand between the groups' names, a few at a time.
  let cells: Section[] = [];
  for (let end = s.end, next = sectionStarting(model, end); next?.heading && next.depth === s.depth; next = sectionStarting(model, end)) {
    const mentions = mentionsIn(doc, model, policy, next.heading.start, next.heading.end);
    if (wordCount(next.title, FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS && mentions.length) {
      for (const m of mentions) named.add(m.group.id);
      groups.push(...cells, next);
      cells = [];
    } else if (cells.length < CELLS_AFTER && !next.children.length && textTitle(model, next) && wordCount(next.title, CELL_WORDS + 1) <= CELL_WORDS) cells.push(next);
    else break;
    end = next.end;
  }
  // Chapters on client groups after an EqIA ("Older people", "Children and young people") name one or two characteristics, not three.
  return named.size >= GROUP_SECTIONS ? { ...s, end: groups[groups.length - 1].end, children: [...s.children, ...groups] } : s;
}

/** How many characteristics the group-named sections after an EqIA name to be its own. */
const GROUP_SECTIONS = 3;

/**
 * A screening form's numbered questions run on under the form's heading ("**1. Purpose:** …",
 * "**2. Who is affected?** …"); one alone on its line ("**3. Is there evidence that some groups may
 * be affected differently?**") reads as a heading, and the form goes on under it. The sections
 * after the EqIA headed by the next question in its numbering are the form's.
 */
function formQuestions(model: DocModel, s: Section): Section[] {
  const out: Section[] = [];
  const numbers = (x: Section) => {
    const { start, end } = sectionSpan(model, x, 'own');
    return [...model.source.slice(start, end).matchAll(new RegExp(FORM_ITEM, 'gm'))].map((m) => Number(m[1]));
  };
  // Folded, not spread: a form of 200,000 numbered items is more arguments than a call takes.
  let last = numbers(s).reduce((a, b) => Math.max(a, b), 0);
  // The section that starts where the form ends, whatever its level (a bold "3." may read as a
  // top-level heading under an appendix's bold title).
  for (let end = s.end, next = sectionStarting(model, end); last > 0 && next; next = sectionStarting(model, end)) {
    const q = FORM_QUESTION.exec(next.title);
    if (!q || Number(q[1]) !== last + 1) break;
    out.push(next);
    last = numbers(next).reduce((a, b) => Math.max(a, b), last + 1);
    end = next.end;
  }
  return out;
}

/** A numbered item of a form in bold: "**2. Who is affected?**", "**1. Purpose of the strategy:**". */
const FORM_ITEM = /^[ \t]*(?:\*\*|__)(\d{1,2})[.)][ \t]/m;
/** A heading that is a numbered question: "3. Is there evidence …?". */
const FORM_QUESTION = /^(\d{1,2})[.)]\s.*\?$/;

/**
 * An EqIA heading that is the document's title (the first heading, with little
 * under it and the rest beside it, as a report converted from PDF has it): the
 * whole document is the assessment.
 */
function asDocumentTitle(model: DocModel, s: Section): Section | undefined {
  if (s.children.length || model.root.children.length < 2 || wordCount(sectionText(model, s, 'own'), TITLE_WORDS + 1) > TITLE_WORDS) return undefined;
  return { ...s, end: model.root.end, children: model.root.children.filter((c) => c !== s) };
}

/** A title's section holds at most a subtitle, a date and an author line or two. */
const TITLE_WORDS = 40;

export function recogniseEqia(doc: DocState, linked: LinkedEqia[], fm?: FrontMatterData): EqiaFinding {
  const { model, policy } = doc;
  const sections = eqiaSections(model, policy, doc);
  const units: Unit[] = [];
  const scopes: Array<{ model: DocModel; source?: string; span: Span }> = [];
  const inFrontMatter = frontMatterEqia(model, policy, fm);
  if (inFrontMatter) {
    for (const u of inFrontMatter.units) units.push(u);
    scopes.push({ model: inFrontMatter.model, span: inFrontMatter.span });
  }
  for (const s of sections) {
    for (const u of sectionUnits(model, policy, s, undefined, doc)) units.push(u);
    scopes.push({ model, span: { start: s.start, end: s.end } });
  }
  for (const l of linked) {
    // A file linked as the EqIA is the assessment, unless it holds one as a section of its own; an
    // EqIA heading with nothing under it is its title page ("**Equality Impact Assessment**", then
    // the strategy's name, then "# 1 Purpose…").
    // Only a heading names one there: the whole file is about equality, so an opening that
    // introduces the assessment ("This assessment considers…") is its scope, not all of it.
    // Its first heading naming the assessment is the file's title ("EQUALITY IMPACT ASSESSMENT – FULL
    // ASSESSMENT" over the form's details), so the whole file is read.
    // So is one under a line naming the organisation ("**NHS Callowbridge CCG**", then "# Equality Impact
    // Assessment" over the form's details, then "# 1. Summary" beside it).
    const title = (s: Section) => s === l.model.sections[0] || (s === l.model.sections[1] && !s.children.length && wordCount(sectionText(l.model, s, 'own'), TITLE_WORDS + 1) <= TITLE_WORDS);
    const inner = eqiaSections(l.model, policy).filter((s) => !title(s) && policy.derived.readTitle(s.title).eqia && !isPlaceholder(policy, sectionText(l.model, s, 'full')));
    const roots = inner.length ? inner : [l.model.root];
    for (const s of roots) {
      for (const u of sectionUnits(l.model, policy, s, l.path)) units.push(u);
      scopes.push({ model: l.model, source: l.path, span: { start: s.start, end: s.end } });
    }
  }
  // A section that only points at the assessment elsewhere, naming no group, is not it.
  const pointer = (s: Section) => {
    const { start, end } = sectionSpan(model, s, 'full');
    return doc.about(start, end).test(policy.eqia.pointers) && !mentionsIn(doc, model, policy, s.start, s.end).length;
  };
  // Findings in front matter are reported against the document itself.
  // Each text's sentences and the groups they name, read once for every group (ownSentences).
  const named: SentenceGroups = new Map();
  const groups = policy.groups.map((group) => judgeGroup(doc, group, units, scopes, named)).map((g) => (inFrontMatter && g.at?.model === inFrontMatter.model ? { ...g, at: { ...g.at, model } } : g));
  const general = (s: Section) => !!s.heading && policy.eqia.generalHeadings.test(policy.derived.readTitle(s.title).normal);
  // "Equality and diversity" over the population's make-up and a promise of the assessment to come:
  // a description and a pointer, not the assessment. Any word of impact or of an assessment not made
  // ("No group will be disadvantaged", "We have not assessed…") outside the promise makes it one.
  const promised = (s: Section) => {
    if (!general(s) || !doc.about(s.start, s.end).test(policy.eqia.pointers)) return false;
    const rest = sentences(sectionText(model, s, 'full')).filter((x) => !policy.eqia.pointers.test(x));
    return !rest.some((x) => policy.eqia.impact.test(x) || policy.eqia.unassessed.test(x));
  };
  const substantive =
    sections.some((s) => !isPlaceholder(policy, sectionText(model, s, 'full')) && !pointer(s) && !promised(s)) ||
    linked.some((l) => !isPlaceholder(policy, l.model.masked));
  // Only a heading that names the assessment makes an empty one: "Equality and diversity" over "an EqIA will be carried out" holds none.
  const announced = sections.some((s) => !general(s));
  const status: ElementStatus = substantive || inFrontMatter?.units.length ? 'present' : announced ? 'empty' : 'missing';
  const at = sections[0]?.heading ? { start: sections[0].heading.start, end: sections[0].heading.end } : (linked[0]?.at ?? inFrontMatter?.at);
  return { status, sections, at, source: sections.length ? undefined : linked[0]?.path, groups };
}

function judgeGroup(doc: DocState, group: GroupDef, units: Unit[], scopes: Array<{ model: DocModel; source?: string; span: Span }>, named: SentenceGroups): GroupFinding {
  const { policy } = doc;
  // The first unit naming the group, for where it is unassessed when no search of the text finds it (a
  // drawn table's cell over two lines: "│ Sexual │ N/A │" / "│ orientation │ │").
  let first: { u: Unit; m: Mention } | undefined;
  for (const u of units) {
    const subjects = subjectsOf(doc, u);
    const mine = subjects.filter((m) => m.group === group && !m.subsumed);
    if (!mine.length) continue;
    first ??= { u, m: mine[0] };
    // A finding about part of the group only ("Gender reassignment: no impact" for 2009's sex) leaves the rest of it unassessed.
    if (group.partOnly && mine.every((m) => partOnly(group.partOnly!, u.model.masked, m))) continue;
    const distinct = new Set(subjects.filter((m) => !m.subsumed).map((m) => m.group.id));
    // Apart as sentences are: a sub-item's finding is its own ("Impact: neutral for men." / "- No local information is held on transgender people…").
    let body = u.body.map((b) => u.model.masked.slice(b.start, b.end)).join('\n\n');
    // A blanket sentence ("no group will be disadvantaged") determines no group's impact, wherever it stands
    // (after a row's "N/A" in a PDF's text: "Religion or belief N/A" / "Conclusion: no group will be disadvantaged").
    if (u.blanketFree || policy.eqia.blanket.test(body)) body = sentences(body).filter((x) => !policy.eqia.blanket.test(x)).join(' ');
    if (u.pairs) {
      const verdicts = verdictCells(policy, u, group, named);
      if (!verdicts.length || (distinct.size >= 2 && findingForOthers(policy, u, verdicts, group, distinct))) continue;
    } else {
      // A unit naming several groups: its sentences naming only others speak for them ("…a positive impact for men.
      // The CCG has not assessed the impact on transgender people." leaves gender reassignment unassessed).
      // So do its sentences naming only the part of a group it takes in ("No local information is held on transgender people" beside a finding for men and women, for 2009's sex).
      // So do a paragraph's later sentences naming only other groups, where its first sentence names the group (a table's
      // rows run into one paragraph: "belief / spring 2017. / … Positive for both men and women" is the sex row's).
      const own = distinct.size >= 2 || group.partOnly || u.blanketFree ? ownSentences(policy, body, group, named) : body;
      if (!determines(policy, own, u.subject, u, own !== body)) continue;
    }
    // One sentence sweeping over a list of strands "considered" assesses none of them.
    if (!u.structured && distinct.size >= 3 && policy.eqia.listCues.test(body)) continue;
    return { group, status: 'covered', at: { model: u.model, start: mine[0].start, end: mine[0].end, source: u.source, named: mine[0].text } };
  }
  for (const sc of scopes) {
    const m = findMentions(policy, [group], sc.model.masked, sc.span.start, sc.span.end, sc.model === doc.model ? doc.about(sc.span.start, sc.span.end) : undefined)[0];
    if (m) return { group, status: 'unassessed', at: { model: sc.model, start: m.start, end: m.end, source: sc.source } };
  }
  if (first) return { group, status: 'unassessed', at: { model: first.u.model, start: first.m.start, end: first.m.end, source: first.u.source, named: first.m.text } };
  const anywhere = firstMention(doc, group);
  if (anywhere) return { group, status: 'unassessed', at: { model: doc.model, start: anywhere.start, end: anywhere.end } };
  return { group, status: 'missing' };
}

/** What a run-in label says after its group's name and a colon or dash ("Religion or belief: no differential impact"). */
const LABEL_VERDICT = /^[^:–—\n]{2,80}(?::|\s[–—-]\s)\s*([^\n]{3,120})$/;

/** Whether a mention ("Gender") begins one of the group's part-only phrases ("Gender reassignment") that takes it in whole. */
function partOnly(phrases: Matcher, text: string, m: Span): boolean {
  const after = text.slice(m.start, m.start + PART_REACH);
  return phrases.spans(after).some(([s, e]) => s === 0 && e >= m.end - m.start);
}

/** The longest part-only phrase read from a mention's start. */
const PART_REACH = 40;

/** Group mentions in a unit's subject, found once per unit and reused for every group. */
function subjectsOf(doc: DocState, u: Unit): Mention[] {
  const { policy } = doc;
  u.subjects ??= u.subjectParts ? mentionsInParts(policy, u.model.masked, u.subjectParts) : mentionsIn(doc, u.model, policy, u.subject.start, u.subject.end);
  return u.subjects;
}


/**
 * True when the text states an impact and does not admit the assessment is not
 * done. A clear verdict opening the statement ("Positive. …") stands even if
 * later prose uses words like "will be assessed" about something else.
 */
function determines(policy: Policy, quoted: string, subject: Span, unit: Unit, filtered = false): boolean {
  // Words inside a quotation (a law's definition: "a substantial and long-term adverse effect") are not a finding.
  const body = unquoted(quoted);
  // The body with other groups' sentences left out opens where it now opens.
  const afterLabel = filtered ? '' : unquoted(unit.model.masked.slice(Math.max(subject.end, unit.body[0]?.start ?? subject.end), unit.body[0]?.end ?? subject.end));
  const opening = (afterLabel.trim() ? afterLabel : body).split(/(?<=[.!?;])\s/)[0];
  if (policy.eqia.verdicts.test(opening) && !policy.eqia.unassessed.test(opening)) return true;
  // A row's cells each open with their own statement: "No data are held…", then "Neutral. The strategy does not change…".
  if (unit.cells && !filtered) {
    for (const cell of unit.body.slice(1)) {
      const first = unquoted(unit.model.masked.slice(cell.start, cell.end)).split(/(?<=[.!?;])\s/)[0];
      // A sentence about every group ("Overall … no group will be disadvantaged") after the table is no row's cell.
      if (policy.eqia.verdicts.test(first) && !policy.eqia.unassessed.test(first) && !policy.eqia.blanket.test(first)) return true;
    }
  }
  // A label holding its verdict after the group ("**Religion or belief: no differential impact identified.**") opens
  // the statement too; where the label names several groups, unless the group's own sentences admit it is not assessed.
  const label = LABEL_VERDICT.exec(unit.model.masked.slice(subject.start, subject.end))?.[1];
  if (label && policy.eqia.verdicts.test(label) && !policy.eqia.unassessed.test(label) && !(filtered && policy.eqia.unassessed.test(body) && !policy.eqia.noImpact.test(body))) return true;
  // A question about the group's impact answered yes or no ("Could this plan affect disabled people differently?" "No – …").
  if (YES_NO.test(opening) && policy.eqia.impactQuestions.test(unit.model.masked.slice(subject.start, subject.end))) return true;
  if (policy.eqia.unassessed.test(body) && !policy.eqia.noImpact.test(body)) return false;
  return policy.eqia.impact.test(body);
}

/**
 * Quoted passages within a sentence (after a word: "defines … as “a substantial
 * and long-term adverse effect”") blanked: the author quotes, not finds. A value
 * that is all quoted (front matter `age: "Positive – …"`) is not such a passage.
 */
function unquoted(text: string): string {
  const blank = (x: string) => ' '.repeat(x.length);
  return text.replace(new RegExp(DEFINITION, 'gu'), blank).replace(new RegExp(QUOTED, 'gu'), blank).replace(new RegExp(DEFINED, 'gu'), blank);
}

/** A quotation after a word, over one line break at most (a hard-wrapped quote), opening a line or not. */
const QUOTED = /(?<=\p{L}(?:[ \t]{1,2}|[ \t]?\n))(“[^”]{12,400}”|"(?:[^"\n]|\n(?![ \t]*\n)){12,400}")/u;
/** A definition quoted after its source ("disability is defined as in the Equality Act 2010: "a physical … adverse effect …""). */
const DEFINITION = /\b(?:is|are|was|were)\s+defined\s+as\b[^"“\n]{0,80}?(?:“[^”]{12,400}”|"(?:[^"\n]|\n(?![ \t]*\n)){12,400}")/u;
/** The term a definition defines ("the Scheme defines an adverse impact as …"): a word it explains, not a finding. */
const DEFINED = /\bdefine[sd]?\s+(?:an?\s+|the\s+)?[\p{L} -]{1,40}?\s+as\b/u;

/**
 * Every group's mentions in a model's masked text [from, to): for the
 * document's own text, kept in the memo of the chunk holding the span (a
 * search of the span's text alone finds them, at offsets from its start); every
 * EqIA cell, sentence and sub-heading is searched on every lint.
 */
function mentionsIn(doc: DocState | undefined, model: DocModel, policy: Policy, from: number, to: number): Mention[] {
  if (doc?.model !== model) return findMentions(policy, policy.groups, model.masked, from, to);
  const local = doc.inChunk(policy.groups, 'mentions', from, to, (text) => findMentions(policy, policy.groups, text, 0, text.length, doc.about(from, to)));
  return from ? local.map((m) => ({ ...m, start: m.start + from, end: m.end + from })) : local;
}

/**
 * Group mentions in text drawn over several lines (a text-table cell): found in
 * the lines joined, so a name wrapped across them ("Gender / reassignment")
 * still reads as one, then placed back on the source.
 */
function mentionsInParts(policy: Policy, masked: string, parts: Span[]): Mention[] {
  let joined = '';
  const starts: number[] = [];
  for (const p of parts) {
    starts.push(joined.length);
    joined += masked.slice(p.start, p.end) + ' ';
  }
  const toSource = (i: number) => {
    let k = starts.length - 1;
    while (k > 0 && starts[k] > i) k--;
    return Math.min(parts[k].start + (i - starts[k]), parts[k].end);
  };
  return findMentions(policy, policy.groups, joined).map((m) => ({ ...m, start: toSource(m.start), end: toSource(Math.max(m.start, m.end - 1)) + 1, text: joined.slice(m.start, m.end) }));
}

/** A table unit's value cells that state an impact, by themselves or under an impact column (none: the unit determines nothing). */
function verdictCells(policy: Policy, u: Unit, group?: GroupDef, named?: SentenceGroups): Cell[] {
  const whole = (c: Cell) => cellSpans(c).map((s) => u.model.masked.slice(s.start, s.end)).join(' ').replace(/[|]/g, ' ').trim();
  // Each cell's text once (it is asked for several times below).
  const read = new Map<Cell, string>();
  const text = (c: Cell) => {
    let t = read.get(c);
    if (t === undefined) read.set(c, (t = group && named ? ownSentences(policy, whole(c), group, named) : whole(c)));
    return t;
  };
  const values = (u.pairs ?? []).filter((p) => text(p.value) !== '');
  if (!values.length || values.every((p) => policy.eqia.unassessed.test(text(p.value)))) return [];
  return values.filter((p) => {
    const v = text(p.value);
    if (policy.eqia.unassessed.test(v)) return false;
    if (policy.eqia.impact.test(v)) return true;
    const rated = ratedImpact(u.key, v);
    if (rated !== undefined) return rated;
    // A sign under a column whose header lists the signs it is rated in ("Impact (+/−/0)").
    if (p.header && headerSigns(text(p.header)).has(v.replace(/[−–]/g, '-')) && policy.eqia.impactColumns.test(text(p.header))) return true;
    // A tick or yes/no under a column such as "Positive" or "Adverse impact?".
    return policy.eqia.cellMarks.test(v) && !!p.header && (policy.eqia.impactColumns.test(text(p.header)) || policy.eqia.impact.test(text(p.header)));
  }).map((p) => p.value);
}

/**
 * A cell's text without its sentences about other groups only: in "Men and women (including
 * transgender people) | No differential impact between men and women. The impact on transgender
 * people has not been assessed.", the second sentence leaves trans people unassessed, not men and women.
 */
function ownSentences(policy: Policy, text: string, group: GroupDef, named: SentenceGroups): string {
  let read = named.get(text);
  if (!read) {
    const parts = sentences(text).flatMap((x) => runOnRows(policy, x));
    read = parts.length < 2 ? [] : parts.map((x) => ({ text: x, mentions: findMentions(policy, policy.groups, x) }));
    named.set(text, read);
  }
  if (!read.length) return text;
  return read
    .filter(({ text: x, mentions }) => !mentions.length || mentions.some((m) => m.group === group && !(group.partOnly && partOnly(group.partOnly, x, m))))
    .map((x) => x.text)
    .join(' ');
}

/**
 * A sentence split where a table's rows ran into it, a terse verdict ending one row and the next row's
 * label opening with a capital ("Marriage and civil partnership N/A Pregnancy and maternity Positive: …",
 * a flattened table): each row is read apart, so the next row's finding is not the last one's.
 */
function runOnRows(policy: Policy, sentence: string): string[] {
  const cuts = findMentions(policy, policy.groups, sentence)
    .filter((m) => m.start > 0 && /\p{Lu}/u.test(sentence[m.start]) && TERSE_VERDICT.test(sentence.slice(Math.max(0, m.start - TERSE_REACH), m.start)))
    .map((m) => m.start);
  if (!cuts.length) return [sentence];
  return [0, ...cuts].map((at, k) => sentence.slice(at, cuts[k] ?? sentence.length).trim());
}

/** A row's terse verdict just before the next row's label: "N/A", "TBC", "None", "–", "✓". */
const TERSE_VERDICT = /(?:^|\s)(?:n\/?a|tbc|tbd|tba|nil|none|n\/k|[^\s\p{L}\p{N}]{1,3})\s+$/iu;
const TERSE_REACH = 8;

/** Texts already split into sentences, with the groups each names (one reading for all nine groups). */
type SentenceGroups = Map<string, Array<{ text: string; mentions: Mention[] }>>;

/**
 * Whether a row labelled with several groups gives its finding for some of them only, not
 * this one: "Sex / gender reassignment | Positive for men … Positive for women" assesses sex,
 * and names gender reassignment without assessing it. A finding naming none of them
 * ("No differential impact identified") is for them all.
 */
function findingForOthers(policy: Policy, u: Unit, verdicts: Cell[], group: GroupDef, labelled: ReadonlySet<string>): boolean {
  const named = new Set(verdicts.flatMap((c) => cellSpans(c).flatMap((s) => findMentions(policy, policy.groups, u.model.masked, s.start, s.end))).map((m) => m.group.id));
  return !named.has(group.id) && [...named].some((id) => labelled.has(id));
}

/** The signs a column header says its cells are rated in: "Impact (+/−/0)" gives +, -, 0. */
function headerSigns(header: string): ReadonlySet<string> {
  const list = /\(([^()\p{L}]{1,20})\)/u.exec(header);
  const signs = list ? list[1].split(/[/,]/).map((x) => x.trim().replace(/[−–]/g, '-')) : [];
  return new Set(signs.length >= 2 && signs.every((x) => /^(?:[+-]{1,2}|0)$/.test(x)) ? signs : []);
}

/**
 * An EqIA written as a front-matter map (`eqia: { age: "positive – …", … }`):
 * each entry is a unit, its key the subject and its value the determination.
 * Front matter is blanked in the masked prose, so these units read a copy of
 * the model that shows it.
 */
function frontMatterEqia(model: DocModel, policy: Policy, fm: FrontMatterData | undefined): { units: Unit[]; model: DocModel; span: Span; at: Span } | undefined {
  const key = frontMatterKey(fm, 'eqia', policy.eqia.headings);
  const map = key ? fm!.data[key] : undefined;
  if (!map || typeof map !== 'object' || Array.isArray(map)) return undefined;
  // Front matter made readable as prose: keys such as gender_reassignment read as words.
  const fmEnd = model.frontMatter?.end ?? 0;
  // Other masked text: the chunks' memos do not hold for it.
  const visible: DocModel = { ...model, masked: model.source.slice(0, fmEnd).replace(/_/g, ' ') + model.source.slice(fmEnd), parts: [] };
  const units: Unit[] = [];
  let first = Infinity;
  let last = 0;
  for (const [entry, value] of Object.entries(map as Record<string, unknown>)) {
    const line = fm!.lineOf(key!, entry);
    if (!line || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const start = model.lines.lineStart(line);
    const end = model.lines.lineEnd(line);
    const colon = model.source.indexOf(':', start);
    const split = colon > start && colon < end ? colon : end;
    units.push({ model: visible, subject: { start, end: split }, body: [{ start: split + 1, end }], structured: true });
    first = Math.min(first, start);
    last = Math.max(last, end);
  }
  const keyLine = fm!.lineOf(key!) ?? 1;
  const at = { start: model.lines.lineStart(keyLine), end: model.lines.lineEnd(keyLine) };
  return units.length ? { units, model: visible, span: { start: first, end: last }, at } : undefined;
}

/** A list item as its own line and each item nested in it ("- Gender", "  - Evidence: …", "  - Impact: …"). */
function subItems(model: DocModel, it: Span): Span[] {
  const out: Span[] = [];
  let from = it.start;
  for (let at = model.source.indexOf('\n', it.start) + 1; at > 0 && at < it.end; at = model.source.indexOf('\n', at) + 1) {
    if (!NESTED_ITEM.test(model.source.slice(at, Math.min(at + NESTED_REACH, it.end)))) continue;
    out.push({ start: from, end: at - 1 });
    from = at;
  }
  out.push({ start: from, end: it.end });
  return out;
}

/** A nested item's opening: indented, then a bullet or a number. */
const NESTED_ITEM = /^[ \t]+(?:[-*+•]|\d{1,2}[.)])[ \t]/;
const NESTED_REACH = 24;

/** Splits an EqIA section into units: table rows or columns, list items, group sub-sections, sentences. */
/**
 * Where a sub-section's text about its heading's groups ends: at a paragraph that opens by naming another
 * group (a table laid out one cell to a line and read as short titles: "Marriage and civil partnership
 * Not applicable – –", then "Pregnancy and maternity Positive …", a finding not the heading's).
 */
function ownEnd(doc: DocState | undefined, model: DocModel, policy: Policy, s: Section, heading: Span): number {
  const named = new Set(mentionsIn(doc, model, policy, heading.start, heading.end).map((m) => m.group));
  for (const b of s.blocks) {
    // A paragraph, or a table by its first row's label (a PDF table's label-only row read as a title,
    // "Religion or belief", over the rest of the table: "Sex | Positive | …").
    const opening = b.kind === 'paragraph' ? b : b.kind === 'table' ? b.rows?.[0]?.cells[0] : undefined;
    if (!opening || b.start < heading.end) continue;
    // One that opens with another group but names this one too ("Women in the perinatal period…" under
    // "Pregnancy and maternity") is still this one's.
    const mentions = mentionsIn(doc, model, policy, opening.start, opening.end);
    const first = mentions[0];
    if (first && first.start - opening.start <= OPENS_WITHIN && !mentions.some((m) => named.has(m.group))) return b.start;
  }
  return s.end;
}

/** A section titled by a line of plain text read as a title (no "#", "**" or tag: a cell of a converted table may be one). */
function textTitle(model: DocModel, s: Section): boolean {
  return s.heading?.headingStyle === 'bold' && /^[ \t]*[\p{L}\p{N}]/u.test(model.source.slice(s.heading.start, s.heading.end));
}

/** How many group-titled sections in a row make a table flattened into titles, and how many titles after a group's are its cells. */
const FLATTENED_ROWS = 3;
const CELLS_AFTER = 4;
/** The most words a cell read as a title has ("Community engagement with the Polish and Roma communities in"). */
const CELL_WORDS = 12;

/** How far into a paragraph a group named "opens" it (a bullet, a bold mark). */
const OPENS_WITHIN = 4;

function sectionUnits(model: DocModel, policy: Policy, section: Section, source: string | undefined, doc?: DocState): Unit[] {
  const units: Unit[] = [];
  // Per run of sibling sections: how many are headed by a group's name (a table flattened into titles has three or more).
  const namedIn = new Map<Section[], number>();
  const groupTitled = (x: Section) => !!x.heading && mentionsIn(doc, model, policy, x.heading.start, x.heading.end).length > 0;
  const visit = (s: Section, siblings: Section[] = [], k = 0) => {
    // Most of the section's paragraphs open with a bold label naming a group: it is written one paragraph per characteristic.
    // Or by a plain label naming a group ("Pregnancy and maternity: the perinatal pathway … for women …").
    const leads = s.blocks.filter((b) => b.kind === 'paragraph').map((b) => boldLeadIn(model, b)).filter((l): l is Span => !!l);
    const names = (l: Span) => mentionsIn(doc, model, policy, l.start, l.end).length > 0;
    const plainLeads = s.blocks.filter((b) => b.kind === 'paragraph').map((b) => plainLeadIn(model, b)).filter((l): l is Span => !!l && names(l));
    const labelled = leads.length >= 3 && leads.filter(names).length * 2 > leads.length;
    const plainLabelled = !labelled && plainLeads.length >= 3;
    // A sub-heading naming a group makes the whole sub-section its unit.
    const heading = s.heading && s !== section && mentionsIn(doc, model, policy, s.heading.start, s.heading.end).length ? s.heading : undefined;
    if (heading) {
      let end = ownEnd(doc, model, policy, s, heading);
      // A table a cell per paragraph, every short cell read as a title (`odt2txt`: "Race", then "Positive", then
      // its notes): a group's section with nothing of its own takes the titles after it up to the next group's.
      if (end === s.end && !s.blocks.length && !s.children.length && textTitle(model, s)) {
        if (!namedIn.has(siblings)) namedIn.set(siblings, siblings.filter(groupTitled).length);
        if (namedIn.get(siblings)! >= FLATTENED_ROWS) for (let j = k + 1; j < siblings.length && j <= k + CELLS_AFTER && !siblings[j].children.length && textTitle(model, siblings[j]) && !groupTitled(siblings[j]); j++) end = siblings[j].end;
      }
      units.push({ model, source, subject: heading, body: [{ start: heading.start, end }], structured: true });
    }
    s.blocks.forEach((b, i) => {
      // A quotation in the EqIA (a law's definition, a person's words) determines nothing.
      if (b.quoted) return;
      if (b.kind === 'table' && b.rows) {
        const key = keyBefore(model, policy, s.blocks, i);
        for (const u of tableUnits(model, policy, continuedRows(s.blocks, i, b.rows), source, doc)) units.push(key ? { ...u, key } : u);
        for (const u of labelSentences(model, policy, b.rows, source, doc)) units.push(u);
      }
      else if (b.kind === 'list' && b.items) {
        for (const it of b.items) units.push({ model, source, subject: labelOf(model, it), body: subItems(model, it), structured: false });
        // A nested list written flat (LibreOffice's text: "    • Age", then "        ◦ Impact: Positive. …"): a group's
        // item takes the items indented deeper after it as its own.
        for (const [k, deeper] of flatNesting(model, b.items)) {
          const label = labelOf(model, b.items[k]);
          if (mentionsIn(doc, model, policy, label.start, label.end).length) units.push({ model, source, subject: label, body: deeper, structured: true });
        }
        // A group alone in a list, then, past pandoc's "<!-- -->" that keeps two lists apart, a list of its
        // labelled lines ("Evidence: …", "Impact: Positive…"): a nested list the conversion flattened.
        let j = i + 1;
        while (s.blocks[j]?.kind === 'html') j++;
        const after = s.blocks[j];
        const [only] = b.items;
        if (b.items.length === 1 && after?.kind === 'list' && after.items?.length && after.start > b.end && mentionsIn(doc, model, policy, only.start, only.end).length) {
          const label = labelOf(model, after.items[0]);
          if (label !== after.items[0] && !mentionsIn(doc, model, policy, label.start, label.end).length) units.push({ model, source, subject: only, body: [after], structured: true });
        }
      } else if (b.kind === 'paragraph' || b.kind === 'other') {
        // A label alone in italics over its paragraph ("*Disability*", then "Impact: Positive. …"), as Word's
        // italic sub-headings convert: the label is the subject of the paragraph after it.
        // So is a paragraph that is a group's name and nothing else ("Age", then "Positive. Younger adults…"),
        // a table's cells one per paragraph as a PDF's text gives them, unless the next is another such name.
        const next = s.blocks[i + 1];
        if (next && (next.kind === 'paragraph' || next.kind === 'list') && ITALIC_LABEL.test(model.source.slice(b.start, b.end)) && !nameAlone(model, next) && mentionsIn(doc, model, policy, b.start, b.end).length) {
          units.push({ model, source, subject: b, body: [next], structured: true });
          return;
        }
        // A table a cell per paragraph, as `mutool` gives a PDF's (a cell's lines wrapped: "Gender" over
        // "reassignment"; a one-line label run into the paragraph of the cell after it, "Religion or belief"
        // over "Census 2021: …"): the row is the label and the paragraphs after it, up to the next label.
        const label = nameAlone(model, b) ? b : labelLine(model, b);
        if (label && next && (next.kind === 'paragraph' || next.kind === 'list' || label !== b) && !nameAlone(model, next) && mentionsIn(doc, model, policy, label.start, label.end).length) {
          // The paragraph after a name alone is its cell whatever its layout; the row goes on only through paragraphs that are cells.
          const body: Span[] = label === b ? [next] : [{ start: label.end, end: b.end }];
          // A paragraph opening with another group's name is that group's row ("Race Positive Black British men…").
          const mine = new Set(mentionsIn(doc, model, policy, label.start, label.end).map((m) => m.group.id));
          const othersOpen = (x: Block) => mentionsIn(doc, model, policy, x.start, Math.min(x.end, x.start + ROW_OPENING)).some((m) => !mine.has(m.group.id) && m.start - x.start <= ROW_OPENING_AT);
          const cell = (x: Block) => (x.kind === 'paragraph' || x.kind === 'list') && !nameAlone(model, x) && !labelLine(model, x) && !LAYOUT_GAP.test(model.masked.slice(x.start, x.end)) && !othersOpen(x);
          for (let j = label === b ? i + 2 : i + 1; j < s.blocks.length && j <= i + ROW_CELLS && cell(s.blocks[j]); j++) body.push(s.blocks[j]);
          units.push({ model, source, subject: label, body, structured: true, cells: true });
          return;
        }
        const lead = boldLeadIn(model, b);
        // Paragraphs labelled one per characteristic ("**Pregnancy and maternity.** Positive: women in
        // the perinatal period…"): the label alone is the subject (a paragraph whose label names none
        // of this policy's groups assesses none of them), whatever group words its sentences use.
        if (lead && labelled) {
          if (!mentionsIn(doc, model, policy, lead.start, lead.end).length) return;
          // A label and a question answered in the paragraph after ("**Q3.2 Disability.** Could the
          // framework affect disabled people differently?", then "Yes – positive impact. …").
          const answer = s.blocks[i + 1];
          if (answer?.kind === 'paragraph' && /\?\s*$/.test(model.masked.slice(lead.end, b.end))) units.push({ model, source, subject: { start: b.start, end: b.end }, body: [answer], structured: true });
          else units.push({ model, source, subject: lead, body: [{ start: lead.end, end: b.end }], structured: true });
          return;
        }
        // Its first sentence is the label's; later ones speak for themselves ("… Transgender people: no differential impact expected.").
        const plain = plainLabelled ? plainLeadIn(model, b) : undefined;
        if (plain) {
          if (names(plain)) units.push({ model, source, subject: plain, body: [{ start: plain.end, end: b.end }], structured: true });
          for (const sen of sentenceSpans(model.masked, b).slice(1)) units.push({ model, source, subject: sen, body: [sen], structured: false });
          return;
        }
        // A table a text browser flattened into lines ("Race Negative (mitigated) A digital front door…"):
        // each row is its own unit, and the prose before the rows the only sentences read, so a row left
        // blank ("Religion or belief") never borrows the verdict of the row under it.
        const rows = groupRows(model, policy, b, doc);
        if (rows.length) {
          for (const r of rows) units.push({ model, source, subject: r.label, body: r.start !== undefined ? [{ start: r.start, end: r.label.start }, { start: r.label.end, end: r.end }] : [{ start: r.label.end, end: r.end }], structured: true });
          const first = rows[0].start ?? rows[0].label.start;
          for (const sen of sentenceSpans(model.masked, { start: b.start, end: first })) units.push({ model, source, subject: sen, body: [sen], structured: false });
          return;
        }
        // A row whose label wraps, its two columns interleaved line by line (OCR, a PDF's plain text).
        const woven = interleavedLabel(model, b);
        if (woven) {
          units.push({ model, source, subject: woven.parts[0], subjectParts: woven.parts, body: woven.body, structured: true });
          for (const sen of sentenceSpans(model.masked, { start: woven.parts[1].end, end: b.end })) units.push({ model, source, subject: sen, body: [sen], structured: false });
          return;
        }
        // Lines that each open with a group's label, in one paragraph (a PDF's text with no blank lines:
        // "Race. Adverse impact identified, …", "Religion or belief. Neutral. …"): each label's lines are its unit.
        for (const run of labelledLines(model, policy, b, doc)) units.push({ model, source, subject: run.label, body: [{ start: run.label.end, end: run.end }], structured: true });
        const statements = sentenceSpans(model.masked, b).flatMap((sen) => clauseSpans(model, policy, sen, doc));
        for (const sen of statements) units.push({ model, source, subject: sen, body: [sen], structured: false });
        // A paragraph that names its group first and judges the impact later ("Black and minority
        // ethnic older people are under-diagnosed. … so we judge the impact to be positive.").
        const first = statements[0];
        if (first) units.push({ model, source, subject: first, body: [b], structured: false, blanketFree: true });
        // "**Trans and non-binary people.** … Positive impact: …": the label names the group, the paragraph assesses it.
        if (lead) units.push({ model, source, subject: lead, body: [{ start: lead.end, end: b.end }], structured: true });
      }
    });
    s.children.forEach((c, j) => visit(c, s.children, j));
  };
  visit(section);
  return withNotes(model, units);
}

/** The block holding an offset (blocks are in the document's order): one search, however many notes. */
function blockAt(blocks: Block[], at: number): Block | undefined {
  const b = blocks[lastAtOrBefore(blocks.length, (i) => blocks[i].start, at)];
  return b && b.start <= at && at < b.end ? b : undefined;
}

/** A footnote's call ("See note.[^12]") and a note's definition opening a line ("[^12]: The analysis found…"). */
const NOTE_CALL = String.raw`\[\^([^\]\s]{1,40})\](?!:)`;
const NOTE_DEFINITION = String.raw`(?:^|\n)\[\^([^\]\s]{1,40})\]:`;

/**
 * Units that call a footnote read its note too: a Word file's finding may stand in an endnote
 * ("**Religion or belief.** See note.[^12]"), which converts to a definition at the document's end.
 */
function withNotes(model: DocModel, units: Unit[]): Unit[] {
  if (!model.source.includes('[^')) return units;
  const notes = new Map<string, Span>();
  for (const m of model.source.matchAll(new RegExp(NOTE_DEFINITION, 'g'))) {
    const at = m.index! + m[0].length;
    const block = blockAt(model.blocks, at);
    if (block && !notes.has(m[1])) notes.set(m[1], { start: at, end: block.end });
  }
  if (!notes.size) return units;
  return units.map((u) => {
    if (u.pairs) return u;
    const called = u.body.flatMap((b) => [...model.source.slice(b.start, b.end).matchAll(new RegExp(NOTE_CALL, 'g'))].map((m) => notes.get(m[1])).filter((n): n is Span => !!n));
    return called.length ? { ...u, body: [...u.body, ...called] } : u;
  });
}

/**
 * A table continued from the one before it across a page break (the same header row, only a
 * caption or a page's footer between): a first row with no label carries on the row the page
 * broke ("Disability | 21% of … people with a", then "| | visual impairment … | Positive – …"),
 * so it is read under that row's label.
 */
function continuedRows(blocks: Block[], i: number, rows: Row[]): Row[] {
  const first = rows[1];
  if (!first || first.cells[0]?.text.trim() !== '' || first.cells.length < 2) return rows;
  let j = i - 1;
  while (j >= 0 && i - j <= PAGE_BREAK_BLOCKS && blocks[j].kind === 'paragraph') j--;
  const before = j >= 0 && blocks[j].kind === 'table' ? blocks[j].rows : undefined;
  const header = (r: Row) => r.cells.map((c) => c.text.trim().toLowerCase()).join('|');
  if (!before || before.length < 2 || header(before[0]) !== header(rows[0])) return rows;
  return [rows[0], { ...first, cells: [before[before.length - 1].cells[0], ...first.cells.slice(1)] }, ...rows.slice(2)];
}

/** What a page break leaves between a table and its continuation: a footer, a page number, a caption. */
const PAGE_BREAK_BLOCKS = 3;

/**
 * Sentences inside table cells that open with a group as a label ("Transgender
 * people: no specific impact identified."), so a group folded into another's
 * row can still get its own statement.
 */
function labelSentences(model: DocModel, policy: Policy, rows: Row[], source: string | undefined, doc?: DocState): Unit[] {
  const out: Unit[] = [];
  for (const r of rows.slice(1)) {
    for (const c of r.cells) {
      for (const sen of cellSpans(c).flatMap((part) => sentenceSpans(model.masked, part))) {
        const text = model.masked.slice(sen.start, sen.end);
        const label = /^\s*([^:;.]{3,50})[:–—]/.exec(text);
        if (!label) continue;
        const subject = { start: sen.start, end: sen.start + label[0].length };
        if (mentionsIn(doc, model, policy, subject.start, subject.end).length) out.push({ model, source, subject, body: [sen], structured: false });
      }
    }
  }
  return out;
}

/** A label in bold or italics opening a paragraph: "**Age.** …", "*Disability:* positive impact." */
const LEAD_IN = /^\s*(\*\*|__|\*(?!\*)|_(?!_))([^*_\n]{2,80}?)\1/;

/** A bold or italic label opening a paragraph ("**Age.** …", "*Faith and belief:* …"), if there is one. */
function boldLeadIn(model: DocModel, b: Span): Span | undefined {
  const m = LEAD_IN.exec(model.source.slice(b.start, Math.min(b.end, b.start + 90)));
  return m ? { start: b.start + m.index, end: b.start + m[0].length } : undefined;
}

/**
 * A sentence that runs through the groups in clauses joined by semicolons, each a statement of
 * its own ("… we have therefore judged the impact on Black and minority ethnic people to be
 * positive; around 18% of … report a limiting long-term illness or disability; …"): each clause
 * is read alone, so one group's verdict is not another's. A list after a verdict ("Positive
 * impact: older people; women; BME communities") has short items and stays one statement.
 */
function clauseSpans(model: DocModel, policy: Policy, sen: Span, doc?: DocState): Span[] {
  const text = model.masked.slice(sen.start, sen.end);
  if (!text.includes(';')) return [sen];
  const parts: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(/;\s+/g)) {
    parts.push({ start: sen.start + from, end: sen.start + m.index! });
    from = m.index! + m[0].length;
  }
  parts.push({ start: sen.start + from, end: sen.end });
  const long = parts.every((p) => wordCount(model.masked.slice(p.start, p.end), CLAUSE_WORDS) >= CLAUSE_WORDS);
  const naming = parts.filter((p) => mentionsIn(doc, model, policy, p.start, p.end).length).length;
  return long && naming >= 2 ? parts : [sen];
}

/** The fewest words in each clause of a sentence read clause by clause. */
const CLAUSE_WORDS = 8;

/** An answer opening with yes or no, not "No data …". */
const YES_NO = /^\W*(?:yes|no)\b(?!\s+(?:data|information|evidence|assessment|analysis|local|figures))/i;

/** A paragraph that is only a short label in italics: "*Gender reassignment*". */
const ITALIC_LABEL = /^\s*([*_])(?![*_\s])[^*_\n]{2,60}(?<!\s)\1\s*$/;

/** A plain label opening a paragraph ("Religion or belief: we found no differential impact."), if there is one. */
function plainLeadIn(model: DocModel, b: Span): Span | undefined {
  const m = /^\s*[\p{Lu}][^:\n.;]{1,70}:(?=\s)/u.exec(model.masked.slice(b.start, Math.min(b.end, b.start + 80)));
  return m && wordCount(m[0], PLAIN_LABEL_WORDS + 1) <= PLAIN_LABEL_WORDS ? { start: b.start + m.index, end: b.start + m[0].length } : undefined;
}

/**
 * A two-column row whose label wraps, as OCR or a PDF's plain text interleaves the columns: "Gender (men
 * and women, including No differential impact identified for" / "transgender people) men and women. …".
 * The bracket the label opens closes at the next line's start, and its first line's words after the
 * label run into a capital: the label is the two pieces, the finding what lies between and after.
 */
function interleavedLabel(model: DocModel, b: Span): { parts: Span[]; body: Span[] } | undefined {
  const m = WOVEN_LABEL.exec(model.masked.slice(b.start, Math.min(b.end, b.start + WOVEN_REACH)));
  if (!m) return undefined;
  const close = b.start + m[0].length;
  const opens = close - m[3].length;
  const finding = opens - 1 - m[2].length;
  return { parts: [{ start: b.start, end: b.start + m[1].length }, { start: opens, end: close }], body: [{ start: finding, end: finding + m[2].length }, { start: close, end: b.end }] };
}

/** A label opening a bracket ("Gender (men and women, including"), a finding from a capital, the bracket closed on the next line. */
const WOVEN_LABEL = /^([ \t]*\p{Lu}[^\n()]{0,40}\(\p{Ll}[^\n()]{0,60}?)[ \t]+(\p{Lu}[^\n()]*)\n([^\n()]{1,60}\))/u;
/** How far into a paragraph such a label is looked for. */
const WOVEN_REACH = 400;

/** A plain label is short: "Trans people and lesbian, gay and bisexual people:". */
const PLAIN_LABEL_WORDS = 10;

/** A line opening with a short label and a full stop or colon: "Race. Adverse impact…", "Age: positive". */
const LINE_LABEL = String.raw`(?:^|\n)[ \t]*(\p{Lu}[^.:;\n]{1,60})[.:](?=[ \t])`;
/** How many labelled lines make a paragraph one written label by label. */
const LABELLED_LINES = 3;
const LINE_LABEL_WORDS = 6;

/**
 * A paragraph whose lines open with labels naming groups, three or more: each label with the
 * lines up to the next (a PDF's text run together: "Age. Positive impact. …", "Race. Adverse …").
 */
function labelledLines(model: DocModel, policy: Policy, b: Span, doc?: DocState): Array<{ label: Span; end: number }> {
  const text = model.masked.slice(b.start, b.end);
  if (!text.includes('\n')) return [];
  const labels: Span[] = [];
  for (const m of text.matchAll(new RegExp(LINE_LABEL, 'gu'))) {
    const start = b.start + m.index! + m[0].length - m[1].length - 1;
    const label = { start, end: start + m[1].length + 1 };
    // "Sexual orientation – impact not known." is a label and its finding, not a label.
    if (!/\s[-–—]\s/.test(m[1]) && wordCount(m[1], LINE_LABEL_WORDS + 1) <= LINE_LABEL_WORDS && mentionsIn(doc, model, policy, label.start, label.end).length) labels.push(label);
  }
  if (labels.length < LABELLED_LINES) return [];
  return labels.map((label, k) => ({ label, end: k + 1 < labels.length ? labels[k + 1].start : b.end }));
}

/** A paragraph of a few words, capitalised, with no punctuation: a label's cell ("Age", "Religion or belief"), not prose. */
function nameAlone(model: DocModel, b: Block): boolean {
  const text = model.masked.slice(b.start, b.end).trim();
  return b.kind === 'paragraph' && NAME.test(text) && wordCount(text, FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS;
}

/** A short capitalised name (wrapped over lines, as a narrow cell wraps it), no stop or colon in it. */
const NAME = /^\p{Lu}[\p{L}\s’'/&-]*$/u;

/** A paragraph's first line where it is a name alone and more lines follow ("Religion or belief" over "Census 2021: …"). */
function labelLine(model: DocModel, b: Block): Span | undefined {
  if (b.kind !== 'paragraph') return undefined;
  const text = model.masked.slice(b.start, b.end);
  const nl = text.indexOf('\n');
  if (nl < 0 || !text.slice(nl).trim()) return undefined;
  const first = text.slice(0, nl).trim();
  // The next cell opens anew ("Census 2021: …"); a line going on in lower case is the same cell's text wrapped.
  if (!/^\s*[\p{Lu}\p{N}]/u.test(text.slice(nl))) return undefined;
  return NAME.test(first) && wordCount(first, FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS ? { start: b.start, end: b.start + nl } : undefined;
}

/** A line with a layout's gap in it (`pdftotext -layout`): columns side by side, not a cell a paragraph. */
const LAYOUT_GAP = /\S[ \t]{3,}\S/;

/** How far into a paragraph another group's name opens a row of its own: its first words. */
const ROW_OPENING = 40;
const ROW_OPENING_AT = 3;

/** The most cells after its label a row written a cell per paragraph holds (evidence, impact, mitigation, lead…). */
const ROW_CELLS = 5;

/** A line ending a row: a sentence's end or a cell's dash, then the line break. */
const ROW_ENDED = /(?:[.!?)]|\s[–—-])[ \t]*\n$/;
const ROW_END_REACH = 8;

/** How many rows, naming as many groups, make a paragraph a flattened table. */
const FLAT_ROWS = 4;
/**
 * A row's first cell: a capitalised name up to the next capitalised cell, a bracket, a gap of two
 * spaces or more (a layout's column) or the line's end, with no stop, colon or dash in it ("Age – positive impact. The …" is a label and its finding).
 */
const FLAT_LABEL = /^\p{Lu}[^\n.:;–—]*?(?=[ \t]+[\p{Lu}(]|[ \t]{2,}|[ \t]*(?:\n|$))(?<!\s-\s.*)/u;
const FLAT_LABEL_WORDS = 5;
const FLAT_LABEL_REACH = 120;

/**
 * The rows of a table flattened into a paragraph, cells run together with single spaces as
 * `lynx -dump` writes one ("Age Positive All-age approach…", "Religion or belief", "Sex
 * Positive …"): lines opening with a short capitalised label that a group's name opens,
 * four or more naming four groups or more; each row runs to the next (its cells may wrap).
 */
function groupRows(model: DocModel, policy: Policy, b: Span, doc?: DocState): Array<{ label: Span; start?: number; end: number }> {
  const text = model.masked.slice(b.start, b.end);
  if (!text.includes('\n')) return [];
  const opening = new Map<number, Mention>();
  for (const m of mentionsIn(doc, model, policy, b.start, b.end)) if (!m.subsumed && !opening.has(m.start)) opening.set(m.start, m);
  const labels: Span[] = [];
  const groups = new Set<string>();
  // Rows labelled by no group of the policy ("Carers Positive More support…"): where the row above ends.
  const others: number[] = [];
  for (let at = 0; at < text.length; ) {
    const eol = text.indexOf('\n', at);
    const lineEnd = eol < 0 ? text.length : eol;
    const indent = /^[ \t]*/.exec(text.slice(at, lineEnd))![0].length;
    const m = opening.get(b.start + at + indent);
    // A label is a few words: reading a bounded prefix keeps a hostile long line linear.
    const prefix = text.slice(at + indent, Math.min(lineEnd, at + indent + FLAT_LABEL_REACH));
    const label = m && FLAT_LABEL.exec(prefix);
    // A label wrapped at the margin ("Marriage and" / "civil partnership") is one too.
    const wraps = !!m && !indent && b.start + lineEnd < m.end && /^\S/.test(text.slice(lineEnd + 1, lineEnd + 2));
    if (m && label && (b.start + at + indent + label[0].length >= m.end || wraps) && wordCount(label[0], FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS) {
      labels.push({ start: b.start + at + indent, end: b.start + at + indent + label[0].length });
      groups.add(m.group.id);
    } else if (!m && /^\p{Lu}/u.test(prefix)) {
      const verdict = policy.eqia.verdicts.spans(prefix)[0];
      const before = verdict ? prefix.slice(0, verdict[0]) : '';
      if (verdict && before.trim() && !/[.:;,]/.test(before) && wordCount(before, FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS) others.push(b.start + at + indent);
      // Or a group the pack lists beside the characteristics ("Carers Carers asked for…"), after a row that has ended.
      else if (ROW_ENDED.test(text.slice(Math.max(0, at - ROW_END_REACH), at)) && policy.eqia.otherGroups.spans(prefix).some(([s]) => s === 0)) others.push(b.start + at + indent);
    }
    at = lineEnd + 1;
  }
  if (labels.length < FLAT_ROWS || groups.size < FLAT_ROWS) return [];
  const centred = centredRows(text, b.start, labels);
  if (centred) return centred;
  // Both in the text's order: one walk.
  let o = 0;
  return labels.map((label, k) => {
    const next = k + 1 < labels.length ? labels[k + 1].start : b.end;
    while (o < others.length && others[o] <= label.start) o++;
    return { label, end: o < others.length && others[o] < next ? others[o] : next };
  });
}

/**
 * Rows whose labels stand in the middle of them, as `pdftotext -layout` sets a table whose label cells
 * are centred: the first row's cells open above its label (indented lines between the header and it).
 * The lines between two labels are split between the two rows, so a row left empty ("Marriage and" /
 * "civil partnership") takes none of the next row's ("Perinatal team data: 38 Positive …" above
 * "Pregnancy and"). Undefined where the first label's line has no indented line above it (labels at
 * their rows' tops).
 */
function centredRows(text: string, offset: number, labels: Span[]): Array<{ label: Span; start: number; end: number }> | undefined {
  const lines: Array<{ start: number; end: number; indented: boolean }> = [];
  for (let at = 0; at <= text.length; ) {
    const eol = text.indexOf('\n', at);
    const end = eol < 0 ? text.length : eol;
    lines.push({ start: offset + at, end: offset + end, indented: /^[ \t]+\S/.test(text.slice(at, end)) });
    at = end + 1;
  }
  const lineOf = (pos: number) => lastAtOrBefore(lines.length, (k) => lines[k].start, pos);
  // Labels at the margin only: a group's word opening an indented cell ("Perinatal team data: …") is a cell's.
  labels = labels.filter((l) => !lines[lineOf(l.start)].indented);
  if (labels.length < FLAT_ROWS) return undefined;
  const firsts = labels.map((l) => lineOf(l.start));
  let above = 0;
  for (let k = firsts[0] - 1; k >= 0 && lines[k].indented; k--) above++;
  if (!above || above === firsts[0]) return undefined;
  const out: Array<{ label: Span; start: number; end: number }> = [];
  let from = firsts[0] - above;
  for (let r = 0; r < labels.length; r++) {
    const next = r + 1 < labels.length ? firsts[r + 1] : lines.length;
    // The label's own lines: it and the lines at the margin that carry it on ("civil partnership"), cells between.
    let last = firsts[r];
    for (let k = firsts[r] + 1; k < next; k++) if (!lines[k].indented && lines[k].end > lines[k].start) last = k;
    // The lines between two labels are split between their rows, the odd one to the lower: a row left
    // empty takes none of the verdict standing just above the next row's label.
    const below = next === lines.length ? lines.length - 1 : last + Math.floor((next - last - 1) / 2);
    out.push({ label: labels[r], start: lines[from].start, end: lines[below].end });
    from = below + 1;
  }
  return out;
}

/** For each item of a flat list followed by items indented deeper than it, those items (linear: each item is read once). */
function flatNesting(model: DocModel, items: Span[]): Array<[number, Span[]]> {
  const indent = items.map((it) => {
    const from = model.source.lastIndexOf('\n', it.start - 1) + 1;
    return /^[ \t]*/.exec(model.source.slice(from, Math.min(it.end, from + INDENT_REACH)))![0].length;
  });
  const out: Array<[number, Span[]]> = [];
  for (let k = 0; k < items.length; ) {
    let j = k + 1;
    while (j < items.length && indent[j] > indent[k]) j++;
    if (j > k + 1) out.push([k, items.slice(k + 1, j)]);
    k = j > k + 1 ? j : k + 1;
  }
  return out;
}
const INDENT_REACH = 40;

/** The part of a list item naming its subject: before a colon or dash if there is one. */
function labelOf(model: DocModel, item: Span): Span {
  const text = model.masked.slice(item.start, item.end);
  const m = /^[^\n]{2,80}?(:|\s[–—-]\s)/.exec(text);
  return m ? { start: item.start, end: item.start + m[0].length } : item;
}

function tableUnits(model: DocModel, policy: Policy, rows: Row[], source: string | undefined, doc?: DocState): Unit[] {
  const [head, ...body] = rows;
  if (!head) return [];
  const names = (c: Cell) => (c.parts ? mentionsInParts(policy, model.masked, c.parts) : mentionsIn(doc, model, policy, c.start, c.end)).length > 0;
  if (head.cells.slice(1).filter(names).length >= 2) {
    // One column per group: the header cell names it, the cells below assess it.
    return head.cells.slice(1).map((cell, i) => {
      const pairs = body.filter((r) => r.cells[i + 1]).map((r) => ({ header: r.cells[0], value: r.cells[i + 1] }));
      return { model, source, subject: cell, subjectParts: cell.parts, body: pairs.flatMap((p) => cellSpans(p.value)), structured: true, pairs };
    });
  }
  // One row per group: the first cell naming a group is the subject, the rest assess it. Where
  // most rows are labelled by their first cell, a row whose label names none of this policy's
  // groups is about something else (a characteristic the policy does not list, an inclusion-health
  // group): "Pregnancy and maternity | Positive | Perinatal women…" assesses no impact on sex.
  const labelled = body.filter((r) => r.cells[0] && names(r.cells[0])).length * 2 > body.length;
  return body.map((r) => {
    const idx = labelled ? (r.cells[0] && names(r.cells[0]) ? 0 : -1) : r.cells.findIndex(names);
    const subject: Cell = idx >= 0 ? r.cells[idx] : (r.cells[0] ?? { ...r, text: '' });
    const pairs = r.cells.map((value, i) => ({ header: head.cells[i], value })).filter((_, i) => i !== idx);
    return { model, source, subject, subjectParts: subject.parts, body: pairs.flatMap((p) => cellSpans(p.value)), structured: true, pairs };
  });
}
