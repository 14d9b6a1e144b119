// The editor, the pipeline and an assistant never disagree: for workspace
// folders holding the awkward cases (a config's `ignore`, UTF-16, CRLF and BOM
// files, a linked EqIA, severity overrides, a `policy:` choice, waivers, a file
// that cannot be read), the CLI's JSON, the language server's
// workspace/diagnostic and the MCP server's lint_strategy on each of the CLI's
// files give the same set of (file, rule, line).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { run, workspace } = require('../helpers/cli');
const { startClient } = require('../lsp/lsp-client');
const { EXAMPLE, variants, withoutSection } = require('../lsp/fixtures');
const { startMcp } = require('../mcp/mcp-client');

const EQIA_TABLE = EXAMPLE.slice(EXAMPLE.indexOf('| Group |'), EXAMPLE.indexOf('\nData on the experience'));
const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const FOLDERS = {
  'ignore and encodings': {
    '.commissioning-lint.yaml': 'ignore:\n  - "drafts/**"\n',
    'strategy.md': EXAMPLE,
    'drafts/draft.md': variants.noEqia,
    'utf16.md': utf16(variants.noEvidence),
    'crlf.md': variants.badWcc.replace(/\n/g, '\r\n'),
    'bom.md': '\ufeff' + variants.missingGroup,
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
  },
  'linked EqIA, overrides, policy and waivers': {
    '.commissioning-lint.yaml': 'policy: equality-act-2010\nrules:\n  wcc-coverage: off\n  legislation-superseded: warning\n',
    'linked/strategy.md': withoutSection(EXAMPLE, 'Equality Impact Assessment') + '\n## Equality Impact Assessment\n\nSee the [full assessment](eqia.md).\n',
    'linked/eqia.md': `# Equality Impact Assessment\n\n${EQIA_TABLE}`,
    'waived.md': variants.reasonlessWaiver,
    'placeholder.md': variants.placeholderEqia,
    'outside.md': variants.noEqia + '\n## Equalities\n\nSee [the assessment](../../elsewhere/eqia.md).\n',
  },
};

function fromCli(dir) {
  const r = run(['--format', 'json', '.'], { cwd: dir });
  const j = JSON.parse(r.stdout);
  const out = new Set();
  for (const f of j.files) {
    if (f.error) out.add(`${f.path} file-unreadable 1`);
    else for (const d of f.diagnostics) out.add(`${f.path} ${d.ruleId} ${d.line}`);
  }
  return { out, files: j.files.map((f) => f.path) };
}

/** lint_strategy on each file, by path, with the folder as the client's root. */
async function fromMcp(dir, files) {
  const s = await startMcp({ roots: () => [dir] });
  try {
    const out = new Set();
    for (const f of files) {
      const r = await s.call('lint_strategy', { path: f });
      if (r.isError) out.add(`${f} file-unreadable 1`);
      else for (const d of r.structuredContent.diagnostics) out.add(`${f} ${d.ruleId} ${d.line}`);
    }
    return out;
  } finally {
    await s.stop();
  }
}

async function fromServer(dir) {
  const c = await startClient({ folder: dir });
  try {
    const r = await c.request('workspace/diagnostic', { previousResultIds: [] });
    const out = new Set();
    for (const report of r.items) {
      const rel = path.relative(dir, new URL(report.uri).pathname).split(path.sep).join('/');
      for (const d of report.items) out.add(`${rel} ${d.code} ${d.range.start.line + 1}`);
    }
    return out;
  } finally {
    await c.stop();
  }
}

describe('the CLI, the language server and the MCP server agree', function () {
  this.timeout(60000);
  for (const [name, files] of Object.entries(FOLDERS)) {
    it(name, async () => {
      const dir = fs.realpathSync(workspace(files));
      try {
        const { out: cli, files: linted } = fromCli(dir);
        const [server, mcp] = await Promise.all([fromServer(dir), fromMcp(dir, linted)]);
        assert.ok(cli.size > 5, `the CLI found something to compare: ${[...cli].join(', ')}`);
        assert.deepEqual([...server].sort(), [...cli].sort());
        assert.deepEqual([...mcp].sort(), [...cli].sort());
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
