// The extension's commands: lint the workspace (with progress), show the
// active strategy's coverage report, import a Word strategy as Markdown,
// restart the server.
import * as vscode from 'vscode';
import { WorkDoneProgress, type BaseLanguageClient as LanguageClient, type WorkDoneProgressReport, type WorkDoneProgressBegin } from 'vscode-languageclient';
import { ReportDocuments } from './report';
import { CONVERT_WORD_METHOD, COVERAGE_METHOD, LINT_WORKSPACE_METHOD, SHOW_REPORT_COMMAND, type ConvertWordResult, type CoverageInfo, type LintWorkspaceSummary } from '../../server/src/lsp/protocol';

export function registerCommands(client: () => LanguageClient | undefined, restart: () => Promise<void>): vscode.Disposable[] {
  const reports = new ReportDocuments();
  return [
    reports,
    vscode.commands.registerCommand('commissioningLint.lintWorkspace', () => lintWorkspace(client())),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, (uri?: string | vscode.Uri) => showReport(client(), reports, uri)),
    vscode.commands.registerCommand('commissioningLint.importWord', (uri?: vscode.Uri) => importWord(client(), uri)),
    vscode.commands.registerCommand('commissioningLint.restartServer', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting Commissioning Lint' }, restart),
    ),
  ];
}

async function lintWorkspace(client: LanguageClient | undefined): Promise<void> {
  if (!client?.isRunning()) return void vscode.window.showWarningMessage('Commissioning Lint is not running.');
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Linting strategies', cancellable: true },
    async (progress, cancel) => {
      // The server reports progress on a token we choose.
      const token = `lint-workspace-${Date.now()}`;
      let last = 0;
      const sub = client.onProgress(WorkDoneProgress.type, token, (p: WorkDoneProgressBegin | WorkDoneProgressReport | { kind: 'end' }) => {
        if (p.kind === 'end') return;
        const pct = p.percentage ?? last;
        progress.report({ message: p.message, increment: pct - last });
        last = pct;
      });
      try {
        return await client.sendRequest<LintWorkspaceSummary | null>(LINT_WORKSPACE_METHOD, { workDoneToken: token }, cancel);
      } finally {
        sub.dispose();
      }
    },
  );
  if (summary) {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    void vscode.window.showInformationMessage(`Commissioning Lint: ${plural(summary.files, 'strategy')} checked — ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}.`.replace('strategys', 'strategies'));
  }
}

async function showReport(client: LanguageClient | undefined, reports: ReportDocuments, arg?: string | vscode.Uri): Promise<void> {
  const uri = typeof arg === 'string' ? arg : (arg ?? vscode.window.activeTextEditor?.document.uri)?.toString();
  if (!client?.isRunning() || !uri) return void vscode.window.showInformationMessage('Open a strategy (Markdown) to see its coverage.');
  const info = await client.sendRequest<CoverageInfo | null>(COVERAGE_METHOD, { uri });
  if (!info?.report) return void vscode.window.showInformationMessage(info?.summary ?? 'No coverage for this document.');
  await reports.show(uri, info.report);
}

/**
 * Converts a Word strategy (the explorer's selection, or one chosen) into a new
 * Markdown file beside it and opens it. The language server converts; this
 * only picks a name no file has (strategy.md, else strategy-2.md, …) and
 * creates the file, never replacing one.
 */
async function importWord(client: LanguageClient | undefined, arg?: vscode.Uri): Promise<void> {
  if (!client?.isRunning()) return void vscode.window.showWarningMessage('Commissioning Lint is not running.');
  let source = arg instanceof vscode.Uri ? arg : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Import as Markdown', filters: { 'Word documents': ['docx'] }, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
    source = picked?.[0];
    if (!source) return;
  }
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Converting ${name}` }, () =>
    client.sendRequest<ConvertWordResult | null>(CONVERT_WORD_METHOD, { uri: source.toString() }),
  );
  if (!result || 'error' in result) return void vscode.window.showErrorMessage(`Commissioning Lint: ${name} ${result?.error ?? 'could not be converted'}.`);
  const base = source.path.replace(/\.docx$/i, '');
  for (let n = 1; n <= 100; n++) {
    const target = source.with({ path: `${base}${n === 1 ? '' : `-${n}`}.md` });
    if (await exists(target)) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(result.markdown) });
    // Fails if the name was taken meanwhile: then the next one.
    if (!(await vscode.workspace.applyEdit(edit))) continue;
    await vscode.window.showTextDocument(target);
    if (result.warning) void vscode.window.showWarningMessage(`Commissioning Lint: ${name} ${result.warning}.`);
    return;
  }
  void vscode.window.showErrorMessage(`Commissioning Lint: could not create a Markdown file beside ${name}.`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
