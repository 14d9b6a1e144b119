// Finds the Equality Impact Assessment (a section, or a file linked from it or
// named in front matter) and decides, per equality group of the policy, whether
// it is covered (a group-specific impact determination), unassessed (named
// without one) or missing.
import type { Block, Cell, DocModel, Section, Span } from '../model/types';
import { cellSpans } from '../model/text-tables';
import type { GroupDef, Matcher, Policy } from '../policy/types';
import type { ElementStatus, GroupStatus } from '../types';
import { findMentions, firstMention, type Mention } from './groups';
import type { DocState } from './doc-state';
import { frontMatterKey, type FrontMatterData } from '../frontmatter';
import { ratedImpact } from './rating-key';
import { isPlaceholder, sectionAt, sectionSpan, sectionStarting, sectionText, sentences, wordCount } from './text';
import { outermost } from '../sorted';
import { CELLS_AFTER, CELL_WORDS, FLAT_LABEL_WORDS, LEAD_IN, YES_NO, mentionsIn, mentionsInParts, sectionUnits, textTitle, type Unit } from './eqia-units';

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
