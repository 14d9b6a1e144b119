// Nothing on the wire ends the MCP server: bad arguments (checked against the
// tools' schemas), unknown tools, and garbage written straight to its stdin
// (not JSON, not JSON-RPC, invalid UTF-8, NUL bytes, a line over the 64 MB
// message limit) each get an error and the server goes on answering. It exits
// 0 when the client closes the connection.
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { CLI, EXAMPLE, startMcp, textOf, workspace } = require('./mcp-client');

describe('MCP server: bad input on the wire', function () {
  let s;
  let ws;
  before(async function () {
    ws = workspace({ 'strategy.md': EXAMPLE });
    s = await startMcp({ roots: () => [ws] });
  });
  after(async function () {
    await s.stop();
  });

  const stillServing = async () => {
    const r = await s.call('lint_strategy', { path: 'strategy.md' });
    assert.ok(!r.isError, textOf(r));
    assert.match(r.structuredContent.coverageLine, /^IPC 7\/7/);
  };

  it('answers arguments that break the schema with a tool error naming them', async function () {
    const cases = [
      ['lint_strategy', { text: 5 }, /Input validation error: .*text/s],
      ['lint_strategy', { path: '' }, /Input validation error: .*path/s],
      ['lint_strategy', { text: 'x', policy: 'nhs-2030' }, /Input validation error: .*policy/s],
      ['explain', {}, /Input validation error: .*topic/s],
      ['explain', { topic: 'x'.repeat(201) }, /Input validation error: .*topic/s],
      ['explain', { topic: 'age', kind: 'colour' }, /Input validation error: .*kind/s],
      ['list_fixes', { text: 'x' }, /Input validation error: .*finding/s],
      ['list_fixes', { text: 'x', finding: { ruleId: 'wcc-coverage', line: 0, column: 1, endLine: 1, endColumn: 1 } }, /Input validation error: .*line/s],
      ['list_fixes', { text: 'x', finding: { ruleId: 'wcc-coverage', line: 1.5, column: 1, endLine: 1, endColumn: 1 } }, /Input validation error/],
      ['list_fixes', { text: 'x', finding: { ruleId: 'wcc-coverage', line: 1, column: 1, endLine: 1, endColumn: 1 }, apply: -1 }, /Input validation error: .*apply/s],
    ];
    for (const [name, args, why] of cases) {
      const r = await s.call(name, args);
      assert.equal(r.isError, true, `${name} ${JSON.stringify(args)}`);
      assert.match(textOf(r), why, `${name} ${JSON.stringify(args)}`);
    }
    await stillServing();
  });

  it('asks for text or a path when given neither', async function () {
    const r = await s.call('lint_strategy', {});
    assert.equal(r.isError, true);
    assert.match(textOf(r), /give the strategy as `text`, or the `path` of a Markdown file inside the client's roots/);
  });

  it('answers an unknown tool, resource or method with an error', async function () {
    const r = await s.call('write_strategy', { text: 'x' });
    assert.equal(r.isError, true);
    assert.match(textOf(r), /Tool write_strategy not found/);
    await assert.rejects(s.client.readResource({ uri: 'commissioning-lint://policy/nhs-2030' }), /not found/);
    await assert.rejects(s.client.request({ method: 'sampling/nothing', params: {} }, require('@modelcontextprotocol/sdk/types.js').EmptyResultSchema), /Method not found/);
    await stillServing();
  });

  it('keeps answering after garbage written to its stdin', async function () {
    const garbage = [
      'garbage\n',
      '{"jsonrpc":"2.0","id":"cut-short"\n',
      '[1, 2, 3]\n',
      '{"jsonrpc":"2.0","id":77,"method":5}\n',
      '{"jsonrpc":"1.0","id":78,"method":"tools/list"}\n',
      'null\n',
      '\n\n\r\n',
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]),
      Buffer.from([0x00, 0x00, 0x7b, 0x00, 0x0a]),
      `{"jsonrpc":"2.0","id":79,"method":"tools/call","params":{"name":"lint_strategy","arguments":{"text":"${'x'.repeat(1_000_000)}"\n`,
      '{"jsonrpc":"2.0","method":"notifications/unknown"}\n',
    ];
    for (const g of garbage) {
      await s.raw(g);
      await stillServing();
    }
  });

  it('skips a line over the 64 MB limit and goes on', async function () {
    this.timeout(30000);
    const mb = Buffer.alloc(1024 * 1024, 0x61);
    for (let i = 0; i < 65; i++) await s.raw(mb);
    await s.raw('\n');
    await stillServing();
  });

  it('answers garbage with JSON-RPC errors (-32700, -32600 with the request’s id) and exits 0 when stdin closes', async function () {
    const child = spawn(process.execPath, [CLI, '--mcp'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
    const lines = [];
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buf.slice(0, nl)));
        buf = buf.slice(nl + 1);
      }
    });
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (test) => {
      for (let i = 0; i < 500; i++) {
        const hit = lines.find(test);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no such answer in ${JSON.stringify(lines)}`);
    };
    child.stdin.write('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}\n');
    await waitFor((m) => m.id === 1 && m.result);
    child.stdin.write('not json\n');
    const parse = await waitFor((m) => m.error?.code === -32700);
    assert.equal(parse.id, null);
    child.stdin.write('{"jsonrpc":"2.0","id":2,"method":7}\n');
    const invalid = await waitFor((m) => m.id === 2);
    assert.equal(invalid.error.code, -32600);
    child.stdin.write('{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"explain","arguments":{"topic":"MHA 1983"}}}\n');
    const answer = await waitFor((m) => m.id === 3);
    assert.match(answer.result.content[0].text, /^\*\*Mental Health Act 1983\*\*/);
    child.stdin.end();
    assert.equal(await exited, 0);
  });
});

describe('commissioning-lint --mcp on the command line', function () {
  const { run } = require('../helpers/cli');
  const fs = require('node:fs');
  const path = require('node:path');

  it('refuses files and lint options beside --mcp (exit 2, one line)', function () {
    for (const args of [['--mcp', 'strategy.md'], ['--mcp', '--format', 'json'], ['--mcp', '--stdin'], ['--mcp', '--cache']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^commissioning-lint: --mcp takes (no files|only --policy and --config)/, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
    assert.match(run(['--help']).stdout, /--mcp +serve the Model Context Protocol on stdio/);
  });

  it('keeps the SDK out of the lint run’s bundle (loaded from dist/mcp.js only for --mcp)', function () {
    const bundle = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'cli-main.js'), 'utf8');
    assert.ok(!/\bMcpServer\b|\bregisterTool\b|JSONRPCMessageSchema/.test(bundle));
    assert.ok(fs.existsSync(path.join(__dirname, '..', '..', 'dist', 'mcp.js')));
  });
});
