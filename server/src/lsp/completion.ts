// Completions: the eleven WCC competencies after "WCC ", the headings of IPC
// elements the strategy still lacks, missing equality groups in an EqIA table,
// and Act titles as they are typed. The core decides the context; this module
// only words the items.
import { CompletionItemKind, CompletionItemTag, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import { completionContext, itemText } from '../core';
import { offsetsToRange, toOffset } from './positions';
import { safe } from './safe';
import type { ServerState } from './state';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function registerCompletion(state: ServerState): void {
  state.connection.onCompletion(
    safe(state.log, 'completion', EMPTY, async (params): Promise<CompletionList> => {
      const l = await state.lintOpen(params.textDocument.uri);
      const a = l && state.service.analysis(l);
      if (!l || !a) return EMPTY;
      const offset = toOffset(l.lines, params.position);
      const ctx = completionContext(a, offset);
      if (!ctx) return EMPTY;
      // Typing a space or "|" pops up only what was clearly asked for, never Act titles mid-sentence.
      if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && ctx.kind === 'act') return EMPTY;
      const range: Range = offsetsToRange(l.lines, ctx.from, offset);
      const items: CompletionItem[] = [];
      switch (ctx.kind) {
        case 'wcc':
          for (const c of a.policy.competencies) {
            const text = itemText(c.number, c.names[0]);
            items.push({
              label: text,
              kind: CompletionItemKind.EnumMember,
              detail: `WCC competency ${c.number}`,
              documentation: { kind: MarkupKind.Markdown, value: c.description },
              sortText: String(c.number).padStart(2, '0'),
              filterText: `${c.number} ${c.names.join(' ')}`,
              textEdit: { range, newText: text },
            });
          }
          break;
        case 'heading':
          for (const [i, { element, recognised }] of ctx.elements.entries()) {
            // A title the policy would not match by itself gets the explicit marker.
            const newText = recognised ? element.title : `${element.title}\n\n<!-- ipc: ${element.id} -->`;
            items.push({
              label: element.title,
              kind: CompletionItemKind.Module,
              detail: `IPC element "${element.id}" (missing)`,
              documentation: { kind: MarkupKind.Markdown, value: element.description },
              sortText: String(i).padStart(2, '0'),
              textEdit: { range, newText },
            });
          }
          break;
        case 'eqia-group':
          for (const [i, g] of ctx.groups.entries()) {
            const name = g.names[0] ?? g.label;
            const newText = ctx.row ? `| ${name} |${'  |'.repeat(ctx.columns - 1)}` : name;
            items.push({
              label: name,
              kind: CompletionItemKind.Value,
              detail: `Equality group: ${g.label} (missing from the EqIA)`,
              sortText: String(i).padStart(2, '0'),
              filterText: ctx.row ? `| ${name} ${g.label}` : `${name} ${g.label}`,
              textEdit: { range, newText },
            });
          }
          break;
        case 'act':
          for (const act of ctx.acts) {
            items.push({
              label: act.title,
              kind: CompletionItemKind.Reference,
              detail: act.status,
              documentation: { kind: MarkupKind.Markdown, value: act.summary + (act.url ? `\n\n[legislation.gov.uk](${act.url})` : '') },
              tags: act.superseded ? [CompletionItemTag.Deprecated] : undefined,
              // Current Acts first.
              sortText: `${act.superseded ? 1 : 0}${act.title}`,
              filterText: act.title,
              textEdit: { range, newText: act.title },
            });
          }
          break;
      }
      for (const item of items) item.insertTextFormat = InsertTextFormat.PlainText;
      return { isIncomplete: false, items };
    }),
  );
}

export const COMPLETION_TRIGGERS = [' ', '|', '-'];
