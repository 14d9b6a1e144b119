// --cache: results reused while a file, its linked EqIA, the policy and the tool
// are unchanged; nothing read or written without --cache.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { run, snapshot } = require('../helpers/cli');
const { strategyWorkspace, NO_EQIA } = require('./format-workspace');

const CACHE = path.join('node_modules', '.cache', 'commissioning-lint', 'cache.json');

describe('--cache', () => {
  let dir;
  let fresh;
  before(() => {
    dir = strategyWorkspace();
    // Files written an hour ago are settled, however slowly the runs below follow (a file
    // changed within two seconds of being hashed is hashed again, and its new time saved).
    const hourAgo = new Date(Date.now() - 3600_000);
    // Every file, the linked EqIA in its sub-folder too (under load a run can follow its writing within two seconds).
    for (const f of fs.readdirSync(path.join(dir, 'strategies'), { recursive: true })) fs.utimesSync(path.join(dir, 'strategies', f), hourAgo, hourAgo);
    fresh = run(['--format', 'json', 'strategies'], { cwd: dir });
  });
  const cached = (...args) => run(['--format', 'json', '--cache', ...args, 'strategies'], { cwd: dir });
  const entries = (file = CACHE) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).entries;
  const entryOf = (name) => Object.entries(entries()).find(([k]) => k.endsWith(`${path.sep}${name}`))[1];

  it('writes nothing without --cache', () => {
    const before = snapshot(dir);
    run(['--format', 'json', 'strategies'], { cwd: dir });
    assert.deepStrictEqual(snapshot(dir), before);
  });

  it('gives the same output on a cold and a warm cache, and a warm run only reads', () => {
    const cold = cached();
    assert.strictEqual(cold.stdout, fresh.stdout);
    assert.strictEqual(cold.code, fresh.code);
    // Four strategies, and the linked EqIA, linted as found in the folder (then dropped from the report).
    assert.strictEqual(Object.keys(entries()).length, 5);
    const mtime = fs.statSync(path.join(dir, CACHE)).mtimeMs;
    const warm = cached();
    assert.strictEqual(warm.stdout, fresh.stdout);
    assert.strictEqual(warm.code, fresh.code);
    assert.strictEqual(fs.statSync(path.join(dir, CACHE)).mtimeMs, mtime, 'an unchanged corpus does not rewrite the cache');
  });

  it('re-lints a changed file', () => {
    cached();
    fs.writeFileSync(path.join(dir, 'strategies/northvale.md'), NO_EQIA);
    const j = JSON.parse(cached().stdout);
    assert.ok(j.files.find((f) => f.path === 'strategies/northvale.md').diagnostics.some((d) => d.ruleId === 'eqia-missing'));
  });

  it('re-lints a strategy whose linked EqIA changed, or appeared', () => {
    const eqia = path.join(dir, 'strategies/eqia/northvale-eqia.md');
    const text = fs.readFileSync(eqia, 'utf8');
    const status = () => JSON.parse(cached().stdout).files.find((f) => f.path === 'strategies/linked.md').coverage.eqia.groups.age.status;
    assert.strictEqual(status(), 'covered');
    fs.writeFileSync(eqia, text.replace(/^\| Age .*\n/m, ''));
    assert.notStrictEqual(status(), 'covered');
    fs.rmSync(eqia);
    status();
    fs.writeFileSync(eqia, text);
    assert.strictEqual(status(), 'covered', 'a linked file that appears is noticed');
  });

  it('trusts an old file whose size and time are unchanged, and re-reads anything else', () => {
    const file = path.join(dir, 'strategies/northvale.md');
    const text = fs.readFileSync(file, 'utf8');
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(file, old, old);
    const first = cached();
    assert.ok(Math.abs(entryOf('northvale.md').mtime - old.getTime()) < 1, 'the stamp of an old file is kept');
    // Touched, not changed: the result stands, and the new time is remembered once.
    const later = new Date(Date.now() - 1800_000);
    fs.utimesSync(file, later, later);
    const touched = cached();
    assert.strictEqual(touched.stdout, first.stdout);
    assert.ok(Math.abs(entryOf('northvale.md').mtime - later.getTime()) < 1, 'a touched file gets its new stamp');
    // Changed (another size), with the old time put back: re-linted all the same.
    fs.writeFileSync(file, `${text}\nSee WCC 14.\n`);
    fs.utimesSync(file, later, later);
    const j = JSON.parse(cached().stdout);
    assert.ok(j.files.find((f) => f.path === 'strategies/northvale.md').diagnostics.some((d) => d.ruleId === 'wcc-tag-invalid'));
    fs.writeFileSync(file, text);
  });

  it('re-lints when the policy changes', () => {
    const first = JSON.parse(cached().stdout);
    const other = JSON.parse(cached('--policy', 'equality-act-2010').stdout);
    assert.strictEqual(Object.keys(first.files[0].coverage.eqia.groups).length, 6);
    assert.strictEqual(Object.keys(other.files[0].coverage.eqia.groups).length, 9);
  });

  it('keeps the cache where --cache-location says', () => {
    const r = cached('--cache-location', '.lint-cache');
    assert.strictEqual(r.stdout, cached().stdout);
    assert.strictEqual(Object.keys(entries('.lint-cache/cache.json')).length, 5);
  });
});
