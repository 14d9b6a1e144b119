// Generates snippets/markdown.json from the default policy pack (run by
// `npm run build` via esbuild.js; tests/lsp/snippets.test.js fails if the file
// drifts from the pack). Skeletons are honest drafts: section bodies start as
// "[Insert: …]" placeholders and EqIA impact cells start empty, which the core
// reads as empty/unassessed until the author writes them.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const OUT = path.join(__dirname, 'markdown.json');

/** Escapes text for a snippet body ($, } and \ are syntax there). */
const esc = (s) => s.replace(/[\\$}]/g, '\\$&');
/** Escapes one option of a ${1|a,b|} choice. */
const escChoice = (s) => esc(s).replace(/[,|]/g, '\\$&');
const oneLine = (s) => s.replace(/\s+/g, ' ').replace(/[[\]]/g, '').trim();

/**
 * One IPC section: heading with the element's WCC tags ("(WCC 5, 8)"), explicit
 * marker, and a placeholder body (tab stop `stop`). Tags sit in the heading so
 * the body is only the placeholder, which the core reads as "empty".
 */
function sectionLines(policy, e, depth, stop) {
  const known = e.wcc.filter((n) => policy.competencies.some((c) => c.number === n));
  const tags = known.length ? ` (WCC ${known.join(', ')})` : '';
  return [`${'#'.repeat(depth)} ${esc(e.title)}${tags}`, '', `<!-- ipc: ${e.id} -->`, `\${${stop}:[Insert: ${esc(oneLine(e.scaffold))}]}`];
}

/** The EqIA table, one row per group with empty impact cells (tab stops from `stop`). */
function eqiaLines(policy, depth, stop) {
  const rows = policy.groups.map((g, i) => `| ${esc(g.names[0] ?? g.label)} | \${${stop + 2 * i}} | \${${stop + 2 * i + 1}} |`);
  return [`${'#'.repeat(depth)} Equality Impact Assessment`, '', `<!-- ${esc(oneLine(policy.eqia.scaffold))} -->`, '', '| Group | Impact | Evidence and mitigation |', '|---|---|---|', ...rows];
}

/** The built core (dist/core.js): the tag wording comes from its one source of WCC syntax. */
const builtCore = () => require(path.join(__dirname, '..', 'dist', 'core.js'));

function buildSnippets(policy) {
  const core = builtCore();
  const out = {};
  let stop = 2;
  const skeleton = ['---', 'title: ${1:Strategy title}', 'status: Draft', '---', '', '# ${1:Strategy title}', ''];
  for (const e of policy.elements) {
    skeleton.push(...sectionLines(policy, e, 2, stop++), '');
  }
  skeleton.push(...eqiaLines(policy, 2, stop), '');
  out['Commissioning strategy skeleton'] = {
    prefix: ['strategy', 'commissioning-strategy'],
    description: `A whole strategy from ${policy.title}: the ${policy.elements.length} IPC sections, an EqIA table with every equality group, and WCC tags.`,
    body: skeleton,
  };
  out['Equality Impact Assessment table'] = {
    prefix: ['eqia', 'equality-impact-assessment'],
    description: `An EqIA table with a row for each of the ${policy.groups.length} equality groups.`,
    body: [...eqiaLines(policy, 2, 1), ''],
  };
  out['WCC competency tag'] = {
    prefix: ['wcc', 'WCC'],
    description: `A World Class Commissioning competency tag (1–${policy.competencies.length}).`,
    body: [`WCC \${1|${policy.competencies.map((c) => escChoice(core.itemText(c.number, c.names[0]))).join(',')}|}`],
  };
  for (const e of policy.elements) {
    out[`IPC section: ${e.title}`] = {
      prefix: [`ipc-${e.id}`],
      description: `${e.title} (IPC element "${e.id}"): ${oneLine(e.description)}`,
      body: [...sectionLines(policy, e, 2, 1), ''],
    };
  }
  return out;
}

function render(policy) {
  return JSON.stringify(buildSnippets(policy), null, 2) + '\n';
}

/** Writes the snippets from the built core's default pack (dist/core.js must exist). */
function write(root = path.join(__dirname, '..')) {
  const core = require(path.join(root, 'dist', 'core.js'));
  const { policy, problems } = core.loadPolicy({});
  if (!policy) throw new Error(`snippets: cannot load the default pack: ${problems.map((p) => p.message).join('; ')}`);
  const text = render(policy);
  // Only touch the file when it changes, so watch builds do not loop.
  if (!fs.existsSync(OUT) || fs.readFileSync(OUT, 'utf8') !== text) fs.writeFileSync(OUT, text);
}

module.exports = { buildSnippets, render, write, OUT };
