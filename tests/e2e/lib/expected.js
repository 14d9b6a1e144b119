'use strict';
// What the editors should show for a file, taken from the CLI's JSON (the
// project's contract) and the policy pack's own words, so the e2e suites check
// the editors against the linter rather than against copied strings.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const SNIPPETS = path.join(ROOT, 'snippets', 'markdown.json');

/** `node dist/cli.js --format json FILE` → that file's entry ({ diagnostics, coverage }). */
function cliJson(file) {
  // Exit code 1 just means "lint errors"; 2 is a usage/config/I-O error.
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', file], { cwd: path.dirname(file), encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed on ${file} (exit ${r.status}): ${r.stderr}`);
  const json = JSON.parse(r.stdout);
  const entry = json.files.find((f) => path.resolve(path.dirname(file), f.path) === path.resolve(file)) || json.files[0];
  if (!entry) throw new Error(`CLI JSON has no entry for ${file}: ${r.stdout.slice(0, 500)}`);
  return { ...entry, policy: json.policy };
}

/** The built-in policy pack's plain data (the YAML the server embeds). */
function policy(id = 'commissioning-friend-2009') {
  const YAML = require('yaml');
  return YAML.parse(fs.readFileSync(path.join(ROOT, 'policies', `${id}.yaml`), 'utf8'));
}

/** The status-bar line for a coverage object: the core's own wording (built dist/core.js). */
function coverageLine(c) {
  return require(path.join(ROOT, 'dist', 'core.js')).coverageLine(c);
}

/** "ruleId@line" keys, sorted (a multiset: duplicates kept). */
function ruleLineKeys(diags) {
  return diags.map((d) => `${d.ruleId}@${d.line}`).sort();
}

/**
 * The whole-strategy snippet's text once expanded with `title` typed into its
 * first placeholder and every other placeholder left at its default.
 */
function expandedSkeleton(title) {
  const snippets = JSON.parse(fs.readFileSync(SNIPPETS, 'utf8'));
  const entry = Object.values(snippets).find((s) => [].concat(s.prefix).includes('strategy'));
  if (!entry) throw new Error('no snippet with the prefix "strategy" in snippets/markdown.json');
  // Placeholder defaults hold no nested snippet syntax (snippets/build.js
  // escapes $, } and \ in them), so a non-greedy match up to "}" is enough.
  return entry.body.join('\n')
    .replace(/\$\{1:((?:\\.|[^}\\])*)\}/g, title)
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim();

module.exports = { ROOT, CLI, FIXTURES, cliJson, policy, coverageLine, ruleLineKeys, expandedSkeleton, oneLine };
