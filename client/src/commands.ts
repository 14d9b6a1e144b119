// The extension's commands: lint the workspace (with progress), show the
// active strategy's coverage report, restart the server.
import * as vscode from 'vscode';
import { WorkDoneProgress, type BaseLanguageClient as LanguageClient, type WorkDoneProgressReport, type WorkDoneProgressBegin } from 'vscode-languageclient';
import { ReportDocuments } from './report';
import { COVERAGE_METHOD, LINT_WORKSPACE_METHOD, SHOW_REPORT_COMMAND, type CoverageInfo, type LintWorkspaceSummary } from '../../server/src/lsp/protocol';

export function registerCommands(client: () => LanguageClient | undefined, restart: () => Promise<void>): vscode.Disposable[] {
  const reports = new ReportDocuments();
  return [
    reports,
    vscode.commands.registerCommand('commissioningLint.lintWorkspace', () => lintWorkspace(client())),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, (uri?: string | vscode.Uri) => showReport(client(), reports, uri)),
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
