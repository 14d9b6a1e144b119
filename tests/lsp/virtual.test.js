// A virtual workspace (vscode-vfs://…, as Remote Repositories and github.dev
// give) served to the desktop server (dist/server.js over stdio): no disk
// behind it, so every file the server reads comes through the client-host
// protocol (commissioningLint/readFiles, /findFiles), which this test client
// answers from memory as client/src/file-host.ts answers from
// vscode.workspace.fs. The same module serves the web extension's worker
// (tests/web/web-worker.test.js runs that in Chromium); here it is checked in
// Node, with what the browser test does not reach: a refused link, the size
// cap, rounds of fetching, and a watched config change.
const assert = require('node:assert/strict');
const { startClient } = require('./lsp-client');
const { STRATEGY, LINKED, WORKSPACE, readFiles, findFiles, at } = require('../web/fixtures');

const FOLDER = 'vscode-vfs://github/westmoor/strategies';
const codes = (items) => items.map((d) => d.code);

describe('language server: a virtual workspace read through the client', function () {
  let c;
  let files;
  let asked;
  let sizes;

  beforeEach(async function () {
    files = at(FOLDER, {
      ...WORKSPACE,
      'outside-link.md': LINKED.replace('eqia/assessment.md', '../../other/eqia.md'),
      'huge-link.md': LINKED.replace('eqia/assessment.md', 'huge-eqia.md'),
      'huge-eqia.md': '# Equality Impact Assessment\n',
    });
    asked = [];
    sizes = { [`${FOLDER}/huge-eqia.md`]: 60 * 1024 * 1024 };
    c = await startClient({
      folderUri: FOLDER,
      handlers: {
        'commissioningLint/readFiles': (p) => {
          asked.push(p.files.map((f) => f.uri));
          return readFiles(files, p, sizes);
        },
        'commissioningLint/findFiles': (p) => findFiles(files, p),
      },
    });
  });
  afterEach(async function () {
    await c?.stop();
  });

  const open = (name) => c.open(`${FOLDER}/${name}`, files[`${FOLDER}/${name}`]);
  const diagnostics = async (name) => (await c.diagnostics(`${FOLDER}/${name}`)).items;

  it('lints an open strategy with the config the client supplies, in one round of requests', async function () {
    await open('strategy.md');
    const items = await diagnostics('strategy.md');
    assert.ok(codes(items).includes('ipc-element-missing') && codes(items).includes('eqia-group-unassessed'), codes(items).join());
    assert.ok(!codes(items).includes('wcc-coverage'), 'the config turned wcc-coverage off');
    // Config names in the one folder, asked together before the lint; nothing above the workspace folder.
    assert.equal(asked.length, 1, JSON.stringify(asked));
    assert.deepEqual(asked[0].sort(), [`${FOLDER}/.commissioning-lint.yaml`, `${FOLDER}/.commissioning-lint.yml`]);
    // Linting again asks nothing: what is held stays until a watched file changes.
    await c.replace(`${FOLDER}/strategy.md`, STRATEGY.replace('Westmoor', 'Eastmoor'));
    await diagnostics('strategy.md');
    assert.equal(asked.length, 1);
  });

  it('follows a linked EqIA in a second round, and refuses one outside the workspace or over the size limit', async function () {
    await open('linked.md');
    const items = await diagnostics('linked.md');
    assert.deepEqual(items.filter((d) => d.code === 'eqia-group-missing').length, 1, codes(items).join());
    // Round one: the config names, then the lint asks for the EqIA; round two has it.
    assert.deepEqual(asked.map((r) => r.map((u) => u.slice(FOLDER.length + 1))), [['.commissioning-lint.yaml', '.commissioning-lint.yml'], ['eqia/assessment.md']]);
    // Later lints read what the last one read, already held: no request.
    await c.replace(`${FOLDER}/linked.md`, LINKED.replace('Westmoor', 'Eastmoor'));
    assert.equal((await diagnostics('linked.md')).filter((d) => d.code === 'eqia-group-missing').length, 1);
    assert.equal(asked.length, 2);

    await open('outside-link.md');
    const outside = (await diagnostics('outside-link.md')).find((d) => d.code === 'eqia-link-invalid');
    assert.match(outside?.message ?? '', /outside the workspace/);
    assert.ok(!asked.flat().some((u) => !u.startsWith(`${FOLDER}/`)), 'nothing outside the workspace folder is asked for');

    await open('huge-link.md');
    const huge = (await diagnostics('huge-link.md')).find((d) => d.code === 'eqia-link-invalid');
    assert.match(huge?.message ?? '', /60 MB, over the 50 MB limit/);
  });

  it('reads a config again when the client says it changed', async function () {
    await open('strategy.md');
    assert.ok(!codes(await diagnostics('strategy.md')).includes('wcc-coverage'));
    files[`${FOLDER}/.commissioning-lint.yaml`] = 'rules:\n  wcc-coverage: error\n';
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${FOLDER}/.commissioning-lint.yaml`, type: 2 }] });
    const items = await diagnostics('strategy.md');
    assert.equal(items.find((d) => d.code === 'wcc-coverage')?.severity, 1, codes(items).join());
  });

  it('sweeps the workspace from the client listing, honouring the ignore file', async function () {
    const r = await c.request('workspace/diagnostic', { previousResultIds: [] });
    const names = r.items.map((i) => i.uri.slice(FOLDER.length + 1)).sort();
    assert.deepEqual(names, ['closed.md', 'eqia/assessment.md', 'huge-eqia.md', 'huge-link.md', 'linked.md', 'outside-link.md', 'strategy.md']);
    // A second sweep with the first's result ids: unchanged, and no text fetched again.
    const before = asked.flat().length;
    const again = await c.request('workspace/diagnostic', { previousResultIds: r.items.map((i) => ({ uri: i.uri, value: i.resultId })) });
    assert.ok(again.items.every((i) => i.kind === 'unchanged'), JSON.stringify(again.items.map((i) => i.kind)));
    assert.equal(asked.flat().length, before);
  });
});
