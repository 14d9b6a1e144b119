// G. Output injection: text from the workspace reaching a terminal, a CI
// log, a Markdown or HTML report, or a link target. Workflow commands on
// stderr, terminal escapes, raw HTML and non-https links must not get
// through; -j with a huge number still ends.
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./helpers');

const BOUND_MS = 15000;
const OSC8 = '\u001b]8;;http://evil\u0007click\u001b]8;;\u0007';
const CLEAR = '\u001b[2J';
const IMG = '<img src=x onerror=alert(1)>';
/** The tag as raw HTML and in a code span (What works), and as entities (the EqIA heading): the last two reach the text findings quote. */
const IMG_HEADINGS = [`\`${IMG}\` ${IMG}`, '&lt;img src=x onerror=alert(1)&gt;'];

/** The example with its evidence section and EqIA headed by `suffix`-bearing headings and left as placeholders, so findings quote the headings. */
function headed(suffix1, suffix2 = suffix1) {
  const base = h.withoutSection(h.withoutSection(h.EXAMPLE, 'What works'), 'Equality Impact Assessment').trimEnd();
  return `${base}\n\n## What works ${suffix1}\n\nTBC\n\n## Equality Impact Assessment ${suffix2}\n\nTBC\n`;
}

describe('hostile G: output injection', function () {
  this.timeout(60000);

  it('a policy name holding workflow commands: every stderr line starts "commissioning-lint:", none starts "::"', async function () {
    const dir = h.write(h.tmpdir(), { '.commissioning-lint.yaml': 'policy: "x\\n::error::pwned\\n::stop-commands::t"\n', 's.md': h.EXAMPLE });
    for (const format of ['stylish', 'github']) {
      const r = await h.cli(['--format', format, 's.md'], { cwd: dir, timeoutMs: BOUND_MS });
      h.figure(this, `${format}: ${h.describeRun(r)}`);
      h.assertFinished(r, BOUND_MS);
      for (const l of r.stderr.split(/\r?\n/)) assert.ok(!l.startsWith('::'), `${format}: stderr line starts "::": ${JSON.stringify(l)}`);
      for (const l of r.stdout.split(/\r?\n/)) assert.ok(!/^::(error::pwned|stop-commands)/.test(l), `${format}: stdout line ${JSON.stringify(l)}`);
      h.assertStderrLines(r.stderr);
    }
  });

  it('headings holding terminal escapes: stylish (NO_COLOR) has no ESC, json round-trips', async function () {
    const text = headed(OSC8, CLEAR);
    const dir = h.write(h.tmpdir(), { 's.md': text });
    const stylish = await h.cli(['s.md'], { cwd: dir, timeoutMs: BOUND_MS });
    h.assertFinished(stylish, BOUND_MS);
    const escs = (stylish.stdout + stylish.stderr).split('\u001b').length - 1;
    h.figure(this, `stylish: ${escs} ESC bytes`);
    assert.ok(/What works|Equality Impact Assessment/.test(stylish.stdout), 'the findings quote the headings (test premise)');
    assert.ok(!stylish.stdout.includes('\u001b') && !stylish.stderr.includes('\u001b'), `stylish output holds ${escs} ESC: ${JSON.stringify(stylish.stdout.split('\n').find((l) => l.includes('\u001b')))}`);
    const json = await h.cli(['--format', 'json', 's.md'], { cwd: dir, timeoutMs: BOUND_MS });
    h.assertFinished(json, BOUND_MS);
    // Valid JSON, with control characters escaped (\u001b), never raw.
    assert.ok(!json.stdout.includes('\u001b'), 'raw ESC in the JSON output');
    const out = h.parseJson(json);
    assert.equal(out.files[0].path, 's.md');
    assert.ok(out.files[0].diagnostics.length > 0);
  });

  it('a heading holding <img onerror>: no raw <img in the markdown and html reports', async function () {
    const dir = h.write(h.tmpdir(), { 's.md': headed(...IMG_HEADINGS) });
    const raw = [];
    let quoted = false;
    for (const format of ['markdown', 'html']) {
      const r = await h.cli(['--format', format, 's.md'], { cwd: dir, timeoutMs: BOUND_MS });
      h.assertFinished(r, BOUND_MS);
      // In Markdown a backslash escapes the "<"; in HTML nothing does.
      const m = r.stdout.match(format === 'html' ? /.{0,60}<img.{0,30}/i : /.{0,60}(?<!\\)<img.{0,30}/i);
      if (m) raw.push(`${format}: ${m[0]}`);
      quoted ||= r.stdout.includes('onerror');
    }
    h.figure(this, raw.length ? raw.join(' | ') : 'escaped');
    assert.ok(quoted, 'the reports quote the headings (test premise)');
    assert.deepEqual(raw, []);
  });

  it('a heading holding <img onerror>: no raw <img in the server coverage report', async function () {
    const text = headed(...IMG_HEADINGS);
    const dir = h.write(h.tmpdir(), { 's.md': text });
    const c = await h.session(dir);
    let report;
    try {
      const uri = h.uriOf(path.join(dir, 's.md'));
      await c.open(uri, text);
      await c.timed('textDocument/diagnostic', { textDocument: { uri } }, 5000);
      report = (await c.timed('commissioningLint/coverage', { uri }, 5000)).value.report;
    } finally {
      await c.end();
    }
    assert.equal(typeof report, 'string', 'the coverage request returns a report');
    const m = report.match(/.{0,60}(?<!\\)<img.{0,30}/i);
    h.figure(this, m ? `raw: ${m[0]}` : `escaped (the report ${report.includes('onerror') ? 'quotes' : 'does not quote'} the headings)`);
    assert.ok(!m, `raw <img in the report: ${m?.[0]}`);
  });

  for (const docsBase of ['command:workbench.action.terminal.new?', 'javascript:alert(1)']) {
    it(`a pack with docsBase "${docsBase}": refused naming docsBase, or every emitted link https:`, async function () {
      const dir = h.write(h.tmpdir(), {
        'evil.pack.yaml': `id: evil\nextends: commissioning-friend-2009\ndocsBase: "${docsBase}"\n`,
        '.commissioning-lint.yaml': 'policy: ./evil.pack.yaml\n',
        's.md': h.withoutSection(h.EXAMPLE, 'What works'),
      });
      const scheme = docsBase.slice(0, docsBase.indexOf(':') + 1);
      const problems = [];
      for (const format of ['json', 'sarif', 'markdown', 'html']) {
        const r = await h.cli(['--format', format, 's.md'], { cwd: dir, timeoutMs: BOUND_MS });
        h.assertFinished(r, BOUND_MS);
        if (r.code === 2) {
          if (!h.assertStderrLines(r.stderr).some((l) => l.includes('docsBase'))) problems.push(`${format}: exit 2 without naming docsBase: ${r.stderr.trim()}`);
          continue;
        }
        if (r.stdout.includes(scheme)) problems.push(`${format}: emits ${JSON.stringify(r.stdout.match(new RegExp(`.{0,40}${scheme}.{0,30}`))[0])}`);
        if (format === 'sarif') {
          const rules = h.parseJson(r).runs.flatMap((run) => run.tool.driver.rules ?? []);
          for (const rule of rules) if (rule.helpUri !== undefined && !String(rule.helpUri).startsWith('https:')) problems.push(`sarif helpUri ${rule.helpUri}`);
        }
      }
      const c = await h.session(dir);
      try {
        const uri = h.uriOf(path.join(dir, 's.md'));
        await c.open(uri, h.withoutSection(h.EXAMPLE, 'What works'));
        const d = await c.timed('textDocument/diagnostic', { textDocument: { uri } }, 5000);
        const refused = d.value.items.some((x) => /docsBase/.test(x.message));
        for (const x of d.value.items) if (x.codeDescription && !x.codeDescription.href.startsWith('https:')) problems.push(`server codeDescription ${x.codeDescription.href}`);
        if (!refused && JSON.stringify(d.value).includes(scheme)) problems.push(`server diagnostics hold ${scheme}`);
      } finally {
        await c.end();
      }
      h.figure(this, problems.length ? [...new Set(problems)].slice(0, 4).join(' | ') : 'ok');
      assert.deepEqual([...new Set(problems)], []);
    });
  }

  it('-j 300 on 30 files: exit 0 within 20 s', async function () {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`docs/s${i}.md`, h.EXAMPLE]));
    const dir = h.write(h.tmpdir(), files);
    const r = await h.cli(['-j', '300', 'docs'], { cwd: dir, timeoutMs: 20000, memKillMB: 4096 });
    h.figure(this, `${h.describeRun(r)}, peak ${r.peakThreads} threads`);
    h.assertFinished(r, 20000);
    assert.equal(r.code, 0, h.describeRun(r));
  });
});
