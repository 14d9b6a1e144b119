// The extension manifest and packaging: settings match the rule registry,
// every contributed command is registered by the client, the contributed files
// exist, untrusted workspaces are supported, and the .vsix holds only the
// whitelisted files.
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./lsp-client');

const core = require(path.join(ROOT, 'dist', 'core.js'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const clientSource = fs
  .readdirSync(path.join(ROOT, 'client', 'src'), { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8'))
  .join('\n') + fs.readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'protocol.ts'), 'utf8');

describe('extension manifest and packaging', function () {
  it('runs dist/client.js on Markdown and in untrusted workspaces (config and packs are data only)', function () {
    assert.equal(pkg.main, './dist/client.js');
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  });

  it('runs dist/web/client.js in the browser (vscode.dev, github.dev), in virtual workspaces too', function () {
    assert.equal(pkg.browser, './dist/web/client.js');
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, true);
    assert.match(pkg.capabilities.virtualWorkspaces.description, /\S/);
  });

  it('offers the settings the server reads, with every rule id', function () {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['commissioningLint.enable', 'commissioningLint.lintWordDocuments', 'commissioningLint.lintWorkspace', 'commissioningLint.policy', 'commissioningLint.rules', 'commissioningLint.run'].sort());
    for (const p of Object.values(props)) assert.equal(p.scope, 'resource');
    assert.deepEqual(props['commissioningLint.rules'].propertyNames.enum, core.RULE_IDS);
    assert.deepEqual(props['commissioningLint.run'].enum, ['onType', 'onSave']);
  });

  it('registers every contributed command in the client', function () {
    for (const c of pkg.contributes.commands) {
      assert.ok(clientSource.includes(`'${c.command}'`), c.command);
      assert.ok(c.title && c.category === 'Commissioning Lint', c.command);
    }
  });

  it('points snippets, grammar, YAML schemas and icon at files that exist', function () {
    const files = [...pkg.contributes.snippets.map((s) => s.path), ...pkg.contributes.grammars.map((g) => g.path), ...pkg.contributes.yamlValidation.map((y) => y.url), pkg.icon];
    for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), f);
    const schemas = Object.fromEntries(pkg.contributes.yamlValidation.flatMap((y) => y.fileMatch.map((m) => [m, y.url])));
    assert.equal(schemas['.commissioning-lint.yaml'], './policies/schema/config.schema.json');
    assert.equal(schemas['*.pack.yaml'], './policies/schema/policy.schema.json');
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('packages only the whitelisted files (vsce ls)', function () {
    this.timeout(30000);
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = cp.spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.trim().split('\n').sort();
    const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.md)?|dist\/(web\/)?(client|server)\.js|dist\/docx\.js|policies\/[\w-]+\.yaml|policies\/schema\/[\w.-]+\.json|snippets\/[\w.-]+\.json|grammars\/[\w.-]+\.json|client\/icon\.png)$/;
    for (const f of files) assert.match(f, allowed);
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js', 'dist/docx.js', 'policies/commissioning-friend-2009.yaml', 'snippets/markdown.json', 'client/icon.png', 'README.md']) assert.ok(files.includes(f), f);
  });
});
