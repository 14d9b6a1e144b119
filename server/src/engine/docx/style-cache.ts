// mammoth parses every line of the style map at every conversion, with parser
// combinators (lop): about 80 lines (ours and mammoth's defaults), a tenth of a
// conversion's time for a 20 KB strategy. The lines that never change, the
// built-in ones (style-map.ts) and mammoth's own defaults, are parsed once
// here and the parse reused; a user's lines are parsed each time as before.
// The cache holds only those fixed lines, so it never grows. Sharing a parse
// is safe: mammoth only reads a mapping (its matcher and HTML path) and copies
// the Result's value and messages into new arrays (Result.combine).
import { BUILTIN_STYLE_MAP } from './style-map';

type ReadStyle = (line: string) => unknown;

/**
 * Makes mammoth's style reader (lib/style-reader.js `readStyle`) reuse the
 * parse of a fixed line. mammoth's index.js takes `readStyle` when it is first
 * required, so this must run before `require('mammoth')`; it says whether it
 * could (mammoth's layout may change, and then nothing is replaced).
 */
export function useStyleCache(styleReader: { readStyle?: unknown }, mammothDefaults: unknown): boolean {
  const original = styleReader.readStyle;
  if (typeof original !== 'function') return false;
  const fixed = new Set<string>([...BUILTIN_STYLE_MAP, ...(Array.isArray(mammothDefaults) ? mammothDefaults.filter((l): l is string => typeof l === 'string') : [])]);
  const parsed = new Map<string, unknown>();
  styleReader.readStyle = (line: string) => {
    if (!fixed.has(line)) return (original as ReadStyle)(line);
    let result = parsed.get(line);
    if (result === undefined) {
      result = (original as ReadStyle)(line);
      parsed.set(line, result);
    }
    return result;
  };
  return true;
}
