// The web extension's workspace listing: the client finds a folder's Markdown
// files with vscode.workspace.findFiles (which applies `files.exclude`), and
// the engine's own rules are applied here, as its folder walk applies them on
// the desktop: no hidden folders or node_modules, .gitignore and
// .commissioning-lint-ignore in every folder down to the file, and the
// config's `ignore`. The ignore and config files are fetched first, in one
// request per batch; stamps and texts come through the ClientHost.
import ignore from 'ignore';
import * as path from 'node:path';
import { CONFIG_NAMES, ConfigIgnore, IGNORE_FILES, IgnoreFiles, hasDocumentExtension, type ConfigResolver } from '../engine';
import { FIND_FILES_METHOD, type FindFilesResult } from '../lsp/protocol';
import { MAX_ROUNDS, type WorkspaceFiles } from '../lsp/supply';
import { pathToUri, uriToPath } from '../lsp/uris';
import type { ClientHost, FileRequester } from './client-host';

/** Documents listed per folder at most (the client stops there, and says so). */
export const MAX_FILES = 20_000;

const SKIPPED = new Set(['node_modules']);

export class ClientWorkspaceFiles implements WorkspaceFiles {
  constructor(
    private readonly client: FileRequester,
    private readonly host: ClientHost,
    /** Called when config files fetched for the listing change what policies say (web main: PolicyStore.invalidate). */
    private readonly configLearned: () => void,
  ) {}

  async list(folder: string, resolver: () => ConfigResolver): Promise<{ files: string[]; problems: string[] }> {
    const problems: string[] = [];
    const r = (await this.client.sendRequest(FIND_FILES_METHOD, { folder: pathToUri(folder), max: MAX_FILES })) as FindFilesResult | null;
    if (r?.truncated) problems.push(`more than ${MAX_FILES.toLocaleString('en-GB')} Markdown files in "${folder}": only the first were listed`);
    const found = [...new Set((r?.uris ?? []).map(uriToPath))].filter((f): f is string => !!f && hasDocumentExtension(f) && inside(folder, f) && !hidden(folder, f));
    // Every folder from the workspace folder down to each file may hold ignore or config files.
    const dirs = new Set<string>();
    for (const f of found) for (let d = path.dirname(f); inside(folder, d) && !dirs.has(d); d = path.dirname(d)) dirs.add(d);
    const wanted = [...dirs].flatMap((d) => [...IGNORE_FILES, ...CONFIG_NAMES].map((n) => path.join(d, n)));
    if ((await this.host.fetchAll(wanted))?.config) this.configLearned();
    // The config's `ignore` needs its policy loaded, which may read packs not fetched yet.
    for (let round = 1; ; round++) {
      const ignoreFiles = new IgnoreFiles(this.host, () => ignore());
      const configIgnore = new ConfigIgnore(resolver(), () => ignore());
      const dirIgnored = new Map<string, boolean>();
      const ignoredDir = (d: string): boolean => {
        if (d === folder || !inside(folder, d)) return false;
        let v = dirIgnored.get(d);
        if (v === undefined) dirIgnored.set(d, (v = ignoredDir(path.dirname(d)) || ignoreFiles.ignores(d, true, folder)));
        return v;
      };
      const { result: files, missed } = this.host.record(folder, () => found.filter((f) => !ignoredDir(path.dirname(f)) && !ignoreFiles.ignores(f, false, folder) && !configIgnore.ignores(f)));
      if (!missed || round >= MAX_ROUNDS) return { files: files.sort(), problems: [...problems, ...ignoreFiles.problems] };
      const learned = await this.host.fetchMissed(folder);
      if (!learned) return { files: files.sort(), problems: [...problems, ...ignoreFiles.problems] };
      if (learned.config) this.configLearned();
    }
  }

  prepare(files: string[]): Promise<void> {
    return this.host.stat(files);
  }

  load(files: string[], stale: (file: string) => boolean): Promise<void> {
    return this.host.load(files.filter(stale));
  }

  stamp(file: string): string | undefined {
    return this.host.stamp(file);
  }
}

function inside(folder: string, file: string): boolean {
  return file === folder || file.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/** In a hidden folder (.git, .github…) or node_modules below the workspace folder, or hidden itself: the walk skips these. */
function hidden(folder: string, file: string): boolean {
  return path
    .relative(folder, file)
    .split('/')
    .some((s) => s.startsWith('.') || SKIPPED.has(s));
}
