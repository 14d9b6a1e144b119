// How much the engine reads, at most: every read from disk or stdin is capped,
// so no file in a workspace (a symlink to /dev/zero, a huge log renamed .md)
// can exhaust memory or stall a run.
const MB = 1024 * 1024;

/** A strategy, a linked EqIA or a Word document. */
export const DOCUMENT_MAX_BYTES = 50 * MB;
/** `.commissioning-lint.yaml`, a policy pack, an ignore file, a cache entry's file. */
export const CONFIG_MAX_BYTES = 1 * MB;
/** Text given on standard input (--stdin). */
export const STDIN_MAX_BYTES = 50 * MB;
/** The --cache file (one entry per linted file). */
export const CACHE_MAX_BYTES = 256 * MB;

/** "73 MB" / "1.5 MB", for one-line reasons. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Why a size is refused: "is 73 MB, over the 50 MB limit" (in bytes when the rounding would hide the excess). */
export function overLimit(bytes: number, cap: number): string {
  const size = megabytes(bytes) === megabytes(cap) ? `${bytes.toLocaleString('en-GB')} bytes` : megabytes(bytes);
  return `is ${size}, over the ${megabytes(cap)} limit`;
}
