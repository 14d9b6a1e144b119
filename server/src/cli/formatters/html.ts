// --format html: the review-board report as one self-contained page (inline CSS,
// no scripts, no external resources), readable with nothing installed. It opens
// with a coverage heatmap, strategies × checks, with each column's coverage
// across strategies; then each strategy's checklist, EqIA matrix, WCC and findings.
import type { Formatter } from './types';
import { buildReview, formatLocation, LEGEND, plural, statusLevel, statusWord, type Column, type Diagnostic, type Level, type Review, type ReviewFile } from '../../core';

const MARK: Record<Level, string> = { ok: '✓', part: '!', miss: '✗' };
const AREAS: Array<[Column['area'], string]> = [
  ['ipc', 'IPC elements'],
  ['eqia', 'Equality impact assessment'],
  ['wcc', 'WCC competencies'],
];

export const formatHtml: Formatter = (report) => {
  const review = buildReview(report);
  const t = review.totals;
  const body = [
    '<header>',
    '<h1>Commissioning strategy review</h1>',
    `<p>Checked against <cite>${esc(review.policyTitle)}</cite> (<code>${esc(review.policyId)}</code>) by commissioning-lint ${esc(review.version)}: ` +
      `${t.files} ${t.files === 1 ? 'strategy' : 'strategies'}, ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')}.</p>`,
    '</header>',
    review.files.length ? heatmap(review) : '<p>No strategy was checked.</p>',
    ...review.files.map((f, i) => strategy(f, i)),
    review.unreadable.length ? `<section><h2>Not checked</h2><ul>${review.unreadable.map((u) => `<li><code>${esc(u.path)}</code>: ${esc(u.error)}</li>`).join('')}</ul></section>` : '',
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="commissioning-lint ${esc(review.version)}">
<title>Commissioning strategy review</title>
<style>${CSS}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
};

function heatmap(review: Review): string {
  const cols = review.columns.filter((c) => !c.compactOnly);
  const groups = AREAS.map(([area, title]) => ({ title, n: cols.filter((c) => c.area === area).length })).filter((g) => g.n);
  const head1 = `<tr><th rowspan="2" scope="col">Strategy</th>${groups.map((g) => `<th colspan="${g.n}" scope="colgroup">${esc(g.title)}</th>`).join('')}<th colspan="2" scope="colgroup">Findings</th></tr>`;
  const head2 = `<tr>${cols.map((c) => `<th scope="col" class="v"><span>${esc(c.label)}</span></th>`).join('')}<th scope="col" class="v"><span>Errors</span></th><th scope="col" class="v"><span>Warnings</span></th></tr>`;
  // Rows show paths below their common folder, named once in the caption.
  const prefix = commonFolder(review.files.map((f) => f.path));
  const rows = review.files.map((f, i) => {
    const cells = cols.map((c) => {
      const cell = f.cells[c.id];
      if (!cell) return '<td class="na" title="not checked under this policy">–</td>';
      return `<td class="${cell.level}" title="${esc(cell.detail)}"><span aria-hidden="true">${MARK[cell.level]}</span><span class="sr">${esc(cell.detail)}</span></td>`;
    });
    return `<tr><th scope="row"><a href="#s${i + 1}">${esc(f.path.slice(prefix.length))}</a></th>${cells.join('')}<td class="n${f.counts.errors ? ' bad' : ''}">${f.counts.errors}</td><td class="n${f.counts.warnings ? ' warn' : ''}">${f.counts.warnings}</td></tr>`;
  });
  // Each column's share of strategies that meet it, shaded red (none) to green (all).
  const share = cols.map((c) => {
    const have = review.files.filter((f) => f.cells[c.id]);
    const ok = have.filter((f) => f.cells[c.id].level === 'ok').length;
    const pct = have.length ? Math.round((100 * ok) / have.length) : 0;
    return `<td class="pct" style="background:hsl(${Math.round(pct * 1.2)},70%,85%)" title="${esc(`${c.label}: ${ok} of ${have.length} strategies`)}">${pct}%</td>`;
  });
  return `<section>
<h2>Coverage heatmap</h2>
<div class="scroll"><table class="heat">${prefix ? `\n<caption>Strategies in <code>${esc(prefix)}</code></caption>` : ''}
<thead>${head1}${head2}</thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row">Strategies meeting each check</th>${share.join('')}<td></td><td></td></tr></tfoot>
</table></div>
<p class="legend"><span class="ok">${MARK.ok}</span> ${LEGEND.ok} <span class="part">${MARK.part}</span> ${LEGEND.part} <span class="miss">${MARK.miss}</span> ${LEGEND.miss}</p>
</section>`;
}

function strategy(f: ReviewFile, i: number): string {
  const c = f.counts;
  const ipc = f.ipc
    .map((e) => {
      const aspects = e.aspects.length ? `<ul>${e.aspects.map((a) => `<li class="${statusLevel(a.status)}">${mark(a.status)}${esc(a.title)}${a.status === 'present' ? '' : `: ${esc(statusWord(a.status))}`}</li>`).join('')}</ul>` : '';
      return `<li class="${statusLevel(e.status)}">${mark(e.status)}${esc(e.title)}${e.status === 'present' ? '' : `: ${esc(statusWord(e.status))}`}${at(e.line)}${aspects}</li>`;
    })
    .join('\n');
  const eqiaLine = f.eqia.status === 'missing' ? 'No equality impact assessment was found.' : `Equality impact assessment ${esc(statusWord(f.eqia.status))}${at(f.eqia.line)}${f.eqia.source && !f.path.endsWith(f.eqia.source) ? ` in <code>${esc(f.eqia.source)}</code>` : ''}.`;
  const groups = f.eqia.groups
    .map((g) => `<tr><th scope="row">${esc(g.label)}</th><td class="${statusLevel(g.status)}">${mark(g.status)}${esc(statusWord(g.status))}</td><td>${g.line ? `line ${g.line}${g.source && !f.path.endsWith(g.source) ? ` of <code>${esc(g.source)}</code>` : ''}` : ''}</td></tr>`)
    .join('\n');
  const wcc = f.wcc.competencies
    .map((k) => `<tr><td class="n">${k.number}</td><th scope="row">${esc(k.name)}</th><td class="${k.lines.length ? 'ok' : 'miss'}">${k.lines.length ? `${MARK.ok} line ${k.lines.join(', ')}` : `${MARK.miss} not tagged`}</td></tr>`)
    .join('\n');
  const invalid = f.wcc.invalid.length ? `<p>Tags that name no competency:</p><ul>${f.wcc.invalid.map((x) => `<li>line ${x.line}: <code>${esc(x.text)}</code>: ${esc(x.reason)}</li>`).join('')}</ul>` : '';
  const findings = f.diagnostics.length
    ? `<table class="findings"><thead><tr><th scope="col">${f.word ? 'Where' : 'Line'}</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead><tbody>
${f.diagnostics.map((d) => `<tr class="${d.severity}">${where(d)}<td>${d.severity}</td><td><code>${esc(d.ruleId)}</code></td><td>${esc(d.message)}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p>None.</p>';
  const waived = f.waived.length
    ? `<h3>Waived findings</h3><table class="findings"><thead><tr><th scope="col">${f.word ? 'Where' : 'Line'}</th><th scope="col">Rule</th><th scope="col">Message</th><th scope="col">Reason</th></tr></thead><tbody>
${f.waived.map((d) => `<tr>${where(d)}<td><code>${esc(d.ruleId)}</code></td><td>${esc(d.message)}</td><td>${esc(d.justification)}</td></tr>`).join('\n')}
</tbody></table>`
    : '';
  return `<section id="s${i + 1}" class="strategy">
<h2><code>${esc(f.path)}</code></h2>
<p><strong>${esc(f.summary)}</strong>: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}.</p>
<div class="cols">
<div><h3>IPC elements</h3><ul class="check">
${ipc}
</ul></div>
<div><h3>Equality impact assessment</h3><p>${eqiaLine}</p>
<table><thead><tr><th scope="col">Group</th><th scope="col">Status</th><th scope="col">Where</th></tr></thead><tbody>
${groups}
</tbody></table></div>
<div><h3>WCC competencies</h3><p>${f.wcc.covered} of ${f.wcc.total} competencies evidenced.</p>
<table><thead><tr><th scope="col">WCC</th><th scope="col">Competency</th><th scope="col">Evidence</th></tr></thead><tbody>
${wcc}
</tbody></table>${invalid}</div>
</div>
<h3>Findings</h3>
${findings}
${waived}
</section>`;
}

/** A finding's place: its line, or in a Word document where a reader finds it. */
function where(d: Diagnostic): string {
  return d.location ? `<td>${esc(formatLocation(d.location))}</td>` : `<td class="n">${d.line}</td>`;
}

/** The folder all paths share ("a/b/"), or "" when they share none. */
function commonFolder(paths: string[]): string {
  if (!paths.length) return '';
  let prefix = paths[0].slice(0, paths[0].lastIndexOf('/') + 1);
  for (const p of paths) while (prefix && !p.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix;
}

function mark(status: string): string {
  return `<span class="mark" aria-hidden="true">${MARK[statusLevel(status)]}</span> `;
}

function at(line: number | undefined): string {
  return line ? ` <span class="line">(line ${line})</span>` : '';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:80rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{font-size:1rem;margin:1rem 0 .4rem}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;margin:.3rem 0}th,td{border:1px solid #d0d0d0;padding:.2rem .45rem;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}tbody th{font-weight:normal}.n{text-align:right}caption{text-align:left;padding:.2rem 0;color:#555}
td.ok,td.miss,td.part{white-space:nowrap}
.scroll{overflow-x:auto}
.heat td{text-align:center;min-width:1.6rem;font-weight:600}.heat tbody th{white-space:nowrap;font-weight:normal}
.heat th.v{vertical-align:bottom;height:11rem;padding:.3rem .1rem}.heat th.v span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal}
.ok{background:#d9f2dd;color:#0f5a1c}.part{background:#fff0c2;color:#6b4d00}.miss{background:#f9d6d5;color:#8a1c17}.na{color:#888}
.heat tfoot td.pct{font-weight:normal;font-size:.85em}.heat tfoot th{font-weight:normal;text-align:right}
td.bad{color:#8a1c17}td.warn{color:#6b4d00}
.legend span{display:inline-block;width:1.4rem;text-align:center;margin-left:.6rem;font-weight:600}
.cols{display:flex;flex-wrap:wrap;gap:0 2rem}.cols>div{flex:1 1 22rem}
ul.check{list-style:none;padding-left:0}ul.check ul{list-style:none;padding-left:1.4rem}ul.check li{background:none}
ul.check li.ok>.mark{color:#0f5a1c}ul.check li.part>.mark{color:#6b4d00}ul.check li.miss>.mark{color:#8a1c17}
ul.check li.ok,ul.check li.part,ul.check li.miss{background:none;color:inherit}
.mark{display:inline-block;width:1.1rem;font-weight:700}.line{color:#666}
tr.error td:nth-child(2){color:#8a1c17;font-weight:600}tr.warning td:nth-child(2){color:#6b4d00}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{body{margin:0;max-width:none}.scroll{overflow:visible}section.strategy{break-before:page}}
`;
