// Reacts to files changing on disk (workspace/didChangeWatchedFiles) and to
// settings changing: config files and packs reload the policies; Markdown
// and Word files may be a strategy's linked EqIA. Then the client is asked to refresh.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, type Connection } from 'vscode-languageserver';
import { CONFIG_NAMES, IGNORE_FILES } from '../engine';
import { safeNotify } from './safe';
import type { ServerState } from './state';
import { uriToPath } from './uris';
import * as path from 'node:path';

/** Watched by the server itself when the client lets it register watchers. */
export const WATCHED_GLOBS = ['**/*.{md,markdown,docx}', '**/*.{yaml,yml}', '**/{.gitignore,.commissioning-lint-ignore}'];

export function registerWatch(state: ServerState, hooks: { refresh: () => void; filesChanged: (created: boolean) => void }): void {
  const { connection, log } = state;

  connection.onDidChangeWatchedFiles(
    safeNotify(log, 'watched files', (params) => {
      let policies = false;
      let created = false;
      const stale = new Set<string>();
      for (const c of params.changes) {
        const file = uriToPath(c.uri);
        if (!file) continue;
        state.supply?.changed(file);
        if (c.type !== FileChangeType.Changed) created = true;
        const base = path.basename(file);
        // Any YAML may be a pack some config points at; reloading a policy is cheap.
        if (CONFIG_NAMES.includes(base) || /\.ya?ml$/i.test(base)) policies = true;
        if (IGNORE_FILES.includes(base)) created = true;
        for (const u of state.service.dependents(file)) stale.add(u);
      }
      if (created || policies) hooks.filesChanged(true);
      if (policies) {
        state.policies.invalidate();
        state.service.invalidate();
      } else if (stale.size) state.service.invalidate(stale);
      if (policies || stale.size) hooks.refresh();
    }),
  );

  connection.onDidChangeConfiguration(
    safeNotify(log, 'configuration', (params) => {
      state.settings.changed(params?.settings);
      state.service.settingsGeneration++;
      // The policy setting may point elsewhere now.
      state.policies.invalidate();
      state.service.invalidate();
      hooks.refresh();
    }),
  );
}

/** Dynamic registrations made once the client is initialised, where it allows them. */
export async function registerDynamic(connection: Connection, state: ServerState): Promise<void> {
  if (state.caps.configurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'commissioningLint' });
  if (state.caps.watchedFilesRegistration) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
}
