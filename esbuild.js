// Builds the bundles: the CLI, the language server, the MCP server and the VS
// Code client, and for the browser (vscode.dev, github.dev) the web client and
// the server as a Web Worker. Policy packs (*.yaml) are embedded as text so the
// core needs no file system.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

// `import data from './pack.yaml?data'` gives the pack's plain data as a JSON
// string, parsed here at build time: a YAML parse of the default pack was the
// largest single cost of a cold start.
// `raw` (the browser bundle, held under 1 MB): the JSON text in String.raw`…`, where its quotes
// and backslashes need no escaping (a quoted literal of it is about 8 KB longer).
const yamlDataPlugin = (raw = false) => ({
  name: 'yaml-data',
  setup(build) {
    build.onResolve({ filter: /\.yaml\?data$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?data'.length)), namespace: 'yaml-data' }));
    build.onLoad({ filter: /.*/, namespace: 'yaml-data' }, (args) => {
      const json = JSON.stringify(require('yaml').parse(fs.readFileSync(args.path, 'utf8')));
      const literal = raw && !/`|\$\{/.test(json) ? `String.raw\`${json}\`` : JSON.stringify(json);
      return { contents: `export default ${literal};`, loader: 'js', watchFiles: [args.path] };
    });
  },
});
const yamlData = yamlDataPlugin();

// `import validators from 'virtual:schema-validators'`: the JSON Schemas of packs and
// configs compiled by ajv at build time into plain functions (ajv's standalone
// code), so no bundle carries ajv's compiler and no run compiles a schema.
const schemaValidators = {
  name: 'schema-validators',
  setup(build) {
    build.onResolve({ filter: /^virtual:schema-validators$/ }, () => ({ path: 'schema-validators', namespace: 'schema-validators' }));
    build.onLoad({ filter: /.*/, namespace: 'schema-validators' }, () => {
      const Ajv = require('ajv').default;
      const standalone = require('ajv/dist/standalone').default;
      // Shared definitions (a pack's phrase list is one, used some eighty times) as functions of their own,
      // not inlined at each use: the same answers in a fifth less code (22 KB of the browser bundle's 1 MB).
      const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, code: { source: true } });
      ajv.addSchema(require('./policies/schema/policy.schema.json'), 'pack');
      ajv.addSchema(require('./policies/schema/config.schema.json'), 'config');
      return {
        contents: standalone(ajv, { pack: 'pack', config: 'config' }),
        loader: 'js',
        resolveDir: __dirname,
        watchFiles: ['policies/schema/policy.schema.json', 'policies/schema/config.schema.json'].map((f) => path.join(__dirname, f)),
      };
    });
  },
};

// `import books from 'virtual:phrase-books'`: each built-in pack's phrase book (every
// phrase list compiled into one matcher) compiled here, at build time, as data the
// bundle reads back (core/match: PhraseMatcher's `frozen`), so a cold start does not
// compile ~1,000 phrases character by character. Made once per build, by the core's
// own code (bundled here without books), for the packs as shipped.
let phraseBookSource;
const phraseBooks = (made = true) => ({
  name: 'phrase-books',
  setup(build) {
    build.onResolve({ filter: /^virtual:phrase-books$/ }, () => ({ path: 'phrase-books', namespace: 'phrase-books' }));
    build.onLoad({ filter: /.*/, namespace: 'phrase-books' }, async () => {
      if (!made) return { contents: 'export default {};', loader: 'js' };
      phraseBookSource ??= (async () => {
        const out = await esbuild.build({ ...common, entryPoints: ['server/src/core/index.ts'], write: false, sourcemap: false, plugins: [yamlData, schemaValidators, phraseBooks(false)] });
        const core = { exports: {} };
        new Function('module', 'exports', 'require', out.outputFiles[0].text)(core, core.exports, require);
        // As JSON text, parsed only for the pack a run loads (JSON.parse is quicker than a literal of 40 KB).
        const loaded = (id) => {
          const r = core.exports.loadPolicy({ policy: id });
          if (!r.policy) throw new Error(`built-in pack ${id}: ${r.problems.map((p) => p.message).join('; ')}`);
          return r.policy;
        };
        const books = Object.fromEntries(core.exports.BUILTIN_POLICY_IDS.map((id) => [id, JSON.stringify(loaded(id).derived.book.freeze())]));
        return `export default ${JSON.stringify(books)};`;
      })();
      return { contents: await phraseBookSource, loader: 'js', watchFiles: fs.readdirSync(path.join(__dirname, 'policies')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(__dirname, 'policies', f)) };
    });
  },
});

// The Word converter (mammoth and the HTML tools, about 1 MB) is its own bundle,
// dist/docx.js, which the CLI and the server require from beside them the first
// time they meet a .docx: a Markdown run never reads or compiles it (cold start).
const wordConverterApart = {
  name: 'word-converter-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/docx\/convert$/ }, (args) => (args.importer.endsWith(path.join('engine', 'word.ts')) ? { path: './docx.js', external: true } : undefined));
  },
};

// The CLI bundle in ASCII alone, so V8 holds its 1.5 MB source one byte a character
// (not two) in every thread, and reads it quicker: esbuild's charset 'ascii' escapes
// strings, and our sources' regex literals and String.raw patterns (which esbuild
// leaves, as escaping changes their text) have their characters beyond ASCII
// written as \u escapes when loaded: the same patterns. Columns in the source map
// shift on those few lines only.
const asciiSources = {
  name: 'ascii-sources',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      if (!/[^\x00-\x7f]/.test(text)) return undefined;
      // An escaped character ("\–") would become an escaped backslash.
      if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${args.path}: a backslash before a character beyond ASCII; write it as a \\u escape`);
      return { contents: text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), loader: 'ts' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.yaml': 'text', '.md': 'text' },
  legalComments: 'none',
  plugins: [yamlData, schemaValidators, phraseBooks()],
};

// The browser bundles: the two Node built-ins the shared server code imports are
// replaced (path by path-browserify, POSIX like the web's paths; url by the
// file-URL helpers lsp/uris.ts needs); anything else from Node fails the build
// here, and tests/web/bundle.test.js checks the output.
const webBuiltins = {
  name: 'web-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: require.resolve('path-browserify') }));
    build.onResolve({ filter: /^(node:)?url$/ }, () => ({ path: path.join(__dirname, 'server/src/web/node-url.ts') }));
    // Workspace patterns are not run in the browser (see re2js-stub.ts).
    build.onResolve({ filter: /^re2js$/ }, () => ({ path: path.join(__dirname, 'server/src/web/re2js-stub.ts') }));
    // Nor are Word documents (the converter is 1 MB; see word-stub.ts).
    build.onResolve({ filter: /^\.\/docx\/convert$/ }, (args) => (args.importer.endsWith(path.join('engine', 'word.ts')) ? { path: path.join(__dirname, 'server/src/web/word-stub.ts') } : undefined));
    // micromark's named character references from parse5's entity table, not a second copy (35 KB; see named-references.ts).
    build.onResolve({ filter: /^decode-named-character-reference$/ }, () => ({ path: path.join(__dirname, 'server/src/web/named-references.ts') }));
    build.onResolve({ filter: /^parse5-entities-decode$/ }, async () => {
      const parse5 = await build.resolve('parse5', { resolveDir: path.dirname(require.resolve('hast-util-from-html')), kind: 'import-statement' });
      const found = await build.resolve('entities/decode', { resolveDir: path.dirname(parse5.path), kind: 'import-statement' });
      return found.errors.length ? { errors: found.errors } : { path: found.path };
    });
    // property-information's SVG attribute table (10 KB; see svg-properties-stub.ts).
    build.onResolve({ filter: /^\.\/lib\/svg\.js$/ }, (args) => (/[\\/]property-information[\\/]/.test(args.importer) ? { path: path.join(__dirname, 'server/src/web/svg-properties-stub.ts') } : undefined));
    // hast-util-from-html's table of parse-error messages (9 KB) serves only an `onerror` callback, which we never pass.
    build.onResolve({ filter: /^\.\/errors\.js$/ }, (args) => (/[\\/]hast-util-from-html[\\/]/.test(args.importer) ? { path: 'errors', namespace: 'html-errors-stub' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'html-errors-stub' }, () => ({ contents: 'export const errors = {};', loader: 'js' }));
    // A built-in pack's YAML text (45 KB): the browser loads the pack from its data parsed at
    // build time and never shows the text (only the desktop MCP server serves it).
    build.onResolve({ filter: /policies[\\/][^\\/]+\.yaml$/ }, (args) => ({ path: args.path, namespace: 'pack-text-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'pack-text-stub' }, () => ({ contents: "export default '';", loader: 'js' }));
  },
};

const web = {
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // No built books in the browser bundle (kept under 1 MB): the web server compiles a pack's book on first use.
  plugins: [yamlDataPlugin(true), schemaValidators, webBuiltins, phraseBooks(false)],
};

async function main() {
  const watch = process.argv.includes('--watch');
  const entries = [
    // dist/cli.js is a small launcher that runs dist/cli-main.js from V8's code cache.
    { entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js' },
    // Without comments and indentation (minifyWhitespace; names kept, source map as before):
    // every thread reads and holds the source, 1.5 MB rather than 2.2 MB, in ASCII (see asciiSources).
    { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', minifyWhitespace: true, charset: 'ascii', plugins: [yamlData, schemaValidators, phraseBooks(), wordConverterApart, asciiSources] },
    { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', plugins: [yamlData, schemaValidators, phraseBooks(), wordConverterApart] },
    // The MCP server (--mcp), apart from the CLI bundle so a lint run never loads the SDK.
    { entryPoints: ['server/src/mcp/main.ts'], outfile: 'dist/mcp.js' },
    // The core alone, for the test suite.
    { entryPoints: ['server/src/core/index.ts'], outfile: 'dist/core.js' },
    // Word conversion: required at run time by the CLI and the server (above); the tests use it too.
    { entryPoints: ['server/src/engine/docx/convert.ts'], outfile: 'dist/docx.js' },
    { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
    // The web extension: its client runs in VS Code's browser extension host (CommonJS),
    // its server in a classic Web Worker (an IIFE); setImmediate and process come from shims.ts.
    { ...web, entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] },
    // 'worker': packages that offer a build for workers get it (decode-named-character-reference's browser build needs a DOM).
    { ...web, entryPoints: ['server/src/web/main.ts'], outfile: 'dist/web/server.js', format: 'iife', conditions: ['worker'], inject: ['server/src/web/shims.ts'] },
  ];
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // VS Code snippets and the Markdown injection grammar are generated from the default pack.
  require('./snippets/build.js').write();
  require('./grammars/build.js').write();
  writeBuildId();
  writeCodeCache();
}

// One lint of the example with COMMISSIONING_LINT_WRITE_CODE_CACHE=1 makes
// dist/cli-main.cache: V8's compiled code for a typical run, which cuts the CLI's
// cold start. Without it (or with another Node.js) the CLI still works, slower.
// dist/cli-main.id: the bundle's hash, part of --cache's tool fingerprint (so a
// cached run need not hash 1.4 MB of JavaScript); must match bundleHash in cli/cache.ts.
function writeBuildId() {
  const bundle = path.join(__dirname, 'dist', 'cli-main.js');
  const hash = require('node:crypto').createHash('sha256').update(fs.readFileSync(bundle)).digest('hex').slice(0, 16);
  fs.writeFileSync(path.join(__dirname, 'dist', 'cli-main.id'), hash + '\n');
}

function writeCodeCache() {
  const example = path.join(__dirname, 'test-fixtures', 'examples', 'northvale-adult-mental-health-strategy.md');
  const args = [path.join(__dirname, 'dist', 'cli.js'), ...(fs.existsSync(example) ? [example] : ['--version'])];
  fs.rmSync(path.join(__dirname, 'dist', 'cli-main.cache'), { force: true });
  require('node:child_process').spawnSync(process.execPath, args, { env: { ...process.env, COMMISSIONING_LINT_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
}

// The browser's stand-ins, for tests/web/named-references.test.js.
module.exports = { webBuiltins };

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
