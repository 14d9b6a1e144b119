// Markdown → .docx → docxToMarkdown → lint, against linting the Markdown
// itself, over the labelled corpus: the coverage status of every IPC element,
// aspect, EqIA group (Equality Act 2010 view) and WCC competency should agree.
// Front matter and fenced code have Word equivalents, and the test builder
// writes them as a Word author would: front matter as document properties
// (title, author, custom properties; docx/properties.ts reads them back as
// front matter) and fenced code in a preformatted paragraph style (read as a
// code block). A disagreement is put down to a Markdown-only construct a Word
// document cannot hold when removing that construct from the Markdown gives
// the Word result: HTML comments (including <!-- ipc: … --> markers), pandoc's
// tracked-change spans,
// thematic breaks, lines laid out one under another without blank lines
// (PDF text, also in a quote, with tabs between columns), a footnote's call
// (the builder writes notes as paragraphs), a table or list in a quote, and a numbered title underlined with
// "=" (plain text). Anything else is a conversion fault. HTML and tables drawn
// with text are written as the Word layout they stand for (helpers/docx.js).
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, lintText } = require('../helpers/core');
const { markdownToDocx } = require('../helpers/docx');

const { docxToMarkdown } = require(path.join(ROOT, 'dist', 'docx.js'));
const CORPUS = path.join(ROOT, 'test-fixtures', 'corpus');
const POLICY = 'equality-act-2010';

/** What a Word version of the Markdown would hold, removed one construct at a time (cumulatively). */
const MARKDOWN_ONLY = [
  ['HTML comment', (md) => md.replace(/<!--[\s\S]*?-->/g, '')],
  // Word's tracked changes as pandoc writes them ("[old]{.deletion …}[new]{.insertion …}"): a Word
  // version holds the changes themselves, which the test builder cannot write, so it writes the
  // marks as the literal text they are, and the deleted words read as the document's.
  ['pandoc tracked changes', (md) => md.replace(/\]\{\.(?:deletion|insertion|comment-start|comment-end|paragraph-insertion|paragraph-deletion)\b[^}]*\}/g, ']')],
  // A thematic break (after a blank line, so not front matter's fence, a setext
  // underline or a simple table's ruler). The linter reads a few words after the
  // last one as the document's footer (a contact line). Word has no such break:
  // a line across the page is a paragraph's border or a drawn shape, decoration
  // that mammoth does not read, so the test builder writes none.
  ['thematic break', (md) => md.replace(/(\n[ \t]*\n) {0,3}([-*_])[ \t]*(?:\2[ \t]*){2,}(?=\n|$)/g, '$1')],
  // Lines of text with no blank line between them (PDF text: each entry, title or wrapped line of
  // a page on a line of its own). A Word paragraph has no such lines: its text runs on.
  // A wrapped line may open with a dash of the sentence ("… AW\n– PH have promised …").
  // So may a bullet indented too far to open a list (a text browser's dump: "     * Race: Positive…").
  ['line layout', (md) => md.replace(/([^\n])\n(?=[ \t]*(?:[\p{L}\p{N}(“"'‘]|[–—] )|[ \t]{4,}[*•+-][ \t])/gu, '$1 ')],
  // The same lines inside a quote ("> 2 Work with community partners<tab>…", then "> 3 Engage…"), and
  // the tabs that set a line's columns apart: a Word paragraph runs its lines on, its columns with them.
  ['line layout in a quote', (md) => md.replace(/([^\n>])\n[ \t]{0,3}>[ \t]?(?=[ \t]*[\p{L}\p{N}(“"'‘])/gu, '$1 ').replace(/\t/g, ' ')],
  // A footnote's call ("See note.[^12]"): the test builder writes a note as the numbered paragraph at
  // the end it shows, not as a Word footnote, so the Word version holds the note but not the call.
  ['footnote call', (md) => md.replace(/\[\^[^\]\s]{1,40}\](?!:)/g, '')],
  // A table or a list inside a block quote (an email's quoted earlier message holding a draft's
  // EqIA). A Word table or list paragraph has its own style, not a quotation's: it stands as the
  // document's own.
  ['table or list in a quote', (md) => md.replace(/^((?:>[ \t]?)+)(?=[ \t]*(?:\||[-*+•][ \t]|\d{1,3}[.)][ \t]))/gm, '')],
  // A numbered title underlined with "=" (a plain-text file's heading: "1. INTRODUCTION", then
  // "======"). The underline is a line of the item's paragraph to Markdown, and Word runs it on.
  ['underlined numbered title', (md) => md.replace(/^( {0,3}\d{1,2}[.)][ \t]+[^\n]+)\n( {0,3}={3,}[ \t]*)$/gm, '$1 $2')],
];

function statuses(coverage) {
  const out = {};
  for (const [id, e] of Object.entries(coverage.ipc)) {
    out[`ipc ${id}`] = e.status;
    for (const [a, s] of Object.entries(e.aspects ?? {})) out[`ipc ${id}.${a}`] = s;
  }
  for (const [g, e] of Object.entries(coverage.eqia.groups)) out[`eqia ${g}`] = e.status;
  for (let n = 1; n <= 11; n++) out[`wcc ${n}`] = coverage.wcc.covered.includes(n) ? 'covered' : 'not covered';
  return out;
}

describe('docx equivalence over the labelled corpus', function () {
  this.timeout(120000);

  it(`agrees with linting the Markdown itself (target ≥ 0.98)`, async () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md') && !f.endsWith('-eqia.md') && f !== 'README.md').sort();
    assert.ok(files.length >= 80, `${files.length} documents`);
    let items = 0;
    let agree = 0;
    const disagreements = [];
    for (const f of files) {
      const file = path.join(CORPUS, f);
      const md = fs.readFileSync(file, 'utf8');
      const converted = await docxToMarkdown(await markdownToDocx(md));
      assert.ok(!converted.error, `${f}: ${converted.error}`);
      // Same file path, so a linked EqIA resolves the same way from both.
      const want = statuses(lintText(md, { policyId: POLICY, file }).coverage);
      const got = statuses(lintText(converted.markdown, { policyId: POLICY, file }).coverage);
      const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])];
      let ablated;
      for (const k of keys) {
        items++;
        if (want[k] === got[k]) {
          agree++;
          continue;
        }
        ablated ??= ablations(md, file);
        const hit = ablated.find((a) => a.statuses[k] === got[k]);
        disagreements.push({ doc: f.replace(/\.md$/, ''), item: k, markdown: want[k] ?? '—', word: got[k] ?? '—', cause: hit ? `${hit.name}: Markdown only` : 'conversion' });
      }
    }
    const explained = disagreements.filter((d) => d.cause !== 'conversion').length;
    const raw = agree / items;
    const wordEquivalent = (agree + explained) / items;
    console.log(`      docx equivalence: ${agree}/${items} statuses agree (${raw.toFixed(4)}); ${explained} of ${disagreements.length} disagreements come from Markdown-only constructs; agreement with the Word-equivalent Markdown ${wordEquivalent.toFixed(4)}`);
    // Grouped by cause and document; DOCX_EQUIVALENCE=verbose gives each status.
    const verbose = process.env.DOCX_EQUIVALENCE === 'verbose';
    const byCause = groupBy(disagreements, (d) => d.cause);
    for (const [cause, list] of byCause) {
      console.log(`        ${cause}:`);
      for (const [doc, items] of groupBy(list, (d) => d.doc)) {
        console.log(`          ${doc}: ${items.map((d) => (verbose ? `${d.item} (Markdown ${d.markdown}, Word ${d.word})` : d.item)).join(', ')}`);
      }
    }
    assert.ok(wordEquivalent >= 0.98, `agreement with the Word-equivalent Markdown ${wordEquivalent.toFixed(4)}`);
    assert.ok(raw >= 0.98, `raw agreement ${raw.toFixed(4)} (target ≥ 0.98)`);
    assert.deepStrictEqual(disagreements.filter((d) => d.cause === 'conversion'), [], 'disagreements the conversion causes');
  });
});

/** Statuses of the Markdown with each Markdown-only construct removed in turn (cumulatively). */
function ablations(md, file) {
  let text = md;
  return MARKDOWN_ONLY.map(([name, strip]) => {
    text = strip(text);
    return { name, statuses: statuses(lintText(text, { policyId: POLICY, file }).coverage) };
  });
}

function groupBy(items, key) {
  const out = new Map();
  for (const x of items) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}
