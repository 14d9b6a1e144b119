// The benchmark's two corpora, written under the OS temp folder (never in the
// repository) and reused until what they are made from changes:
//   - plain: generate.js, the shape of document the tool's fast parser was built on;
//   - rich:  generate-rich.js, written without reading the parser (front matter,
//            links, footnotes, quotes, nested lists, five table shapes, long prose).
// Each corpus has the same layout, drawn with the same seeds: N strategies of
// 20 KB, one strategy at 1×, 2×, 4× and 8× of 640 KB, one strategy with a service
// table of 1,250 to 10,000 rows, and one small strategy for the cold start.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { strategy } = require('./generate');
const { richStrategy } = require('./generate-rich');

/**
 * Bump a corpus's version when what bench writes changes (seeds, sizes, layout).
 * An edit to the generator itself needs no bump: its source is hashed into the
 * folder name, so a changed generator always gets a fresh corpus.
 */
const CORPORA = [
  { name: 'plain', version: 3, generator: './generate.js', make: strategy },
  { name: 'rich', version: 1, generator: './generate-rich.js', make: richStrategy },
];

const FILE_BYTES = 20 * 1024;
const SIZE_STEP = 640 * 1024;
const TABLE_ROWS = [1250, 2500, 5000, 10000];

/** The paths of one corpus with `count` 20 KB strategies, generating whatever part is missing. */
function prepare(corpus, count) {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(require.resolve(corpus.generator))).digest('hex').slice(0, 8);
  const dir = path.join(os.tmpdir(), `commissioning-lint-bench-${corpus.name}-v${corpus.version}-${hash}`);
  const files = Array.from({ length: count }, (_, i) => `strategy-${String(i + 1).padStart(4, '0')}.md`);
  const layout = {
    name: corpus.name,
    dir,
    corpus: path.join(dir, `corpus-${count}`),
    files: files.map((f) => path.join(dir, `corpus-${count}`, f)),
    sizes: [1, 2, 4, 8].map((k) => ({ k, file: path.join(dir, 'sizes', `strategy-${k}x.md`) })),
    tables: TABLE_ROWS.map((rows, i) => ({ k: 2 ** i, rows, file: path.join(dir, 'tables', `table-${rows}-rows.md`) })),
    small: path.join(dir, 'small', 'small.md'),
  };
  const { make } = corpus;
  const write = (file, text) => fs.writeFileSync(file, text);
  // The same seeds as the corpus of earlier versions, so old and new figures compare.
  part(dir, `corpus-${count}`, (d) => files.forEach((f, i) => write(path.join(d, f), make(i + 1, FILE_BYTES))));
  part(dir, 'sizes', (d) => layout.sizes.forEach((s) => write(path.join(d, path.basename(s.file)), make(90001 + s.k, s.k * SIZE_STEP))));
  part(dir, 'tables', (d) => layout.tables.forEach((t) => write(path.join(d, path.basename(t.file)), make(80001, 8 * 1024, t.rows))));
  part(dir, 'small', (d) => write(path.join(d, 'small.md'), make(70001, 6 * 1024)));
  for (const s of [...layout.sizes, ...layout.tables]) s.bytes = fs.statSync(s.file).size;
  layout.mb = layout.files.reduce((a, f) => a + fs.statSync(f).size, 0) / 1048576;
  return layout;
}

/**
 * Writes one folder of the corpus unless it exists. Written aside and renamed into
 * place, so a run that is stopped, or two runs at once (two worktrees), never
 * leave or read a half-written folder.
 */
function part(dir, name, fill) {
  const final = path.join(dir, name);
  if (fs.existsSync(final)) return;
  process.stderr.write(`generating ${final} …\n`);
  const tmp = path.join(dir, `.${name}-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fill(tmp);
  try {
    fs.renameSync(tmp, final);
  } catch (err) {
    // Another run got there first with the same content.
    if (!fs.existsSync(final)) throw err;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { CORPORA, prepare };
