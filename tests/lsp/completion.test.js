// Completion of WCC competencies over stdio follows the policy of the document's
// workspace: a pack whose `wcc.prefixes` add "Competency framework" and drop
// "World Class Commissioning" changes after which words they are offered.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startClient, uriOf } = require('./lsp-client');
const { EXAMPLE, makeWorkspace, posOf } = require('./fixtures');

const PACK = ['id: local', 'extends: commissioning-friend-2009', 'wcc:', '  prefixes: ["WCC", "Competency framework"]', ''].join('\n');

describe('language server: WCC completion from the pack\'s prefixes', function () {
  let dir;
  let c;
  const SPACE = { triggerKind: 2, triggerCharacter: ' ' };
  const complete = async (uri, position) => (await c.request('textDocument/completion', { textDocument: { uri }, position, context: SPACE })).items;
  /** Opens `name` with the example's "(WCC 1 – …)" tag replaced by `typed`, and completes just after it. */
  const completeAfter = async (name, typed) => {
    const text = EXAMPLE.replace('(WCC 1 – Locally lead the NHS)', `(${typed}`);
    const uri = uriOf(path.join(dir, name));
    await c.open(uri, text);
    return complete(uri, posOf(text, `(${typed}`, typed.length + 1));
  };

  before(async function () {
    // "custom/" has a config naming the local pack; the root has none (the default pack).
    dir = makeWorkspace({ 'custom/.commissioning-lint.yaml': 'policy: local.pack.yaml\n', 'custom/local.pack.yaml': PACK });
    c = await startClient({ folder: dir, settings: {} });
  });
  after(async function () {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers the eleven competencies after a prefix the pack adds', async function () {
    const items = await completeAfter('custom/framework.md', 'Competency framework ');
    assert.equal(items.length, 11);
    assert.equal(items[4].label, '5 – Manage knowledge and assess needs');
    assert.equal(items[0].textEdit.range.start.character, items[0].textEdit.range.end.character, 'inserted at the cursor');
    assert.equal((await completeAfter('custom/wcc.md', 'WCC ')).length, 11, 'a prefix the pack keeps');
  });

  it('offers nothing after a prefix the pack removes', async function () {
    assert.deepEqual(await completeAfter('custom/world-class.md', 'World Class Commissioning '), []);
  });

  it('documents under the default pack keep "World Class Commissioning" and do not take "Competency framework"', async function () {
    assert.equal((await completeAfter('world-class.md', 'World Class Commissioning ')).length, 11);
    assert.deepEqual(await completeAfter('framework.md', 'Competency framework '), []);
  });
});
