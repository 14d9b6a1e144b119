// The policy packs as MCP resources: each built-in pack's YAML as shipped and
// a JSON summary of what it requires (elements, equality groups, competencies,
// Acts, rule severities), and the summary of the active policy, the one
// lint_strategy uses when asked for none (the workspace's config, --policy, or
// the default pack).
import * as path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { BUILTIN_POLICY_IDS, builtinPackText, RULES, ruleDocsUrl, type Policy } from '../core';
import type { Session } from './session';

export const POLICY_URI = 'commissioning-lint://policy/';
export const ACTIVE_URI = `${POLICY_URI}active`;

export function registerResources(server: McpServer, session: Session): void {
  for (const id of BUILTIN_POLICY_IDS) {
    server.registerResource(
      `${id}.yaml`,
      `${POLICY_URI}${id}`,
      { title: `Policy pack ${id} (YAML)`, description: `The built-in policy pack ${id} as shipped: elements with heading synonyms and signals, equality groups with synonyms and near-misses, WCC competencies, the legislation catalogue and rule severities.`, mimeType: 'application/yaml' },
      async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/yaml', text: builtinPackText(id) ?? '' }] }),
    );
    server.registerResource(
      `${id}-summary`,
      `${POLICY_URI}${id}/summary`,
      { title: `Policy pack ${id} (summary)`, description: `What the built-in pack ${id} requires of a strategy, as JSON: IPC elements, equality groups, WCC competencies, Acts and rules.`, mimeType: 'application/json' },
      async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: json(policySummary(session.builtin(id)!)) }] }),
    );
  }
  server.registerResource(
    'active-policy',
    ACTIVE_URI,
    { title: 'Active policy (summary)', description: "The policy lint_strategy uses when given none, as JSON: the workspace's .commissioning-lint.yaml in the first root (or the server's --policy, or the default pack), with what it requires.", mimeType: 'application/json' },
    async (uri) => {
      const { policy, resolved, root } = await session.activePolicy();
      const configFile = resolved.configFile && root ? path.relative(root, resolved.configFile).split(path.sep).join('/') : resolved.configFile;
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: json({ ...(configFile ? { configFile } : {}), ...policySummary(policy) }) }] };
    },
  );
}

/** What a policy requires, in plain data: no patterns, only what an assistant drafting a strategy needs. */
export function policySummary(p: Policy): Record<string, unknown> {
  return {
    id: p.id,
    builtin: p.builtin ?? null,
    title: p.title,
    description: p.description,
    elements: p.elements.map((e) => ({ id: e.id, title: e.title, description: e.description, aspects: e.aspects.map((a) => ({ id: a.id, title: a.title, description: a.description })), wcc: e.wcc, scaffold: e.scaffold })),
    equalityGroups: p.groups.map((g) => ({ id: g.id, label: g.label, names: g.names })),
    competencies: p.competencies.map((c) => ({ number: c.number, names: c.names, description: c.description })),
    legislation: p.legislation.map((a) => ({ id: a.id, title: a.title, aliases: a.aliasList.filter((x) => !/^\/.*\/$/s.test(x)), url: a.url ?? null, summary: a.summary, status: a.status, superseded: a.superseded, successor: a.successor ?? null })),
    rules: RULES.map((r) => ({ id: r.id, severity: p.rules[r.id] ?? r.meta.defaultSeverity, description: r.meta.description, docsUrl: ruleDocsUrl(r.id, p) })),
  };
}

function json(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}
