// B. Regular-expression DoS: a workspace config whose synonym regexes
// backtrack catastrophically on text the strategy supplies, and a config
// with an absurd number of synonyms. The CLI finishes (bounded engine or
// refusal), the untrusted server refuses the regexes with a finding that
// names the config file and line, the trusted server stays bounded.
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./helpers');

/** Line 3 holds both regexes. Single-quoted YAML: the backslashes are the regex's own. */
const EVIL_CONFIG = "synonyms:\n  groups:\n    age: ['/(\\w+\\s?)+;/', '/(a+)+b/']\n";
const EVIL_LINE = 3;
const EVIL_TEXT = `${'a'.repeat(30000)}\n\n${Array.from({ length: 20000 }, () => 'word').join(' ')}\n`;
const STRATEGY = h.withEqia(`We screened the strategy for its impact on each group.\n\n${EVIL_TEXT}\nAge: positive impact for older people.\n`);

function evilFolder() {
  return h.write(h.tmpdir(), { '.commissioning-lint.yaml': EVIL_CONFIG, 's.md': STRATEGY });
}

// The two CLI runs go side by side (one core each), as do the two server sessions.
describe('hostile B: regular-expression DoS (CLI)', function () {
  this.timeout(40000);
  let evil;
  let many;
  before(async function () {
    const manyPhrases = Array.from({ length: 40000 }, (_, i) => `"older resident cohort ${i}"`).join(', ');
    const manyDir = h.write(h.tmpdir(), { '.commissioning-lint.yaml': `synonyms:\n  groups:\n    age: [${manyPhrases}]\n`, 's.md': h.EXAMPLE });
    [evil, many] = await Promise.all([h.cli(['--format', 'json', 's.md'], { cwd: evilFolder(), timeoutMs: 11000 }), h.cli(['s.md'], { cwd: manyDir, timeoutMs: 11000 })]);
  });

  it('catastrophic synonym regexes against 30k "a" and 20k words: normal lint within 10 s', function () {
    const r = evil;
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, 10000);
    assert.ok([0, 1].includes(r.code), h.describeRun(r));
    const out = h.parseJson(r);
    assert.equal(out.files.length, 1);
  });

  it('40,000 synonyms in the config: exit 2 within 10 s, "too many" (or over the size limit) naming the config', function () {
    const r = many;
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, 10000);
    assert.equal(r.code, 2, h.describeRun(r));
    const lines = h.assertStderrLines(r.stderr);
    assert.ok(lines.some((l) => /too many|at most|over the .* limit/.test(l) && l.includes('.commissioning-lint.yaml')), r.stderr);
  });
});

describe('hostile B: regular-expression DoS (language server)', function () {
  this.timeout(40000);

  /** Opens the strategy in a session; resolves { items, ms, hoverMs } or { error }. */
  const open = async (trusted, bound) => {
    const dir = evilFolder();
    const c = await h.session(dir, { initializationOptions: { workspaceTrusted: trusted } });
    try {
      const uri = h.uriOf(path.join(dir, 's.md'));
      await c.open(uri, STRATEGY);
      const d = await c.timed('textDocument/diagnostic', { textDocument: { uri } }, bound);
      const hover = await c.timed('textDocument/hover', h.hoverParams(uri, STRATEGY), 2000);
      return { items: d.value.items, ms: d.ms, hoverMs: hover.ms };
    } catch (error) {
      return { error };
    } finally {
      await c.end();
    }
  };
  let untrusted;
  let trusted;
  before(async function () {
    [untrusted, trusted] = await Promise.all([open(false, 5000), open(true, 10000)]);
  });

  it('untrusted workspace: diagnostics within 5 s, one refusing the regexes, naming the config file and line', function () {
    const r = untrusted;
    h.figure(this, r.error ? `FAILED: ${r.error.message}` : `diagnostics in ${h.secs(r.ms)}, hover in ${h.secs(r.hoverMs)}`);
    if (r.error) throw r.error;
    const refusal = r.items.find((d) => /regular expression/i.test(d.message) && /untrusted/i.test(d.message));
    assert.ok(refusal, `no diagnostic refuses the regexes as untrusted: ${JSON.stringify(r.items.map((d) => d.message))}`);
    assert.match(refusal.message, new RegExp(`\\.commissioning-lint\\.yaml\\D{0,12}${EVIL_LINE}\\b`));
  });

  it('trusted workspace: diagnostics within 10 s (bounded engine)', function () {
    const r = trusted;
    h.figure(this, r.error ? `FAILED: ${r.error.message}` : `diagnostics in ${h.secs(r.ms)}, hover in ${h.secs(r.hoverMs)}`);
    if (r.error) throw r.error;
    assert.ok(Array.isArray(r.items));
  });
});
