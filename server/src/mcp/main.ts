// `commissioning-lint --mcp`: a Model Context Protocol server over stdio, so an
// AI assistant drafting a strategy can lint it, have a rule, group or Act
// explained, and get the editor's quick fixes. A thin adapter: the tools map
// the engine and the core (as the CLI and the language server use them) to
// MCP. Built as its own bundle (dist/mcp.js), which the CLI loads only for
// --mcp, so a lint run's start-up never pays for the SDK.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { LineTransport } from './transport';
import { Roots } from './roots';
import { Session, type McpOptions } from './session';
import { registerLintTool } from './lint-tool';
import { registerExplainTool } from './explain-tool';
import { registerFixesTool } from './fixes-tool';
import { registerResources } from './resources';
import { version } from '../../../package.json';

const INSTRUCTIONS = [
  'commissioning-lint checks UK mental-health commissioning strategies (Markdown) against The Commissioning Friend for Mental Health Services (2009) or the Equality Act 2010 pack.',
  'Lint a draft with lint_strategy (as `text`, or a `path` inside the roots) and read `groupsWithoutImpact` before writing the Equality Impact Assessment; explain says what a rule, IPC element, equality group, WCC competency or Act means; list_fixes gives the editor’s quick fixes for a finding as text edits.',
  'Nothing is written to disk.',
].join(' ');

/** Serves MCP on stdin/stdout until the client closes the connection; resolves with the exit code. */
export async function runMcpServer(opts: McpOptions): Promise<number> {
  // stdout carries the protocol: anything else printed goes to stderr.
  for (const level of ['log', 'info', 'debug', 'warn'] as const) console[level] = (...a: unknown[]) => console.error(...a);
  const server = new McpServer({ name: 'commissioning-lint', title: 'Commissioning Lint', version: version }, { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {} }, maxToolInputElements: 10_000 });
  const roots = new Roots(server.server, opts.cwd);
  // --policy and --config paths are resolved against the working directory, as the CLI does.
  const session = new Session(opts, roots);
  registerLintTool(server, session);
  registerExplainTool(server, session);
  registerFixesTool(server, session);
  registerResources(server, session);
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => roots.invalidate());
  // A bug in a handler the SDK does not catch is logged; the server goes on serving.
  process.on('unhandledRejection', (err) => process.stderr.write(`commissioning-lint: mcp: unhandled: ${(err as Error)?.stack ?? err}\n`));
  // A protocol-level problem (a malformed message, a response to no request) is the client's: log it and go on.
  server.server.onerror = (err) => process.stderr.write(`commissioning-lint: mcp: ${err.message}\n`);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  await server.connect(new LineTransport(process.stdin, process.stdout));
  await closed;
  return 0;
}
