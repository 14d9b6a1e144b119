// A. Unbounded reads: files the tool reads on its own (config, pack, ignore
// files, standard input) that never end or never open. Each run must end
// within 5 s with a one-line reason naming the file, memory staying small;
// the language server must answer with a diagnostic and stay responsive.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');

const BOUND_MS = 5000;
const MEM_MB = 512;
const REFUSED = /not a regular file|over the .* limit/;
const SERVER_REFUSED = /not a regular file|over the .* limit|cannot/i;

/** A folder with a strategy and whatever the case adds; `setup(dir)` returns false when the OS cannot make the input. */
function folder(setup) {
  const dir = h.write(h.tmpdir(), { 's.md': h.EXAMPLE });
  return setup(dir) === false ? null : dir;
}

const cases = {
  '.commissioning-lint.yaml is a symlink to /dev/zero': {
    file: '.commissioning-lint.yaml',
    setup: (dir) => fs.symlinkSync('/dev/zero', path.join(dir, '.commissioning-lint.yaml')),
  },
  '.commissioning-lint.yaml is a FIFO': {
    file: '.commissioning-lint.yaml',
    setup: (dir) => h.mkfifo(path.join(dir, '.commissioning-lint.yaml')),
  },
  'the pack file named by the config is a symlink to /dev/zero': {
    file: 'pack.yaml',
    setup: (dir) => {
      fs.writeFileSync(path.join(dir, '.commissioning-lint.yaml'), 'policy: ./pack.yaml\n');
      fs.symlinkSync('/dev/zero', path.join(dir, 'pack.yaml'));
    },
  },
};

/** Runs the CLI under the bound, with a memory watch that stops a runaway read at 600 MB. */
const bounded = (args, opts) => h.cli(args, { timeoutMs: BOUND_MS + 250, memKillMB: 600, ...opts });

/** Linting a directory whose ignore file never ends (or never opens): the good files are still reported. */
function ignoreFolder(file, setup) {
  const dir = h.write(h.tmpdir(), { 'docs/a.md': h.EXAMPLE, 'docs/b.md': h.withoutSection(h.EXAMPLE, 'What works'), 'docs/sub/c.md': h.EXAMPLE });
  return setup(path.join(dir, 'docs', file)) === false ? null : dir;
}

/**
 * The CLI cases: name → { file, start() → a run's promise, or null when the
 * OS cannot make the input; json: the good files must be reported }.
 * They block or stream rather than compute, so they run side by side.
 */
const cliCases = {
  ...Object.fromEntries(
    Object.entries(cases).map(([name, { file, setup }]) => [
      `${name}: exit 2 within 5 s, one line naming it`,
      {
        file,
        start: () => {
          const dir = folder(setup);
          return dir && bounded(['s.md'], { cwd: dir });
        },
      },
    ]),
  ),
  '.gitignore is a symlink to /dev/zero while linting a directory: exit 2 naming it, other files reported': {
    file: '.gitignore',
    json: true,
    start: () => {
      const dir = ignoreFolder('.gitignore', (p) => fs.symlinkSync('/dev/zero', p));
      return dir && bounded(['--format', 'json', 'docs'], { cwd: dir });
    },
  },
  '.commissioning-lint-ignore is a FIFO while linting a directory: exit 2 naming it, other files reported': {
    file: '.commissioning-lint-ignore',
    json: true,
    start: () => {
      const dir = ignoreFolder('.commissioning-lint-ignore', (p) => h.mkfifo(p));
      return dir && bounded(['--format', 'json', 'docs'], { cwd: dir });
    },
  },
  '--stdin < /dev/zero: exit 2 within 5 s, "standard input … limit"': {
    line: /standard input.*(limit|too large)/,
    start: () => {
      const fd = fs.openSync('/dev/zero', 'r');
      return bounded(['--stdin', '--stdin-filename', 'strategy.md'], { cwd: h.tmpdir(), stdin: fd }).finally(() => fs.closeSync(fd));
    },
  },
};

describe('hostile A: unbounded reads (CLI)', function () {
  this.timeout(30000);
  const results = {};
  before(async function () {
    await Promise.all(Object.entries(cliCases).map(async ([name, c]) => (results[name] = await c.start())));
  });

  for (const [name, { file, json, line }] of Object.entries(cliCases)) {
    it(name, function () {
      const r = results[name];
      if (!r) this.skip();
      h.figure(this, h.describeRun(r));
      h.assertFinished(r, BOUND_MS);
      assert.ok(r.peakMB < MEM_MB, `peak memory ${r.peakMB} MB`);
      assert.equal(r.code, 2, h.describeRun(r));
      const lines = h.assertStderrLines(r.stderr);
      const named = line ?? { test: (l) => l.includes(file) && REFUSED.test(l) };
      assert.ok(lines.some((l) => named.test(l)), `no stderr line ${line ? `matches ${line}` : `names ${file} as refused`}: ${r.stderr}`);
      if (json) {
        const out = h.parseJson(r);
        assert.deepEqual(out.files.map((f) => f.path).sort(), ['docs/a.md', 'docs/b.md', 'docs/sub/c.md']);
        assert.ok(out.files.find((f) => f.path === 'docs/b.md').diagnostics.some((d) => d.ruleId === 'ipc-element-missing'));
      }
    });
  }
});

describe('hostile A: unbounded reads (language server)', function () {
  this.timeout(30000);

  const serverCases = {
    ...cases,
    'the config names /dev/stdin as its policy': {
      file: '.commissioning-lint.yaml',
      setup: (dir) => fs.writeFileSync(path.join(dir, '.commissioning-lint.yaml'), 'policy: /dev/stdin\n'),
    },
  };

  for (const [name, { setup }] of Object.entries(serverCases)) {
    it(`${name}: diagnostics within 5 s say why, and a hover answers within 2 s`, async function () {
      const dir = folder(setup);
      if (!dir) this.skip();
      let c;
      try {
        c = await h.session(dir, { memKillMB: 600 });
        const uri = h.uriOf(path.join(dir, 's.md'));
        await c.open(uri, h.EXAMPLE);
        const d = await c.timed('textDocument/diagnostic', { textDocument: { uri } }, BOUND_MS);
        h.figure(this, `diagnostics in ${h.secs(d.ms)}, peak ${c.peakMB} MB`);
        const messages = d.value.items.map((x) => x.message);
        assert.ok(messages.some((m) => SERVER_REFUSED.test(m)), `no diagnostic says the file was refused: ${JSON.stringify(messages)}`);
        const hover = await c.timed('textDocument/hover', h.hoverParams(uri), 2000);
        h.figure(this, `hover in ${h.secs(hover.ms)}`);
        assert.equal(c.child.exitCode, null, 'server alive');
        assert.ok(c.peakMB < 1024, `server peak memory ${c.peakMB} MB`);
      } catch (e) {
        h.figure(this, `FAILED: ${e.message}; server peak ${c?.peakMB} MB${c?.memKilled ? ' (killed for memory)' : ''}`);
        throw e;
      } finally {
        await c?.end();
      }
    });
  }
});
