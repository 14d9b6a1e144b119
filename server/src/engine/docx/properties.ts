// A Word document's properties as the YAML front matter of its Markdown
// rendering, so a Word strategy can say what a Markdown one says in front
// matter (its linked EqIA, its WCC tags, an EqIA as a map): the title and
// author from docProps/core.xml, then every custom property from
// docProps/custom.xml (File › Info › Properties › Advanced › Custom). A
// property name with dots nests ("eqia.age" is `age` under `eqia`); where every
// name under one key is a number ("wcc.1", "wcc.2") the key holds a list.
// Read with plain patterns over the XML (no entity expansion), capped.
import { stringify } from 'yaml';

/** Reads a part's XML text, or undefined when the package has no such part. */
export type PartReader = (name: string) => string | undefined;

const MAX_PROPERTIES = 500;
const MAX_NAME = 255;
const MAX_VALUE = 4000;

/**
 * Custom properties that document-management systems add (SharePoint content
 * types, sensitivity labels, Office's own "_" names): never the author's data.
 */
const SYSTEM_NAME = /^(?:_|MSIP_Label_|ContentTypeId$|TaxKeyword|TaxCatchAll|MediaService|ComplianceAsset|lcf76f155ced4ddcb4097134ff3c332f$)/;

type Scalar = string | number | boolean;
type Tree = { [key: string]: Scalar | Tree };

/** The front matter block ("---\n…---\n\n"), or '' when the document has no properties worth reading. */
export function frontMatterOf(read: PartReader): string {
  const entries = [...coreProperties(read), ...customProperties(read)];
  if (!entries.length) return '';
  const data = build(entries);
  if (!Object.keys(data).length) return '';
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n`;
}

/** [name, value] pairs in reading order: core title and author first, so a custom property of the same name wins. */
function coreProperties(read: PartReader): Array<[string, Scalar]> {
  const xml = read(partPath(read, 'core-properties', 'docProps/core.xml'));
  if (!xml) return [];
  const out: Array<[string, Scalar]> = [];
  for (const [tag, key] of [
    ['title', 'title'],
    ['creator', 'author'],
  ]) {
    const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}\\b[^>]*>([^<]*)</`).exec(xml);
    const value = m ? text(m[1]) : '';
    if (value) out.push([key, value]);
  }
  return out;
}

function customProperties(read: PartReader): Array<[string, Scalar]> {
  const xml = read(partPath(read, 'custom-properties', 'docProps/custom.xml'));
  if (!xml) return [];
  const out: Array<[string, Scalar]> = [];
  // One property: <property … name="…"><vt:TYPE>value</vt:TYPE></property>. Each pattern
  // step is bounded by the next '<' or '>', so a scan is linear in the part.
  const PROPERTY = /<(?:[A-Za-z_][\w.-]*:)?property\b([^>]*)>\s*<(?:[A-Za-z_][\w.-]*:)?(\w+)\b[^>]*?(?:\/>|>([^<]*)<)/g;
  for (const m of xml.matchAll(PROPERTY)) {
    if (out.length >= MAX_PROPERTIES) break;
    const name = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    const key = name ? text(name[1] ?? name[2]).slice(0, MAX_NAME) : '';
    if (!key || SYSTEM_NAME.test(key)) continue;
    const value = scalar(m[2], text(m[3] ?? ''));
    if (value !== undefined) out.push([key, value]);
  }
  return out;
}

/** The part a package relationship of this type points at (docProps/… by convention). */
function partPath(read: PartReader, type: string, conventional: string): string {
  const rels = read('_rels/.rels');
  if (!rels) return conventional;
  for (const m of rels.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*)>/g)) {
    if (!new RegExp(`\\bType\\s*=\\s*["'][^"']*/${type}["']`).test(m[1])) continue;
    const target = /\bTarget\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    const path = (target?.[1] ?? target?.[2] ?? '').replace(/^\//, '');
    if (path && /^[\w./-]+\.xml$/.test(path) && !path.includes('..')) return path;
  }
  return conventional;
}

/** A variant type's value: text, a number, a truth value or a date; anything else is not read. */
function scalar(type: string, value: string): Scalar | undefined {
  switch (type) {
    case 'lpwstr':
    case 'lpstr':
    case 'bstr':
      return value.slice(0, MAX_VALUE);
    case 'i1':
    case 'i2':
    case 'i4':
    case 'i8':
    case 'int':
    case 'ui1':
    case 'ui2':
    case 'ui4':
    case 'ui8':
    case 'uint':
    case 'r4':
    case 'r8':
    case 'decimal': {
      const n = Number(value.trim());
      return value.trim() && Number.isFinite(n) ? n : undefined;
    }
    case 'bool':
      return /^(true|1)$/i.test(value.trim()) ? true : /^(false|0)$/i.test(value.trim()) ? false : undefined;
    case 'filetime':
    case 'date': {
      // Word stores a date property as midnight UTC: the date alone reads as the author typed it.
      const d = value.trim();
      return /^\d{4}-\d{2}-\d{2}T00:00:00(?:\.0+)?Z$/.test(d) ? d.slice(0, 10) : d.slice(0, 40);
    }
    default:
      return undefined;
  }
}

/** Names with dots become nested maps; a map whose keys are all whole numbers becomes a list. First name wins a clash. */
function build(entries: Array<[string, Scalar]>): Record<string, unknown> {
  const root: Tree = Object.create(null);
  for (const [name, value] of entries) {
    const path = name.split('.').map((p) => p.trim());
    if (path.some((p) => !p)) {
      set(root, [name], value, true);
      continue;
    }
    set(root, path, value, path.length === 1);
  }
  return listify(root) as Record<string, unknown>;
}

function set(root: Tree, path: string[], value: Scalar, override: boolean): void {
  let node = root;
  for (const step of path.slice(0, -1)) {
    const next = node[step];
    if (next === undefined) node = node[step] = Object.create(null) as Tree;
    else if (typeof next === 'object') node = next;
    else return; // a value already stands here
  }
  const last = path[path.length - 1];
  // A plain name (a custom "title") overrides the core property of that name; nothing overrides a map.
  if (node[last] === undefined || (override && typeof node[last] !== 'object')) node[last] = value;
}

function listify(node: Scalar | Tree): unknown {
  if (typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length && keys.every((k) => /^\d{1,4}$/.test(k))) return keys.sort((a, b) => Number(a) - Number(b)).map((k) => listify(node[k]));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = listify(node[k]);
  return out;
}

/** XML character data as text: the five entities and character references, control characters dropped. */
function text(xml: string): string {
  return xml
    .replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (_, hex?: string, dec?: string, named?: string) => {
      if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named]!;
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code > 0x10ffff ? '' : String.fromCodePoint(code);
    })
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim();
}
