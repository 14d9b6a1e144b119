// Inline content of one paragraph, heading or table cell, following micromark's
// rules for text, escapes, character references, code spans, emphasis (its
// attention resolver, which compares the delimiter runs' current lengths in the
// rule of three), inline links and images, references to the chunk's
// definitions, autolinks, HTML comments and tags. It answers undefined for
// anything else it meets (link forms beyond the simple ones, multi-line code
// spans and tags, declarations, GFM literals in text), and the caller then has
// micromark parse that one block.
import { characterReference, charClass, isAsciiPunctuation } from './chars';
import { node, valueNode, type FNode } from './nodes';
import { footnoteLabel } from './gfm-notes';
import { lastAtOrBefore } from '../../sorted';

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
  /** Offset of its `[`, or of the `!` of an image's `![`. */
  vs: number;
  image: boolean;
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
// Content GFM would turn into autolinks or strikethrough. Strikethrough is
// syntax, so looked for in the source; the literals are looked for in the text
// around the constructs that consume them (autolinks, link destinations, code,
// HTML), which is where GFM finds them. Footnote calls are read where met.
// An email literal needs a dot in the domain right after its "@" (micromark's
// tokenizer and mdast's find both), so "@" alone ("@home", "a@dŵr.uk") is text.
const GFM_SYNTAX = /~/;
const GFM_LITERAL = /@[\w.-]*\.|www\.|https?:|mailto:|xmpp:/i;
const MAX_DELIMS = 200;

/**
 * Parses inline content made of source ranges `segs` = [start0, end0, start1, end1, …]
 * (one per line; a range ends before its line ending, which directly follows in `src`).
 * Trailing whitespace of the last range is ignored. Returns mdast children with
 * source offsets, or undefined when micromark must decide.
 */
export function parseInline(src: string, segs: number[], gfm: boolean, defined: ReadonlySet<string> = NONE, notes: ReadonlySet<string> = NONE): FNode[] | undefined {
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
  if (gfm && GFM_SYNTAX.test(v)) return undefined;
  // All text outside consumed constructs, for the GFM literal check at the end.
  let seen = '';

  const toSrc = (k: number): number => {
    const lo = lastAtOrBefore(vStarts.length, (i) => vStarts[i], k);
    return segs[2 * lo] + (k - vStarts[lo]);
  };

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
    if (gfm) seen += value;
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
        if (gfm && v.charCodeAt(i + 1) === 94) {
          // A footnote call (tried before a link): `[^label]` with the label defined in the chunk.
          // Otherwise micromark's call fails and the `[` opens a link label like any other (below).
          const call = footnoteLabel(v, i, end);
          if (call && notes.has(normalizeIdentifier(call.label))) {
            flush(i);
            items.push({ t: T.Node, node: { type: 'footnoteReference', vs: i, ve: call.end } });
            i = call.end;
            break;
          }
        }
        flush(i);
        const b: Bracket = { t: T.Bracket, vs: i, image: false, at: items.length, inactive: false, balanced: false };
        items.push(b);
        brackets.push(b);
        i++;
        break;
      }
      case 93: {
        // micromark's label end: the nearest opener not yet balanced.
        while (brackets.length && brackets[brackets.length - 1].balanced) brackets.pop();
        const opener = brackets[brackets.length - 1];
        const found = opener && !opener.inactive ? labelEnd(v, i, end, opener, defined) : null;
        if (found === undefined) return undefined;
        if (!found) {
          if (opener) opener.balanced = true;
          addText(']', i);
          i++;
          break;
        }
        flush(i);
        const children = resolveEmphasis(items.slice(opener.at + 1));
        items.length = opener.at;
        const n: VNode = { type: found.type, vs: opener.vs, ve: found.end };
        // An image's text is its alt, which the tree keeps as a string, not as children.
        if (!opener.image) n.children = children;
        if (found.url !== undefined) n.url = found.url;
        items.push({ t: T.Node, node: n });
        brackets.pop();
        // No links inside links: a link (not an image) makes every earlier link opener inactive.
        if (!opener.image) for (const b of brackets) if (!b.image) b.inactive = true;
        i = found.end;
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
        // micromark tries an autolink first, then an HTML tag.
        const auto = autolink(v, i, end);
        if (auto) {
          flush(i);
          const label: Text = { t: T.Text, vs: i + 1, ve: auto.end - 1, value: v.slice(i + 1, auto.end - 1) };
          items.push({ t: T.Node, node: { type: 'link', vs: i, ve: auto.end, url: auto.url, children: [label] } });
          i = auto.end;
          break;
        }
        const tag = htmlTag(v, i, end);
        if (tag < 0) return undefined;
        if (tag > 0) {
          flush(i);
          items.push({ t: T.Node, node: { type: 'html', vs: i, ve: tag, value: v.slice(i, tag) } });
          i = tag;
          break;
        }
        addText('<', i);
        i++;
        break;
      }
      case 33: {
        // `![^1]` is a `!` and a footnote call, by a resolver not followed here.
        if (gfm && v.charCodeAt(i + 1) === 91 && v.charCodeAt(i + 2) === 94) return undefined;
        if (v.charCodeAt(i + 1) === 91) {
          flush(i);
          const b: Bracket = { t: T.Bracket, vs: i, image: true, at: items.length, inactive: false, balanced: false };
          items.push(b);
          brackets.push(b);
          i += 2;
          break;
        }
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
  if (gfm && GFM_LITERAL.test(seen)) return undefined;
  return toNodes(resolveEmphasis(items), toSrc);
}

const NONE: ReadonlySet<string> = new Set();

/** micromark's normalizeIdentifier: how a label is matched to a definition. */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

interface LabelEnd {
  type: 'link' | 'image' | 'linkReference' | 'imageReference';
  end: number;
  url?: string;
}

/**
 * What the `]` at `at` closes with `opener` (micromark's label end): a resource,
 * a full, collapsed or shortcut reference to a defined label, or null (the `]`
 * is text); undefined when unsure.
 */
function labelEnd(v: string, at: number, end: number, opener: Bracket, defined: ReadonlySet<string>): LabelEnd | null | undefined {
  const isDefined = defined.size > 0 && defined.has(normalizeIdentifier(v.slice(opener.vs + (opener.image ? 2 : 1), at)));
  const ref = opener.image ? 'imageReference' : 'linkReference';
  const next = v.charCodeAt(at + 1);
  if (next === 40 && at + 1 < end) {
    const res = resource(v, at + 1, end);
    // A failed resource is a shortcut reference when the label is defined, but
    // resource() also fails on forms it does not know: unsure either way.
    if (!res) return undefined;
    return { type: opener.image ? 'image' : 'link', end: res.end, url: res.url };
  }
  if (next === 91 && at + 1 < end) {
    const full = referenceLabel(v, at + 1, end);
    if (full === undefined) return undefined;
    if (full && defined.has(normalizeIdentifier(v.slice(at + 2, full - 1)))) return { type: ref, end: full };
    if (!isDefined) return null;
    // A defined label after a failed full reference: collapsed (`[]`) or nothing.
    return v.charCodeAt(at + 2) === 93 && at + 2 < end ? { type: ref, end: at + 3 } : null;
  }
  return isDefined ? { type: ref, end: at + 1 } : null;
}

/**
 * micromark's factoryLabel from the `[` at `at`: the offset after its `]`, null
 * when there is no label, undefined when unsure (line endings, very long labels).
 */
function referenceLabel(v: string, at: number, end: number): number | null | undefined {
  let seen = false;
  for (let k = at + 1; k < end; k++) {
    if (k - at > 900) return undefined;
    const c = v.charCodeAt(k);
    if (c === 91) return null;
    if (c === 93) return seen ? k + 1 : null;
    if (c === 10 || c === 13) return undefined;
    if (c !== 32 && c !== 9) seen = true;
    if (c === 92) {
      const n = v.charCodeAt(k + 1);
      if ((n === 91 || n === 92 || n === 93) && k + 1 < end) k++;
    }
  }
  return null;
}

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isAlpha(c) || (c >= 48 && c <= 57);
/** micromark's asciiAtext: [#-'*+\--9=?A-Z^-~]. */
const isAtext = (c: number) => (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);
const isSchemeChar = (c: number) => c === 43 || c === 45 || c === 46 || isAlnum(c);

/**
 * micromark's autolink from the `<` at `at`, state by state: `<scheme:…>` (a
 * scheme of 2 to 32 characters, then no spaces, controls or `<`) or `<email>`.
 * Returns its end and URL, or null. Nothing in it spans lines (a line ending is
 * a control character), so the range's end stands for micromark's end of file.
 */
function autolink(v: string, at: number, end: number): { end: number; url: string } | null {
  let k = at + 1;
  const email = (from: number): { end: number; url: string } | null => {
    let j = from;
    while (j < end && isAtext(v.charCodeAt(j))) j++;
    if (j >= end || v.charCodeAt(j) !== 64) return null;
    j++;
    // Labels of letters, digits and inner dashes (at most 63), split by dots.
    for (;;) {
      if (j >= end || !isAlnum(v.charCodeAt(j))) return null;
      let size = 0;
      for (;;) {
        const c = v.charCodeAt(j);
        if (j < end && (c === 45 || isAlnum(c)) && size++ < 63) {
          j++;
          continue;
        }
        break;
      }
      if (v.charCodeAt(j - 1) === 45) return null;
      const c = v.charCodeAt(j);
      if (j < end && c === 46) {
        j++;
        continue;
      }
      if (j < end && c === 62) return { end: j + 1, url: `mailto:${v.slice(at + 1, j)}` };
      return null;
    }
  };
  if (k >= end) return null;
  const c = v.charCodeAt(k);
  if (!isAlpha(c)) return c === 64 ? null : email(k);
  k++;
  if (k >= end || !isSchemeChar(v.charCodeAt(k))) return email(k);
  let size = 1;
  for (;;) {
    if (k >= end) return null;
    const d = v.charCodeAt(k);
    if (d === 58) break;
    if (isSchemeChar(d) && size++ < 32) {
      k++;
      continue;
    }
    return email(k);
  }
  for (k++; k < end; k++) {
    const d = v.charCodeAt(k);
    if (d === 62) return { end: k + 1, url: v.slice(at + 1, k) };
    if (d <= 32 || d === 60 || d === 127) return null;
  }
  return null;
}

const isSpaceOrTab = (c: number) => c === 32 || c === 9;
const isEol = (c: number) => c === 10 || c === 13;

/**
 * micromark's HTML text for an open or closing tag at `at` (which holds `<`; a
 * comment is handled before): its end, 0 when it is no tag (the `<` is text),
 * -1 when unsure (a tag over lines, declarations, instructions, CDATA).
 */
function htmlTag(v: string, at: number, end: number): number {
  let k = at + 1;
  const c = v.charCodeAt(k);
  if (c === 33 || c === 63) return -1;
  if (c === 47) {
    k++;
    if (k >= end || !isAlpha(v.charCodeAt(k))) return 0;
    while (k < end && (v.charCodeAt(k) === 45 || isAlnum(v.charCodeAt(k)))) k++;
    while (k < end && isSpaceOrTab(v.charCodeAt(k))) k++;
    if (k < end && isEol(v.charCodeAt(k))) return -1;
    return k < end && v.charCodeAt(k) === 62 ? k + 1 : 0;
  }
  if (k >= end || !isAlpha(c)) return 0;
  while (k < end && (v.charCodeAt(k) === 45 || isAlnum(v.charCodeAt(k)))) k++;
  if (k >= end) return 0;
  let d = v.charCodeAt(k);
  if (d !== 47 && d !== 62 && !isSpaceOrTab(d) && !isEol(d)) return 0;
  // Between attributes.
  for (;;) {
    if (k >= end) return 0;
    d = v.charCodeAt(k);
    if (isEol(d)) return -1;
    if (isSpaceOrTab(d)) {
      k++;
      continue;
    }
    if (d === 47) return k + 1 < end && v.charCodeAt(k + 1) === 62 ? k + 2 : 0;
    if (d === 62) return k + 1;
    if (!(d === 58 || d === 95 || isAlpha(d))) return 0;
    // An attribute name, then maybe a value.
    k++;
    while (k < end && (d = v.charCodeAt(k)) && (d === 45 || d === 46 || d === 58 || d === 95 || isAlnum(d))) k++;
    while (k < end && isSpaceOrTab(v.charCodeAt(k))) k++;
    if (k < end && isEol(v.charCodeAt(k))) return -1;
    if (k >= end || v.charCodeAt(k) !== 61) continue;
    k++;
    while (k < end && isSpaceOrTab(v.charCodeAt(k))) k++;
    if (k >= end) return 0;
    d = v.charCodeAt(k);
    if (isEol(d)) return -1;
    if (d === 60 || d === 61 || d === 62 || d === 96) return 0;
    if (d === 34 || d === 39) {
      const close = v.indexOf(v[k], k + 1);
      const eol = v.slice(k + 1, close < 0 ? end : close).search(/[\r\n]/);
      if (eol >= 0) return -1;
      if (close < 0 || close >= end) return 0;
      k = close + 1;
      if (k >= end) return 0;
      d = v.charCodeAt(k);
      if (d !== 47 && d !== 62 && !isSpaceOrTab(d) && !isEol(d)) return 0;
      continue;
    }
    for (k++; k < end; k++) {
      d = v.charCodeAt(k);
      if (d === 34 || d === 39 || d === 60 || d === 61 || d === 96) return 0;
      if (d === 47 || d === 62 || isSpaceOrTab(d) || isEol(d)) break;
    }
  }
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
    else if (it.t === T.Bracket) text(it.vs, it.vs + (it.image ? 2 : 1), it.image ? '![' : '[');
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
