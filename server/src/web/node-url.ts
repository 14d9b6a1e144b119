// `node:url` for the Web Worker build (an esbuild alias): file: URLs ↔ POSIX
// paths, all lsp/uris.ts needs. Paths in the browser are POSIX (path-browserify).
export function fileURLToPath(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  if (u.hostname !== '' && u.hostname !== 'localhost') throw new TypeError('File URL host must be "localhost" or empty');
  if (/%2f/i.test(u.pathname)) throw new TypeError('File URL path must not include encoded / characters');
  return decodeURIComponent(u.pathname);
}

export function pathToFileURL(file: string): URL {
  return new URL(`file://${file.split('/').map(encodeURIComponent).join('/')}`);
}
