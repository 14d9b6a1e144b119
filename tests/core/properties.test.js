// Property-based checks of the core over generated strategies and every example
// of the CommonMark spec: lint() never throws, every position lies inside the
// document, and linting the same text twice gives the same result.
const assert = require('node:assert');
const fc = require('fast-check');
const spec = require('commonmark-spec');
const { core, policy } = require('../helpers/core');

const p2009 = policy();
const p2010 = policy('equality-act-2010');

function checkInvariants(text, pol) {
  const a = core.lint(text, { policy: pol, cache: new core.LruCache() });
  const b = core.lint(text, { policy: pol });
  assert.deepStrictEqual(a, b, 'not deterministic');
  assert.ok(!a.diagnostics.some((d) => d.ruleId === 'internal-error'), a.diagnostics.map((d) => d.message).join('\n'));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  for (const d of a.diagnostics) {
    assert.ok(d.line >= 1 && d.line <= lines.length, `line ${d.line} of ${lines.length}`);
    assert.ok(d.endLine >= d.line && d.endLine <= lines.length, `endLine ${d.endLine}`);
    assert.ok(d.column >= 1 && d.column <= lines[d.line - 1].length + 1, `column ${d.column} on "${lines[d.line - 1]}"`);
    assert.ok(d.endColumn >= 1 && d.endColumn <= lines[d.endLine - 1].length + 1, `endColumn ${d.endColumn}`);
  }
  for (const e of Object.values(a.coverage.ipc)) if (e.line) assert.ok(e.line <= lines.length);
  for (const t of a.coverage.wcc.tags) assert.ok(t.line >= 1 && t.line <= lines.length);
}

// Building blocks that look like strategy Markdown, mixed with arbitrary text.
const phrase = fc.constantFrom(
  'Needs analysis', 'What works', 'Equality impact assessment', 'Where are we now?', 'TBC', '[Insert text]',
  'WCC 5', 'WCC 12', 'WCC 6 – Stimulate the market', 'older people: positive impact', 'BAME communities', 'N/A',
  'Mental Health Act 1983', 'DDA', 'section 75', 'race to the bottom', 'Age UK', '<!-- ipc: needs -->',
  '<!-- commissioning-lint-disable-next-line eqia-missing -- reason -->', '**Bold heading**', '| a | b |', '|---|---|',
  '```', '~~~', '<!--', '-->', '> quote', '- item', '1. item', '\t', '\r\n', '\r', '\ufeff', '---', '#', '##', 'é', '😀',
);
const line = fc.oneof(fc.string({ maxLength: 40 }), phrase, fc.tuple(fc.constantFrom('# ', '## ', '### ', '', '- ', '> ', '| '), phrase).map(([a, b]) => a + b));
const doc = fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n'));

describe('core properties', () => {
  it('holds for generated strategy-like documents (2009 and 2010 policies)', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), (text, use2010) => checkInvariants(text, use2010 ? p2010 : p2009)),
      { numRuns: 300, seed: 20091201 },
    );
  });

  it('holds for generated documents with front matter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), doc, (fm, body) => checkInvariants(`---\n${fm}\n---\n${body}`, p2009)),
      { numRuns: 100, seed: 7 },
    );
  });

  it(`holds for all ${spec.tests.length} CommonMark spec examples`, () => {
    for (const t of spec.tests) {
      try {
        checkInvariants(t.markdown, p2009);
      } catch (err) {
        err.message = `spec example ${t.number} (${t.section}): ${err.message}`;
        throw err;
      }
    }
  });
});
