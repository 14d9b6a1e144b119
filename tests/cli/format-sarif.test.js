// --format sarif: SARIF 2.1.0 that the official validator (the SARIF Multitool)
// passes, with the rules, regions and suppressions code-scanning tools need.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run } = require('../helpers/cli');
const { strategyWorkspace, PATHS } = require('./format-workspace');

describe('--format sarif', () => {
  let dir;
  let r;
  let log;
  before(() => {
    dir = strategyWorkspace({ odd: true, binary: true });
    r = run(['--format', 'sarif', 'strategies'], { cwd: dir });
    log = JSON.parse(r.stdout);
  });

  it('passes the SARIF Multitool validator with no errors or warnings', function () {
    this.timeout(30000);
    const file = path.join(dir, 'out.sarif');
    const report = path.join(os.tmpdir(), `cl-sarif-validation-${process.pid}.sarif`);
    fs.writeFileSync(file, r.stdout);
    // The native binary directly: the package's bin wrapper goes through a shell.
    const v = spawnSync(require('@microsoft/sarif-multitool'), ['validate', file, '--output', report, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    assert.strictEqual(v.status, 0, v.stdout + v.stderr);
    const findings = JSON.parse(fs.readFileSync(report, 'utf8')).runs.flatMap((run) => run.results ?? []);
    const serious = findings.filter((f) => f.level === 'error' || f.level === 'warning');
    assert.deepStrictEqual(serious.map((f) => `${f.ruleId}: ${JSON.stringify(f.message)}`), []);
    fs.rmSync(report, { force: true });
  });

  it('names the tool and describes every rule with a help URI', () => {
    assert.strictEqual(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    const driver = log.runs[0].tool.driver;
    assert.strictEqual(driver.name, 'commissioning-lint');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.ok(driver.rules.length >= 10);
    for (const rule of driver.rules) {
      assert.match(rule.helpUri, new RegExp(`^https://.*${rule.id}\\.md$`));
      assert.ok(rule.shortDescription.text.length > 10, rule.id);
      assert.ok(rule.fullDescription.text.length >= rule.shortDescription.text.length - 1, rule.id);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
    }
  });

  it('gives every result its rule, level, message and a region in a relative file', () => {
    const run0 = log.runs[0];
    const rules = run0.tool.driver.rules;
    assert.ok(run0.results.length > 5);
    for (const res of run0.results) {
      assert.strictEqual(rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.message.text);
      const loc = res.locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(loc.artifactLocation.uri, /^strategies\//);
      assert.strictEqual(run0.artifacts[loc.artifactLocation.index].location.uri, loc.artifactLocation.uri);
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine >= loc.region.startLine);
    }
    assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const uris = new Set(run0.results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri));
    for (const p of PATHS) assert.ok(uris.has(p), p);
    // A file name with spaces, commas and "%" is percent-encoded in the URI.
    assert.ok([...uris].some((u) => u.includes('draft%2C%20v2%3A%20%3Cnew%3E%20%26%20100%25.md')), [...uris].join('\n'));
    assert.strictEqual(run0.columnKind, 'utf16CodeUnits');
  });

  it('reports inline waivers as in-source suppressions with their reason', () => {
    const results = log.runs[0].results.filter((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'strategies/waived.md');
    const waived = results.filter((x) => x.suppressions);
    assert.strictEqual(waived.length, 1);
    assert.strictEqual(waived[0].ruleId, 'eqia-group-unassessed');
    assert.deepStrictEqual(waived[0].suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'the board agreed to assess this group at the March review' }]);
    // The same finding in the unwaived copy is an ordinary result.
    const plain = log.runs[0].results.filter((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'strategies/northvale.md' && x.ruleId === 'eqia-group-unassessed');
    assert.strictEqual(plain.length, 1);
    assert.strictEqual(plain[0].suppressions, undefined);
  });

  it('reports a file it could not read as a tool execution notification (exit 2)', () => {
    assert.strictEqual(r.code, 2);
    const inv = log.runs[0].invocations[0];
    assert.strictEqual(inv.executionSuccessful, false);
    assert.strictEqual(inv.toolExecutionNotifications.length, 1);
    assert.match(inv.toolExecutionNotifications[0].message.text, /scan\.md.*NUL/);
  });
});
