// Finds World Class Commissioning competency references: "WCC 5", "[WCC-5]",
// "WCC competency 5 – Manage knowledge…", "Competency 5", "WCC 1–3", "WCC C5",
// "WCC competency three", a competency's name on its own, the rows of a WCC
// table, numbered lists under a WCC box and a front-matter `wcc:` list. The
// words are the pack's `wcc:` section; the numbers, lists and names are syntax
// (wcc-syntax.ts).
import type { Block, Cell, DocModel, Span } from '../model/types';
import type { CompetencyDef, Matcher, Policy } from '../policy/types';
import type { DocState } from './doc-state';
import { frontMatterKey, type FrontMatterData } from '../frontmatter';
import { competencyForName } from './competency-names';
import { wordCount } from './text';
import { judgeNumbers, judgeReference, readTag, type Judgement, type NumberSpan } from './wcc-syntax';
import type { PhraseHit } from '../match';
import { textForm, widestForm, type TextForm } from '../policy/text-forms';

export interface TagFinding {
  number: number;
  start: number;
  end: number;
  line: number;
}

export interface InvalidTagFinding {
  start: number;
  end: number;
  line: number;
  text: string;
  reason: string;
  number?: number;
  /** The competency the written name belongs to, when the number is wrong for it. */
  named?: CompetencyDef;
  /** A table row's reference: where its number and its name are written, so a fix changes them in their cells. */
  cells?: { number?: Span; name?: Span };
}

export interface WccFinding {
  tags: TagFinding[];
  invalid: InvalidTagFinding[];
}

/** How far past a bracketed name a reference's list is looked for. */
const CONTINUATION_REACH = 160;

/** A number alone at a line's start, then a column's gap: a row of a table laid out with spaces. */
const LAYOUT_NUMBER = /^[ \t]*(\d{1,2})[ \t]{2,}$/;
/** A number alone at a line's start before one space: a row when a column's gap follows the name ("6 Prioritise investment<tab>…"). */
const ROW_NUMBER = /^[ \t]*(\d{1,2}) $/;
const COLUMN_GAP = /^(?:\t|[ ]{2,}\S)/;
const NAME_LEAD = /(^|[:(\[–—|*"“'‘]|\d[.)]|[-+*] )\s*$/;

export function recogniseWcc(doc: DocState, fm: FrontMatterData | undefined): WccFinding {
  const { model, policy } = doc;
  const text = model.masked;
  const tags: TagFinding[] = [];
  const invalid: InvalidTagFinding[] = [];
  const line = (o: number) => model.lines.point(o).line;
  const taken = new Taken(text.length);

  const record: Recorder = (num, j, start, end, written, at = line(start), cells) => {
    if (j.ok) tags.push({ number: num, start, end, line: at });
    else invalid.push({ start, end, line: at, text: written.trim(), reason: j.reason, number: num, named: j.named, ...(cells && { cells }) });
  };
  const addTag = (num: number, nameText: string | undefined, start: number, end: number, written: string) => record(num, judgeReference(num, nameText, policy.competencies), start, end, written);
  const contents = contentsLines(model, policy.wcc.context);

  const scan = (re: RegExp) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken.overlaps(start, end)) continue;
      const { numbers, name } = readTag(m);
      if (name === undefined && contents(start, end)) continue;
      taken.add(start, end);
      // A reference wrapped over two lines ("…against World" / "Class Commissioning competency 2") is on its number's line.
      const written = m.slice(1, -3).find((g) => g !== undefined);
      const at = line(start + Math.max(0, written ? m[0].indexOf(written) : 0));
      for (const { number, judgement } of judgeNumbers(numbers, name, policy.competencies)) record(number, judgement, start, end, m[0], at);
      // "WCC 5 (Manage knowledge and assess needs), 6, 8": the list goes on after the bracket.
      for (let at = end, more: RegExpExecArray | null; (more = continued.exec(text.slice(at, at + CONTINUATION_REACH))); at += more[0].length) {
        const next = readTag(more);
        const [s, e] = [at + more[0].indexOf(more[1]), at + more[0].length];
        taken.add(s, e);
        for (const { number, judgement } of judgeNumbers(next.numbers, next.name, policy.competencies)) record(number, judgement, s, e, text.slice(s, e));
      }
    }
  };
  const patterns = policy.derived.wccTags;
  // Tables first: a row's number and name sit in cells of their own, judged together.
  scanTables(doc, taken, record);
  const form = textFormIn(doc);
  const continued = patterns.continued.form(form);
  scan(patterns.tag.form(form));
  if (doc.has(policy.wcc.prefixes)) scan(patterns.standalone.form(form));
  scanNames(doc, taken, tags, addTag);
  scanNumberedBoxes(doc, taken, addTag);
  frontMatterTags(fm, policy, tags, invalid);

  const seen = new Set<string>();
  const unique = tags
    .sort((a, b) => a.line - b.line || a.number - b.number)
    .filter((t) => {
      const k = `${t.line}:${t.number}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  invalid.sort((a, b) => a.line - b.line);
  return { tags: unique, invalid };
}

/**
 * textForm of the document's masked text, as each chunk's answer (kept in its
 * memo) joined: the whole 500 KB is otherwise scanned on every lint. The same
 * answer, as the chunks cover the text and each ends with a line break, so no
 * character (or surrogate pair) the test reads sits across two.
 */
function textFormIn(doc: DocState): TextForm {
  const { parts, masked } = doc.model;
  const covered = parts.length > 0 && parts[0].start === 0 && parts[parts.length - 1].end === masked.length && parts.every((p, i) => i === 0 || p.start === parts[i - 1].end);
  if (!covered) return textForm(masked);
  return widestForm(parts.map((p) => doc.inChunk(textForm, 'form', p.start, p.end, textForm)));
}

/**
 * A competency's number ending a line, before its name on the next: "WCC competency 6:" (the tag pattern
 * reads a name after a dash ending the line itself, but not after a colon, which may end a label).
 */
const NUMBER_ENDING_LINE = /\b(\d{1,2})[ \t]*[:–—-][ \t]*$/;

/** A competency's name written without a number, where it reads as a reference, not as prose. */
function scanNames(doc: DocState, taken: Taken, tags: TagFinding[], addTag: (n: number, name: string | undefined, s: number, e: number, w: string) => void): void {
  const { model, policy } = doc;
  const text = model.masked;
  const { list, competencies } = policy.derived.wccNames;
  // Name by name, in the policy's order, each name's matches left to right and not overlapping
  // one another (as a global search for it finds them): an earlier name's reference takes its text.
  const byName: PhraseHit[][] = list.phrases.map(() => []);
  for (const h of doc.hits(list)) {
    const mine = byName[h.phrase];
    if (!mine.length || h.start >= mine[mine.length - 1].end) mine.push(h);
  }
  byName.forEach((hits, i) => {
    const name = list.phrases[i];
    for (const { start, end } of hits) {
      if (taken.overlaps(start, end)) continue;
      const { line } = model.lines.point(start);
      const lineStart = model.lines.lineStart(line);
      const before = text.slice(lineStart, start);
      // A row of a table laid out in columns (text from a PDF, or cells split by tabs): "   7     Stimulate the market",
      // "6 Prioritise investment<tab>Reinvestment from…": the number and name are one reference.
      const column = LAYOUT_NUMBER.exec(before) ?? (COLUMN_GAP.test(text.slice(end, end + 3)) ? ROW_NUMBER.exec(before) : null);
      if (column) {
        taken.add(lineStart + column.index, end);
        addTag(Number(column[1]), text.slice(start, end), lineStart + column.index, end, text.slice(lineStart + column.index, end));
        continue;
      }
      // A hard-wrapped sentence names the framework on the line before ("…the approach World Class
      // Commissioning called / "stimulate the market"").
      const prev = line > 1 ? text.slice(model.lines.lineStart(line - 1), lineStart) : '';
      // The name of a reference whose number ends the line before ("(WCC competency 6:" / "Prioritise investment)"):
      // the reference is counted there.
      const ended = !before.trim() ? NUMBER_ENDING_LINE.exec(prev.trimEnd()) : null;
      if (ended && Number(ended[1]) === competencies[i].number) {
        taken.add(start, end);
        continue;
      }
      const lineText = (prev.trim() ? prev : '') + text.slice(lineStart, model.lines.lineEnd(line));
      const capital = /\p{Lu}/u.test(text[start]);
      // A capital mid-sentence marks a proper name ("this evidences Stimulate the market");
      // a long name is distinctive enough even in lower case.
      const midSentence = /[\p{Ll},]\s+$/u.test(before);
      const distinctive = name.split(/\s+/).length >= 5;
      if (policy.wcc.context.test(lineText) || (capital && (NAME_LEAD.test(before) || midSentence)) || distinctive) {
        taken.add(start, end);
        tags.push({ number: competencies[i].number, start, end, line });
      }
    }
  });
}

/**
 * A plain-text contents list repeats the headings with their page numbers
 * ("Appendix A – Fit with World Class Commissioning 23"): a reference that ends
 * such a line, the rest of which is a heading's title, is a page number.
 */
function contentsLines(model: DocModel, context: Matcher): (start: number, end: number) => boolean {
  let titles: Set<string> | undefined;
  return (start, end) => {
    const { line } = model.lines.point(start);
    const lineEnd = model.lines.lineEnd(line);
    for (let i = end; i < lineEnd; i++) if (!/\s/.test(model.masked[i])) return false;
    // The line without its page number and any dot leaders (trimmed by hand: a backtracking pattern is quadratic on a long run of dots).
    const entry = model.masked.slice(model.lines.lineStart(line), lineEnd).trimEnd();
    let cut = entry.length;
    while (cut > 0 && /\d/.test(entry[cut - 1])) cut--;
    while (cut > 0 && /[\s.·…]/.test(entry[cut - 1])) cut--;
    const key = titleKey(entry.slice(0, cut));
    if (!key) return false;
    titles ??= new Set(model.sections.map((s) => titleKey(s.title)));
    if (titles.has(key)) return true;
    // Or the entries before it end in page numbers that lead up to its own (text from a PDF, whose
    // headings are bare lines no heading reading found): "8. Equality impact assessment 10".
    let page = Number(entry.slice(cut).trim());
    for (let k = 1; k <= CONTENTS_BEFORE; k++) {
      if (line - k < 1) return false;
      const text = model.masked.slice(model.lines.lineStart(line - k), model.lines.lineEnd(line - k));
      const before = pageOf(text);
      if (before === undefined || before > page || context.test(text)) return false;
      page = before;
    }
    return true;
  };
}

/** How many entries before a page number show it is one. */
const CONTENTS_BEFORE = 2;

/** The page number ending a contents entry ("Foreword …… 3"): words, a space or leaders, a number; else undefined. */
function pageOf(line: string): number | undefined {
  const entry = line.trimEnd();
  let cut = entry.length;
  while (cut > 0 && cut > entry.length - 3 && /\d/.test(entry[cut - 1])) cut--;
  if (cut === entry.length || cut === 0 || /\d/.test(entry[cut - 1]) || !/[\s.·…]/.test(entry[cut - 1]) || entry.includes('|') || !/\p{L}/u.test(entry.slice(0, cut))) return undefined;
  return Number(entry.slice(cut));
}

/** A title as a contents list and its heading both write it: its words, without leading numbers, escapes or Pandoc's `{#id .class}`. */
function titleKey(title: string): string {
  return title
    .replace(/\{[#.][^{}]*\}\s*$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^(?:\d+ )+/, '')
    .trim();
}

type Recorder = (n: number, j: Judgement, start: number, end: number, written: string, line?: number, cells?: InvalidTagFinding['cells']) => void;

/** A row's text without the pipes and blanks around it (by hand: `/[\s|]+$/` is quadratic on a long run of blanks inside). */
function trimPipes(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && /[\s|]/.test(text[a])) a++;
  while (b > a && /[\s|]/.test(text[b - 1])) b--;
  return text.slice(a, b);
}

/** Where in a cell's source `what` (text, a pattern) is written, or the cell's text without its pipes and blanks; undefined when not found as written (inline formatting). */
function within(source: string, cell: Span, what?: string | RegExp): Span | undefined {
  const text = source.slice(cell.start, cell.end);
  if (what === undefined) {
    const inner = trimPipes(text);
    return inner ? { start: cell.start + text.indexOf(inner), end: cell.start + text.indexOf(inner) + inner.length } : undefined;
  }
  const found = typeof what === 'string' ? { index: text.lastIndexOf(what), length: what.length } : ((m) => m && { index: m.index, length: m[0].length })(what.exec(text));
  return !found || found.index < 0 ? undefined : { start: cell.start + found.index, end: cell.start + found.index + found.length };
}

/** A pandoc caption after a table (": Table 4 – WCC competencies"). */
const CAPTION = /^\s*(?::|table\b)/i;

/**
 * The rows of a table about WCC (its header, the block before it or its caption
 * uses a `wcc.context` word) that pair a number cell with a name, in another cell
 * ("5 | Manage knowledge and assess needs | …") or the same one ("5 – Manage
 * knowledge…"): each row is judged as prose is, once, on the line where its
 * cells start (a grid table's row may run over several lines).
 */
function scanTables(doc: DocState, taken: Taken, record: Recorder): void {
  const { model, policy } = doc;
  const { context } = policy.wcc;
  const competencies = policy.competencies;
  // Asked of every table's header and neighbours on every lint: kept with their chunks.
  const mentions = (at: number, text: string) => doc.byText(context, 'context', at, text, (t) => context.test(t));
  model.blocks.forEach((table, i) => {
    if (table.kind !== 'table' || !table.rows || table.rows.length < 2) return;
    const [header, ...body] = table.rows;
    const caption = model.blocks[i + 1];
    const about = (b: Block | undefined) => !!b && mentions(b.start, b.text);
    const reads = new Map<Cell, { numbers: NumberSpan[]; name: string | undefined } | undefined>();
    const readText = (text: string) => {
      const m = policy.derived.wccTags.cell.for(text).exec(text);
      return m ? readTag(m, 1) : undefined;
    };
    const read = (cell: Cell | undefined) => {
      if (!cell || !cell.text.trim()) return undefined;
      if (!reads.has(cell)) reads.set(cell, readText(cell.text));
      return reads.get(cell);
    };
    // A cover sheet's row "WCC competencies | 2, 5, 6 and 8": a label about WCC, its value the numbers.
    for (const row of table.rows) {
      const [label, value] = row.cells;
      if (!label || !value || wordCount(label.text, KEY_LABEL_WORDS + 1) > KEY_LABEL_WORDS || !context.test(label.text)) continue;
      // Or several, each with its name: "5 – Manage knowledge and assess needs; 6 – Prioritise investment".
      const listed = value.text.includes(';') ? value.text.split(/\s*;\s*/).filter((x) => x.trim()).map(readText) : [];
      const refs = listed.length > 1 && listed.every((r) => r?.numbers.length) ? listed : [read(value)];
      if (!refs[0]?.numbers.length || taken.overlaps(value.start, value.end)) continue;
      taken.add(label.start, label.end);
      taken.add(value.start, value.end);
      const written = trimPipes(model.source.slice(label.start, value.end));
      for (const ref of refs) for (const { number, judgement } of judgeNumbers(ref!.numbers, ref!.name, competencies)) record(number, judgement, label.start, value.end, written, undefined, { number: undefined, name: undefined });
    }
    if (!mentions(header.start, header.cells.map((c) => c.text).join(' | ')) && !about(model.blocks[i - 1]) && !(caption && CAPTION.test(caption.text) && about(caption))) return;

    // Folded, not spread: a table of 200,000 rows is more arguments than a call takes.
    const columns = table.rows.reduce((n, r) => Math.max(n, r.cells.length), 0);
    const headed = (c: number) => context.test(header.cells[c]?.text ?? '');
    // Number columns: every filled cell holds a reference's numbers. One headed by a context word comes first.
    const numeric: number[] = [];
    for (let c = 0; c < columns; c++) {
      // A dash is an empty cell ("– | Promote improvement and innovation").
      const filled = body.map((r) => r.cells[c]).filter((x) => x && /[^\s\-–—]/.test(x.text));
      // A row may give the name alone ("Efficiency and effectiveness of spend"): it counts under its number, read later.
      if (filled.some((x) => read(x)) && filled.every((x) => read(x) || competencyForName(x!.text, competencies))) numeric.push(c);
    }
    const col = numeric.find(headed) ?? numeric[0];
    if (col === undefined) return;
    // The name column: of the others, nearest first, the one whose cells most often name a competency.
    let nameCol: number | undefined;
    let most = 0;
    for (const c of [...Array(columns).keys()].filter((k) => k !== col).sort((a, b) => Math.abs(a - col) - Math.abs(b - col))) {
      const names = body.filter((r) => r.cells[c] && competencyForName(r.cells[c].text, competencies)).length;
      if (names > most) [nameCol, most] = [c, names];
    }
    // Without a name anywhere, only a column headed "WCC"/"Competency", alone in holding numbers, is read: "WCC | PCT | Total" is a table of figures.
    const named = nameCol !== undefined || body.some((r) => competencyForName(read(r.cells[col])?.name ?? '', competencies));
    if (!named && !(headed(col) && numeric.length === 1)) return;
    // A column of row counters (1, 2, 3 … under "No." or "#") numbers the rows: there the name decides, as in a numbered list.
    const single = body.map((r) => read(r.cells[col])?.numbers).map((n) => (n?.length === 1 && n[0].from === n[0].to ? n[0].from : undefined));
    const ordinal = !headed(col) && single.every((n, k) => n === k + 1);

    for (const row of table.rows) {
      const cell = row.cells[col];
      const ref = read(cell);
      if (!cell || !ref?.numbers.length) continue;
      const nameCell = ref.name === undefined && nameCol !== undefined ? row.cells[nameCol] : undefined;
      const nameText = ref.name ?? nameCell?.text;
      const parts = nameCell ? [cell, nameCell] : [cell];
      if (parts.some((p) => taken.overlaps(p.start, p.end))) continue;
      for (const p of parts) taken.add(p.start, p.end);
      const start = Math.min(...parts.map((p) => p.start));
      const end = Math.max(...parts.map((p) => p.end));
      const written = trimPipes(model.source.slice(start, end));
      let numbers = ref.numbers;
      const byName = ordinal && nameText ? competencyForName(nameText, competencies) : undefined;
      if (byName) numbers = [{ from: byName.number, to: byName.number }];
      const places = { number: ref.numbers.length === 1 && ref.numbers[0].from === ref.numbers[0].to ? within(model.source, cell, /\d{1,3}/) : undefined, name: nameCell ? within(model.source, nameCell) : ref.name ? within(model.source, cell, ref.name) : undefined };
      for (const { number, judgement } of judgeNumbers(numbers, nameText, competencies)) record(number, judgement, start, end, written, undefined, places);
    }
  });
}

/** A key cell this short is a label ("WCC competencies", "World Class Commissioning alignment"). */
const KEY_LABEL_WORDS = 6;

/**
 * A box's lead is a label or a line that opens the list ("This strategy evidences
 * these competencies:"), not a sentence of prose that happens to name a
 * competency before a numbered list of actions.
 */
function introducesList(lead: string): boolean {
  const text = lead.trim();
  return /[:：]$/.test(text) || wordCount(text, BOX_LABEL_WORDS + 1) <= BOX_LABEL_WORDS;
}

/** A box's label is at most this many words ("World Class Commissioning competencies evidenced by this chapter"). */
const BOX_LABEL_WORDS = 12;

/** Numbered list items under a "World Class Commissioning competencies" box ("5. Manage knowledge…"). */
function scanNumberedBoxes(doc: DocState, taken: Taken, addTag: (n: number, name: string | undefined, s: number, e: number, w: string) => void): void {
  const { model, policy } = doc;
  const { context } = policy.wcc;
  for (let i = 1; i < model.blocks.length; i++) {
    const list = model.blocks[i];
    if (list.kind !== 'list' || !list.items) continue;
    const lead = model.blocks[i - 1];
    // Asked of the block before every list on every lint: kept with its chunk.
    if (!doc.byText(context, 'context', lead.start, lead.text, (t) => context.test(t)) || !introducesList(lead.text)) continue;
    const items = list.items.map((it) => {
      const raw = model.masked.slice(it.start, it.end);
      const m = /^\s*(\d{1,3})[.)]\s+([^\n]*)/.exec(raw);
      return m ? { it, num: Number(m[1]), name: m[2] } : undefined;
    });
    if (items.some((x) => !x)) continue;
    const ordinal = items.every((x, k) => x!.num === (items[0]!.num) + k) && items[0]!.num === 1;
    // Counted 1, 2, 3… and naming no competency: a list of actions ("To achieve this WCC commits to:", the council).
    if (ordinal && items.every((x) => !competencyForName(x!.name, policy.competencies))) continue;
    for (const x of items) {
      const { it, num, name } = x!;
      if (taken.overlaps(it.start, it.end)) continue;
      const named = competencyForName(name, policy.competencies);
      taken.add(it.start, it.end);
      if (named && ordinal && named.number !== num) addTag(named.number, name, it.start, it.end, `${num}. ${name}`);
      else addTag(num, name, it.start, it.end, `${num}. ${name}`);
    }
  }
}

function frontMatterTags(fm: FrontMatterData | undefined, policy: Policy, tags: TagFinding[], invalid: InvalidTagFinding[]): void {
  const key = frontMatterKey(fm, 'wcc', policy.wcc.context);
  if (fm) otherKeysTags(fm, key, policy, tags, invalid);
  const raw = key ? fm!.data[key] : undefined;
  if (raw === undefined || raw === null) return;
  // A list, or one text naming several ("2, 5, 8": a Word document property holds text only).
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s*[,;]\s*/).filter(Boolean) : [raw];
  list.forEach((entry, i) => {
    const line = (Array.isArray(raw) ? fm!.lineOf(key!, i) : fm!.lineOf(key!)) ?? 1;
    const written = String(entry);
    const m = /(\d{1,3})(?!\d)\s*(?:[-–—:(]\s*(.+))?/.exec(written);
    if (m) {
      const num = Number(m[1]);
      const j = judgeReference(num, m[2], policy.competencies);
      if (j.ok) tags.push({ number: num, start: 0, end: 0, line });
      else invalid.push({ start: 0, end: 0, line, text: written, reason: j.reason, number: num, named: j.named });
      return;
    }
    const named = competencyForName(written, policy.competencies);
    if (named) tags.push({ number: named.number, start: 0, end: 0, line });
  });
}

/**
 * Entries of other front-matter keys that are references themselves ("tags: [dementia,
 * WCC 5, WCC 11]"): an entry opening with a framework prefix and a number, judged as
 * an entry of the `wcc` key is.
 */
function otherKeysTags(fm: FrontMatterData, wccKey: string | undefined, policy: Policy, tags: TagFinding[], invalid: InvalidTagFinding[]): void {
    for (const [key, raw] of Object.entries(fm.data)) {
    if (key === wccKey) continue;
    // A list's entries, or the parts of one text ("Mental health; WCC competencies 3, 5, 6").
    const entries = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s*[;|]\s*/) : [raw];
    entries.forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.length > 200) return;
      const open = policy.wcc.prefixes.spans(entry)[0];
      if (!open || open[0] !== entry.search(/\S/)) return;
      // What follows the prefix reads as a table cell does: "5", "3, 5, 6", "6 – Stimulate the market".
      let rest = entry.slice(open[1]);
      // An introducer of the pack's between prefix and numbers ("WCC competencies 3, 5, 6").
      const intro = policy.wcc.introducers.spans(rest)[0];
      if (intro && !rest.slice(0, intro[0]).trim()) rest = rest.slice(intro[1]);
      rest = rest.replace(/^\s*[:#-]?\s*/, '');
      const m = policy.derived.wccTags.cell.for(rest).exec(rest);
      if (!m) return;
      const { numbers, name } = readTag(m, 1);
      const line = (Array.isArray(raw) ? fm.lineOf(key, i) : fm.lineOf(key)) ?? 1;
      for (const { number, judgement } of judgeNumbers(numbers, name, policy.competencies)) {
        if (judgement.ok) tags.push({ number, start: 0, end: 0, line });
        else invalid.push({ start: 0, end: 0, line, text: entry, reason: judgement.reason, number, named: judgement.named });
      }
    });
  }
}

/** Which offsets of the text a reference already covers (linear, however many tags a line holds). */
class Taken {
  private readonly marks: Uint8Array;

  constructor(length: number) {
    this.marks = new Uint8Array(length + 1);
  }

  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.marks[i]) return true;
    return false;
  }

  add(start: number, end: number): void {
    this.marks.fill(1, start, end);
  }
}
