// An editor re-lints after every keystroke with one parse cache: unchanged
// chunks come back as the same trees, and their part of the document model is
// reused (moved when text before it changed length). After any series of edits
// the model and the lint must be exactly those of a fresh, cache-less run.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const fc = require('fast-check');
const { ROOT, core, policy, comparableModel: comparable } = require('../helpers/core');

const pol = policy();


const corpusDir = path.join(ROOT, 'test-fixtures', 'corpus');
const docs = fs
  .readdirSync(corpusDir)
  .filter((f) => f.endsWith('.md'))
  .slice(0, 12)
  .map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
// A long table is sliced into chunks that continue it; front matter is its own flavour.
const table = `---\ntitle: Tables\n---\n# Services\n\nIntro.\n\n| Service | Cost |\n|---|---|\n${Array.from({ length: 260 }, (_, i) => `| Team ${i} | £${i}k |`).join('\n')}\n\n## After\n\nWe will review it.\n`;
docs.push(table);
// Other line endings and a byte-order mark move every offset after them.
docs.push(docs[0].replace(/\n/g, '\r\n'), `\ufeff${docs[1]}`, docs[2].replace(/\n/g, '\r'));

// An edit: insert or delete text at a point (a fraction of the document), or duplicate a line.
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'newline', 'heading'),
  text: fc.constantFrom('x', ' more words', '\n\n', '\r\n', '\n# New part\n', '| a | b |', '**', '<!--', '-->', 'WCC 5', '\n- item\n', 'é', 'Σ'),
  len: fc.integer({ min: 1, max: 40 }),
});

function apply(text, e) {
  const at = Math.floor(e.at * text.length);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.len);
  if (e.kind === 'newline') return text.slice(0, at) + '\n' + text.slice(at);
  if (e.kind === 'heading') return text.slice(0, at) + '\n## Inserted heading\n' + text.slice(at);
  return text.slice(0, at) + e.text + text.slice(at);
}

describe('re-linting edited documents with a parse cache', () => {
  it('gives the model and the lint of a fresh run after every edit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...docs.keys()), fc.array(edit, { minLength: 1, maxLength: 6 }), (i, edits) => {
        const cache = new core.LruCache({ maxWeight: 4_000_000, weigh: (k) => k.length });
        let text = docs[i];
        core.lint(text, { policy: pol, cache });
        for (const e of edits) {
          text = apply(text, e);
          assert.deepStrictEqual(comparable(core.parseDocument(text, { cache })), comparable(core.parseDocument(text, {})));
          assert.deepStrictEqual(core.lint(text, { policy: pol, cache }), core.lint(text, { policy: pol }));
        }
      }),
      { numRuns: 80, seed: 7 },
    );
  });
});
