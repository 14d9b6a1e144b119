#!/usr/bin/env node
'use strict';
// Run a language server under Neovim's built-in LSP client (Neovim >= 0.7,
// Debian's `neovim` package) headless, and collect the diagnostics it shows
// for one Markdown file. An independent client, written by other people, so
// it catches protocol assumptions that only vscode-languageclient tolerates.
//
//   const { runNvim } = require('./tests/e2e/nvim/run-nvim');
//   const r = await runNvim({ cmd: ['node', 'dist/server.js', '--stdio'], file: 'x.md' });
//   r.diagnostics -> [{ lnum, col, endLnum, endCol, code, message, severity, source }]  (1-based)
//
// CLI: node tests/e2e/nvim/run-nvim.js [--root DIR] [--timeout MS] [--allow-empty] FILE.md -- node dist/server.js --stdio

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

// Lua run by `nvim -u NONE`. Sticks to APIs present in 0.7 (start_client,
// buf_attach_client, vim.diagnostic.get, vim.wait, vim.fn.json_*); 0.8+'s
// vim.lsp.start / vim.json would be nicer but are not on Debian 12.
const INIT_LUA = String.raw`
local cfg = vim.fn.json_decode(table.concat(vim.fn.readfile(_G.CL_CONFIG), '\n'))
local result = { diagnostics = {}, published = 0, timedOut = false }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, cfg.out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
  local bufnr = vim.api.nvim_get_current_buf()
  -- -u NONE means no filetype detection; the server is selected by languageId.
  vim.bo[bufnr].filetype = 'markdown'

  -- Count publishDiagnostics for our buffer (even empty ones), so a clean
  -- file can be told apart from a server that never answered.
  local default = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, res, ctx, conf)
    if res and vim.uri_to_bufnr(res.uri) == bufnr then result.published = result.published + 1 end
    return default(e, res, ctx, conf)
  end

  local client_id = vim.lsp.start_client({
    name = 'under-test',
    cmd = cfg.cmd,
    cmd_cwd = cfg.root,
    root_dir = cfg.root,
    workspace_folders = { { uri = vim.uri_from_fname(cfg.root), name = vim.fn.fnamemodify(cfg.root, ':t') } },
    init_options = cfg.initOptions,
    settings = cfg.settings,
    on_exit = function(code, signal) result.serverExit = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil (bad cmd?)') end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error('buf_attach_client failed') end

  local ready = vim.wait(cfg.timeout, function()
    if result.serverExit then return true end
    if cfg.allowEmpty then return result.published > 0 end
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  result.timedOut = not ready
  if result.serverExit then
    error(('server exited before the wait ended (code %s, signal %s)'):format(result.serverExit.code, result.serverExit.signal))
  end

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum + 1, col = d.col + 1, endLnum = (d.end_lnum or d.lnum) + 1, endCol = (d.end_col or d.col) + 1,
      -- vim.NIL keeps the key (as JSON null) when the server sent no code.
      code = d.code == nil and vim.NIL or d.code,
      message = d.message, severity = d.severity, source = d.source == nil and vim.NIL or d.source,
    })
  end
end)
if not ok then result.error = tostring(err) end
finish()
`;

/**
 * opts: { cmd: string[], file, root = dirname(file), timeout = 15000 (ms),
 *         allowEmpty = false (stop at the first publish, even if empty),
 *         settings, initOptions, nvim = 'nvim' }
 * Resolves to { diagnostics, published, timedOut, error?, serverExit? }.
 */
async function runNvim(opts) {
  const file = path.resolve(opts.file);
  const root = path.resolve(opts.root || path.dirname(file));
  const timeout = opts.timeout || 15000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-e2e-nvim-'));
  const out = path.join(tmp, 'diagnostics.json');
  const config = path.join(tmp, 'config.json');
  const init = path.join(tmp, 'init.lua');
  // Config goes through a JSON file rather than being spliced into Lua source:
  // no quoting bugs with odd paths or server arguments.
  fs.writeFileSync(config, JSON.stringify({ cmd: opts.cmd, file, root, out, timeout,
    allowEmpty: !!opts.allowEmpty, settings: opts.settings || {}, initOptions: opts.initOptions || {} }));
  fs.writeFileSync(init, INIT_LUA);

  try {
    const stderr = await new Promise((resolve, reject) => {
      const p = spawn(opts.nvim || 'nvim',
        ['--headless', '-u', 'NONE', '-i', 'NONE', '-n',
          '--cmd', `lua _G.CL_CONFIG = ${JSON.stringify(config)}`, '-c', `luafile ${init}`],
        // Own XDG dirs: the LSP log (stdpath('cache')/lsp.log) and any state
        // land in the temp dir, not the user's home.
        { cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, XDG_CACHE_HOME: tmp, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp } });
      let err = '';
      p.stderr.on('data', (d) => { err += d; });
      // Backstop in case nvim itself hangs (the Lua wait is bounded by `timeout`).
      const killer = setTimeout(() => p.kill('SIGKILL'), timeout + 15000);
      p.on('error', reject);
      p.on('exit', (code, signal) => {
        clearTimeout(killer);
        if (signal) reject(new Error(`nvim killed by ${signal}; stderr: ${err}`));
        else resolve(err);
      });
    });
    if (!fs.existsSync(out)) {
      const log = path.join(tmp, 'nvim', 'lsp.log');
      throw new Error(`nvim wrote no result. stderr: ${stderr}\nlsp.log: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '(none)'}`);
    }
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { runNvim };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  if (dash < 0) {
    console.error('usage: run-nvim.js [--root DIR] [--timeout MS] [--allow-empty] FILE.md -- SERVER CMD...');
    process.exit(2);
  }
  const opts = { cmd: argv.slice(dash + 1) };
  const args = argv.slice(0, dash);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root') opts.root = args[++i];
    else if (args[i] === '--timeout') opts.timeout = Number(args[++i]);
    else if (args[i] === '--allow-empty') opts.allowEmpty = true;
    else opts.file = args[i];
  }
  runNvim(opts).then((r) => {
    console.log(JSON.stringify(r, null, 2));
    process.exit(r.error || r.timedOut ? 1 : 0);
  }, (e) => { console.error(e.message); process.exit(1); });
}
