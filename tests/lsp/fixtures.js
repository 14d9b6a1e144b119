// Strategies for the LSP tests: the Northvale example and variants of it, each
// missing or mistaking one thing a quick fix can repair; plus a temporary
// workspace to put them in (removed after the suite).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./lsp-client');

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'test-fixtures', 'examples', 'northvale-adult-mental-health-strategy.md'), 'utf8');

/** The example without the `## title` section (up to the next `## `). */
function withoutSection(text, title) {
  const start = text.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`no section ${title}`);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(0, start + 1) + (next < 0 ? '' : text.slice(next + 1));
}

function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}

const variants = {
  example: EXAMPLE,
  noEvidence: withoutSection(EXAMPLE, 'What works'),
  noEqia: withoutSection(EXAMPLE, 'Equality Impact Assessment'),
  placeholderEqia: withoutSection(EXAMPLE, 'Equality Impact Assessment') + '\n## Equality Impact Assessment\n\nTBC\n',
  missingGroup: replaceOnce(
    replaceOnce(EXAMPLE, '| Sexual orientation | | |\n', ''),
    'Data on the experience of lesbian, gay and bisexual residents is still being\ncollected with the local LGBT+ forum.\n',
    '',
  ),
  badWcc: replaceOnce(replaceOnce(EXAMPLE, '(WCC 6 – Prioritise investment)', '(WCC 5 – Prioritise investment)'), '(WCC 7 – Stimulate the market)', '(WCC 12)'),
  reasonlessWaiver: replaceOnce(EXAMPLE, 'protected characteristics. Earlier\n', 'protected characteristics. Earlier <!-- commissioning-lint-disable-next-line legislation-superseded -->\n'),
};

/** A fresh directory for a test workspace; `files` maps relative paths to text. */
function makeWorkspace(files = {}) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cl-lsp-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** 0-based position of the first occurrence of `needle` (plus `delta` characters). */
function posOf(text, needle, delta = 0) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in text: ${needle}`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

module.exports = { EXAMPLE, variants, makeWorkspace, posOf, withoutSection, replaceOnce };
