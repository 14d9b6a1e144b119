// Helpers for the hostile-input suite: the built CLI and language server as
// black boxes, every run under a hard time bound (killed when over it) and a
// watch on peak memory (killed when it runs away, to protect the machine).
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startClient, uriOf } = require('../lsp/lsp-client');

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'test-fixtures', 'examples', 'northvale-adult-mental-health-strategy.md'), 'utf8');
/** Output kept per stream; anything beyond is counted, not stored. */
const MAX_KEPT = 16 * 1024 * 1024;
/** A process over this resident size is killed: the test then fails on memory, not the machine. */
const DEFAULT_MEM_KILL_MB = 2048;

const dirs = [];
/** A fresh real (symlink-free) temp folder, removed at the end of the run. */
/**
 * Whom to run as so that permissions bite: as root (CI containers) chmod 000 stops
 * nothing, so the process runs as nobody (uid 65534); otherwise as ourselves.
 */
function unprivileged() {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
}

/** Makes a test folder readable by the unprivileged user (mkdtemp makes it 0700). */
function openUp(dir) {
  fs.chmodSync(dir, 0o755);
}

function tmpdir(prefix = 'cl-hostile-') {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  dirs.push(dir);
  return dir;
}

function cleanup() {
  for (const d of dirs.splice(0)) {
    // Undo chmod 000 and friends so the folder can go.
    try {
      cp.spawnSync('chmod', ['-R', 'u+rwx', d], { timeout: 10000 });
    } catch {
      // best effort
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
}
if (typeof after === 'function') after(cleanup);

/** Writes files (relative path → string or Buffer) under dir; returns dir. */
function write(dir, files) {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** Makes a FIFO with mkfifo(1); returns false when the OS cannot. */
function mkfifo(p) {
  const r = cp.spawnSync('mkfifo', [p], { timeout: 5000 });
  return r.status === 0 && fs.lstatSync(p, { throwIfNoEntry: false })?.isFIFO() === true;
}

/** Peak and current resident size of a live process, in MB (Linux /proc); null elsewhere. */
function memoryOf(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) ?? [])[1] ?? NaN);
    return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024, threads: Number((s.match(/^Threads:\s+(\d+)/m) ?? [])[1] ?? 0) };
  } catch {
    return null;
  }
}

/**
 * Runs a command, killing it (SIGKILL, its whole process group) after
 * timeoutMs or when its resident size passes memKillMB.
 * Resolves { code, signal, stdout, stderr, ms, peakMB, peakThreads, timedOut, memKilled }.
 * opts: { cwd, env, stdin (a string/Buffer to write, or an fd to inherit), timeoutMs, memKillMB }
 */
function runProcess(file, args, opts = {}) {
  const { cwd = ROOT, env, stdin, timeoutMs = 10000, memKillMB = DEFAULT_MEM_KILL_MB, asUser } = opts;
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const stdio = [typeof stdin === 'number' ? stdin : 'pipe', 'pipe', 'pipe'];
    const child = cp.spawn(file, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio, detached: true, ...(asUser ?? {}) });
    const out = { stdout: [], stderr: [], size: { stdout: 0, stderr: 0 } };
    for (const k of ['stdout', 'stderr']) {
      child[k].on('data', (d) => {
        if (out.size[k] < MAX_KEPT) out[k].push(d);
        out.size[k] += d.length;
      });
    }
    if (child.stdin) {
      child.stdin.on('error', () => {});
      if (stdin !== undefined && typeof stdin !== 'number') child.stdin.end(stdin);
      else child.stdin.end();
    }
    let peakMB = 0;
    let peakThreads = 0;
    let timedOut = false;
    let memKilled = false;
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        try {
          child.kill('SIGKILL');
        } catch {
          // gone
        }
      }
    };
    const poll = setInterval(() => {
      const m = memoryOf(child.pid);
      if (m) {
        peakMB = Math.max(peakMB, m.hwm || 0, m.rss || 0);
        peakThreads = Math.max(peakThreads, m.threads);
      }
      if (peakMB > memKillMB && !memKilled) {
        memKilled = true;
        kill();
      }
    }, 25);
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({
        code,
        signal,
        ms,
        peakMB: Math.round(peakMB),
        peakThreads,
        timedOut,
        memKilled,
        stdout: Buffer.concat(out.stdout).toString('utf8'),
        stderr: Buffer.concat(out.stderr).toString('utf8'),
        stdoutBytes: out.size.stdout,
      });
    });
  });
}

/** The built CLI under a time bound (see runProcess). */
function cli(args, opts = {}) {
  return runProcess(process.execPath, [CLI, ...args], opts);
}

/** A shell pipeline (sh -c) under a time bound. */
function shell(script, opts = {}) {
  return runProcess('/bin/sh', ['-c', script], opts);
}

const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** One line saying how a run went, for assertion messages and the before/after figures. */
function describeRun(r) {
  const how = r.timedOut ? `killed at the time bound after ${secs(r.ms)}` : r.memKilled ? `killed at ${r.peakMB} MB resident after ${secs(r.ms)}` : `exit ${r.code}${r.signal ? ` (${r.signal})` : ''} in ${secs(r.ms)}`;
  const err = r.stderr.trim().split('\n').slice(0, 3).join(' | ').slice(0, 300);
  return `${how}, peak ${r.peakMB} MB${err ? `; stderr: ${err}` : ''}`;
}

/** Figures of the current test, printed for the BEFORE/AFTER table (HOSTILE_FIGURES=1). */
function figure(ctx, text) {
  const title = ctx?.test?.fullTitle?.() ?? '';
  if (process.env.HOSTILE_FIGURES) process.stderr.write(`\n[figure] ${title} :: ${text}\n`);
}

/** Asserts a run finished inside its bound: neither killed for time nor for memory. */
function assertFinished(r, boundMs, what = 'the run') {
  assert.ok(!r.memKilled, `${what}: memory exploded (${describeRun(r)})`);
  assert.ok(!r.timedOut && r.ms <= boundMs, `${what}: over its ${secs(boundMs)} bound (${describeRun(r)})`);
}

/** Every non-empty stderr line starts with "commissioning-lint:". */
function assertStderrLines(stderr) {
  const lines = stderr.split(/\r?\n/).filter((l) => l.length > 0);
  for (const l of lines) assert.match(l, /^commissioning-lint:/, `stderr line without the "commissioning-lint:" prefix: ${JSON.stringify(l.slice(0, 200))}`);
  return lines;
}

/**
 * Times the CLI on inputs of size 1×, 2×, 4×. The 4× run goes first under its
 * hard bound: when it is over, the test fails at once (no need to wait on
 * slow code). Otherwise each size runs twice, the minimum counts, and the
 * growth ratio t(4×)/t(1×) is returned with the times.
 * make(scale) → args for the CLI (it writes its inputs); opts: { hardMs, cwd }.
 */
async function growth(make, { hardMs, cwd, timeoutMs } = {}) {
  const args = { 1: make(1), 2: make(2), 4: make(4) };
  const first4 = await cli(args[4], { cwd, timeoutMs: timeoutMs ?? hardMs + 500 });
  if (first4.timedOut || first4.memKilled || first4.ms > hardMs) {
    return { failedHard: true, first4, text: `4× run ${describeRun(first4)} (hard bound ${secs(hardMs)})` };
  }
  const t = { 4: [first4.ms] };
  const runs = { 4: [first4] };
  for (const s of [1, 2, 4]) {
    while ((t[s] ?? []).length < 2) {
      const r = await cli(args[s], { cwd, timeoutMs: timeoutMs ?? hardMs * 4 });
      (runs[s] ??= []).push(r);
      (t[s] ??= []).push(r.timedOut ? Infinity : r.ms);
    }
  }
  const min = (a) => Math.min(...a);
  const ratio = min(t[4]) / min(t[1]);
  const text = `1× ${secs(min(t[1]))}, 2× ${secs(min(t[2]))}, 4× ${secs(min(t[4]))}; ratio 4×/1× ${ratio.toFixed(2)}`;
  return { failedHard: false, ratio, times: { 1: min(t[1]), 2: min(t[2]), 4: min(t[4]) }, runs, text };
}

/** Resolves { value, ms }, or rejects with a clear message once ms passes. */
async function within(promise, ms, what) {
  const start = process.hrtime.bigint();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${secs(ms)}`)), ms);
  });
  try {
    const value = await Promise.race([promise, timeout]);
    return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A language-server session on `folder` whose process is watched for memory
 * and always ends (stop, then SIGKILL). opts go to startClient.
 */
async function session(folder, opts = {}) {
  const memKillMB = opts.memKillMB ?? DEFAULT_MEM_KILL_MB;
  const { value: c } = await within(startClient({ folder, ...opts }), 10000, 'initialize');
  c.peakMB = 0;
  c.memKilled = false;
  const poll = setInterval(() => {
    const m = memoryOf(c.child.pid);
    if (m) c.peakMB = Math.round(Math.max(c.peakMB, m.hwm || 0, m.rss || 0));
    if (c.peakMB > memKillMB && !c.memKilled) {
      c.memKilled = true;
      c.child.kill('SIGKILL');
    }
  }, 25);
  poll.unref();
  c.end = async () => {
    clearInterval(poll);
    if (c.child.exitCode !== null || c.child.signalCode !== null) {
      c.conn.dispose();
      return;
    }
    // A server stuck in a blocking read never answers shutdown: give it a moment, then kill it.
    const killer = setTimeout(() => c.child.kill('SIGKILL'), 1500);
    try {
      await Promise.race([c.request('shutdown').then(() => c.notify('exit')), new Promise((r) => setTimeout(r, 1000))]);
    } catch {
      // gone
    }
    await c.exited;
    clearTimeout(killer);
    c.conn.dispose();
  };
  /** A request under a bound, with a clear failure when the server is dead or silent. */
  // A dead server fails the request at once rather than at its bound.
  const died = c.exited.then(({ code, signal }) => {
    throw new Error(`server exited (${signal ?? `code ${code}`})${c.memKilled ? ': killed at its memory limit, memory exploded' : ''}`);
  });
  died.catch(() => {});
  /** Any promise under a bound, failing at once when the server dies. */
  c.bound = (promise, ms, what) => within(Promise.race([promise, died]), ms, `${what}${c.memKilled ? ' (server killed: memory exploded)' : ''}`);
  c.timed = (method, params, ms) => c.bound(c.request(method, params), ms, method);
  return c;
}

/** A hover that must answer: on "Care Act 2014" in the example strategy opened as `uri`. */
function hoverParams(uri, text = EXAMPLE, needle = 'Care Act 2014') {
  const i = text.indexOf(needle);
  const before = text.slice(0, i + 2).split('\n');
  return { textDocument: { uri }, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** The strategy's text with the `## title` section removed (up to the next `## `). */
function withoutSection(text, title) {
  const start = text.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`no section ${title}`);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(0, start + 1) + (next < 0 ? '' : text.slice(next + 1));
}

/** The example with its EqIA section replaced by `body` (under the same heading). */
function withEqia(body, text = EXAMPLE) {
  return `${withoutSection(text, 'Equality Impact Assessment').trimEnd()}\n\n## Equality Impact Assessment\n\n${body}\n`;
}

/** Parses the CLI's JSON output with a clear failure. */
function parseJson(r) {
  try {
    return JSON.parse(r.stdout);
  } catch (e) {
    throw new assert.AssertionError({ message: `stdout is not JSON (${describeRun(r)}): ${e.message}; stdout starts ${JSON.stringify(r.stdout.slice(0, 200))}` });
  }
}

module.exports = {
  unprivileged,
  openUp,
  ROOT,
  CLI,
  EXAMPLE,
  tmpdir,
  write,
  mkfifo,
  cli,
  shell,
  runProcess,
  growth,
  within,
  session,
  uriOf,
  hoverParams,
  withoutSection,
  withEqia,
  parseJson,
  describeRun,
  assertFinished,
  assertStderrLines,
  figure,
  secs,
};
