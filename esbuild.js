// Builds the three bundles: the CLI, the language server and the VS Code client.
// Policy packs (*.yaml) are embedded as text so the core needs no file system.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

// `import data from './pack.yaml?data'` gives the pack's plain data as a JSON
// string, parsed here at build time: a YAML parse of the default pack was the
// largest single cost of a cold start.
const yamlData = {
  name: 'yaml-data',
  setup(build) {
    build.onResolve({ filter: /\.yaml\?data$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?data'.length)), namespace: 'yaml-data' }));
    build.onLoad({ filter: /.*/, namespace: 'yaml-data' }, (args) => {
      const data = require('yaml').parse(fs.readFileSync(args.path, 'utf8'));
      return { contents: `export default ${JSON.stringify(JSON.stringify(data))};`, loader: 'js', watchFiles: [args.path] };
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
  loader: { '.yaml': 'text' },
  legalComments: 'none',
  plugins: [yamlData],
};

async function main() {
  const watch = process.argv.includes('--watch');
  const entries = [
    { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
    { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
    { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/worker.js' },
    // The core alone, for the test suite.
    { entryPoints: ['server/src/core/index.ts'], outfile: 'dist/core.js' },
    { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  ];
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
