// Checks a --cache entry's shape before its result is reused: the cache file is
// data anyone with write access to node_modules/.cache could have edited, and
// a damaged entry must mean "lint again", never a crash or a forged finding
// with a bad shape. Hand-written rather than a schema: it runs for every file
// of a cached run, whose whole budget is a few milliseconds.
import type { FileResult } from './lint-file';

/** One file's cached result and what it depended on. */
export interface Entry {
  /** sha256 of the file's bytes. */
  hash: string;
  /** Size and modification time when the hash was taken, and when that was (ms). */
  size?: number;
  mtime?: number;
  checked?: number;
  /** Fingerprint of the resolved policy (pack + config). */
  policy: string;
  /** Linked files the core asked for: their hash, or null if they could not be read. */
  links: Record<string, string | null>;
  result: Omit<FileResult, 'file'>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isPos = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
const optNum = (v: unknown) => v === undefined || typeof v === 'number';
const SEVERITIES = new Set(['error', 'warning', 'info']);

function validDiagnostic(d: unknown): boolean {
  return isObj(d) && isStr(d.ruleId) && SEVERITIES.has(d.severity as string) && isStr(d.message) && isPos(d.line) && isPos(d.column) && isPos(d.endLine) && isPos(d.endColumn) && (d.data === undefined || isObj(d.data)) && (d.location === undefined || validLocation(d.location));
}

/** A Word finding's location, as formatters read it. */
function validLocation(l: unknown): boolean {
  const optPos = (v: unknown) => v === undefined || isPos(v);
  return isObj(l) && Array.isArray(l.headingPath) && l.headingPath.every(isStr) && isStr(l.kind) && isStr(l.quote) && optPos(l.paragraph) && optPos(l.table) && optPos(l.row) && (l.property === undefined || isStr(l.property));
}

function validCoverage(c: unknown): boolean {
  if (!isObj(c) || !isObj(c.ipc) || !isObj(c.eqia) || !isObj(c.wcc)) return false;
  const e = c.eqia;
  const w = c.wcc;
  return isStr(e.status) && isObj(e.groups) && Array.isArray(w.tags) && Array.isArray(w.invalid) && Array.isArray(w.covered) && Array.isArray(w.missing);
}

export function validEntry(e: unknown): e is Entry {
  if (!isObj(e) || !isStr(e.hash) || !isStr(e.policy) || !optNum(e.size) || !optNum(e.mtime) || !optNum(e.checked)) return false;
  if (!isObj(e.links) || !Object.values(e.links).every((h) => h === null || isStr(h))) return false;
  const r = e.result;
  if (!isObj(r) || r.error !== undefined || !isStr(r.policyId) || (r.warning !== undefined && !isStr(r.warning)) || (r.word !== undefined && r.word !== true)) return false;
  if (!Array.isArray(r.diagnostics) || !r.diagnostics.every(validDiagnostic)) return false;
  if (!Array.isArray(r.suppressed) || !r.suppressed.every((d) => validDiagnostic(d) && isStr((d as { justification?: unknown }).justification))) return false;
  if (!Array.isArray(r.dependencies) || !r.dependencies.every(isStr) || (r.links !== undefined && !(Array.isArray(r.links) && r.links.every(isStr)))) return false;
  return validCoverage(r.coverage);
}
