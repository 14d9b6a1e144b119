// The not-commissioned aspect on changes sections written blind from the
// rubric (test-fixtures/aspects/: half state a stop in many words, half are
// traps — deferrals, conditions, denials, practices ended, stops in the past),
// each linted inside the same otherwise complete strategy (tests/eval/aspects.js).
const assert = require('node:assert');
const path = require('node:path');
const { ROOT } = require('../helpers/core');
const { missed } = require('./aspects');

// Sixteen sets, each written blind from the rubric and measured on first contact before anything
// was tuned on it (the honest figures; see docs/rules/ipc-aspect-missing.md): 0.600, 0.667,
// 0.675 and 0.700 with phrases alone; the third and fourth met the stop-verb-with-object
// reading at 0.750 and 0.725, the fifth at 0.650, the sixth at 0.850, the seventh at 0.800, the eighth at 0.750, the ninth at 0.825, the tenth at 0.600 (0.625 on the build it met), the eleventh at 0.825, the twelfth (edge wordings: a contract left to run out, "close its doors", a count table falling to nought) at 0.725, the thirteenth (tables, lists and notes) at 0.675 (0.650 on the session-start build). The fourteenth (long passages, the stop one clause among many) at 0.700. The fifteenth (the ordinary case in many hands) at 0.975 (0.925 on the session-start build). The sixteenth (the integrated care system era's wording) at 0.850 (the same on the session-start build). The seventeenth (the ordinary case with its ordinary hard cases) at 0.800 (the same on the session-start build; one label corrected, see the corpus README). The eighteenth (the ordinary case, the rubric's wording in its prompt) at 0.875 (the same on the session-start build). The nineteenth (ordinary wordings in as many shapes as possible) at 0.850 (0.875 on the session-start build). The twentieth (commissioning intentions, contract notices and board papers, its false half hard) at 0.750 (the same build). The twenty-first (the ordinary case, plainly written) at 0.975 (the same on the session-start build). The twenty-second (ten voices: cabinet report, easy read, "You said, we did"…) at 0.925 (0.900 on the session-start build). The twenty-third (finance and contracting writers: intentions tables, variation notices, QIPP schedules, glossaries) at 0.800. The twenty-fourth (ordinary sections of three eras, a third harder) at 0.900 (the same on the session-start build). The twenty-fifth (the ordinary case, plainly written) at 1.000 on both builds. The twenty-sixth (the edge of the sector: grant programmes, public health, housing support, GP schemes, Welsh and Scottish wording) at 0.700. The twenty-seventh (the ordinary case, a third harder) at 0.850 (the same on the session-start build). The twenty-eighth (long committee-paper sections, the decisive sentence buried, decisions in tables) at 0.675 (the same on the session-start build). The twenty-ninth (the ordinary case in many hands, a third of each half harder) at 0.875 (the same on the session-start build). The thirtieth (sections as a Word or PDF conversion leaves them: words a hyphen broke at a line's end, page footers inside a sentence, bullets kept as "o" and "(c)", tables run together) at 0.775 (the same on the session-start build). The thirty-first (the ordinary case in many hands, a third harder) at 0.875 (the same on the session-start build; one left, at 0.975: a later sentence extending another service takes back the stop before it). Each was then read as a
// bug report and is held here.
const SETS = ['not-commissioned', 'not-commissioned-held-out', 'not-commissioned-third', 'not-commissioned-fourth', 'not-commissioned-fifth', 'not-commissioned-sixth', 'not-commissioned-seventh', 'not-commissioned-eighth', 'not-commissioned-ninth', 'not-commissioned-tenth', 'not-commissioned-eleventh', 'not-commissioned-twelfth', 'not-commissioned-thirteenth', 'not-commissioned-fourteenth', 'not-commissioned-fifteenth', 'not-commissioned-sixteenth', 'not-commissioned-seventeenth', 'not-commissioned-eighteenth', 'not-commissioned-nineteenth', 'not-commissioned-twentieth', 'not-commissioned-twenty-first', 'not-commissioned-twenty-second', 'not-commissioned-twenty-third', 'not-commissioned-twenty-fourth', 'not-commissioned-twenty-fifth', 'not-commissioned-twenty-sixth', 'not-commissioned-twenty-seventh', 'not-commissioned-twenty-eighth', 'not-commissioned-twenty-ninth', 'not-commissioned-thirtieth', 'not-commissioned-thirty-first'];

describe('not-commissioned aspect, sections written blind', function () {
  for (const name of SETS) {
    it(`agrees with the reviewer on at least 0.95 of ${name}.json`, function () {
      const items = require(path.join(ROOT, 'test-fixtures', 'aspects', `${name}.json`));
      const misses = missed(items);
      const score = (items.length - misses.length) / items.length;
      assert.ok(score >= 0.95, `${score.toFixed(3)}; misses: ${misses.map((m) => m.id).join(', ')}`);
    });
  }
});
