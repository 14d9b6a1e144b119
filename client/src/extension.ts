// VS Code entry (dist/client.js): starts the language server for Markdown,
// shows coverage in the status bar, and offers the extension's commands. No
// lint logic lives here; the server does it all. The web extension's entry is
// web/extension.ts; both activate through activate.ts.
import type * as vscode from 'vscode';
import { activateWith } from './activate';
import { createClient } from './client';

let stop: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  stop = await activateWith(context, createClient);
}

export async function deactivate(): Promise<void> {
  await stop?.();
  stop = undefined;
}
