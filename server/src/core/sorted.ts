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
