// A reader for the plain front matter most strategies carry (`title: …`,
// `wcc: [2, 5, 9]`, a list of tags, a folded summary), giving what the yaml
// library gives for it: the same values and the same place for each. Anything
// else (comments, nested maps, anchors, multi-line plain or quoted scalars,
// escapes, a value that is not text or a plain number, a repeated key, an
// error) is left to the library: the answer is then undefined. Speed: the
// library took about a twentieth of a rich strategy's lint on front matter of
// a dozen lines (tests/core/simple-yaml.test.js holds the two together).

/** What the front matter holds, and the 0-based line of each top-level key's value and of a list's items. */
export interface SimpleYaml {
  data: Record<string, unknown>;
  valueLine: Map<string, number>;
  itemLines: Map<string, number[]>;
}

/** A key as written plainly: a letter or "_", then letters, digits, "_", "-" or single spaces. */
const KEY_LINE = /^([A-Za-z_](?:[\w-]| (?=[\w-]))*):(?: +(.*))?$/;
const ITEM_LINE = /^( *)- +(.*)$/;
/** Characters that read as YAML syntax, or may, at the start of a plain scalar. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** The scalars the core schema reads as null, true or false, or a number (its own tests, yaml/dist/schema). */
const NOT_TEXT = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))?$/;
/** Numbers read here as the library reads them: digits, with a fraction or without. */
const PLAIN_NUMBER = /^[0-9]{1,15}(?:\.[0-9]{1,15})?$/;
/** Characters outside printable, single-unit text, which the library may treat in ways of its own. */
const UNUSUAL = /[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]/;

/** The front matter's values and places, or undefined where only the yaml library can say. */
export function readSimpleYaml(raw: string): SimpleYaml | undefined {
  if (UNUSUAL.test(raw)) return undefined;
  const lines = raw.split('\n');
  const data: Record<string, unknown> = {};
  const valueLine = new Map<string, number>();
  const itemLines = new Map<string, number[]>();
  let i = 0;
  while (i < lines.length) {
    const m = KEY_LINE.exec(lines[i]);
    if (!m || NOT_TEXT.test(m[1]) || m[1] === '__proto__' || valueLine.has(m[1])) return undefined;
    const key = m[1];
    const rest = m[2] ?? '';
    if (rest === '') {
      // A block list under the key, its items at one indent.
      const items: unknown[] = [];
      const at: number[] = [];
      let indent = -1;
      for (i++; i < lines.length && !KEY_LINE.test(lines[i]); i++) {
        const item = ITEM_LINE.exec(lines[i]);
        if (!item || (indent >= 0 && item[1].length !== indent)) return undefined;
        indent = item[1].length;
        const v = scalar(item[2], false);
        if (v === undefined) return undefined;
        items.push(v.value);
        at.push(i);
      }
      if (!items.length) return undefined;
      data[key] = items;
      valueLine.set(key, at[0]);
      itemLines.set(key, at);
      continue;
    }
    valueLine.set(key, i);
    if (rest === '>' || rest === '|') {
      // A block scalar: lines at one indent, none blank, folded into one line or kept, with one line break at the end.
      const body: string[] = [];
      let indent = -1;
      for (i++; i < lines.length && !KEY_LINE.test(lines[i]); i++) {
        const line = lines[i];
        const n = line.length - line.trimStart().length;
        if (n === 0 || (indent >= 0 && n !== indent) || line.trimEnd() !== line || line.trim() === '') return undefined;
        indent = n;
        body.push(line.slice(n));
      }
      if (!body.length) return undefined;
      data[key] = body.join(rest === '>' ? ' ' : '\n') + '\n';
      continue;
    }
    i++;
    // Nothing may go on below a value on the key's line (a plain scalar over two lines, say).
    if (i < lines.length && !KEY_LINE.test(lines[i])) return undefined;
    if (rest.startsWith('[')) {
      if (!rest.endsWith(']')) return undefined;
      const inner = rest.slice(1, -1);
      const items: unknown[] = [];
      if (inner.trim() !== '') {
        for (const part of inner.split(',')) {
          const v = scalar(part.trim(), true);
          if (v === undefined) return undefined;
          items.push(v.value);
        }
      }
      data[key] = items;
      itemLines.set(key, items.map(() => valueLine.get(key)!));
      continue;
    }
    const v = scalar(rest, false);
    if (v === undefined) return undefined;
    data[key] = v.value;
  }
  return { data, valueLine, itemLines };
}

/** A one-line scalar: plain (text or a plain number) or quoted without escapes; undefined for anything else. `flow`: inside [ ]. */
function scalar(s: string, flow: boolean): { value: unknown } | undefined {
  if (s === '' || s !== s.trim() || s.includes('\t')) return undefined;
  const q = s[0];
  if (q === '"' || q === "'") {
    const body = s.slice(1, -1);
    if (s.length < 2 || s[s.length - 1] !== q || body.includes(q) || body.includes('\\')) return undefined;
    return { value: body };
  }
  if (INDICATOR.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':') || (flow && /[[\]{},]/.test(s))) return undefined;
  if (PLAIN_NUMBER.test(s)) return { value: s.includes('.') ? parseFloat(s) : Number(s) };
  return NOT_TEXT.test(s) ? undefined : { value: s };
}
