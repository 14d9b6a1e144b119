// The MCP server is a thin adapter: its files read nothing but through the
// engine (no fs, no child processes), and import neither the CLI nor the
// language server; they only map the engine and the core to MCP.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '..', '..', 'server', 'src', 'mcp');
const ALLOWED = /^(\.\/[\w-]+|\.\.\/(core|engine)(\/[\w-]+)?|\.\.\/\.\.\/\.\.\/package\.json|@modelcontextprotocol\/sdk\/[\w/.-]+|zod|node:(path|url))$/;

describe('MCP adapter boundary', function () {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  it('has source files to check', () => assert.ok(files.length >= 5));
  for (const f of files) {
    it(`server/src/mcp/${f} imports only the engine, the core, the SDK, zod, node:path and node:url`, function () {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) assert.match(spec, ALLOWED, `${f} imports ${spec}`);
    });
  }
});
