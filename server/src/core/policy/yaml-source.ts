// Parses a YAML pack or config into plain data, turning YAML errors and schema
// violations into problems with the file, line and column they point at.
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { PolicyProblem } from './types';
import { duplicateKeyErrors } from '../yaml-keys';

export interface ValidationError {
  /** JSON pointer of the offending value, e.g. /elements/2/minSignals */
  instancePath: string;
  message: string;
}

export type Validate = (data: unknown) => ValidationError[];

/** A step into a YAML document: a map key, a list index, or the entry of a list of maps whose `id` is this. */
export type YamlStep = string | number | { id: string };

export interface YamlLocation {
  line: number;
  column: number;
  /** The whole path is written in this source; false: the location is its nearest written ancestor. */
  exact: boolean;
}

export interface ParsedSource<T> {
  data?: T;
  problems: PolicyProblem[];
  /** Where a path into the data is written (1-based line and column), for problems found after parsing. */
  locate?: (path: readonly YamlStep[]) => YamlLocation;
}

// Keeps a malicious or runaway file from expanding aliases without bound.
const MAX_ALIAS_COUNT = 50;

export function parseYamlSource<T>(text: string, file: string, validate?: Validate): ParsedSource<T> {
  const lines = new LineCounter();
  const at = (offset: number, message: string): PolicyProblem => {
    const { line, col } = lines.linePos(Math.max(0, offset));
    return { file, line, column: col, message };
  };
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    if (!doc.errors.length) for (const e of duplicateKeyErrors(doc)) doc.errors.push(e);
  } catch (err) {
    return { problems: [at(0, `cannot parse YAML: ${(err as Error).message}`)] };
  }
  if (doc.errors.length) {
    return { problems: doc.errors.map((e) => at(e.pos[0], firstLine(e.message))) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { problems: [at(0, firstLine((err as Error).message))] };
  }
  if (data === null || data === undefined) data = {};
  const locate = (path: readonly YamlStep[]): YamlLocation => {
    const found = walk(doc, path);
    const { line, col } = lines.linePos(Math.max(0, found.offset));
    return { line, column: col, exact: found.exact };
  };
  if (!validate) return { data: data as T, problems: [], locate };
  const errors = validate(data);
  const problems = errors.map((e) => at(walk(doc, pointerSteps(e.instancePath)).offset, `${describe(e.instancePath)}${e.message}`));
  return problems.length ? { problems } : { data: data as T, problems: [], locate };
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function describe(pointer: string): string {
  return pointer ? `${pointer.slice(1).replace(/\//g, '.')}: ` : '';
}

function pointerSteps(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Start offset of the node a path names (a map entry's key, a list's item), or of
 * its nearest existing ancestor; `exact` says whether the whole path was found.
 * Aliases are followed to their anchor, where the text is written.
 */
function walk(doc: Document, path: readonly YamlStep[]): { offset: number; exact: boolean } {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node) && typeof step !== 'object') {
      const pair = node.items.find((p) => keyText(p.key) === String(step));
      if (pair) {
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        next = pair.value ?? null;
      }
    } else if (isSeq(node)) {
      next = typeof step === 'object' ? node.items.find((item) => hasId(doc, item, step.id)) : node.items[Number(step)];
      offset = (next as Node | null)?.range?.[0] ?? offset;
    }
    if (next === undefined) return { offset, exact: false };
    node = next;
  }
  return { offset, exact: true };
}

function keyText(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

function hasId(doc: Document, item: unknown, id: string): boolean {
  const map = isAlias(item) ? item.resolve(doc) : item;
  return isMap(map) && map.items.some((p) => keyText(p.key) === 'id' && isScalar(p.value) && String(p.value.value) === id);
}
