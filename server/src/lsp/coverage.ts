// Coverage for editors: a notification after each fresh lint (the VS Code
// status bar listens to it), a request for a document's coverage and its
// report, and the code lens at the title ("IPC 6/7 · EqIA 4/6 · WCC 7/11").
import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver';
import { coverageLine } from '../core';
import type { Linted } from './lint-service';
import { offsetsToRange } from './positions';
import { coverageReport } from './coverage-report';
import { safe } from './safe';
import { COVERAGE_METHOD, SHOW_REPORT_COMMAND, type CoverageInfo } from './protocol';
import type { ServerState } from './state';


export function coverageInfo(l: Linted): CoverageInfo {
  const base = { uri: l.uri, version: l.version, enabled: l.enabled, policy: l.policy?.id };
  if (!l.enabled) return { ...base, summary: 'commissioning-lint is off for this file' };
  if (!l.result) return { ...base, summary: 'policy cannot be loaded' };
  return { ...base, summary: coverageLine(l.result.coverage), coverage: l.result.coverage };
}

// The summary last shown per document, so code lenses are refreshed only when it changes.
const shown = new Map<string, string>();

export function sendCoverage(state: ServerState, l: Linted): void {
  const info = coverageInfo(l);
  state.connection.sendNotification(COVERAGE_METHOD, info).catch((err) => state.log('coverage notification', err));
  // Ask the client to fetch lenses again whenever the summary changes. (VS Code may
  // drop the fetch this schedules, if the editor loses focus first: the extension's
  // lens keeper, client/src/lens-keeper.ts, asks again until it has fetched.)
  if (shown.get(l.uri) !== info.summary) {
    shown.set(l.uri, info.summary);
    if (state.caps.codeLensRefresh) state.connection.sendRequest(CodeLensRefreshRequest.type).catch((err: unknown) => state.log('code lens refresh', err));
  }
}

export function registerCoverage(state: ServerState): void {
  const { connection, log } = state;
  connection.onRequest(
    COVERAGE_METHOD,
    safe(log, 'coverage', null, async (params: { uri?: unknown }) => {
      if (typeof params?.uri !== 'string') return null;
      const l = await state.lintOpen(params.uri);
      if (!l) return null;
      return { ...coverageInfo(l), report: l.result && l.policy ? coverageReport(l, state.service.analysis(l)) : undefined };
    }),
  );

  connection.onCodeLens(
    safe(log, 'code lens', [] as CodeLens[], async (params) => {
      const l = await state.lintOpen(params.textDocument.uri);
      if (!l?.result || state.isLinkedEqia(l.uri)) return [];
      const a = state.service.analysis(l);
      const range = a ? offsetsToRange(l.lines, a.title.start, a.title.end) : offsetsToRange(l.lines, 0, 0);
      return [{ range, command: { title: coverageLine(l.result.coverage), command: SHOW_REPORT_COMMAND, arguments: [l.uri] } }];
    }),
  );
}
