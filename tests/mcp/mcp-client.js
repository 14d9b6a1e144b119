// Drives the built CLI's MCP server (`node dist/cli.js --mcp`) with the SDK's
// own Client over stdio, as an assistant would: optional roots (the client's
// workspace folders), raw bytes written straight to the server's stdin, and
// throwaway workspaces.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
const { ListRootsRequestSchema } = require('@modelcontextprotocol/sdk/types.js');

const cli = require('../helpers/cli');

const { ROOT, CLI } = cli;
const EXAMPLE_PATH = path.join(ROOT, 'test-fixtures', 'examples', 'northvale-adult-mental-health-strategy.md');
const EXAMPLE = fs.readFileSync(EXAMPLE_PATH, 'utf8');

/** Whom the server runs as so that chmod 000 bites: nobody when we are root. */
const AS_NOBODY = process.getuid?.() === 0;

/**
 * Starts the server and connects a client.
 * opts: { roots: () => [dir…] (the client then offers roots), cwd, args, asNobody }
 */
async function startMcp(opts = {}) {
  const cliArgs = ['--mcp', ...(opts.args ?? [])];
  // As nobody: drop privileges first, then run the CLI as `node dist/cli.js --mcp` would.
  const args = opts.asNobody
    ? ['-e', `process.setgid(65534); process.setuid(65534); process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(cliArgs)}]; require(${JSON.stringify(CLI)});`]
    : [CLI, ...cliArgs];
  const transport = new StdioClientTransport({ command: process.execPath, args, cwd: opts.cwd ?? ROOT, stderr: 'pipe', env: { ...process.env } });
  let stderr = '';
  transport.stderr.on('data', (d) => (stderr += d));
  const client = new Client({ name: 'commissioning-lint-tests', version: '1.0.0' }, { capabilities: opts.roots ? { roots: { listChanged: true } } : {} });
  client.rootsAsked = 0;
  if (opts.roots) {
    client.setRequestHandler(ListRootsRequestSchema, () => {
      client.rootsAsked++;
      return { roots: opts.roots().map((dir) => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) })) };
    });
  }
  await client.connect(transport);
  return {
    client,
    transport,
    stderr: () => stderr,
    /** Writes bytes to the server's stdin, under the client's feet. */
    raw: (bytes) => new Promise((resolve, reject) => transport._process.stdin.write(bytes, (err) => (err ? reject(err) : resolve()))),
    call: (name, args) => client.callTool({ name, arguments: args }),
    stop: () => client.close(),
  };
}

/** The text of a tool result's first content block. */
function textOf(result) {
  return result.content?.[0]?.text ?? '';
}

/** A fresh real (symlink-free) folder holding `files` (path → text or Buffer). */
/** A throwaway workspace for a session (tests/helpers/cli.js's, named for MCP). */
const workspace = (files = {}) => cli.workspace(files, 'cl-mcp-');
const { snapshot } = cli;

module.exports = { ROOT, CLI, EXAMPLE, EXAMPLE_PATH, AS_NOBODY, startMcp, textOf, workspace, snapshot };
