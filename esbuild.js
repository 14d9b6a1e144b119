// Builds the three bundles: the CLI, the language server and the VS Code client.
// Policy packs (*.yaml) are embedded as text so the core needs no file system.
const esbuild = require('esbuild');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
  legalComments: 'none',
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
