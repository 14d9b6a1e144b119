// Builds realistic strategies of a given size for the LSP tests and benchmark:
// a real corpus strategy whose chapters are lengthened by repeating their own
// sub-sections (renumbered), so there is still one EqIA, one section per IPC
// element and the usual density of tags, citations and tables.
const fs = require('node:fs');
const path = require('node:path');

const SOURCE = path.resolve(__dirname, '..', '..', 'test-fixtures', 'corpus', '12-greater-fenmoor-adult-mh-2010.md');

/** Splits text into [preamble, ...blocks] at lines starting with `marker`. */
function splitAt(text, marker) {
  const lines = text.split('\n');
  const out = [[]];
  for (const l of lines) {
    if (l.startsWith(marker)) out.push([]);
    out[out.length - 1].push(l);
  }
  return out.map((b) => b.join('\n'));
}

function makeStrategy(targetBytes) {
  const base = fs.readFileSync(SOURCE, 'utf8');
  if (targetBytes <= base.length) return base.slice(0, base.lastIndexOf('\n## ', targetBytes) + 1) || base;
  const [pre, ...chapters] = splitAt(base, '## ');
  // Chapters with sub-sections (other than the EqIA and appendices) get repeated ones.
  const growable = chapters.map((c) => !/equality|appendix/i.test(c.split('\n')[0]) && c.includes('\n### '));
  const parts = chapters.map((c) => splitAt(c, '### '));
  const extra = chapters.map(() => []);
  let size = base.length;
  for (let round = 1; size < targetBytes; round++) {
    for (let i = 0; i < chapters.length && size < targetBytes; i++) {
      if (!growable[i]) continue;
      for (const sub of parts[i].slice(1)) {
        // A repeated "Equality legislation" sub-section would read as a second EqIA.
        if (/equalit/i.test(sub.split('\n')[0])) continue;
        const copy = sub.replace(/^### ([\d.]+ )?(.*)$/m, (_m, _n, title) => `### ${title} (part ${round + 1})`);
        extra[i].push(copy);
        size += copy.length + 1;
        if (size >= targetBytes) break;
      }
    }
  }
  return pre + '\n' + chapters.map((c, i) => [c, ...extra[i]].join('\n')).join('\n');
}

module.exports = { makeStrategy };
