// Scores the not-commissioned aspect on a set of changes sections labelled by a
// reviewer (a JSON array of { id, text, notCommissioned, why }): each section is
// linted as the "Changes needed" section of an otherwise complete strategy.
// `node tests/eval/aspects.js <set.json> [-v]` prints the score and each miss.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, lintText } = require('../helpers/core');

const TEMPLATE = fs.readFileSync(path.join(ROOT, 'test-fixtures', 'rules', 'ipc-aspect-missing', 'only-new-investment.md'), 'utf8');
const [HEAD, REST] = TEMPLATE.split('## Changes needed');
const TAIL = REST.slice(REST.indexOf('## Monitoring and review'));

/** The sections on which the linter and the reviewer disagree. */
function missed(items) {
  return items.filter((it) => {
    // The section's own headings ("## Rehabilitation") sit under "## Changes needed", its shallowest
    // one level down ("# Section 7" and "## 5.3 Stopping" both become "###"); a heading underlined
    // ("Changes to inpatient services" over "-----") is written with "#" first.
    const atx = it.text.trim().replace(/^([^\n|>]*[^\s|>-][^\n]*)\n(=+|-+)[ \t]*$/gm, (_, title, rule) => `${rule[0] === '=' ? '#' : '##'} ${title}`);
    const top = Math.min(...[...atx.matchAll(/^(#{1,6})(?=\s)/gm)].map((m) => m[1].length));
    const body = Number.isFinite(top) ? atx.replace(/^(#{1,6})(?=\s)/gm, (h) => '#'.repeat(Math.min(6, h.length + 3 - top))) : atx;
    const r = lintText(`${HEAD}## Changes needed\n\n${body}\n\n${TAIL}`, { policyId: 'commissioning-friend-2009', file: path.join(ROOT, 'x.md') });
    return (r.coverage.ipc.changes.aspects?.['not-commissioned'] === 'present') !== it.notCommissioned;
  });
}

module.exports = { missed };

if (require.main === module) {
  const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const items = JSON.parse(fs.readFileSync(file, 'utf8'));
  const misses = missed(items);
  console.log(`${path.basename(file)}: ${((items.length - misses.length) / items.length).toFixed(3)} (${items.length - misses.length}/${items.length})`);
  for (const m of misses) {
    console.log(`\n✖ ${m.id} — reviewer: ${m.notCommissioned ? 'states a stop' : 'states none'} (${m.why})`);
    if (process.argv.includes('-v')) console.log(m.text.replace(/^/gm, '    '));
  }
}
