// Test helpers: the built core bundle and policy loading, shared by the suites.
const path = require('node:path');
const fs = require('node:fs');

const ROOT = path.resolve(__dirname, '..', '..');
const core = require(path.join(ROOT, 'dist', 'core.js'));

function policy(id = 'commissioning-friend-2009') {
  const { policy, problems } = core.loadPolicy({ policy: id });
  if (!policy) throw new Error(problems.map((p) => p.message).join('\n'));
  return policy;
}

/** Lints text as the CLI would, resolving linked files next to `file`. */
function lintText(text, { policyId, file } = {}) {
  const dir = file ? path.dirname(file) : ROOT;
  return core.lint(text, {
    fileName: file ? path.basename(file) : 'test.md',
    policy: policy(policyId),
    readLinked: (rel) => {
      const p = path.resolve(dir, rel);
      return fs.existsSync(p) ? { path: rel, text: fs.readFileSync(p, 'utf8'), key: p } : { path: rel, refused: 'could not be read: no such file' };
    },
  });
}

/** A document model without its circular parts (sections point at their parent), for deep comparison. */
function comparableModel(model) {
  return {
    masked: model.masked,
    blocks: model.blocks,
    comments: model.comments,
    links: model.links,
    frontMatter: model.frontMatter,
    rootBlocks: model.root.blocks.length,
    sections: model.sections.map((s) => ({ title: s.title, depth: s.depth, start: s.start, end: s.end, blocks: s.blocks.length, children: s.children.length })),
  };
}

/** Every .md file under `dir`, depth first. */
function markdownFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (p.endsWith('.md')) out.push(p);
  }
  return out;
}

/** How much of the labelled corpus the oracle checks read by default: one document in this many. */
const ORACLE_SHARE = 8;

/**
 * The files an oracle check reads (one implementation against another over real text: the phrase
 * matcher against each phrase's own pattern, the Word writer against the library's): every fixture,
 * and of the labelled corpus a fixed eighth chosen by name (it grows by a dozen documents a batch;
 * the whole corpus is read by the evaluation, and here with ORACLE_FULL=1).
 */
function oracleFiles(files) {
  if (process.env.ORACLE_FULL === '1') return files;
  return files.filter((f) => !f.split(/[\\/]/).includes('corpus') || nameHash(path.basename(f)) % ORACLE_SHARE === 0);
}

/** FNV-1a of a name: a choice that holds from run to run and machine to machine. */
function nameHash(name) {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The oracle's share of the corpus's documents in `dir`, as [name, text], by name. */
function corpusDocs(dir) {
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  return oracleFiles(names.map((f) => path.join(dir, f))).map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]);
}

/** The /regex/ entries of every built-in pack's phrase book. */
function builtinRegexEntries() {
  return core.BUILTIN_POLICY_IDS.flatMap((id) =>
    policy(id)
      .derived.book.compiled()
      .entries.entries.map(({ entry }) => entry),
  );
}

module.exports = { ROOT, core, policy, lintText, comparableModel, markdownFiles, oracleFiles, corpusDocs, builtinRegexEntries };
