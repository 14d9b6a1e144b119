#!/usr/bin/env node
'use strict';
// Smoke test of the harness itself (no extension installed): start
// code-server on a temp workspace, open strategy.md via Quick Open, type a
// line, read the status bar, and exercise every helper against VS Code's
// built-in Markdown support (its link validation gives a Problems entry and a
// hover; word-based completion gives suggest rows; "File: Save" via the
// palette). Screenshot, stop. Runs in trusted and restricted mode, or one of
// them: `node smoke.js trusted|restricted`.

const fs = require('fs');
const os = require('os');
const path = require('path');
const cs = require('./lib/codeserver');

async function smoke(mode) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-e2e-ws-'));
  const file = path.join(workspace, 'strategy.md');
  fs.writeFileSync(file, '# Commissioning strategy\n\nSome text.\n\n[broken](missing.md)\n');
  const t0 = Date.now();
  const session = await cs.start({ workspace, trusted: mode === 'trusted',
    settings: { 'markdown.validate.enabled': true } });
  const { page } = session;
  const log = (...a) => console.log(`[${mode}] +${Date.now() - t0}ms`, ...a);
  try {
    log(`workbench up on port ${session.port}`);
    await cs.openFile(page, 'strategy.md');

    await cs.gotoPosition(page, 4, 1);
    const line = `Typed by smoke.js in ${mode} mode`;
    await page.keyboard.type(line);
    // The editor renders the text we typed (Monaco uses nbsp for spaces).
    await cs.waitUntil(page, async () => (await page.locator('.editor-group-container.active .view-lines').innerText())
      .replace(/\u00a0/g, ' ').includes(line), { what: 'the typed line in the editor' });
    await cs.waitUntil(page, async () => (await cs.statusBarItems(page)).some((i) => i.text === `Ln 4, Col ${line.length + 1}`),
      { what: 'the cursor position after typing' });
    const items = await cs.statusBarItems(page);
    log('status bar:', items.map((i) => i.text || `(${i.ariaLabel})`).join(' | '));
    const texts = items.map((i) => i.text);
    if (!texts.includes('Markdown')) throw new Error('status bar does not show the Markdown language mode');
    if ((mode === 'restricted') !== texts.some((t) => t.includes('Restricted Mode'))) {
      throw new Error(`Restricted Mode indicator does not match mode ${mode}`);
    }

    const problems = await cs.waitForProblems(page, (rows) => rows.some((r) => r.text.includes('missing.md')),
      'a Problems row about missing.md');
    log('problems:', JSON.stringify(problems));

    const hover = await cs.hoverAt(page, 5, 12);
    log('hover at 5:12:', JSON.stringify(hover));
    if (!hover.includes('missing.md')) throw new Error('hover does not mention missing.md');

    await cs.gotoPosition(page, 6, 1);
    await page.keyboard.type('Comm');
    const suggestions = await cs.completeAt(page);
    log('completion:', JSON.stringify(suggestions));
    if (!suggestions.includes('Commissioning')) throw new Error('no "Commissioning" word completion');
    await page.keyboard.press('Escape');
    await cs.waitFor(page, '.suggest-widget.visible', { what: 'the suggest widget to close', state: 'hidden' });

    await cs.runCommand(page, 'File: Save');
    await cs.waitFor(page, '.tabs-container .tab.active.dirty', { what: 'the tab to be saved', state: 'hidden' });
    if (!fs.readFileSync(file, 'utf8').includes(line)) throw new Error('saved file lacks the typed line');
    log('saved through the command palette');

    log(`screenshot: ${await cs.screenshot(page, `smoke-${mode}`)}`);
  } finally {
    await session.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  log('ok');
}

(async () => {
  const modes = process.argv[2] ? [process.argv[2]] : ['trusted', 'restricted'];
  for (const m of modes) await smoke(m);
})().catch((e) => { console.error(e.stack || e); process.exit(1); });
