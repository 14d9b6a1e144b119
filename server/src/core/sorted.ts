// One binary search, for the many places that ask which line, block or segment
// holds an offset: the last index whose start is at or before it.

/** The last i in [0, count) with startOf(i) <= k (0 when none is: callers clamp or check). */
export function lastAtOrBefore(count: number, startOf: (i: number) => number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startOf(mid) <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type Range = readonly [number, number] | { readonly start: number; readonly end: number };
const startOf = (r: Range) => ('start' in r ? r.start : r[0]);
const endOf = (r: Range) => ('end' in r ? r.end : r[1]);

/**
 * The spans overlapping none of the blockers. Both lists run left to right without
 * overlaps (a phrase list's leftmost matches), so one walk: a document of 20,000
 * "Age UK"s is linear, where asking every blocker of every span was quadratic.
 */
export function apart<T extends Range>(spans: T[], blockers: readonly Range[]): T[] {
  if (!blockers.length) return spans;
  const out: T[] = [];
  let j = 0;
  for (const s of spans) {
    while (j < blockers.length && endOf(blockers[j]) <= startOf(s)) j++;
    if (j < blockers.length && startOf(blockers[j]) < endOf(s)) continue;
    out.push(s);
  }
  return out;
}
