// Runs every recogniser once over the document model. Rules and the coverage
// report read this Analysis; none of them re-parses or re-scans the text.
import { union, withinOne } from './sorted';
import type { DocModel, Span } from './model/types';
import type { Policy } from './policy/types';
import type { LintContext } from './types';
import { parseChunks, type ParseOptions } from './parse/parse';
import { buildModel } from './model/build';
import { frontMatterKey, readFrontMatter, type FrontMatterData } from './frontmatter';
import { explicitMarkers } from './recognise/markers';
import { recogniseElements, type ElementFinding } from './recognise/ipc';
import { eqiaSections, recogniseEqia, type EqiaFinding, type LinkedEqia } from './recognise/eqia';
import { recogniseWcc, type WccFinding } from './recognise/wcc';
import { findCitations, type Citation } from './recognise/legislation';
import { readWaivers, type Waiver } from './recognise/waivers';
import { DocState } from './recognise/doc-state';

export interface Analysis {
  model: DocModel;
  policy: Policy;
  fileName: string;
  frontMatter?: FrontMatterData;
  elements: ElementFinding[];
  eqia: EqiaFinding;
  wcc: WccFinding;
  citations: Citation[];
  waivers: Waiver[];
  /** Where document-level findings are shown: the title heading, or the first line. */
  title: Span;
  linked: LinkedEqia[];
  /** Links to an EqIA that were not followed, and why. */
  refusedLinks: RefusedLink[];
}

export interface RefusedLink {
  path: string;
  at: Span;
  reason: string;
}

export function parseDocument(text: string, ctx: Pick<LintContext, 'cache'>, options?: ParseOptions): DocModel {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return buildModel(source, parseChunks(source, ctx.cache, options), { parts: !!ctx.cache });
}

export function analyse(text: string, ctx: LintContext): Analysis {
  const model = parseDocument(text, ctx);
  const policy = ctx.policy;
  const frontMatter = readFrontMatter(model, ctx.cache);
  const doc = new DocState(model, policy);
  const { linked, refused } = linkedEqia(doc, frontMatter, ctx);
  const eqia = recogniseEqia(doc, linked, frontMatter);
  const markers = explicitMarkers(model, frontMatter);
  const elements = recogniseElements(doc, markers, new Set(eqia.sections));
  const titleHeading = model.sections.find((s) => s.depth === 1) ?? model.sections[0];
  const title = titleHeading?.heading ?? { start: 0, end: model.lines.lineEnd(1) };
  return {
    model,
    policy,
    fileName: ctx.fileName ?? '<text>',
    frontMatter,
    elements,
    eqia,
    wcc: recogniseWcc(doc, frontMatter),
    citations: findCitations(doc),
    waivers: readWaivers(model),
    title,
    linked,
    refusedLinks: refused,
  };
}

/** EqIA files named by front matter `eqia:` or linked from the equality section (or by a link titled like an EqIA). */
function linkedEqia(doc: DocState, fm: FrontMatterData | undefined, ctx: LintContext): { linked: LinkedEqia[]; refused: RefusedLink[] } {
  const { model, policy } = doc;
  const refused: RefusedLink[] = [];
  if (!ctx.readLinked) return { linked: [], refused };
  const wanted: Array<{ path: string; at: Span }> = [];
  const key = frontMatterKey(fm, 'eqia', policy.eqia.headings);
  const named = key ? fm!.data[key] : undefined;
  if (typeof named === 'string' && named.trim()) {
    const line = fm!.lineOf(key!) ?? 1;
    wanted.push({ path: named.trim(), at: { start: model.lines.lineStart(line), end: model.lines.lineEnd(line) } });
  }
  // Which links lie in the EqIA, by a binary search of its sections' union (a document of 10,000 EqIA headings and links is linear).
  const sections = union(eqiaSections(model, policy, doc));
  for (const l of model.links) {
    // A link to a document: Markdown, or Word (which the caller converts before it is read).
    if (!/\.(md|markdown|docx)(#.*)?$/i.test(l.url) || /^[a-z]+:/i.test(l.url)) continue;
    const inSection = withinOne(sections, l.start, l.end);
    const label = model.source.slice(l.start, l.end);
    if (!inSection && !policy.eqia.headings.test(label)) continue;
    const target = l.url.replace(/#.*$/, '');
    const path = decodeUri(target);
    if (path === undefined) refused.push({ path: target, at: l, reason: 'is not a valid link target (a "%" not followed by two hex digits?)' });
    else wanted.push({ path, at: l });
  }
  const out: LinkedEqia[] = [];
  const asked = new Set<string>();
  for (const w of wanted) {
    if (asked.has(w.path)) continue;
    asked.add(w.path);
    const file = ctx.readLinked(w.path) ?? { path: w.path, refused: 'could not be read: no such file' };
    if ('refused' in file) refused.push({ path: w.path, at: w.at, reason: file.refused });
    // One file under many spellings (./e.md, e.md#x, sub/../e.md) is parsed once.
    else if (!out.some((o) => o.key !== undefined && o.key === file.key)) out.push({ path: file.path, key: file.key, model: parseDocument(file.text, ctx), at: w.at });
  }
  return { linked: out, refused };
}

function decodeUri(s: string): string | undefined {
  try {
    return decodeURI(s);
  } catch {
    return undefined;
  }
}
