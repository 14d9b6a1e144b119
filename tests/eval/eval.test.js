// The labelled corpus must stay at or above the accuracy the issue demands;
// `npm run eval` prints the same figures with every miss.
const assert = require('node:assert');
const { evaluate, scores, THRESHOLD } = require('./evaluate');

describe('evaluation on the labelled corpus', () => {
  const res = evaluate();
  it('has at least 20 labelled strategies', () => assert.ok(res.docs >= 20, `${res.docs} documents`));
  for (const [name, score, tally] of scores(res)) {
    it(`${name} ≥ ${THRESHOLD}`, () => {
      assert.ok(score >= THRESHOLD, `${name}: ${score.toFixed(3)}\n${tally.misses.join('\n')}`);
    });
  }
});
