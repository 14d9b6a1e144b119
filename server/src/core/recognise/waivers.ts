// Inline waivers. Each must give a reason after "--":
//   <!-- commissioning-lint-disable-next-line RULE[, RULE] -- reason -->
//   <!-- commissioning-lint-disable RULE -- reason --> … <!-- commissioning-lint-enable RULE -->
// A waiver with no reason does not waive anything and is itself reported.
import type { DocModel } from '../model/types';
import { REASON_PLACEHOLDER } from '../editor/fixes';

export interface Waiver {
  kind: 'next-line' | 'disable' | 'enable';
  rules: string[]; // empty = every rule
  reason: string;
  start: number;
  end: number;
  line: number;
  /** Lines it covers, inclusive. */
  from: number;
  to: number;
}

// The quick fix's prompt word (see editor/fixes.ts) and the usual stand-ins for a reason not yet written.
const PLACEHOLDER_REASON = new RegExp(`^(${REASON_PLACEHOLDER.split(':')[0]}\\b|TODO\\b|TBC\\b|\\[[^\\]]*\\]$|reason$)`, 'i');
const WAIVER = /^\s*commissioning-lint-(disable-next-line|disable|enable)\b([^]*?)(?:\s--\s*([^]*?))?\s*$/;

export function readWaivers(model: DocModel): Waiver[] {
  const out: Waiver[] = [];
  const open: Waiver[] = [];
  for (const c of model.comments) {
    const m = WAIVER.exec(c.body);
    if (!m) continue;
    const kind = m[1] === 'disable-next-line' ? 'next-line' : (m[1] as 'disable' | 'enable');
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    // The quick fix's "REASON: …" prompt (or a bare "TODO") is not a reason until the author writes one.
    const written = (m[3] ?? '').trim();
    const reason = PLACEHOLDER_REASON.test(written) ? '' : written;
    const { line } = model.lines.point(c.start);
    const endLine = model.lines.point(c.end).line;
    const w: Waiver = { kind, rules, reason, start: c.start, end: c.end, line, from: line, to: line };
    if (kind === 'next-line') {
      w.from = endLine + 1;
      w.to = endLine + 1;
    } else if (kind === 'disable') {
      w.to = Number.MAX_SAFE_INTEGER;
      open.push(w);
    } else {
      for (const o of open) if (o.to === Number.MAX_SAFE_INTEGER && (rules.length === 0 || rules.some((r) => o.rules.length === 0 || o.rules.includes(r)))) o.to = line;
    }
    out.push(w);
  }
  return out;
}

/** The waiver (with a reason) that covers a diagnostic, if any. */
export function waiverFor(waivers: Waiver[], ruleId: string, line: number): Waiver | undefined {
  return waivers.find((w) => w.kind !== 'enable' && w.reason && line >= w.from && line <= w.to && (w.rules.length === 0 || w.rules.includes(ruleId)));
}
