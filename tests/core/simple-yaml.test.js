// readSimpleYaml (simple-yaml.ts) reads plain front matter without the yaml
// library, for speed; wherever it answers, it must give what the library gives:
// the same values, and the same line for every key's value and every list item
// (frontmatter.ts asks the library's nodes for their ranges). Checked on every
// front matter of the fixtures and the labelled corpus, on hand-made edge cases
// and on front matter generated from the shapes it reads and their near misses.
const assert = require('node:assert');
const fs = require('node:fs');
const fc = require('fast-check');
const { LineCounter, parseDocument } = require('yaml');
const { ROOT, core, markdownFiles } = require('../helpers/core');

/** What the library gives for a front matter: its data and lines as frontmatter.ts reads them, or undefined on an error. */
function oracle(raw) {
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) return undefined;
  const data = doc.toJS({ maxAliasCount: 50 });
  const lineOf = (key, index) => {
    const node = index === undefined ? doc.get(key, true) : doc.getIn([key, index], true);
    const off = node?.range?.[0];
    return off === undefined ? undefined : counter.linePos(off).line - 1;
  };
  return { data, lineOf };
}

/** Holds the reader to the library on one front matter; returns whether the reader answered. */
function check(raw) {
  const simple = core.readSimpleYaml(raw);
  if (!simple) return false;
  const want = oracle(raw);
  assert.ok(want, `the library finds an error in ${JSON.stringify(raw)}`);
  assert.deepStrictEqual(simple.data, want.data, JSON.stringify(raw));
  for (const key of [...Object.keys(want.data), 'absent']) {
    assert.strictEqual(simple.valueLine.get(key), want.lineOf(key), `${key} of ${JSON.stringify(raw)}`);
    const items = simple.itemLines.get(key);
    for (const i of [0, 1, 2, 3, 7, '0', '1', '', 'x', -1, 1.5]) {
      const n = typeof i === 'string' && i ? Number(i) : i;
      const mine = typeof n === 'number' && Number.isInteger(n) && n >= 0 ? items?.[n] : undefined;
      assert.strictEqual(mine, want.lineOf(key, i), `${key}[${JSON.stringify(i)}] of ${JSON.stringify(raw)}`);
    }
  }
  return true;
}

const frontMatterOf = (text) => /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text.replace(/\r\n?/g, '\n'))?.[1];

describe('simple front matter reader', () => {
  it('gives what the yaml library gives, on every front matter of the fixtures', () => {
    let read = 0;
    let all = 0;
    for (const file of markdownFiles(`${ROOT}/test-fixtures`)) {
      const raw = frontMatterOf(fs.readFileSync(file, 'utf8'));
      if (raw === undefined) continue;
      all++;
      if (check(raw)) read++;
    }
    assert.ok(all > 50 && read > all / 2, `${read} of ${all} front matters read`);
  });

  it('gives what the yaml library gives on edge cases, or leaves them to it', () => {
    const cases = [
      'a: >\n  x y\n  z', 'a: |\n  x\n  y', 'a: >\n  x\n   y', 'a: >\n  x\n\n  y', 'a: >\n', 'a: >-\n  x',
      'tags:\n- a\n- b', 'tags:\n  - a\n  - "b"\nc: 1', 'tags:\n  - a\n    - b', 'tags:\n  - a\n  b', 'k:', 'k:\nj: 1',
      'k: x\n  y', 'k: [a, b]', 'k: []', 'k: [ ]', 'k: [a, b,]', 'k: [a, [b]]', 'k: ["a, b", c]', "k: ['a', 'b']", 'k: [1, 2.5, x]',
      'k: 1', 'k: 01', 'k: 1.50', 'k: 1.', 'k: .5', 'k: 1e3', 'k: 0x1f', 'k: 0o17', 'k: -1', 'k: +1', 'k: 12345678901234567890',
      'k: true', 'k: False', 'k: null', 'k: ~', 'k: NULL', 'k: yes', 'k: no', 'k: on', 'k: .inf', 'k: .NaN', 'k: 2011-12-19',
      'k: "a"', "k: 'a'", 'k: "a\\"b"', "k: 'it''s'", 'k: "a" # c', 'k: a # c', 'k: a#b', 'k: C#', 'k: a: b', 'k: a:', 'k: a:b',
      'k: -a', 'k: - a', 'k: ?a', 'k: :a', 'k: @a', 'k: `a`', 'k: &a x', 'k: *a', 'k: !t x', 'k: %a', 'k: |x', 'k: >x', 'k: {a: 1}',
      'k: a  b', 'k: a ', 'k:  a', 'k: "a ', 'k: a"b"', 'k: ./x.md', 'k: https://x.org/a?b=c#d', 'k: Małgorzata Ó ŵ’',
      'a: 1\na: 2', 'true: 1', 'null: 1', 'Null: x', 'y: 1', '_: 1', 'a-b: 1', 'a b: 1', 'a  b: 1', 'a-: 1', '__proto__: 1',
      'a:1', 'a :1', ' a: 1', '# c\na: 1', 'a: 1\n# c', 'a: 1\n', 'a: 1\n\nb: 2', '---\na: 1', 'a: 1\n...', 'a: x\tb', 'a: x\r\nb: y',
      'k: \u0085', 'k: a\u2028b', 'k: \ufeffa', 'k: 😀', 'k: \u00a0a', 'k: a\u00a0', 'tags:\n  - a # c', 'tags:\n  -a', 'tags:\n  - ',
    ];
    for (const raw of cases) check(raw);
  });

  it('gives what the yaml library gives on generated front matter, or leaves it to the library', () => {
    const word = fc.constantFrom('a', 'mental health', 'x-y', 'C#', '2.5', '01', '1e3', 'true', 'null', '~', 'a: b', 'a:', ' a', 'a ', '"q"', "'q'", '"a,b"', 'ŵ', '', '#', '- a', '[a]', 'a, b', 'é’', '0x1', '.5', 'a #b');
    const key = fc.constantFrom('title', 'wcc', 'tags', 'a b', 'a-b', '_x', 'true', 'eqia', 'Title', 'x');
    const value = fc.oneof(
      word.map((w) => ` ${w}`),
      fc.array(word, { maxLength: 4 }).map((ws) => ` [${ws.join(', ')}]`),
      fc.tuple(fc.constantFrom(0, 1, 2, 4), fc.array(word, { minLength: 1, maxLength: 3 })).map(([n, ws]) => '\n' + ws.map((w) => `${' '.repeat(n)}- ${w}`).join('\n')),
      fc.tuple(fc.constantFrom('>', '|'), fc.constantFrom(1, 2), fc.array(word, { minLength: 1, maxLength: 3 })).map(([h, n, ws]) => ` ${h}\n` + ws.map((w) => `${' '.repeat(n)}${w}`).join('\n')),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }), fc.boolean(), (pairs, newline) => {
        check(pairs.map(([k, v]) => `${k}:${v}`).join('\n') + (newline ? '\n' : ''));
      }),
      { numRuns: 2000 },
    );
  });
});
