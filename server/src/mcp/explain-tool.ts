// explain: a rule, an IPC element, an equality group, a WCC competency or an
// Act, in the words of the editor's hovers (the core's explain.ts builds both),
// with links to the rule pages and legislation.gov.uk.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { explain, topicsOf, TOPIC_KINDS, type TopicKind } from '../core';
import { policyArg } from './schemas';
import { ToolError, toolHandler, type Session } from './session';

export function registerExplainTool(server: McpServer, session: Session): void {
  server.registerTool(
    'explain',
    {
      title: 'Explain a rule, element, group, competency or Act',
      description:
        'Explains, from the active policy pack and in the same words as the editor’s hovers, one of: a rule id (e.g. "eqia-group-unassessed"), an IPC strategy element ("needs"), an equality group ("sexual-orientation" or "sexual orientation"), a World Class Commissioning competency ("5", "WCC 5" or its name), or an Act (its id, title or a citation such as "DDA 2005"): what it is, what the strategy must show, whether an Act is still in force and what replaced it, with links to the rule’s documentation and to legislation.gov.uk.',
      inputSchema: {
        topic: z.string().min(1).max(200).describe('what to explain: a rule id, element id, group id or label, competency number or name, Act id, title or citation'),
        kind: z.enum(TOPIC_KINDS as [TopicKind, ...TopicKind[]]).optional().describe('only this kind of topic, when a word could name more than one'),
        policy: policyArg,
      },
      outputSchema: {
        policy: z.object({ id: z.string() }),
        explanations: z.array(
          z.object({
            kind: z.enum(TOPIC_KINDS as [TopicKind, ...TopicKind[]]),
            id: z.string(),
            title: z.string(),
            markdown: z.string(),
            links: z.array(z.object({ title: z.string(), url: z.string() })),
          }),
        ),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    toolHandler('explain', async (args: { topic: string; kind?: TopicKind; policy?: string }) => {
      const { policy } = await session.activePolicy(args.policy);
      const found = explain(args.topic, policy, args.kind);
      if (!found.length) throw new ToolError([`Nothing${args.kind ? ` of kind ${args.kind}` : ''} in the policy ${policy.id} is called ${JSON.stringify(args.topic)}. It can explain:`, ...topicsOf(policy).map((t) => `- ${t}`)].join('\n'));
      return {
        content: [{ type: 'text', text: found.map((e) => e.markdown).join('\n\n---\n\n') }],
        structuredContent: { policy: { id: policy.id }, explanations: found },
      };
    }),
  );
}
