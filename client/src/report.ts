// Shows a coverage report as a rendered Markdown preview. The report lives in
// a read-only virtual document (its own URI scheme), so it is never linted as
// a strategy of its own, and it refreshes when asked again.
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'commissioning-lint-report';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? '';
  }

  /** Opens (or refreshes) the report for a strategy beside it. */
  async show(strategy: string, markdown: string): Promise<void> {
    const name = decodeURIComponent(strategy.split('/').pop() ?? 'strategy');
    // The path's extension makes it a Markdown document; the query keeps reports of same-named files apart.
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/Coverage of ${/\.(md|markdown)$/i.test(name) ? name : `${name}.md`}`, query: strategy });
    this.reports.set(uri.toString(), markdown);
    this.changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
