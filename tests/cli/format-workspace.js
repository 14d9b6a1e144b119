// A workspace of strategies for the format and pipeline tests, derived from the
// shipped example: clean-ish, waived, without an EqIA, with a linked EqIA file,
// a name that needs escaping, and a binary file that cannot be linted.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, workspace } = require('../helpers/cli');

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'test-fixtures/examples/northvale-adult-mental-health-strategy.md'), 'utf8');
const WAIVER = '<!-- commissioning-lint-disable eqia-group-unassessed -- the board agreed to assess this group at the March review -->\n';
// The waiver goes after the front matter, so it covers the rest of the document.
const WAIVED = EXAMPLE.replace(/^(---\n[\s\S]*?\n---\n)/, `$1\n${WAIVER}`);
const NO_EQIA = EXAMPLE.replace(/## Equality Impact Assessment[\s\S]*$/, '');
const LINKED = EXAMPLE.replace(/## Equality Impact Assessment[\s\S]*$/, '## Equality Impact Assessment\n\nThe full assessment is in [our EqIA](eqia/northvale-eqia.md).\n');
const LINKED_EQIA = `# Equality impact assessment

| Group | Impact | Notes |
|---|---|---|
| Ethnicity | Positive | Outreach to BME communities. |
| Disability | Positive | Accessible venues for disabled people. |
| Sex | Neutral | No differential impact for men and women. |
| Sexual orientation | Neutral | No differential impact for LGB people. |
| Age | Positive | Older people benefit from the memory service. |
| Religion or belief | Neutral | No differential impact identified. |
`;

/** The files, by path. `odd` and `binary` are opt-in, as few tests want them. */
function strategies({ odd = false, binary = false } = {}) {
  const files = {
    'strategies/northvale.md': EXAMPLE,
    'strategies/waived.md': WAIVED,
    'strategies/no-eqia.md': NO_EQIA,
    'strategies/linked.md': LINKED,
    'strategies/eqia/northvale-eqia.md': LINKED_EQIA,
  };
  if (odd) files['strategies/draft, v2: <new> & 100%.md'] = NO_EQIA;
  if (binary) files['strategies/scan.md'] = Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]);
  return files;
}

function strategyWorkspace(opts) {
  return workspace(strategies(opts));
}

/** The files linted when the test passes these paths (the linked EqIA is part of linked.md). */
const PATHS = ['strategies/northvale.md', 'strategies/waived.md', 'strategies/no-eqia.md', 'strategies/linked.md'];

module.exports = { EXAMPLE, WAIVED, NO_EQIA, LINKED, LINKED_EQIA, strategies, strategyWorkspace, PATHS };
