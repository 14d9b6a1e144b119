// The client's side of the file protocol (server/src/web/client-host.ts): where
// the language server has no file system (a Web Worker in vscode.dev or
// github.dev), it asks the client for the files it would read — config files,
// policy packs, ignore files, linked EqIAs, the workspace's documents — and the
// client reads them through vscode.workspace.fs. Only files inside a workspace
// folder are given, and none larger than the cap the server asks with (the
// engine's limits): a larger file is described, not read.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIND_FILES_METHOD, READ_FILES_METHOD, type FileAnswer, type FindFilesParams, type FindFilesResult, type ReadFilesParams, type ReadFilesResult } from '../../server/src/lsp/protocol';

/** Files answered per request at most, whatever the server asks. */
const MAX_PER_REQUEST = 256;

export function serveFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(READ_FILES_METHOD, async (params: ReadFilesParams): Promise<ReadFilesResult> => ({
      files: await Promise.all((params?.files ?? []).slice(0, MAX_PER_REQUEST).map((f) => readOne(String(f.uri), Number(f.cap) || 0))),
    })),
    client.onRequest(FIND_FILES_METHOD, (params: FindFilesParams) => findDocuments(String(params?.folder), Math.max(0, Number(params?.max) || 0))),
  ];
}

/** The workspace folder holding a URI, if any: nothing outside one is read. */
function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return (vscode.workspace.workspaceFolders ?? []).find((f) => {
    const root = f.uri;
    if (root.scheme !== uri.scheme || root.authority !== uri.authority) return false;
    const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path === root.path || uri.path.startsWith(base);
  });
}

async function readOne(text: string, cap: number): Promise<FileAnswer> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return { uri: text, type: 'missing' };
  }
  if (!folderOf(uri) || uri.path.split('/').includes('..')) return { uri: text, type: 'missing' };
  let st: vscode.FileStat;
  try {
    st = await vscode.workspace.fs.stat(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return { uri: text, type: 'missing' };
    return { uri: text, type: 'error', error: err instanceof vscode.FileSystemError ? err.code : String((err as Error)?.message ?? err) };
  }
  if (st.type & vscode.FileType.SymbolicLink) return { uri: text, type: 'other', what: 'a symbolic link' };
  if (st.type & vscode.FileType.Directory) return { uri: text, type: 'directory' };
  if (!(st.type & vscode.FileType.File)) return { uri: text, type: 'other', what: 'not a file' };
  if (st.size > cap) return { uri: text, type: 'file', size: st.size, mtime: st.mtime };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    // A size that was wrong (the file grew): described, not sent.
    if (bytes.length > cap) return { uri: text, type: 'file', size: bytes.length, mtime: st.mtime };
    return { uri: text, type: 'file', size: bytes.length, mtime: st.mtime, data: toBase64(bytes) };
  } catch (err) {
    return { uri: text, type: 'error', error: err instanceof vscode.FileSystemError ? err.code : String((err as Error)?.message ?? err) };
  }
}

/** A folder's Markdown files: findFiles applies files.exclude; the server applies the engine's ignore rules. */
async function findDocuments(folderText: string, max: number): Promise<FindFilesResult> {
  let folder: vscode.Uri;
  try {
    folder = vscode.Uri.parse(folderText, true);
  } catch {
    return { uris: [] };
  }
  if (!folderOf(folder)) return { uris: [] };
  let found: vscode.Uri[];
  try {
    found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown}'), undefined, max + 1);
  } catch {
    // A file system with no search provider: walk it.
    found = await walk(folder, max + 1);
  }
  return { uris: found.slice(0, max).map((u) => u.toString()), truncated: found.length > max || undefined };
}

async function walk(root: vscode.Uri, max: number): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  const stack = [root];
  while (stack.length && out.length < max) {
    const dir = stack.pop()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      if (name.startsWith('.') || name === 'node_modules' || type & vscode.FileType.SymbolicLink) continue;
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) stack.push(child);
      else if (type & vscode.FileType.File && /\.(md|markdown)$/i.test(name)) out.push(child);
    }
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
