// The WCC tag patterns' "narrow" form (policy/text-forms.ts): the latin form
// compiled without the "u" flag, for text with no letter, digit or mark from
// U+0300 on, no surrogate, no "ſ" and no Kelvin sign. Without surrogates both
// flags read the same characters one by one, so the forms can differ only where
// a character matches a part of the pattern (a class, an escape, a literal)
// under one flag and not the other: checked here for every BMP character such
// text may hold, against every part of the built-in packs' patterns.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { core, policy, markdownFiles, builtinRegexEntries } = require('../helpers/core');

const ROOT = path.resolve(__dirname, '..', '..');

/** The character classes, class escapes and literal characters a pattern source is made of. */
function parts(source) {
  const out = new Set();
  const rest = source.replace(/\[(?:\\.|[^\]\\])*\]/g, (c) => (out.add(c), ' ')).replace(/\\[wWsSdDbB]/g, (e) => (e === '\\b' || e === '\\B' ? out.add('\\w') : out.add(e), ' '));
  // What is left: syntax, escaped literals and literals; every character a literal would be.
  for (const c of rest.replace(/\\u([0-9a-f]{4})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))) {
    if (!/[\\()[\]{}|?*+^$.:<=!,0-9 ]/.test(c)) out.add(c.replace(/[\\^$*+?.()|[\]{}\/]/g, '\\$&'));
  }
  return [...out];
}

/** Every form a built-in pack's WCC patterns have: [name, DualRegExp]. */
function patterns() {
  return core.BUILTIN_POLICY_IDS.flatMap((id) => Object.entries(policy(id).derived.wccTags).map(([name, dual]) => [`${id} ${name}`, dual]));
}

/** Whether "i" and "iu" agree on every BMP character `allowed` lets through, for each part: the first disagreement, if any. */
function disagreement(partsList, allowed) {
  const checks = partsList.map((p) => [p, new RegExp(`^${p}$`, 'i'), new RegExp(`^${p}$`, 'iu')]);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const ch = String.fromCharCode(c);
    if (!allowed(ch)) continue;
    for (const [p, i, iu] of checks) if (i.test(ch) !== iu.test(ch)) return `U+${c.toString(16)} against ${p}`;
  }
  return undefined;
}

describe('the WCC patterns compiled without "u" (text-forms.ts)', () => {
  it('are used for plain text, and not for text with surrogates, "ſ", the Kelvin sign or letters beyond U+0300', () => {
    for (const [name, dual] of patterns()) {
      const narrow = dual.form('narrow');
      assert.ok(!narrow.flags.includes('u'), name);
      assert.strictEqual(dual.for('WCC 5 – “quoted” £3 — café naïve'), narrow, name);
      for (const text of ['WCC 5 😀', 'WCC 5 ſ', 'WCC 5 \u212a', 'WCC 5 Σ'])
        assert.ok(dual.for(text).flags.includes('u'), `${name}: ${JSON.stringify(text)}`);
    }
  });

  it('match every character such text may hold as the "u" form does, part by part', function () {
    this.timeout(120000);
    for (const [name, dual] of patterns()) {
      const narrow = dual.form('narrow');
      const latin = dual.form('latin');
      assert.strictEqual(narrow.source, latin.source, name);
      const checks = parts(narrow.source).map((p) => [p, new RegExp(`^${p}$`, narrow.flags.replace(/[gy]/g, '')), new RegExp(`^${p}$`, latin.flags.replace(/[gy]/g, ''))]);
      assert.ok(checks.length > 20, `${name}: ${checks.length} parts`);
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c < 0xe000) continue;
        const ch = String.fromCharCode(c);
        if (dual.for(ch) !== narrow) continue;
        for (const [p, i, iu] of checks) if (i.test(ch) !== iu.test(ch)) assert.fail(`${name}: U+${c.toString(16)} against ${p}`);
      }
    }
  });

  it('find the same tags as the "u" form in the fixtures', () => {
    const files = markdownFiles(path.join(ROOT, 'test-fixtures'));
    let compared = 0;
    for (const [name, dual] of patterns()) {
      const all = (re, text) => [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))].map((m) => [m.index, ...m]);
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        if (dual.for(text) !== dual.form('narrow')) continue;
        compared++;
        // The cell pattern is anchored: run it line by line, as on cells.
        const texts = name.endsWith('cell') ? text.split('\n') : [text];
        for (const t of texts) assert.deepStrictEqual(all(dual.form('narrow'), t), all(dual.form('latin'), t), `${name}: ${file}`);
      }
    }
    assert.ok(compared > 100, `${compared} compared`);
  });
});

describe('the latin word classes (text-forms.ts, written out)', () => {
  /** The characters below U+0300 a class matches, as class ranges, computed by V8. */
  function latinRanges(members) {
    const hex = (c) => `\\u${c.toString(16).padStart(4, '0')}`;
    let out = '';
    const inClass = (c) => new RegExp(`^[${members}]$`, 'u').test(String.fromCharCode(c));
    for (let c = 0; c < 0x300; c++) {
      if (!inClass(c)) continue;
      let end = c;
      while (end + 1 < 0x300 && inClass(end + 1)) end++;
      out += end > c ? `${hex(c)}-${hex(end)}` : hex(c);
      c = end;
    }
    return out;
  }

  it('are the Unicode classes below U+0300', () => {
    assert.strictEqual(core.LATIN_WORD, `[${latinRanges(String.raw`\p{L}\p{N}_`)}]`);
    assert.strictEqual(core.LATIN_LETTERS_DIGITS, latinRanges(String.raw`\p{L}\p{N}`));
    assert.strictEqual(core.LATIN_LETTERS, latinRanges(String.raw`\p{L}`));
  });
});

describe('the built-in packs\' /regex/ entries compiled without "u" (regex-entry.ts)', () => {
  const entries = builtinRegexEntries;

  it('run without "u" on text with no surrogate, "ſ" or Kelvin sign, and with it elsewhere', () => {
    let narrowed = 0;
    for (const entry of entries()) {
      const narrow = entry.pattern(false, true);
      assert.ok(entry.pattern(false, false).flags.includes('u'));
      if (!narrow.flags.includes('u')) narrowed++;
    }
    assert.ok(narrowed > 250, `${narrowed} narrowed`);
    // An "ſ" (which "iu" reads as "s") keeps a text on "iu": every list finds what it finds with "s".
    const book = policy().derived.book;
    const hits = (text) => book.lists.map((l) => l.hits(text).map((h) => [h.phrase, h.start, h.end]));
    const text = 'We will stop the service and will not be assessing its impact; decommissioning is not assessed.';
    assert.ok(hits(text).flat().length > 5);
    assert.deepStrictEqual(hits(text.replace(/s/g, 'ſ')), hits(text));
  });

  it('match every character such text may hold as "iu" does, part by part', function () {
    this.timeout(300000);
    const all = new Set();
    for (const entry of entries()) if (!entry.pattern(false, true).flags.includes('u')) for (const p of parts(entry.source)) all.add(p);
    assert.ok(all.size > 40, `${all.size} parts`);
    const why = disagreement([...all], (ch) => !/[\u017f\u212a]/.test(ch));
    assert.strictEqual(why, undefined);
  });
});
