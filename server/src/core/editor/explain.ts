// The words that explain a rule, an IPC element, an equality group, a WCC
// competency or an Act, built from the policy pack: what the editor's hovers
// say about a strategy (hoverMarkdown) and what an assistant is told when it
// asks (explain, the MCP tool). Both are written with the same pieces, so a
// hover and an explanation of the same thing cannot drift apart.
import type { Analysis } from '../analyse';
import type { ActDef, CompetencyDef, ElementDef, GroupDef, Policy } from '../policy/types';
import type { GroupStatus } from '../types';
import { RULES } from '../rules';
import { ruleDocsUrl } from '../docs';
import { tagText } from '../recognise/wcc-syntax';
import type { Found } from './at-offset';

/** What each EqIA status means, as a hover and an explanation say it. */
export const GROUP_STATUS: Readonly<Record<GroupStatus, string>> = {
  covered: 'covered: the EqIA states an impact for this group',
  unassessed: 'named but not assessed: no positive, negative or neutral impact is stated for this group',
  missing: 'missing: the EqIA does not mention this group',
};

/** A cited Act: title, summary, status, successor and its legislation.gov.uk link (the whole hover). */
export function actMarkdown(act: ActDef, policy: Policy): string {
  const lines = [`**${act.title}**`, '', act.summary];
  lines.push('', `*Status:* ${act.status}`);
  const successor = successorOf(act, policy);
  if (successor) lines.push('', `${act.superseded ? 'Superseded by' : 'See also'} the ${successor.url ? `[${successor.title}](${successor.url})` : successor.title}.`);
  if (act.url) lines.push('', `[Read it on legislation.gov.uk](${act.url})`);
  return lines.join('\n');
}

/** A competency's number, names and description (a WCC tag's hover adds the strategy's totals). */
export function competencyMarkdown(c: CompetencyDef): string {
  const also = c.names.length > 1 ? ` (also “${c.names.slice(1).join('”, “')}”)` : '';
  return [`**WCC competency ${c.number}: ${c.names[0]}**${also}`, '', c.description].join('\n');
}

/** The first line of an element's hover: its title and id. */
export function elementTitle(e: ElementDef): string {
  return `**IPC element: ${e.title}** (\`${e.id}\`)`;
}

/** The first line of an equality group's hover. */
export function groupTitle(g: GroupDef): string {
  return `**Equality group: ${g.label}**`;
}

/** What the editor shows on hover over `found` in the analysed strategy. */
export function hoverMarkdown(f: Found, a: Analysis): string | undefined {
  const policy = a.policy;
  switch (f.kind) {
    case 'act':
      return actMarkdown(f.citation.act, policy);
    case 'wcc': {
      const covered = new Set(a.wcc.tags.map((t) => t.number));
      return [competencyMarkdown(f.competency), '', `This strategy evidences ${covered.size} of ${policy.competencies.length} competencies.`].join('\n');
    }
    case 'wcc-invalid':
      return [`**Invalid WCC reference** “${f.tag.text}”`, '', f.tag.reason].join('\n');
    case 'group': {
      const g = f.finding;
      const where = g.at?.source ? ` (in ${g.at.source})` : '';
      return [groupTitle(g.group), '', `EqIA status: ${GROUP_STATUS[g.status]}${where}.`].join('\n');
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
        lines.push(`${elementTitle(e.element)}, matched ${how}; ${e.section === f.section ? e.status : 'also read for this element'}.`);
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

export type TopicKind = 'rule' | 'element' | 'group' | 'competency' | 'act';
export const TOPIC_KINDS: readonly TopicKind[] = ['rule', 'element', 'group', 'competency', 'act'];

export interface Explanation {
  kind: TopicKind;
  /** The rule, element, group or Act id, or the competency number as text. */
  id: string;
  title: string;
  /** Markdown; for an Act it is the hover itself, for the rest the hover's own first lines and then more. */
  markdown: string;
  /** Every https link the explanation gives. */
  links: Array<{ title: string; url: string }>;
}

/**
 * Everything in the policy a topic names: a rule id, an element id or title, a
 * group id or label, a competency number ("5", "WCC 5") or name, an Act's id,
 * title or any alias the policy recognises in a strategy. Empty when none.
 */
export function explain(topic: string, policy: Policy, kind?: TopicKind): Explanation[] {
  const t = normal(topic);
  if (!t) return [];
  const out: Explanation[] = [];
  const want = (k: TopicKind) => !kind || kind === k;
  if (want('rule')) for (const r of RULES) if (r.id === t) out.push(explainRule(r.id, policy));
  if (want('element')) for (const e of policy.elements) if (normal(e.id) === t || normal(e.title) === t) out.push(explainElement(e, policy));
  if (want('group')) for (const g of policy.groups) if (normal(g.id) === t || normal(g.label) === t) out.push(explainGroup(g, policy));
  if (want('competency')) {
    const n = /^(?:wcc|competency|wcc competency)?[\s-]*(\d{1,3})$/.exec(t)?.[1];
    for (const c of policy.competencies) if ((n !== undefined && c.number === Number(n)) || c.names.some((x) => normal(x) === t)) out.push(explainCompetency(c, policy));
  }
  if (want('act')) {
    const exact = policy.legislation.filter((a) => normal(a.id) === t || normal(a.title) === t);
    // Otherwise an alias the policy would recognise, spanning the whole topic ("DDA 2005", "s.75").
    const trimmed = topic.trim();
    const acts = exact.length ? exact : policy.legislation.filter((a) => a.aliases.spans(trimmed).some(([s, e]) => s === 0 && e === trimmed.length));
    for (const a of acts) out.push(explainAct(a, policy));
  }
  return out;
}

/** One line per kind of topic the policy knows, for a caller who named none of them. */
export function topicsOf(policy: Policy): string[] {
  return [
    `rules: ${RULES.map((r) => r.id).join(', ')}`,
    `IPC elements: ${policy.elements.map((e) => e.id).join(', ')}`,
    `equality groups: ${policy.groups.map((g) => g.id).join(', ')}`,
    `WCC competencies: ${policy.competencies.map((c) => c.number).join(', ')}`,
    `Acts: ${policy.legislation.map((a) => a.id).join(', ')} (or a title, e.g. "${policy.legislation[0]?.title ?? 'Mental Health Act 1983'}")`,
  ];
}

function explainRule(id: string, policy: Policy): Explanation {
  const rule = RULES.find((r) => r.id === id)!;
  const setting = policy.rules[id];
  const severity = setting && setting !== rule.meta.defaultSeverity ? `${setting} under ${policy.id} (default ${rule.meta.defaultSeverity})` : rule.meta.defaultSeverity;
  const url = ruleDocsUrl(id, policy);
  const markdown = [`**Rule \`${id}\`** (${severity})`, '', rule.meta.description, '', `[Rule documentation](${url})`].join('\n');
  return { kind: 'rule', id, title: id, markdown, links: [{ title: `${id} documentation`, url }] };
}

function explainElement(e: ElementDef, policy: Policy): Explanation {
  const lines = [elementTitle(e), '', e.description];
  for (const x of e.aspects) lines.push('', `Checked within it: ${x.title.toLowerCase()} (${x.description})`);
  if (e.wcc.length) lines.push('', `Evidences WCC ${e.wcc.length === 1 ? 'competency' : 'competencies'} ${e.wcc.join(', ')}.`);
  lines.push('', `A section for it sets out: ${e.scaffold}`);
  const links = docLinks(policy, ['ipc-element-missing', 'ipc-element-empty', ...(e.aspects.length ? ['ipc-aspect-missing'] : [])]);
  lines.push('', links.map((l) => `[${l.title}](${l.url})`).join(' · '));
  return { kind: 'element', id: e.id, title: e.title, markdown: lines.join('\n'), links };
}

function explainGroup(g: GroupDef, policy: Policy): Explanation {
  const lines = [groupTitle(g), ''];
  if (g.names.length) lines.push(`An EqIA may name it as: ${g.names.map((n) => `“${n}”`).join(', ')}.`, '');
  lines.push('EqIA status is one of:', ...(['covered', 'unassessed', 'missing'] as const).map((s) => `- ${GROUP_STATUS[s]}`));
  const links = docLinks(policy, ['eqia-group-missing', 'eqia-group-unassessed']);
  lines.push('', links.map((l) => `[${l.title}](${l.url})`).join(' · '));
  return { kind: 'group', id: g.id, title: g.label, markdown: lines.join('\n'), links };
}

function explainCompetency(c: CompetencyDef, policy: Policy): Explanation {
  const links = docLinks(policy, ['wcc-coverage', 'wcc-tag-invalid']);
  const markdown = [competencyMarkdown(c), '', `A strategy tags the sections that evidence it, e.g. \`${tagText(c.number)}\` or \`${tagText(c.number, c.names[0])}\`.`, '', links.map((l) => `[${l.title}](${l.url})`).join(' · ')].join('\n');
  return { kind: 'competency', id: String(c.number), title: c.names[0], markdown, links };
}

function explainAct(act: ActDef, policy: Policy): Explanation {
  // Pack URLs are https: only (compile.ts drops any other).
  const links: Explanation['links'] = [];
  if (act.url) links.push({ title: act.title, url: act.url });
  const successor = successorOf(act, policy);
  if (successor?.url) links.push({ title: successor.title, url: successor.url });
  return { kind: 'act', id: act.id, title: act.title, markdown: actMarkdown(act, policy), links };
}

function successorOf(act: ActDef, policy: Policy): ActDef | undefined {
  return act.successor ? policy.legislation.find((x) => x.id === act.successor) : undefined;
}

function docLinks(policy: Policy, ids: string[]): Explanation['links'] {
  return ids.map((id) => ({ title: id, url: ruleDocsUrl(id, policy) }));
}

/** Case, spacing and dashes do not matter in a topic. */
function normal(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, ' ').replace(/[‐‑‒–—]/g, '-');
}
