// The browser bundle answers micromark's named character references from parse5's
// entity table (server/src/web/named-references.ts): the same answer as the table
// micromark ships with, for every name it defines and for names it does not.
const assert = require('node:assert/strict');
const path = require('node:path');
const esbuild = require('esbuild');
const { webBuiltins } = require('../../esbuild.js');

const ROOT = path.resolve(__dirname, '..', '..');

async function browserDecoder() {
  const out = await esbuild.build({
    stdin: { contents: "export { decodeNamedCharacterReference } from 'decode-named-character-reference';", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'cjs',
    conditions: ['worker'],
    logLevel: 'silent',
    plugins: [webBuiltins],
  });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  return mod.exports.decodeNamedCharacterReference;
}

describe('web bundle: named character references from parse5\'s table', function () {
  this.timeout(60000);

  it('decodes every name micromark\'s own table defines, and nothing else', async function () {
    const decode = await browserDecoder();
    const { characterEntities } = await import('character-entities');
    const names = Object.keys(characterEntities);
    assert.ok(names.length > 2000);
    const wrong = names.filter((name) => decode(name) !== characterEntities[name]);
    assert.deepEqual(wrong, []);
    for (const name of ['notit', 'amp;', '#123', '#x41', '', 'AMPx', 'zzz', 'not ']) assert.equal(decode(name), false, name);
  });
});
