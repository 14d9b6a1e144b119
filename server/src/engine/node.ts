// The engine's Node side: the guarded reader over the real file system, stdin,
// folder walks and the --cache. The CLI and the desktop language server use
// it; the web extension cannot (no file system) and supplies files instead.
export { nodeHost, readGuarded, readStdin } from './node-host';
export { expandInputs, type Inputs } from './inputs';
export { lintCached, cacheFile, DEFAULT_CACHE_DIR } from './cache';
