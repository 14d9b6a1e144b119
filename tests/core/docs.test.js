// Generated and hand-written docs stay true to the registry: the README's rule
// table is current, and every rule has a docs page and a fixture folder.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, core } = require('../helpers/core');
const { withTable } = require('../../scripts/rule-table');

describe('docs', () => {
  it('README rule table matches the registry (run `npm run docs` to refresh)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.strictEqual(readme, withTable(readme));
  });
  for (const rule of core.RULES) {
    it(`${rule.id} has a docs page and fixtures`, () => {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`)));
      assert.ok(fs.existsSync(path.join(ROOT, 'test-fixtures', 'rules', rule.id)));
      assert.strictEqual(core.ruleDocsUrl(rule.id), `https://github.com/commissioning-lint/commissioning-lint/blob/main/docs/rules/${rule.id}.md`);
    });
  }
  it('the registry and the id list agree', () => {
    assert.deepStrictEqual(core.RULES.map((r) => r.id), core.RULE_IDS);
  });
  it('the README quick start is the two commands', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /npm ci && npm start/);
    assert.match(readme, /npm ci && npm test/);
  });
});
