// Document URIs ↔ the paths the engine works with: the one place they are mapped.
// file: URIs are the operating system's own paths. A URI of a virtual workspace
// (vscode.dev and github.dev: vscode-vfs://github/owner/repo/…, or
// vscode-test-web://mount/…) becomes a POSIX-like path whose first segment is
// `<scheme>:<authority>`, e.g. /vscode-vfs:github/owner/repo/strategy.md, so the
// engine's path arithmetic (dirname, relative, resolve) works on it unchanged
// and it maps back to the very URI. Those paths are read through the client
// (server/src/web/client-host.ts), never from a disk. Where paths are not POSIX
// (Windows), and for other documents (untitled, a diff view's git:…?query),
// there is no path.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** scheme://authority/path, with no query or fragment. */
const HIERARCHICAL = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?$/i;
/** /scheme:authority/path — a path made from such a URI. */
const VIRTUAL_PATH = /^\/([a-z][a-z0-9+.-]*):([^/]*)(\/.*)?$/i;

export function uriToPath(uri: string): string | undefined {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  const m = HIERARCHICAL.exec(uri);
  if (!m || path.sep !== '/' || /%2f|%00/i.test(m[3] ?? '')) return undefined;
  try {
    const rest = decodeURIComponent(m[3] ?? '').replace(/\/+$/, '');
    return `/${m[1].toLowerCase()}:${m[2]}${rest}`;
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  const m = path.sep === '/' ? VIRTUAL_PATH.exec(file) : null;
  if (m && m[1].toLowerCase() !== 'file') return `${m[1]}://${m[2]}${(m[3] ?? '').split('/').map(encodeURIComponent).join('/')}`;
  return pathToFileURL(file).href;
}

/** Whether a path stands for a virtual workspace's URI (read through the client, not from disk). */
export function isVirtualPath(file: string): boolean {
  const m = path.sep === '/' ? VIRTUAL_PATH.exec(file) : null;
  return !!m && m[1].toLowerCase() !== 'file';
}
