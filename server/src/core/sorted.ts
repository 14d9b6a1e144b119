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

/**
 * The ranges no other of them holds, in order. Ranges nest or lie apart (sections), so one
 * sweep by start (the wider first where two start together) keeps each that starts past the
 * last kept one's end: a document of 10,000 "EqIA" headings is linear.
 */
export function outermost<T extends Range>(ranges: readonly T[]): T[] {
  const sorted = [...ranges].sort((a, b) => startOf(a) - startOf(b) || endOf(b) - endOf(a));
  const out: T[] = [];
  for (const r of sorted) if (!out.length || startOf(r) >= endOf(out[out.length - 1])) out.push(r);
  return out;
}

/** Whether [start, end) lies inside one of the ranges, which run left to right without overlaps (binary search). */
export function withinOne(ranges: readonly Range[], start: number, end: number): boolean {
  if (!ranges.length) return false;
  const i = lastAtOrBefore(ranges.length, (k) => startOf(ranges[k]), start);
  return startOf(ranges[i]) <= start && end <= endOf(ranges[i]);
}

/** The ranges' union as ranges running left to right without overlaps. */
export function union(ranges: readonly Range[]): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => startOf(a) - startOf(b));
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && startOf(r) <= last[1]) last[1] = Math.max(last[1], endOf(r));
    else out.push([startOf(r), endOf(r)]);
  }
  return out;
}
