// Inline content of one paragraph, heading or table cell, following micromark's
// rules for text, escapes, character references, code spans, emphasis (its
// attention resolver, which compares the delimiter runs' current lengths in the
// rule of three), inline links and HTML comments. It answers undefined for
// anything else it meets (images, autolinks, other inline HTML, link forms
// beyond the simple ones, multi-line code spans, GFM literals), and the caller
// then has micromark parse that one block.
import { characterReference, charClass, isAsciiPunctuation } from './chars';
import { node, valueNode, type FNode } from './nodes';

const enum T {
  Text,
  Delim,
  Bracket,
  Node,
}

interface Text {
  t: T.Text;
  vs: number;
  ve: number;
  value: string;
}
interface Delim {
  t: T.Delim;
  ch: number;
  vs: number;
  ve: number;
  count: number;
  open: boolean;
  close: boolean;
}
interface Bracket {
  t: T.Bracket;
  vs: number;
  /** Its index in the item list. */
  at: number;
  inactive: boolean;
  balanced: boolean;
}
interface NodeItem {
  t: T.Node;
  node: VNode;
}
type Item = Text | Delim | Bracket | NodeItem;

/** A node with virtual offsets, mapped to source offsets at the end. */
interface VNode {
  type: string;
  vs: number;
  ve: number;
  value?: string;
  url?: string;
  children?: Item[];
}

/** Characters that may start inline syntax (backslash, &, `, *, _, brackets, <, !) and line endings. */
const SPECIAL: readonly boolean[] = Array.from({ length: 128 }, (_, c) => '\\&`*_[]<!\n\r'.includes(String.fromCharCode(c)));
const isSpecial = (c: number) => c < 128 && SPECIAL[c];
// Content GFM would turn into autolinks, strikethrough or footnote calls.
const GFM_LITERAL = /[~@]|www\.|https?:|mailto:|xmpp:|\[\^/i;
const MAX_DELIMS = 200;

/**
 * Parses inline content made of source ranges `segs` = [start0, end0, start1, end1, …]
 * (one per line; a range ends before its line ending, which directly follows in `src`).
 * Trailing whitespace of the last range is ignored. Returns mdast children with
 * source offsets, or undefined when micromark must decide.
 */
export function parseInline(src: string, segs: number[], gfm: boolean): FNode[] | undefined {
  // The virtual text: each range plus its line ending, so offsets map back piecewise.
  let v: string;
  const vStarts: number[] = [];
  if (segs.length === 2) {
    v = src.slice(segs[0], segs[1]);
    vStarts.push(0);
  } else {
    const parts: string[] = [];
    let len = 0;
    for (let i = 0; i < segs.length; i += 2) {
      let e = segs[i + 1];
      if (i + 2 < segs.length) e += src.charCodeAt(e) === 13 && src.charCodeAt(e + 1) === 10 ? 2 : 1;
      vStarts.push(len);
      parts.push(src.slice(segs[i], e));
      len += e - segs[i];
    }
    v = parts.join('');
  }
  const multiline = segs.length > 2;
  let end = v.length;
  while (end > 0 && v.charCodeAt(end - 1) === 32) end--;
  if (gfm && GFM_LITERAL.test(v)) return undefined;

  const toSrc = (k: number): number => {
    let lo = 0;
    let hi = vStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (vStarts[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return segs[2 * lo] + (k - vStarts[lo]);
  };
  const lastGt = v.lastIndexOf('>');

  const items: Item[] = [];
  const brackets: Bracket[] = [];
  let delims = 0;
  let text = '';
  let textStart = -1;
  const flush = (at: number) => {
    if (textStart >= 0) {
      if (text) items.push({ t: T.Text, vs: textStart, ve: at, value: text });
      text = '';
      textStart = -1;
    }
  };
  const addText = (value: string, at: number) => {
    if (textStart < 0) textStart = at;
    text += value;
  };

  let i = 0;
  while (i < end) {
    let next = i;
    while (next < end && !isSpecial(v.charCodeAt(next))) next++;
    if (next > i) {
      addText(v.slice(i, next), i);
      i = next;
      if (i >= end) break;
    }
    const c = v.charCodeAt(i);
    switch (c) {
      case 92: {
        // Backslash: escape, hard break before a line ending, else literal.
        const n = v.charCodeAt(i + 1);
        if ((n === 10 || n === 13) && i + 1 < end) {
          flush(i);
          const after = n === 13 && v.charCodeAt(i + 2) === 10 ? i + 3 : i + 2;
          items.push({ t: T.Node, node: { type: 'break', vs: i, ve: after } });
          i = after;
        } else if (i + 1 < end && isAsciiPunctuation(n)) {
          addText(v[i + 1], i);
          i += 2;
        } else {
          addText('\\', i);
          i++;
        }
        break;
      }
      case 38: {
        const ref = characterReference(v, i);
        if (ref === undefined || (ref && ref.end > end)) return undefined;
        if (ref) {
          addText(ref.value, i);
          i = ref.end;
        } else {
          addText('&', i);
          i++;
        }
        break;
      }
      case 96: {
        let n = i;
        while (v.charCodeAt(n) === 96) n++;
        const size = n - i;
        const close = closingBackticks(v, n, size, end);
        if (close < 0) {
          // micromark's failed look-ahead over a line ending shifts later offsets: not ours.
          if (multiline) return undefined;
          addText(v.slice(i, n), i);
          i = n;
          break;
        }
        let content = v.slice(n, close);
        if (/[\r\n]/.test(content)) return undefined;
        if (content.length > 1 && content.charCodeAt(0) === 32 && content.charCodeAt(content.length - 1) === 32 && /[^ ]/.test(content)) {
          content = content.slice(1, -1);
        }
        flush(i);
        items.push({ t: T.Node, node: { type: 'inlineCode', vs: i, ve: close + size, value: content } });
        i = close + size;
        break;
      }
      case 42:
      case 95: {
        let n = i;
        while (v.charCodeAt(n) === c) n++;
        if (++delims > MAX_DELIMS) return undefined;
        const before = charClass(i > 0 ? v.charCodeAt(i - 1) : NaN);
        const after = charClass(n < v.length ? v.charCodeAt(n) : NaN);
        const open = after === 0 || (after === 2 && before !== 0);
        const close = before === 0 || (before === 2 && after !== 0);
        flush(i);
        items.push({
          t: T.Delim,
          ch: c,
          vs: i,
          ve: n,
          count: n - i,
          open: c === 42 ? open : open && (before !== 0 || !close),
          close: c === 42 ? close : close && (after !== 0 || !open),
        });
        i = n;
        break;
      }
      case 91: {
        flush(i);
        const b: Bracket = { t: T.Bracket, vs: i, at: items.length, inactive: false, balanced: false };
        items.push(b);
        brackets.push(b);
        i++;
        break;
      }
      case 93: {
        while (brackets.length && brackets[brackets.length - 1].balanced) brackets.pop();
        const opener = brackets[brackets.length - 1];
        if (multiline && v.charCodeAt(i + 1) === 91) return undefined; // a reference look-ahead
        if (!opener || opener.inactive || v.charCodeAt(i + 1) !== 40) {
          if (opener) opener.balanced = true;
          addText(']', i);
          i++;
          break;
        }
        const res = resource(v, i + 1, end);
        if (!res) return undefined;
        flush(i);
        const children = resolveEmphasis(items.slice(opener.at + 1));
        items.length = opener.at;
        items.push({ t: T.Node, node: { type: 'link', vs: opener.vs, ve: res.end, url: res.url, children } });
        // No links inside links: every earlier opener is spent, and a later `]`
        // finding none is as literal as one finding a spent one.
        brackets.length = 0;
        i = res.end;
        break;
      }
      case 60: {
        if (v.startsWith('<!--', i)) {
          const close = v.indexOf('-->', i + 2);
          if (close < 0 || close + 3 > end || /[\r\n]/.test(v.slice(i, close))) return undefined;
          flush(i);
          items.push({ t: T.Node, node: { type: 'html', vs: i, ve: close + 3, value: v.slice(i, close + 3) } });
          i = close + 3;
          break;
        }
        // Tags, autolinks, declarations: micromark's. An email autolink needs a `>` later on.
        const n = v.charCodeAt(i + 1);
        if (/[A-Za-z!?/]/.test(v[i + 1] ?? '')) return undefined;
        if (i + 1 < end && n !== 32 && n !== 10 && n !== 13 && lastGt > i) return undefined;
        addText('<', i);
        i++;
        break;
      }
      case 33: {
        if (v.charCodeAt(i + 1) === 91) return undefined; // image
        addText('!', i);
        i++;
        break;
      }
      default: {
        // A line ending: strip the line's trailing spaces; two or more make a hard break.
        let s = 0;
        while (v.charCodeAt(i - 1 - s) === 32) s++;
        const after = c === 13 && v.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        if (s > 0) {
          text = text.slice(0, text.length - s);
          if (!text) textStart = -1;
        }
        if (s >= 2) {
          flush(i - s);
          items.push({ t: T.Node, node: { type: 'break', vs: i - s, ve: after } });
        } else {
          addText(v.slice(i, after), i);
        }
        i = after;
      }
    }
  }
  flush(end);
  return toNodes(resolveEmphasis(items), toSrc);
}

/** Start of the closing run of exactly `size` backticks at or after `from`, or -1. */
function closingBackticks(v: string, from: number, size: number, end: number): number {
  let at = v.indexOf('`', from);
  while (at >= 0 && at < end) {
    let n = at;
    while (v.charCodeAt(n) === 96) n++;
    if (n - at === size && n <= end) return at;
    at = v.indexOf('`', n);
  }
  return -1;
}

/**
 * `(url)` or `(url "title")` at `at` (which holds `(`), in the plain forms only:
 * no angle brackets, parentheses, spaces or line endings in the URL, a title
 * without quotes, escapes or references. Anything else answers null (unsure).
 */
function resource(v: string, at: number, end: number): { url: string; end: number } | null {
  let i = at + 1;
  while (v.charCodeAt(i) === 32) i++;
  let url = '';
  let seg = i;
  for (; i < end; i++) {
    const c = v.charCodeAt(i);
    if (c <= 32 || c === 40 || c === 41 || c === 60 || c === 127) break;
    if (c === 92) {
      const n = v.charCodeAt(i + 1);
      if (isAsciiPunctuation(n)) {
        url += v.slice(seg, i) + v[i + 1];
        seg = ++i + 1;
      }
    } else if (c === 38) {
      const ref = characterReference(v, i);
      if (ref === undefined) return null;
      if (ref) {
        url += v.slice(seg, i) + ref.value;
        i = ref.end - 1;
        seg = ref.end;
      }
    }
  }
  url += v.slice(seg, i);
  const destEnd = i;
  while (v.charCodeAt(i) === 32) i++;
  const q = v.charCodeAt(i);
  if ((q === 34 || q === 39) && i > destEnd && destEnd > at + 1) {
    const close = v.indexOf(v[i], i + 1);
    if (close < 0 || close >= end || /[\\&\r\n]/.test(v.slice(i + 1, close))) return null;
    i = close + 1;
    while (v.charCodeAt(i) === 32) i++;
  }
  if (v.charCodeAt(i) !== 41 || i >= end) return null;
  return { url, end: i + 1 };
}

/** micromark's attention resolver over one run of items: pairs `*`/`_` runs into emphasis and strong. */
function resolveEmphasis(list: Item[]): Item[] {
  let i = 0;
  while (i < list.length) {
    const closer = list[i];
    if (closer.t !== T.Delim || !closer.close) {
      i++;
      continue;
    }
    let found = -1;
    for (let j = i - 1; j >= 0; j--) {
      const o = list[j];
      if (o.t !== T.Delim || !o.open || o.ch !== closer.ch) continue;
      if ((o.close || closer.open) && closer.count % 3 !== 0 && (o.count + closer.count) % 3 === 0) continue;
      found = j;
      break;
    }
    if (found < 0) {
      i++;
      continue;
    }
    const opener = list[found] as Delim;
    const use = opener.count > 1 && closer.count > 1 ? 2 : 1;
    opener.count -= use;
    opener.ve -= use;
    closer.count -= use;
    closer.vs += use;
    const group: NodeItem = {
      t: T.Node,
      node: { type: use === 2 ? 'strong' : 'emphasis', vs: opener.ve, ve: closer.vs, children: list.slice(found + 1, i) },
    };
    const repl: Item[] = [];
    if (opener.count > 0) repl.push(opener);
    repl.push(group);
    if (closer.count > 0) repl.push(closer);
    list.splice(found, i - found + 1, ...repl);
    i = found + (opener.count > 0 ? 2 : 1);
  }
  return list;
}

/** Items to mdast nodes with source offsets; adjacent text merges as in mdast-util-from-markdown. */
function toNodes(list: Item[], toSrc: (k: number) => number): FNode[] {
  const out: FNode[] = [];
  let last: FNode | undefined;
  const text = (vs: number, ve: number, value: string) => {
    if (last && last.type === 'text') {
      last.value += value;
      last.position.end.offset = toSrc(ve - 1) + 1;
    } else {
      last = valueNode('text', toSrc(vs), toSrc(ve - 1) + 1, value);
      out.push(last);
    }
  };
  for (const it of list) {
    if (it.t === T.Text) text(it.vs, it.ve, it.value);
    else if (it.t === T.Delim) text(it.vs, it.ve, String.fromCharCode(it.ch).repeat(it.count));
    else if (it.t === T.Bracket) text(it.vs, it.vs + 1, '[');
    else {
      const n = it.node;
      const f = node(n.type, toSrc(n.vs), toSrc(n.ve - 1) + 1, n.children ? toNodes(n.children, toSrc) : undefined);
      if (n.value !== undefined) f.value = n.value;
      if (n.url !== undefined) f.url = n.url;
      out.push(f);
      last = f;
    }
  }
  return out;
}
