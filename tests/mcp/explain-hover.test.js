// The MCP `explain` tool and the editor's hovers say the same thing in the
// same words (both are built by core/editor/explain.ts): an Act's explanation
// is its hover; a competency, an element or an equality group is explained
// with its hover's own opening lines. Held twice: in the core for every Act
// and competency of both packs, and end to end, the language server's hovers
// on the Northvale example against the MCP server's answers.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const core = require('../../dist/core.js');
const { policy } = require('../helpers/core');
const { startClient, uriOf } = require('../lsp/lsp-client');
const { EXAMPLE, makeWorkspace, posOf } = require('../lsp/fixtures');
const { startMcp, textOf } = require('./mcp-client');

/** Markdown paragraphs. */
const paras = (md) => md.split('\n\n');

/** The hover the core gives at the first occurrence of `needle` in `text`. */
function coreHover(text, needle, p) {
  const a = core.analyse(text, { policy: p, fileName: 'strategy.md' });
  const found = core.thingAt(a, text.indexOf(needle) + 1);
  assert.ok(found, `nothing at ${needle}`);
  return core.hoverMarkdown(found, a);
}

describe('explain and hover agree', function () {
  describe('in the core, for every Act and competency of both packs', function () {
    for (const id of core.BUILTIN_POLICY_IDS) {
      it(id, function () {
        const p = policy(id);
        for (const act of p.legislation) {
          const text = `# Strategy\n\nThis strategy answers to the ${act.title} throughout.\n`;
          const [e] = core.explain(act.title, p, 'act');
          assert.equal(e.id, act.id);
          assert.equal(coreHover(text, act.title, p), e.markdown, act.id);
        }
        for (const c of p.competencies) {
          const text = `# Strategy\n\n## Needs\n\nWe assess needs together. (WCC ${c.number} – ${c.names[0]})\n`;
          const [e] = core.explain(String(c.number), p, 'competency');
          const hover = coreHover(text, `WCC ${c.number}`, p);
          // The hover adds the strategy's totals; the explanation how to tag and its links.
          assert.deepEqual(paras(hover).slice(0, 2), paras(e.markdown).slice(0, 2), `WCC ${c.number}`);
        }
      });
    }
  });

  describe('end to end: the language server’s hovers and the MCP server’s explain', function () {
    let dir;
    let lsp;
    let mcp;
    let uri;
    before(async function () {
      dir = makeWorkspace({ 'strategy.md': EXAMPLE });
      [lsp, mcp] = await Promise.all([startClient({ folder: dir }), startMcp({ roots: () => [dir] })]);
      uri = uriOf(path.join(dir, 'strategy.md'));
      await lsp.open(uri, EXAMPLE);
    });
    after(async function () {
      await Promise.all([lsp.stop(), mcp.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const hover = async (needle, delta = 1) => (await lsp.request('textDocument/hover', { textDocument: { uri }, position: posOf(EXAMPLE, needle, delta) }))?.contents.value ?? '';
    const explain = async (topic, kind) => {
      const r = await mcp.call('explain', { topic, kind });
      assert.ok(!r.isError, textOf(r));
      return r.structuredContent.explanations[0].markdown;
    };

    it('an Act cited in the strategy: the explanation is the hover', async function () {
      for (const act of ['Mental Health Act 1983', 'Mental Capacity Act 2005', 'Disability Discrimination Act 2005', 'Equality Act 2010', 'Care Act 2014']) {
        assert.equal(await explain(act, 'act'), await hover(act), act);
      }
      // A citation by an alias is hovered as its Act and explained as the same.
      assert.equal(await explain('NHS Act 2006'), await hover('NHS Act 2006'));
    });

    it('a WCC tag: the hover’s name and description are the explanation’s', async function () {
      const h = await hover('WCC 7 – Stimulate');
      const e = await explain('WCC 7');
      assert.deepEqual(paras(h).slice(0, 2), paras(e).slice(0, 2));
      assert.match(paras(h)[2], /^This strategy evidences \d+ of 11 competencies\.$/);
    });

    it('an equality group in the EqIA: the same title, and the hover’s status in the explanation’s words', async function () {
      for (const [cell, id] of [['| Disability |', 'disability'], ['| Sexual orientation |', 'sexual-orientation']]) {
        const h = await hover(cell, 3);
        const e = await explain(id, 'group');
        assert.equal(paras(h)[0], paras(e)[0]);
        const status = /^EqIA status: (.*)\.$/.exec(paras(h)[1])[1];
        assert.ok(e.includes(`- ${status}`), `${status} not in ${e}`);
      }
    });

    it('a section heading: the element’s title and description as the explanation gives them', async function () {
      const h = await hover('## What the JSNA tells us', 4);
      const e = await explain('needs', 'element');
      assert.ok(paras(h)[0].startsWith(paras(e)[0] + ', matched by its heading'), paras(h)[0]);
      assert.equal(paras(h)[1], paras(e)[1]);
    });
  });
});
