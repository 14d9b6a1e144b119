// micromark's `decode-named-character-reference`, answered from the HTML entity
// table parse5 already brings to the browser bundle (two copies of the same
// list of 2,125 names were 35 KB each). The same answers: the decoded text of a
// named reference (`notin`, without `&` or `;`), or false where no such name is
// defined. tests/web/named-references.test.js holds it to the original for
// every name.
// @ts-expect-error: resolved by esbuild (see webBuiltins) to the `entities/decode` of the parse5 hast-util-from-html uses.
import { DecodingMode, HtmlEntityDecoder } from 'parse5-entities-decode';

interface Decoder {
  startEntity(mode: number): void;
  write(text: string, offset: number): number;
}

export function decodeNamedCharacterReference(value: string): string | false {
  // Names only: a numeric reference, or anything holding "&" or ";", is no name of the table.
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(value)) return false;
  let decoded = '';
  // It emits UTF-16 code units, a surrogate pair as two.
  const decoder = new (HtmlEntityDecoder as new (emit: (unit: number) => void) => Decoder)((unit) => {
    decoded += String.fromCharCode(unit);
  });
  decoder.startEntity((DecodingMode as { Strict: number }).Strict);
  const text = `${value};`;
  // Read from after the "&", which the decoder counts: the whole name and its ";", not a shorter legacy name ("not" of "notit").
  return decoder.write(text, 0) === text.length + 1 ? decoded : false;
}
