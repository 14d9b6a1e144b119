// Character classes and references exactly as micromark sees them: it walks
// UTF-16 code units, so a lone surrogate is neither whitespace nor punctuation.

/** Flanking class of a code unit: 1 whitespace (also start/end of text), 2 punctuation, 0 other. */
export function charClass(code: number): 0 | 1 | 2 {
  if (Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13) return 1;
  if (code < 128) return ASCII_CLASS[code];
  const ch = String.fromCharCode(code);
  if (/\s/.test(ch)) return 1;
  return /\p{P}|\p{S}/u.test(ch) ? 2 : 0;
}

const ASCII_CLASS: ReadonlyArray<0 | 1 | 2> = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  if (/\s/.test(ch)) return 1;
  return /[!-/:-@[-`{-~]/.test(ch) ? 2 : 0;
});

export function isAsciiPunctuation(code: number): boolean {
  return code < 128 && ASCII_CLASS[code] === 2;
}

// Named references real strategies use. A name outside this list may still be a
// valid HTML entity, so the caller falls back to micromark rather than guess.
const NAMED: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27, nbsp: 0xa0, copy: 0xa9, reg: 0xae, trade: 0x2122,
  hellip: 0x2026, mdash: 0x2014, ndash: 0x2013, lsquo: 0x2018, rsquo: 0x2019, ldquo: 0x201c, rdquo: 0x201d,
  laquo: 0xab, raquo: 0xbb, pound: 0xa3, euro: 0x20ac, yen: 0xa5, cent: 0xa2, sect: 0xa7, para: 0xb6, deg: 0xb0,
  plusmn: 0xb1, times: 0xd7, divide: 0xf7, middot: 0xb7, bull: 0x2022, frac12: 0xbd, frac14: 0xbc, frac34: 0xbe,
  sup2: 0xb2, sup3: 0xb3, larr: 0x2190, rarr: 0x2192, le: 0x2264, ge: 0x2265, ne: 0x2260, ensp: 0x2002,
  emsp: 0x2003, thinsp: 0x2009, eacute: 0xe9, egrave: 0xe8, aacute: 0xe1, agrave: 0xe0, ccedil: 0xe7,
  ouml: 0xf6, uuml: 0xfc, auml: 0xe4, check: 0x2713,
};

const REFERENCE = String.raw`&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z0-9]{1,31}));`;

/**
 * The character reference starting at `at` (which holds `&`):
 * { value, end } when decoded, null when `&` is literal text, undefined when unsure.
 */
export function characterReference(text: string, at: number): { value: string; end: number } | null | undefined {
  // A sticky pattern made per call (V8 shares the compiled code), so no lastIndex outlives it.
  const reference = new RegExp(REFERENCE, 'y');
  reference.lastIndex = at;
  const m = reference.exec(text);
  if (!m) return null;
  const end = at + m[0].length;
  if (m[3] !== undefined) {
    const code = NAMED[m[3]];
    if (code !== undefined) return { value: String.fromCharCode(code), end };
    // Not an entity name unless it starts with a letter; otherwise unknown to us.
    return /^[0-9]/.test(m[3]) ? null : undefined;
  }
  const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
  // Only plain code points; micromark maps controls, surrogates and noncharacters to U+FFFD.
  if ((code >= 32 && code <= 126) || (code >= 160 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfdcf) || (code >= 0xfdf0 && code <= 0xfffd)) {
    return { value: String.fromCharCode(code), end };
  }
  return undefined;
}
