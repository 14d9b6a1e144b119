// Caps how deeply quotes and lists nest before parsing. Thousands of nested
// containers make micromark slow and any tree walk deep; no real strategy nests
// more than a handful. Markers past the cap become spaces, so every offset in
// the text stays where it was.
export const MAX_NESTING = 32;

/** Lists nested by indentation alone: past this many columns a marker starts no new level. */
export const MAX_INDENT = 4 * MAX_NESTING;

const DEEP_HINT = new RegExp(`^(?:[ \\t]*(?:>|[-+*][ \\t]|\\d{1,9}[.)][ \\t])){${MAX_NESTING + 1}}|^[ \\t]{${MAX_INDENT},}(?:[-+*>]|\\d{1,9}[.)])`, 'm');
const DEEP_MARKER = new RegExp(`^([ \\t]{${MAX_INDENT},})([-+*>]|\\d{1,9}[.)])(?=[ \\t]|$)`);
const MARKER = /^[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;

export function capNesting(src: string): string {
  if (!DEEP_HINT.test(src)) return src;
  return src.replace(/^.*$/gm, (line) => {
    let depth = 0;
    let pos = 0;
    let out = '';
    for (;;) {
      const m = MARKER.exec(line.slice(pos));
      if (!m) break;
      depth++;
      out += depth > MAX_NESTING ? m[0].replace(/[^ \t]/g, ' ') : m[0];
      pos += m[0].length;
    }
    if (depth > MAX_NESTING) return out + line.slice(pos);
    // A marker indented past the cap (a list nested hundreds of levels by indentation) becomes text.
    const deep = DEEP_MARKER.exec(line);
    return deep && deep[1].replace(/\t/g, '    ').length >= MAX_INDENT ? deep[1] + ' '.repeat(deep[2].length) + line.slice(deep[0].length) : line;
  });
}
