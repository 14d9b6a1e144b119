// wordCount (recognise/text.ts) is a hand-written scan for speed; it must count
// exactly what its regular expression finds, one match after another.
const assert = require('node:assert');
const fc = require('fast-check');
const { core } = require('../helpers/core');

/** The definition: matches of the word pattern under "gu", counted up to `limit`. */
function oracle(text, limit = Infinity) {
  let n = 0;
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  while (n < limit && word.test(text)) n++;
  return n;
}

const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom("don't", 'o’clock', '-', "'", '’', 'é', 'ß', '😀', '𝟙', '\ud800', '\udc00', 'a\ud800b', '٣', 'x-y', '  ', '\n', '#', '|'),
);
const text = fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(''));

describe('wordCount', () => {
  it('counts what its regular expression matches', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 12 }), (t, limit) => {
        assert.strictEqual(core.wordCount(t), oracle(t), JSON.stringify(t));
        assert.strictEqual(core.wordCount(t, limit), oracle(t, limit), JSON.stringify(t));
      }),
      { numRuns: 3000 },
    );
  });
});
