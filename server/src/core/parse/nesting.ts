// Caps how deeply quotes and lists nest before parsing. Thousands of nested
// containers make micromark slow and any tree walk deep; no real strategy nests
// more than a handful. Markers past the cap become spaces, so every offset in
// the text stays where it was.
export const MAX_NESTING = 32;

const DEEP_HINT = new RegExp(`^(?:[ \\t]*(?:>|[-+*][ \\t]|\\d{1,9}[.)][ \\t])){${MAX_NESTING + 1}}`, 'm');
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
    return depth > MAX_NESTING ? out + line.slice(pos) : line;
  });
}
