// What the desktop and the web extension do alike on activation: start the
// language client, show coverage in the status bar and the code lens, register
// the commands, restart on trust. Each entry (extension.ts, web/extension.ts)
// only says how to create its client.
import * as vscode from 'vscode';
import { CodeLensRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { COVERAGE_METHOD, type CoverageInfo } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { LensKeeper } from './lens-keeper';
import { CoverageStatus } from './status-bar';

export type CreateClient = (context: vscode.ExtensionContext, output: vscode.LogOutputChannel, lenses: LensKeeper) => BaseLanguageClient;

/** Activates with clients from `create`; returns how to stop the current one (deactivate). */
export async function activateWith(context: vscode.ExtensionContext, create: CreateClient): Promise<() => Promise<void>> {
  let client: BaseLanguageClient | undefined;
  const output = vscode.window.createOutputChannel('Commissioning Lint', { log: true });
  const status = new CoverageStatus(() => client);
  const lenses = new LensKeeper({
    shown: (uri) =>
      vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri && vscode.workspace.getConfiguration('editor', e.document).get<boolean>('codeLens', true)),
    fire: (uris) => {
      const feature = client?.getFeature(CodeLensRequest.method);
      const providers = new Set(uris.map((u) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === u)).map((d) => d && feature?.getProvider(d)));
      for (const p of providers) p?.onDidChangeCodeLensEmitter.fire();
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  let listening: vscode.Disposable | undefined;

  const start = async () => {
    client = create(context, output, lenses);
    await client.start();
    // One handler per method (the client keeps one): the status bar and the lens keeper share it.
    listening = client.onNotification(COVERAGE_METHOD, (info: CoverageInfo) => {
      status.update(info);
      lenses.changed(vscode.Uri.parse(info.uri).toString());
    });
    await status.refresh();
  };
  const restart = async () => {
    listening?.dispose();
    const old = client;
    client = undefined;
    await old?.stop().catch(() => undefined);
    await start();
  };

  context.subscriptions.push(
    output,
    status,
    lenses,
    vscode.window.onDidChangeVisibleTextEditors(() => lenses.watch()),
    vscode.workspace.onDidCloseTextDocument((d) => lenses.forget(d.uri.toString())),
    ...registerCommands(() => client, restart),
    // Trusting the workspace lets its config's patterns run: the server starts again with that word.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
    { dispose: () => listening?.dispose() },
  );
  await start();
  return async () => {
    await client?.stop();
    client = undefined;
  };
}
