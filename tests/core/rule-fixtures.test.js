// Walks test-fixtures/rules/<rule-id>/*.md and checks each fixture's inline
// expectations. A new case is a new file:
//   <!-- expect: RULE -->                 a RULE diagnostic on this line
//   <!-- expect: RULE "text" -->          …whose message contains "text"
//   <!-- expect@12: RULE -->              …on line 12 (for lines that cannot hold a comment)
//   <!-- fixture: policy=equality-act-2010 check=rule-a,rule-b -->
// Only the folder's rule (plus any `check=` rules) is compared, so a fixture
// need not be clean of everything else.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, lintText } = require('../helpers/core');

const FIXTURES = path.join(ROOT, 'test-fixtures', 'rules');
const EXPECT = /<!--\s*expect(?:@(\d+))?:\s*([\s\S]*?)-->/g;

function expectations(text) {
  const lines = text.split(/\r\n|\r|\n/);
  const out = [];
  lines.forEach((l, i) => {
    for (const m of l.matchAll(EXPECT)) {
      const line = m[1] ? Number(m[1]) : i + 1;
      for (const part of m[2].split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
        const mm = /^\s*([a-z-]+)(?:\s+"([^"]*)")?\s*$/.exec(part);
        if (mm) out.push({ ruleId: mm[1], line, text: mm[2] });
      }
    }
  });
  return out;
}

function settings(text) {
  const m = /<!--\s*fixture:([^>]*)-->/.exec(text);
  const s = { policy: undefined, check: [] };
  if (!m) return s;
  for (const kv of m[1].trim().split(/\s+/)) {
    const [k, v] = kv.split('=');
    if (k === 'policy') s.policy = v;
    if (k === 'check') s.check = v.split(',');
  }
  return s;
}

describe('rule fixtures', () => {
  for (const rule of fs.readdirSync(FIXTURES).sort()) {
    describe(rule, () => {
      const dir = path.join(FIXTURES, rule);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && !f.endsWith('.linked.md'));
      it('has at least one fixture that expects the rule and one that does not', () => {
        const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
        assert.ok(texts.some((t) => expectations(t).some((e) => e.ruleId === rule)), `no fixture in ${rule}/ expects ${rule}`);
        assert.ok(texts.some((t) => !expectations(t).some((e) => e.ruleId === rule)), `no clean fixture in ${rule}/`);
      });
      for (const f of files) {
        it(f, () => {
          const file = path.join(dir, f);
          const text = fs.readFileSync(file, 'utf8');
          const s = settings(text);
          const rules = new Set([rule, ...s.check]);
          const { diagnostics } = lintText(text, { policyId: s.policy, file });
          const actual = diagnostics.filter((d) => rules.has(d.ruleId));
          const expected = expectations(text).filter((e) => rules.has(e.ruleId));
          const key = (d) => `${d.line} ${d.ruleId}`;
          assert.deepStrictEqual(actual.map(key).sort(), expected.map(key).sort(), `diagnostics differ:\n${actual.map((d) => `  ${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n')}`);
          for (const e of expected.filter((x) => x.text)) {
            const hit = actual.find((d) => d.line === e.line && d.ruleId === e.ruleId && d.message.includes(e.text));
            assert.ok(hit, `no ${e.ruleId} on line ${e.line} whose message contains "${e.text}"; got: ${actual.filter((d) => d.line === e.line).map((d) => d.message).join(' | ')}`);
          }
        });
      }
    });
  }
});
