// The browser build's stand-in for re2js (the linear-time engine for patterns
// from a workspace's config): in the browser such patterns are never run — the
// web server treats every workspace as untrusted for them — so the 150 KB
// engine stays out of dist/web/server.js (which is kept under 1 MB).
export class RE2JS {
  static readonly CASE_INSENSITIVE = 1;

  static compile(): never {
    throw new Error('patterns from the workspace are not run in the browser');
  }

  matcher(): never {
    throw new Error('patterns from the workspace are not run in the browser');
  }
}
