// The status-bar item: the active strategy's coverage ("IPC 6/7 · EqIA 4/6 ·
// WCC 7/11"), as the server reports it after each lint. Click for the report.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { COVERAGE_METHOD, SHOW_REPORT_COMMAND, type CoverageInfo } from '../../server/src/lsp/protocol';

export class CoverageStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('commissioningLint.coverage', vscode.StatusBarAlignment.Right, 100);
  private readonly latest = new Map<string, CoverageInfo>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Commissioning Lint coverage';
    this.item.command = SHOW_REPORT_COMMAND;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidCloseTextDocument((d) => this.latest.delete(d.uri.toString())),
    );
  }

  /** A coverage notification from the server (extension.ts listens, after each restart). */
  update(info: CoverageInfo): void {
    this.latest.set(info.uri, info);
    if (info.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(info);
  }

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    const known = this.latest.get(doc.uri.toString());
    if (known) this.show(known);
    const client = this.client();
    if (!client?.isRunning()) return;
    try {
      const info = await client.sendRequest<CoverageInfo | null>(COVERAGE_METHOD, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
      if (info && doc === vscode.window.activeTextEditor?.document) this.show(info);
    } catch {
      // The server restarted or the document closed; the next notification will do.
    }
  }

  private show(info: CoverageInfo): void {
    this.item.text = info.coverage ? `$(checklist) ${info.summary}` : `$(circle-slash) ${info.summary}`;
    this.item.tooltip = info.coverage ? `Commissioning Lint (${info.policy ?? 'policy'}): IPC elements present · EqIA groups assessed · WCC competencies evidenced. Click for the coverage report.` : info.summary;
    this.item.command = info.coverage ? { title: 'Show coverage report', command: SHOW_REPORT_COMMAND, arguments: [info.uri] } : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
