// Parses a YAML pack or config into plain data, turning YAML errors and schema
// violations into problems with the file, line and column they point at.
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { PolicyProblem } from './types';

export interface ValidationError {
  /** JSON pointer of the offending value, e.g. /elements/2/minSignals */
  instancePath: string;
  message: string;
}

export type Validate = (data: unknown) => ValidationError[];

export interface ParsedSource<T> {
  data?: T;
  problems: PolicyProblem[];
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
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
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
  if (!validate) return { data: data as T, problems: [] };
  const errors = validate(data);
  const problems = errors.map((e) => at(offsetOf(doc, e.instancePath), `${describe(e.instancePath)}${e.message}`));
  return problems.length ? { problems } : { data: data as T, problems: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function describe(pointer: string): string {
  return pointer ? `${pointer.slice(1).replace(/\//g, '.')}: ` : '';
}

/** Start offset of the node a JSON pointer names, or of its nearest existing ancestor. */
function offsetOf(doc: Document, pointer: string): number {
  const path = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === key);
      if (pair) {
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        next = pair.value;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(key)];
      offset = (next as Node | null)?.range?.[0] ?? offset;
    }
    if (next === undefined) break;
    node = next;
  }
  return offset;
}
