// A fast reader for the XML of a Word package, in place of the one mammoth
// uses (@xmldom/xmldom, then a copy into mammoth's own tree): that pair was
// 45–50% of a conversion's time. It builds mammoth's tree directly, as
// mammoth's reader does (lib/xml/reader.js): elements named `prefix:local` by
// mammoth's namespace map (else `{uri}local`), attributes likewise, text with
// the five entities and character references decoded and line ends
// normalised, comments, processing instructions and CDATA left out (xmldom
// gives CDATA a node mammoth ignores). A DOCTYPE is skipped and defines
// nothing, so an entity it declares is an error, as with xmldom; nothing is
// ever expanded. Linear in the text. tests/docx/xml.test.js holds it to
// mammoth's own reader over real documents and malformed ones.

/** mammoth's tree node constructors (lib/xml/nodes.js), so elements keep its methods (first, firstOrEmpty, text …). */
interface MammothNodes {
  Element: new (name: string, attributes: Record<string, string>, children: unknown[]) => unknown;
  text: (value: string) => unknown;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';

/** Namespace prefix → URI in scope ('' is the default namespace). */
type Scope = Record<string, string | undefined>;

interface Open {
  qname: string;
  name: string;
  attributes: Record<string, string>;
  children: unknown[];
  scope: Scope;
  /** Names already converted in this scope: an element's qname, or a prefixed attribute's (the same conversion). */
  names: Map<string, string>;
}

const NAME = /[^\s/>=]+/y;

class XmlError extends Error {}

/**
 * How deep elements may nest. Word's deepest (a table in a cell of a table, a few levels down) is
 * some dozens; 160,000 levels (a hostile part) took time out of proportion to its length, and the
 * tree would overflow the stack of whatever walks it next.
 */
const MAX_DEPTH = 1000;

/** Parses `xml` into mammoth's element tree; throws an Error whose message says what is malformed. */
export function readXml(xml: string, namespaceMap: Record<string, string>, nodes: MammothNodes): unknown {
  const rootScope: Scope = Object.assign(Object.create(null) as Scope, { xml: XML, xmlns: XMLNS });
  const stack: Open[] = [];
  let root: unknown;
  let pos = 0;
  const n = xml.length;
  const fail = (why: string): never => {
    throw new XmlError(`the XML is not well-formed (${why}, at character ${pos})`);
  };
  const rootNames = new Map<string, string>();
  /** An element's name, or a prefixed attribute's, converted once per scope (a document uses a few dozen names thousands of times). */
  const convertName = (qname: string, scope: Scope, names: Map<string, string>): string => {
    let name = names.get(qname);
    if (name === undefined) {
      const colon = qname.indexOf(':');
      name = colon < 0 ? convert('', qname, scope, false) : convert(qname.slice(0, colon), qname.slice(colon + 1), scope, false);
      names.set(qname, name);
    }
    return name;
  };
  /** Past white space: what \s matches, as the reader always took (ASCII first, without a regular expression). */
  const skipSpace = (at: number): number => {
    for (;;) {
      const c = xml.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) at++;
      else if (c > 0x7f || c === 0x0b || c === 0x0c) {
        if (/\s/.test(xml[at])) at++;
        else return at;
      } else return at;
    }
  };
  const convert = (prefix: string, local: string, scope: Scope, attribute: boolean): string => {
    // An unprefixed attribute is in no namespace; an unbound prefix counts as none (as xmldom has it).
    const uri = attribute && !prefix ? undefined : scope[prefix];
    if (!uri) return local;
    const mapped = namespaceMap[uri];
    return mapped ? `${mapped}:${local}` : `{${uri}}${local}`;
  };

  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const end = lt < 0 ? n : lt;
    if (end > pos && stack.length) stack[stack.length - 1].children.push(nodes.text(decode(xml.slice(pos, end), fail)));
    if (lt < 0) break;
    pos = lt;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      pos = skipTo(xml, '?>', lt + 2, fail, 'a processing instruction is not closed');
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) pos = skipTo(xml, '-->', lt + 4, fail, 'a comment is not closed');
      else if (xml.startsWith('<![CDATA[', lt)) {
        if (!stack.length) fail('CDATA outside the root element');
        pos = skipTo(xml, ']]>', lt + 9, fail, 'a CDATA section is not closed');
      } else if (xml.startsWith('<!DOCTYPE', lt)) pos = skipDoctype(xml, lt + 9, fail);
      else fail('"<!" starts nothing XML knows');
    } else if (next === 0x2f /* / */) {
      const close = xml.indexOf('>', lt + 2);
      if (close < 0) fail('a closing tag is not closed');
      const qname = xml.slice(lt + 2, close).trim();
      const open = stack.pop();
      if (!open) fail(`</${qname.slice(0, 40)}> closes nothing`);
      if (open!.qname !== qname) fail(`</${qname.slice(0, 40)}> closes <${open!.qname.slice(0, 40)}>`);
      pos = close + 1;
      finish(open!);
    } else {
      pos = lt + 1;
      NAME.lastIndex = pos;
      const m = NAME.exec(xml);
      if (!m) fail('a tag has no name');
      const qname = m![0];
      pos = NAME.lastIndex;
      const raw: Array<[string, string]> = [];
      // Duplicates are looked for by scanning while there are few attributes, by a set beyond (linear on hostile tags).
      let seen: Set<string> | undefined;
      const parent = stack.length ? stack[stack.length - 1] : undefined;
      let scope = parent ? parent.scope : rootScope;
      let names = parent ? parent.names : rootNames;
      let own = false;
      let selfClosing = false;
      for (;;) {
        pos = skipSpace(pos);
        const c = xml.charCodeAt(pos);
        if (c === 0x3e /* > */) {
          pos++;
          break;
        }
        if (c === 0x2f /* / */ && xml.charCodeAt(pos + 1) === 0x3e) {
          pos += 2;
          selfClosing = true;
          break;
        }
        if (pos >= n) fail(`<${qname.slice(0, 40)}> is not closed`);
        NAME.lastIndex = pos;
        const a = NAME.exec(xml);
        if (!a) fail(`<${qname.slice(0, 40)}> has a malformed attribute`);
        pos = skipSpace(NAME.lastIndex);
        if (xml.charCodeAt(pos) !== 0x3d /* = */) fail(`the attribute ${a![0].slice(0, 40)} has no value`);
        pos = skipSpace(pos + 1);
        const quote = xml[pos];
        if (quote !== '"' && quote !== "'") fail(`the value of ${a![0].slice(0, 40)} is not quoted`);
        const close = xml.indexOf(quote, pos + 1);
        if (close < 0) fail(`the value of ${a![0].slice(0, 40)} is not closed`);
        const value = decode(xml.slice(pos + 1, close), fail, true);
        pos = close + 1;
        const name = a![0];
        if (raw.length >= 8) seen ??= new Set(raw.map(([k]) => k));
        if (seen ? seen.has(name) : raw.some(([k]) => k === name)) fail(`the attribute ${name.slice(0, 40)} is given twice`);
        seen?.add(name);
        raw.push([name, value]);
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          if (!own) {
            scope = Object.create(scope) as Scope;
            names = new Map();
            own = true;
          }
          scope[name === 'xmlns' ? '' : name.slice(6)] = value;
        }
      }
      const attributes = Object.create(null) as Record<string, string>;
      for (const [name, value] of raw) {
        const colon = name.indexOf(':');
        const key = name === 'xmlns' ? `{${XMLNS}}xmlns` : colon < 0 ? name : convertName(name, scope, names);
        attributes[key] = value;
      }
      const open: Open = { qname, name: convertName(qname, scope, names), attributes, children: [], scope, names };
      if (!stack.length && root !== undefined) fail('a second root element');
      if (selfClosing) finish(open);
      else if (stack.length >= MAX_DEPTH) throw new XmlError(`elements are nested more than ${MAX_DEPTH} deep, at character ${pos}: no Word document nests so`);
      else stack.push(open);
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].qname.slice(0, 40)}> is not closed`);
  if (root === undefined) fail('no root element');
  return root;

  function finish(open: Open): void {
    const element = new nodes.Element(open.name, open.attributes, open.children);
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
  }
}

function skipTo(xml: string, end: string, from: number, fail: (why: string) => never, why: string): number {
  const at = xml.indexOf(end, from);
  if (at < 0) fail(why);
  return at + end.length;
}

/** Past a DOCTYPE, its internal subset included; nothing in it is defined. */
function skipDoctype(xml: string, from: number, fail: (why: string) => never): number {
  let quote = '';
  let depth = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return fail('a DOCTYPE is not closed');
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_][\w.-]*));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Character data as text: line ends normalised (an attribute's white space
 * becomes spaces), references decoded. An `&` that starts no reference is
 * itself; a named entity other than the five is an error (nothing declares one).
 */
function decode(raw: string, fail: (why: string) => never, attribute = false): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (attribute && /[\t\n]/.test(s)) s = s.replace(/[\t\n]/g, ' ');
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? fail(`entity not found: ${whole.slice(0, 40)}`);
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return Number.isSafeInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : fail(`a character reference out of range: ${whole.slice(0, 40)}`);
  });
}

/**
 * Puts readXml in place of mammoth's XML reader (lib/xml/index.js `readString`,
 * which mammoth's readers look up at each call). If mammoth's layout ever
 * changes, nothing is replaced and mammoth reads as before, only slower.
 */
export function useFastXmlReader(xmlModule: { readString?: unknown }, nodes: MammothNodes): boolean {
  if (typeof xmlModule.readString !== 'function' || typeof nodes?.Element !== 'function' || typeof nodes.text !== 'function') return false;
  xmlModule.readString = (xml: string, namespaceMap?: Record<string, string>) => {
    try {
      return Promise.resolve(readXml(xml, namespaceMap ?? {}, nodes));
    } catch (err) {
      return Promise.reject(err);
    }
  };
  return true;
}

/** mammoth's XML element as collapseAlternateContent sees it. */
interface MammothElement {
  type: string;
  name?: string;
  children: MammothElement[];
  firstOrEmpty(name: string): { children: MammothElement[] };
}

/**
 * mammoth's office-xml-reader.js `collapseAlternateContent`, in place: an
 * mc:AlternateContent element gives way to the children of its first
 * mc:Fallback (those not looked into again, as there). mammoth rebuilds every
 * element's child list through underscore's flatten: 4% of a conversion.
 * Returns the list the root stands for, as mammoth's does.
 */
export function collapseAlternateContent(node: MammothElement): MammothElement[] {
  if (node.type !== 'element') return [node];
  if (node.name === 'mc:AlternateContent') return node.firstOrEmpty('mc:Fallback').children;
  collapseChildren(node);
  return [node];
}

function collapseChildren(node: MammothElement): void {
  const children = node.children;
  let out: MammothElement[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'element' && child.name === 'mc:AlternateContent') {
      out ??= children.slice(0, i);
      out.push(...child.firstOrEmpty('mc:Fallback').children);
    } else {
      if (child.type === 'element') collapseChildren(child);
      out?.push(child);
    }
  }
  if (out) node.children = out;
}

/**
 * Puts collapseAlternateContent in mammoth's office-xml-reader.js
 * `readXmlFromZipFile` (which docx-reader.js takes when it loads: call this
 * before mammoth is required). The rest is mammoth's: the part read if it
 * exists, a BOM dropped, read with the namespace map it passes to `readString`.
 */
export function useFastAlternateContent(officeXmlReader: { readXmlFromZipFile?: unknown; read?: unknown }, xmlModule: { readString?: unknown }): boolean {
  if (typeof officeXmlReader.readXmlFromZipFile !== 'function' || typeof officeXmlReader.read !== 'function' || typeof xmlModule.readString !== 'function') return false;
  // mammoth's namespace map, as its `read` passes it (captured from one call, so it is never copied here).
  let namespaceMap: Record<string, string> | undefined;
  const readString = xmlModule.readString as (xml: string, map?: Record<string, string>) => Promise<unknown>;
  xmlModule.readString = (xml: string, map?: Record<string, string>) => {
    if (xml === '<a/>' && map) namespaceMap = map;
    return readString(xml, map);
  };
  (officeXmlReader.read as (xml: string) => Promise<unknown>)('<a/>');
  xmlModule.readString = readString;
  if (!namespaceMap) return false;
  const map = namespaceMap;
  officeXmlReader.readXmlFromZipFile = (docxFile: { exists(path: string): boolean; read(path: string, encoding: string): Promise<string> }, path: string) => {
    if (!docxFile.exists(path)) return Promise.resolve(null);
    return docxFile
      .read(path, 'utf-8')
      .then((xml) => (xmlModule.readString as typeof readString)(xml.replace(/^\uFEFF/g, ''), map))
      .then((document) => collapseAlternateContent(document as MammothElement)[0]);
  };
  return true;
}
