// The not-commissioned aspect on 40 changes sections written blind from the
// rubric (test-fixtures/aspects/not-commissioned.json: half state a stop in
// many words, half are traps — deferrals, conditions, denials, practices
// ended, stops in the past). First contact was 0.600; each is linted inside
// the same otherwise complete strategy.
const assert = require('node:assert');
const path = require('node:path');
const { ROOT } = require('../helpers/core');
const { missed } = require('./aspects');

const ITEMS = require(path.join(ROOT, 'test-fixtures', 'aspects', 'not-commissioned.json'));
// Sets written blind after a mechanism was in and measured on first contact (the honest estimate
// on sections the tool has not seen). The second (30) was 0.667 at first contact and was then
// read to build the stop-verb-with-object reading (recognise/stops.ts); the third (40) was written
// after that and scored 0.675 before it and 0.750 after it, on first contact.
const HELD_OUT = require(path.join(ROOT, 'test-fixtures', 'aspects', 'not-commissioned-held-out.json'));
const THIRD = require(path.join(ROOT, 'test-fixtures', 'aspects', 'not-commissioned-third.json'));

describe('not-commissioned aspect, sections written blind', function () {
  const score = (items) => (items.length - missed(items).length) / items.length;

  it('agrees with the reviewer on at least 0.95 of the first 40', function () {
    const misses = missed(ITEMS);
    assert.ok(score(ITEMS) >= 0.95, `${score(ITEMS).toFixed(3)}; misses: ${misses.map((m) => m.id).join(', ')}`);
  });

  it('agrees on at least 0.95 of the second set (read when building the stop reading)', function () {
    assert.ok(score(HELD_OUT) >= 0.95, `${score(HELD_OUT).toFixed(3)}; misses: ${missed(HELD_OUT).map((m) => m.id).join(', ')}`);
  });

  it('reports the third set', function () {
    const misses = missed(THIRD);
    console.log(`      not-commissioned, third set: ${score(THIRD).toFixed(3)} (${misses.map((m) => m.id).join(', ')} missed)`);
  });
});
