// --format junit: one testsuite per strategy, one testcase per check, parsed back
// with a real XML parser.
const assert = require('node:assert');
const { XMLParser, XMLValidator } = require('fast-xml-parser');
const { run } = require('../helpers/cli');
const { strategyWorkspace } = require('./format-workspace');

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

describe('--format junit', () => {
  let r;
  let suites;
  before(() => {
    const dir = strategyWorkspace({ odd: true, binary: true });
    r = run(['--format', 'junit', 'strategies'], { cwd: dir });
    assert.strictEqual(XMLValidator.validate(r.stdout), true);
    suites = parser.parse(r.stdout).testsuites;
  });
  const suite = (name) => suites.testsuite.find((s) => s.name === name);
  const testcase = (s, name) => s.testcase.find((c) => c.name === name);

  it('has one testsuite per strategy, the unreadable one with an error', () => {
    assert.deepStrictEqual(suites.testsuite.map((s) => s.name).sort(), [
      'strategies/draft, v2: <new> & 100%.md',
      'strategies/linked.md',
      'strategies/no-eqia.md',
      'strategies/northvale.md',
      'strategies/scan.md',
      'strategies/waived.md',
    ]);
    const scan = suite('strategies/scan.md');
    assert.strictEqual(scan.errors, '1');
    assert.match(scan.testcase[0].error.message, /NUL bytes/);
    assert.strictEqual(r.code, 2);
  });

  it('has one testcase per check: IPC elements, the EqIA and each group, WCC, legislation', () => {
    const s = suite('strategies/northvale.md');
    const names = s.testcase.map((c) => c.name);
    for (const n of ['IPC element: Purpose and commitments', 'IPC element: Monitoring and review', 'Equality impact assessment', 'EqIA group: Sexual orientation', 'EqIA group: Religion or belief', 'WCC competency tags', 'Legislation cited is current']) {
      assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
    }
    assert.strictEqual(names.filter((n) => n.startsWith('IPC element: ')).length, 7);
    assert.strictEqual(names.filter((n) => n.startsWith('EqIA group: ')).length, 6);
    assert.strictEqual(Number(s.tests), s.testcase.length);
    assert.match(s.properties.property.find((p) => p.name === 'coverage').value, /^IPC 7\/7 · EqIA 5\/6 · WCC \d+\/11$/);
  });

  it('fails a check with the finding as message, passes the others', () => {
    const s = suite('strategies/northvale.md');
    const so = testcase(s, 'EqIA group: Sexual orientation');
    assert.strictEqual(so.failure.type, 'eqia-group-unassessed');
    assert.match(so.failure.message, /Impact on sexual orientation is not assessed/);
    assert.match(so.failure['#text'], /^\d+:\d+ warning Impact on sexual orientation/);
    assert.strictEqual(testcase(s, 'EqIA group: Age').failure, undefined);
    assert.strictEqual(Number(s.failures), s.testcase.filter((c) => c.failure).length);
    assert.strictEqual(s.failures, '1');
  });

  it('lists infos without failing the check', () => {
    const leg = testcase(suite('strategies/northvale.md'), 'Legislation cited is current');
    assert.strictEqual(leg.failure, undefined);
    assert.match(leg['system-out'], /Disability Discrimination Act 2005.*legislation-superseded/);
  });

  it('marks a check whose findings were all waived as skipped, with the reason', () => {
    const s = suite('strategies/waived.md');
    const so = testcase(s, 'EqIA group: Sexual orientation');
    assert.strictEqual(so.failure, undefined);
    assert.strictEqual(so.skipped.message, 'waived: the board agreed to assess this group at the March review');
    assert.strictEqual(s.skipped, '1');
    assert.strictEqual(s.failures, '0');
  });

  it('fails the EqIA and every group when there is no EqIA', () => {
    const s = suite('strategies/no-eqia.md');
    assert.strictEqual(testcase(s, 'Equality impact assessment').failure.type, 'eqia-missing');
    for (const c of s.testcase.filter((x) => x.name.startsWith('EqIA group: '))) assert.strictEqual(c.failure.type, 'eqia-missing', c.name);
  });

  it('totals the suites', () => {
    const sum = (k) => suites.testsuite.reduce((a, s) => a + Number(s[k]), 0);
    for (const k of ['tests', 'failures', 'errors', 'skipped']) assert.strictEqual(Number(suites[k]), sum(k), k);
  });
});
