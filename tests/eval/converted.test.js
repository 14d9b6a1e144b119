// Strategies converted by tools really run (pandoc, pdftotext, mutool, w3m, lynx, LibreOffice,
// html2text, docx2txt, mammoth), written blind and kept out of the corpus because the Word
// equivalence test cannot rebuild them (test-fixtures/converted/README.md). Their scores are
// below the corpus's and held here at a floor; a false "covered" is never allowed.
const assert = require('node:assert');
const path = require('node:path');
const { ROOT } = require('../helpers/core');
const { evaluate, scores } = require('./evaluate');

const DIR = path.join(ROOT, 'test-fixtures', 'converted');
/** Below every check's figure when they were added (8 December 2026: 0.917 and up). */
const FLOOR = 0.9;

describe('evaluation on converted documents held out of the corpus', () => {
  const res = evaluate(DIR);
  it('has the 36 converted strategies', () => assert.ok(res.docs >= 36, `${res.docs} documents`));
  it('no false "covered" under either policy', () => {
    const wrong = [...res.tallies.groups2010.misses, ...res.tallies.groups2009.misses].filter((m) => /want (unassessed|missing).*got covered/.test(m));
    assert.deepStrictEqual(wrong, []);
  });
  for (const [name, score, tally] of scores(res)) {
    it(`${name} ≥ ${FLOOR}`, () => assert.ok(score >= FLOOR, `${name}: ${score.toFixed(3)}\n${tally.misses.join('\n')}`));
  }
});
