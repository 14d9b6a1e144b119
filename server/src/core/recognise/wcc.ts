// Finds World Class Commissioning competency references: "WCC 5", "[WCC-5]",
// "WCC competency 5 – Manage knowledge…", "Competency 5", a competency's name on
// its own, numbered lists under a WCC box and a front-matter `wcc:` list. The
// words are the pack's `wcc:` section; the numbers, lists and names are syntax.
import type { DocModel } from '../model/types';
import type { CompetencyDef, Policy } from '../policy/types';
import { frontMatterKey, type FrontMatterData } from '../frontmatter';
import { competencyForName } from './competency-names';
import { judgeReference } from './wcc-syntax';

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
}

export interface WccFinding {
  tags: TagFinding[];
  invalid: InvalidTagFinding[];
}

const NAME_LEAD = /(^|[:(\[–—|*"“'‘]|\d[.)]|[-+*] )\s*$/;

export function recogniseWcc(model: DocModel, policy: Policy, fm: FrontMatterData | undefined): WccFinding {
  const text = model.masked;
  const tags: TagFinding[] = [];
  const invalid: InvalidTagFinding[] = [];
  const line = (o: number) => model.lines.point(o).line;
  const taken = new Taken(text.length);

  const addTag = (num: number, nameText: string | undefined, start: number, end: number, written: string) => {
    const j = judgeReference(num, nameText, policy.competencies);
    if (j.ok) tags.push({ number: num, start, end, line: line(start) });
    else invalid.push({ start, end, line: line(start), text: written.trim(), reason: j.reason, number: num, named: j.named });
  };

  const scan = (re: RegExp) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken.overlaps(start, end)) continue;
      taken.add(start, end);
      const nums = [m[1], ...(m[2] ? m[2].match(/\d+/g) ?? [] : [])].map(Number);
      // A name can only belong to the last number of a list ("WCC 5 and 6 – Prioritise investment").
      nums.forEach((n, i) => addTag(n, i === nums.length - 1 ? m![3] : undefined, start, end, m![0]));
    }
  };
  const patterns = policy.derived.wccTags;
  scan(patterns.tag.for(text));
  if (policy.wcc.prefixes.test(text)) scan(patterns.standalone.for(text));
  scanNames(model, policy, taken, tags);
  scanNumberedBoxes(model, policy, taken, addTag);
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

/** A competency's name written without a number, where it reads as a reference, not as prose. */
function scanNames(model: DocModel, policy: Policy, taken: Taken, tags: TagFinding[]): void {
  const text = model.masked;
  for (const c of policy.competencies) {
    for (const name of c.names) {
      const re = policy.derived.wccName(name).for(text);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.overlaps(start, end)) continue;
        const { line } = model.lines.point(start);
        const lineStart = model.lines.lineStart(line);
        const before = text.slice(lineStart, start);
        const lineText = text.slice(lineStart, model.lines.lineEnd(line));
        const capital = /\p{Lu}/u.test(m[0][0]);
        // A capital mid-sentence marks a proper name ("this evidences Stimulate the market");
        // a long name is distinctive enough even in lower case.
        const midSentence = /[\p{Ll},]\s+$/u.test(before);
        const distinctive = name.split(/\s+/).length >= 5;
        if (policy.wcc.context.test(lineText) || (capital && (NAME_LEAD.test(before) || midSentence)) || distinctive) {
          taken.add(start, end);
          tags.push({ number: c.number, start, end, line });
        }
      }
    }
  }
}

/** Numbered list items under a "World Class Commissioning competencies" box ("5. Manage knowledge…"). */
function scanNumberedBoxes(model: DocModel, policy: Policy, taken: Taken, addTag: (n: number, name: string | undefined, s: number, e: number, w: string) => void): void {
  for (let i = 1; i < model.blocks.length; i++) {
    const list = model.blocks[i];
    if (list.kind !== 'list' || !list.items) continue;
    const lead = model.blocks[i - 1];
    if (!policy.wcc.context.test(lead.text)) continue;
    const items = list.items.map((it) => {
      const raw = model.masked.slice(it.start, it.end);
      const m = /^\s*(\d{1,3})[.)]\s+([^\n]*)/.exec(raw);
      return m ? { it, num: Number(m[1]), name: m[2] } : undefined;
    });
    if (items.some((x) => !x)) continue;
    const ordinal = items.every((x, k) => x!.num === (items[0]!.num) + k) && items[0]!.num === 1;
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
