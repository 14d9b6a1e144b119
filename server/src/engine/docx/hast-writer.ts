// mammoth's HTML as a hast tree built directly, in place of writing an HTML
// string and parsing it back (parse5 was a sixth of a conversion's time).
// mammoth writes through a writer object (open, close, text, selfClosing) that
// it picks by `outputFormat` (lib/writers/index.js): for outputFormat 'hast'
// this one builds the tree parse5 would have given for mammoth's HTML, so the
// rest of the conversion (html-to-markdown.ts) is unchanged: attributes become
// hast properties as hast-util-from-html names them, adjacent text joins,
// rows directly in a table go in a tbody, NUL becomes U+FFFD.
// tests/docx/hast-writer.test.js holds it to the string-and-parse path.
import type { Element, ElementContent, Properties, Root } from 'hast';

export const HAST_FORMAT = 'hast';

/** The writer interface mammoth calls (html-writer.js). */
interface MammothWriter {
  open(tagName: string, attributes?: Record<string, string>): void;
  close(tagName: string): void;
  text(value: string): void;
  selfClosing(tagName: string, attributes?: Record<string, string>): void;
  asString(): unknown;
  _append(html: string): void;
}

export function hastWriter(): MammothWriter {
  const root: Root = { type: 'root', children: [] };
  const stack: Array<Root | Element> = [root];
  const implied = new WeakSet<Element>();
  const top = () => stack[stack.length - 1];
  const add = (node: ElementContent) => {
    const parent = top();
    // A row straight in a table: the HTML parser puts it in a tbody.
    if (node.type === 'element' && node.tagName === 'tr' && parent.type === 'element' && parent.tagName === 'table') {
      const last = parent.children[parent.children.length - 1];
      let body = last?.type === 'element' && implied.has(last) ? last : undefined;
      if (!body) {
        body = element('tbody');
        implied.add(body);
        parent.children.push(body);
      }
      body.children.push(node);
      return;
    }
    (parent.children as ElementContent[]).push(node);
  };
  return {
    open(tagName, attributes) {
      const el = element(tagName, attributes);
      add(el);
      stack.push(el);
    },
    close() {
      if (stack.length > 1) stack.pop();
    },
    text(value) {
      if (!value) return;
      const parent = top();
      const last = parent.children[parent.children.length - 1];
      const text = value.includes('\u0000') ? value.replace(/\u0000/g, '\uFFFD') : value;
      if (last?.type === 'text') last.value += text;
      else add({ type: 'text', value: text });
    },
    selfClosing(tagName, attributes) {
      add(element(tagName, attributes));
    },
    asString: () => root,
    _append() {
      // only mammoth's pretty printer appends raw text
    },
  };
}

/** Attribute names as hast-util-from-html gives them (property-information's names and types). */
const PROPERTIES: Record<string, (v: string) => [string, Properties[string]]> = {
  class: (v) => ['className', v.split(/[ \t\n\f\r]+/).filter(Boolean)],
  colspan: (v) => ['colSpan', number(v)],
  rowspan: (v) => ['rowSpan', number(v)],
  checked: () => ['checked', true],
  start: (v) => ['start', number(v)],
};

function number(v: string): number | string {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

function element(tagName: string, attributes?: Record<string, string>): Element {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    const lower = name.toLowerCase();
    const as = PROPERTIES[lower];
    if (as) {
      const [key, v] = as(value);
      properties[key] = v;
    } else properties[lower] = value;
  }
  return { type: 'element', tagName: tagName.toLowerCase(), properties, children: [] };
}

/**
 * Makes mammoth write hast for outputFormat 'hast' (lib/writers/index.js
 * `writer`, looked up at each conversion); other formats as before. If
 * mammoth's layout ever changes, nothing is replaced and the caller gets
 * mammoth's HTML string, parsed as before.
 */
export function useHastWriter(writers: { writer?: unknown }): boolean {
  const original = writers.writer;
  if (typeof original !== 'function') return false;
  writers.writer = (options?: { outputFormat?: string }) => (options?.outputFormat === HAST_FORMAT ? hastWriter() : (original as (o?: unknown) => unknown)(options));
  return true;
}
