// The `text` handler mdast-util-to-markdown is given for Word documents: the
// library's own, except that a text none of the escaping patterns can touch
// is returned as it is, without running the library's `safe`. `safe` runs
// every pattern in scope (about 40: CommonMark's and GFM's) over every text,
// and the library calls the handler twice for most texts (once to peek at its
// first character): a fifth of a Word conversion's time went there.
//
// Why the shortcut gives exactly what `safe` gives. `safe` escapes only at
// positions inside the text (from the end of `before` to the start of
// `after`), each found by a pattern whose compiled expression matches there,
// and the escaped character is the pattern's `character`; when no position is
// found its output is the text with backslashes before punctuation doubled
// (`escapeBackslashes`, over the text and `after`), i.e. the text itself when
// neither holds a backslash. So the shortcut requires: no backslash in the
// text or `after`, and no in-scope pattern matching at a position inside the
// text. It checks the second with the patterns' own compiled expressions over
// the same `before + text + after`, skipping only patterns that cannot match
// inside the text: those whose character is not in it, and those that must
// follow a line ending (`atBreak`) when the text holds no line ending and the
// character is not the text's first after spaces, tabs and digits. Any doubt
// takes the library's own path. tests/docx/markdown-writer.test.js holds the
// output to the library's over the corpus and generated texts.
import { defaultHandlers, type Handle, type Info, type State, type Unsafe, type ConstructName } from 'mdast-util-to-markdown';
import type { Parents, Text } from 'mdast';

/** The in-scope patterns of one construct stack, per conversion (`state.unsafe` is that conversion's list). */
const inScope = new WeakMap<Unsafe[], Map<string, Unsafe[]>>();

export const text: Handle = (node: Text, parent: Parents | undefined, state: State, info: Info) => {
  if (untouched(node.value, state, info)) return node.value;
  return defaultHandlers.text(node, parent, state, info);
};

function untouched(value: string, state: State, info: Info): boolean {
  const before = info.before || '';
  const after = info.after || '';
  if (value.includes('\\') || after.includes('\\')) return false;
  const patterns = patternsInScope(state);
  const eol = /[\r\n]/.test(value);
  // The first character after leading spaces, tabs and digits: the only one an atBreak pattern can reach without a line ending in the text.
  const lead = /^[\t 0-9]*([^])/.exec(value)?.[1];
  const subject = before + value + after;
  const start = before.length;
  const end = start + value.length;
  for (const pattern of patterns) {
    const character = pattern.character;
    if (!character || !value.includes(character)) continue;
    if (pattern.atBreak && !eol && lead !== character) continue;
    // A pattern tied to the neighbouring node (beforeNode / afterNode): take the library's path.
    if (pattern.beforeNode || pattern.afterNode) return false;
    if (matchesInside(state.compilePattern(pattern), pattern, subject, start, end)) return false;
  }
  return true;
}

/** Whether the pattern's expression, scanned as `safe` scans it, escapes a position in [start, end). */
function matchesInside(expression: RegExp, pattern: Unsafe, subject: string, start: number, end: number): boolean {
  const hasBefore = Boolean(pattern.before || pattern.atBreak);
  expression.lastIndex = 0;
  let match: RegExpExecArray | null;
  let found = false;
  while ((match = expression.exec(subject))) {
    const position = match.index + (hasBefore ? match[1].length : 0);
    expression.lastIndex = Math.max(position, match.index + 1);
    if (position >= start && position < end) {
      found = true;
      break;
    }
  }
  expression.lastIndex = 0;
  return found;
}

function patternsInScope(state: State): Unsafe[] {
  let byStack = inScope.get(state.unsafe);
  if (!byStack) {
    byStack = new Map();
    inScope.set(state.unsafe, byStack);
  }
  const key = state.stack.join(' ');
  let patterns = byStack.get(key);
  if (!patterns) {
    patterns = state.unsafe.filter((p) => listInScope(state.stack, p.inConstruct, true) && !listInScope(state.stack, p.notInConstruct, false));
    byStack.set(key, patterns);
  }
  return patterns;
}

/** As the library's pattern-in-scope.js. */
function listInScope(stack: ConstructName[], list: Unsafe['inConstruct'], none: boolean): boolean {
  const names = typeof list === 'string' ? [list] : list;
  if (!names || names.length === 0) return none;
  return names.some((name) => stack.includes(name));
}
