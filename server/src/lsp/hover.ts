// Hovers: what a cited Act is (summary, status, successor, legislation.gov.uk
// link), what a WCC reference names, which IPC element a heading was matched
// to and what it still lacks, and an equality group's status in the EqIA.
// Every word comes from the policy pack.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Analysis, Policy } from '../core';
import { thingAt, type Found } from '../core';
import { offsetsToRange, toOffset } from './positions';
import { safe } from './safe';
import type { ServerState } from './state';

const GROUP_STATUS = {
  covered: 'covered: the EqIA states an impact for this group',
  unassessed: 'named but not assessed: no positive, negative or neutral impact is stated for this group',
  missing: 'missing: the EqIA does not mention this group',
} as const;

export function registerHover(state: ServerState): void {
  state.connection.onHover(
    safe(state.log, 'hover', null, async (params): Promise<Hover | null> => {
      const l = await state.lintOpen(params.textDocument.uri);
      const a = l && state.service.analysis(l);
      if (!l || !a) return null;
      const found = thingAt(a, toOffset(l.lines, params.position));
      if (!found) return null;
      const value = hoverText(found, a);
      if (!value) return null;
      return { contents: { kind: state.caps.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: offsetsToRange(l.lines, found.start, found.end) };
    }),
  );
}

export function hoverText(f: Found, a: Analysis): string | undefined {
  const policy = a.policy;
  switch (f.kind) {
    case 'act': {
      const act = f.citation.act;
      const lines = [`**${act.title}**`, '', act.summary];
      lines.push('', `*Status:* ${act.status}`);
      const successor = act.successor && policy.legislation.find((x) => x.id === act.successor);
      if (successor) lines.push('', `${act.superseded ? 'Superseded by' : 'See also'} the ${successor.url ? `[${successor.title}](${successor.url})` : successor.title}.`);
      if (act.url) lines.push('', `[Read it on legislation.gov.uk](${act.url})`);
      return lines.join('\n');
    }
    case 'wcc': {
      const c = f.competency;
      const also = c.names.length > 1 ? ` (also “${c.names.slice(1).join('”, “')}”)` : '';
      return [`**WCC competency ${c.number}: ${c.names[0]}**${also}`, '', c.description, '', wccTotals(a, policy)].join('\n');
    }
    case 'wcc-invalid':
      return [`**Invalid WCC reference** “${f.tag.text}”`, '', f.tag.reason].join('\n');
    case 'group': {
      const g = f.finding;
      const where = g.at?.source ? ` (in ${g.at.source})` : '';
      return [`**Equality group: ${g.group.label}**`, '', `EqIA status: ${GROUP_STATUS[g.status]}${where}.`].join('\n');
    }
    case 'heading': {
      const lines: string[] = [];
      if (f.eqia) {
        const covered = a.eqia.groups.filter((g) => g.status === 'covered').length;
        lines.push(`**Equality Impact Assessment** (${a.eqia.status}): ${covered} of ${a.eqia.groups.length} groups assessed.`);
        const gaps = a.eqia.groups.filter((g) => g.status !== 'covered');
        if (gaps.length) lines.push('', `Not yet assessed: ${gaps.map((g) => `${g.group.label} (${g.status})`).join(', ')}.`);
      }
      for (const e of f.elements) {
        const how = e.via === 'marker' ? 'by its ipc marker' : e.via === 'heading' ? 'by its heading' : 'by what its prose covers';
        if (lines.length) lines.push('');
        lines.push(`**IPC element: ${e.element.title}** (\`${e.element.id}\`), matched ${how}; ${e.section === f.section ? e.status : 'also read for this element'}.`);
        lines.push('', e.element.description);
        if (e.section === f.section && e.status === 'empty') lines.push('', `Still to write: ${e.element.scaffold}`);
        const missing = e.element.aspects.filter((x) => e.aspects[x.id] === 'missing');
        for (const m of missing) lines.push('', `Missing: ${m.title.toLowerCase()} (${m.description})`);
      }
      if (!f.elements.length && !f.eqia) {
        const missing = a.elements.filter((e) => e.status === 'missing').map((e) => e.element.title.toLowerCase());
        lines.push('Not matched to any IPC element.');
        if (missing.length) lines.push('', `The strategy still lacks: ${missing.join('; ')}.`);
      }
      return lines.join('\n');
    }
  }
}

function wccTotals(a: Analysis, policy: Policy): string {
  const covered = new Set(a.wcc.tags.map((t) => t.number));
  return `This strategy evidences ${covered.size} of ${policy.competencies.length} competencies.`;
}
