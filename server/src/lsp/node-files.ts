// The desktop server's files: the disk, through the engine's guarded reader,
// and the engine's folder walk (the CLI's own: ignore files and the config's
// `ignore` honoured) for the workspace sweep. A virtual workspace folder
// (Remote Repositories: vscode-vfs://…, see uris.ts) has no disk behind it: its
// files are asked of the client, as the web extension asks for all of them
// (web/client-host.ts). Node only.
import * as fs from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import { expandInputs, nodeHost } from '../engine/node';
import type { FileHost } from '../engine';
import { ClientHost } from '../web/client-host';
import { ClientWorkspaceFiles } from '../web/workspace-files';
import type { ServerOptions } from './server';
import type { FileSupply, WorkspaceFiles } from './supply';
import { isVirtualPath } from './uris';

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async list(folder, resolver) {
    const expanded = expandInputs([folder], folder, resolver());
    return { files: expanded.files, problems: expanded.problems.filter((p) => !p.startsWith('no Markdown files')) };
  },
  stamp(file) {
    try {
      const st = fs.statSync(file);
      return st.isFile() ? `${st.mtimeMs}:${st.size}` : undefined;
    } catch {
      return undefined;
    }
  },
};

/** Disk for file paths, the client for virtual ones; `folders` are the workspace folders' paths. */
export function desktopFiles(connection: Connection, folders: () => string[], configLearned: () => void): ServerOptions & { host: FileHost } {
  const requester = { sendRequest: (method: string, params: unknown) => connection.sendRequest(method, params) };
  const client = new ClientHost(requester, () => folders().filter(isVirtualPath));
  const listing = new ClientWorkspaceFiles(requester, client, configLearned);
  const host: FileHost = {
    read: (file, cap) => (isVirtualPath(file) ? client.read(file, cap) : nodeHost.read(file, cap)),
    realpath: (file) => (isVirtualPath(file) ? client.realpath(file) : nodeHost.realpath(file)),
    exists: (file) => (isVirtualPath(file) ? client.exists(file) : nodeHost.exists(file)),
  };
  const supply: FileSupply = {
    prepare: async (file) => (isVirtualPath(file) ? client.prepare(file) : undefined),
    record: (file, lint) => (isVirtualPath(file) ? client.record(file, lint) : { result: lint(), missed: false }),
    fetchMissed: (file) => client.fetchMissed(file),
    changed: (file) => client.changed(file),
  };
  const workspaceFiles: WorkspaceFiles = {
    list: (folder, resolver) => (isVirtualPath(folder) ? listing.list(folder, resolver) : nodeWorkspaceFiles.list(folder, resolver)),
    prepare: (files) => client.stat(files.filter(isVirtualPath)),
    load: (files, stale) => client.load(files.filter((f) => isVirtualPath(f) && stale(f))),
    stamp: (file) => (isVirtualPath(file) ? client.stamp(file) : nodeWorkspaceFiles.stamp(file)),
  };
  return { host, supply, workspaceFiles };
}
