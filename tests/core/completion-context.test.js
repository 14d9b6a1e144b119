// completionContext() offers the competencies after the words that open a WCC
// reference, and those words are the pack's (`wcc.prefixes`, `wcc.introducers`),
// not a list of its own.
const assert = require('node:assert');
const { core, policy: builtin } = require('../helpers/core');

/** A pack extending the default one, from YAML lines. */
function pack(...lines) {
  const { policy, problems } = core.loadPolicy({ policy: { text: ['id: local', 'extends: commissioning-friend-2009', ...lines, ''].join('\n'), file: 'local.pack.yaml' } });
  assert.deepStrictEqual(problems, []);
  return policy;
}

/** The completion context with the cursor at the end of `typed`, on a line of its own after a heading. */
function at(typed, policy = builtin()) {
  const text = `# Strategy\n\nSome prose.\n\n${typed}`;
  return core.completionContext(core.analyse(text, { fileName: 'strategy.md', policy }), text.length);
}

/** Whether the competencies are offered there, and how many typed characters they replace. */
function wcc(typed, policy) {
  const ctx = at(typed, policy);
  return ctx?.kind === 'wcc' ? typed.length - (`# Strategy\n\nSome prose.\n\n${typed}`.length - ctx.from) : undefined;
}

describe('completion context: WCC competencies', () => {
  it('offers them after the default pack\'s prefixes and introducers, replacing the digits typed', () => {
    assert.strictEqual(wcc('See WCC '), 'See WCC '.length);
    assert.strictEqual(wcc('(World Class Commissioning '), '(World Class Commissioning '.length);
    assert.strictEqual(wcc('WCC competency '), 'WCC competency '.length);
    assert.strictEqual(wcc('wcc refs '), 'wcc refs '.length);
    assert.strictEqual(wcc('WCC no. 1'), 'WCC no. '.length);
    assert.strictEqual(wcc('WCC-1'), 'WCC-'.length);
    assert.strictEqual(wcc('XWCC '), undefined);
    // After a "C", and after numbers already listed or a range begun, as the tag syntax reads them.
    assert.strictEqual(wcc('WCC C'), 'WCC C'.length);
    assert.strictEqual(wcc('WCC 2, 5 & '), 'WCC 2, 5 & '.length);
    assert.strictEqual(wcc('WCCs 2/1'), 'WCCs 2/'.length);
    assert.strictEqual(wcc('WCC 1 to '), 'WCC 1 to '.length);
    assert.strictEqual(wcc('WCC 2010/'), undefined);
    assert.strictEqual(wcc('Competency framework '), undefined);
  });

  it('follows a pack that adds "Competency framework" and drops "World Class Commissioning"', () => {
    const local = pack('wcc:', '  prefixes: ["WCC", "Competency framework"]');
    assert.strictEqual(wcc('Competency framework ', local), 'Competency framework '.length);
    assert.strictEqual(wcc('This evidences competency framework 1', local), 'This evidences competency framework '.length);
    assert.strictEqual(wcc('World Class Commissioning ', local), undefined);
    assert.strictEqual(wcc('WCC ', local), 'WCC '.length);
    // The default pack is unaffected by the other's words.
    assert.strictEqual(wcc('World Class Commissioning '), 'World Class Commissioning '.length);
  });

  it('follows the pack\'s introducers, and offers nothing when it has no prefixes', () => {
    const local = pack('wcc:', '  introducers: [domain]');
    assert.strictEqual(wcc('WCC domain ', local), 'WCC domain '.length);
    assert.strictEqual(wcc('WCC refs ', local), undefined);
    assert.strictEqual(wcc('WCC ', pack('wcc:', '  prefixes: []')), undefined);
  });

  it('takes a pack\'s own prefix words, and refuses a /regex/ one from outside the built-in packs', () => {
    const local = pack('wcc:', '  prefixes: ["W.C.C.", "Competency framework"]');
    assert.strictEqual(wcc('W.C.C. 1', local), 'W.C.C. '.length);
    assert.strictEqual(wcc('Competency framework 1', local), 'Competency framework '.length);
    const r = core.loadPolicy({ policy: { text: 'id: local\nextends: commissioning-friend-2009\nwcc:\n  prefixes: ["/(W\\\\.C\\\\.C\\\\.)/"]\n', file: 'local.pack.yaml' } });
    assert.match(r.problems[0].message, /is a regular expression: WCC vocabulary from outside the built-in packs takes plain words/);
  });
});
