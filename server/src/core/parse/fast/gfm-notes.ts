// GFM footnotes and task list items as micromark's extensions read them, for
// the plain forms strategies write: `[^label]` calls and `[^label]: text`
// definitions whose label has no spaces, brackets or backslashes, and a `[ ]`
// or `[x]` opening the first paragraph of a list item. Anything else answers
// undefined (the caller gives up).
import type { FNode } from './nodes';

/** micromark's footnote label limit (gfmFootnoteCall, gfmFootnoteDefinition). */
const MAX_LABEL = 999;

/**
 * The `[^label]` at `at` (which holds `[`, then `^`): the offset after its `]`
 * and the label; undefined when the label is not in the plain form (empty,
 * spaces, a line ending, `[`, `\`, too long: micromark may read those otherwise).
 */
export function footnoteLabel(v: string, at: number, end: number): { end: number; label: string } | undefined {
  for (let k = at + 2; k < end && k - at - 2 <= MAX_LABEL; k++) {
    const c = v.charCodeAt(k);
    if (c === 93) return k > at + 2 ? { end: k + 1, label: v.slice(at + 2, k) } : undefined;
    if (c === 91 || c === 92 || c <= 32) return undefined;
  }
  return undefined;
}

/**
 * A footnote definition opening at q (which holds `[^`): its label and the
 * offset of its content (after the spaces that follow `:`); null when the line
 * is surely none, undefined when unsure (odd label, nothing after the colon).
 */
export function footnoteStart(src: string, q: number, le: number): { label: string; content: number } | null | undefined {
  const l = footnoteLabel(src, q, le);
  if (!l) return src.slice(q, le).includes(']:') ? undefined : null;
  if (src.charCodeAt(l.end) !== 58) return null;
  let k = l.end + 1;
  while (k < le && src.charCodeAt(k) === 32) k++;
  // A tab, or a definition empty on its first line (its end then takes in the spaces): not followed.
  if (k === le || src.charCodeAt(k) === 9) return undefined;
  return { label: l.label, content: k };
}

/**
 * Whether a list item's first paragraph, starting at `s` (its first range
 * `s`…`e`; `more` when it has further lines), opens with a task check: `[ ]`,
 * `[x]` or `[X]`, then a line ending, or spaces and something before the end.
 */
export function isTaskCheck(src: string, s: number, e: number, more: boolean): boolean {
  if (src.charCodeAt(s) !== 91 || src.charCodeAt(s + 2) !== 93 || e - s < 3) return false;
  const v = src.charCodeAt(s + 1);
  if (v !== 32 && v !== 120 && v !== 88) return false;
  if (s + 3 === e) return more;
  if (src.charCodeAt(s + 3) !== 32) return false;
  return more || /[^ ]/.test(src.slice(s + 3, e));
}

/**
 * mdast-util-gfm-task-list-item's paragraph exit: the check is no node; the
 * first text after it loses its first character (the space or line ending),
 * and the paragraph then starts where that text does (unless it is gone).
 */
export function dropTaskCheck(para: FNode, kids: FNode[]): FNode[] {
  const head = kids[0];
  if (!head || head.type !== 'text') return kids;
  head.value = head.value!.slice(1);
  if (!head.value) return kids.slice(1);
  head.position.start.offset++;
  para.position.start.offset = head.position.start.offset;
  return kids;
}
