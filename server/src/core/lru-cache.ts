// A bounded memo for chunk parses and front matter. Map keeps insertion order,
// so the least recently used entry is the first key. Bounded by entry count, or
// by total weight (the editor weighs entries by key length, i.e. the source text
// they hold, so hundreds of open strategies neither thrash nor hoard trees).
import type { ParseCache } from './types';

export interface LruOptions {
  maxEntries?: number;
  /** Total weight to keep, with `weigh` giving each entry's weight. */
  maxWeight?: number;
  weigh?: (key: string, value: unknown) => number;
}

export class LruCache implements ParseCache {
  private readonly map = new Map<string, { value: unknown; weight: number }>();
  private weight = 0;
  private readonly maxEntries: number;
  private readonly maxWeight: number;
  private readonly weigh: (key: string, value: unknown) => number;

  constructor(opts: number | LruOptions = 2000) {
    const o = typeof opts === 'number' ? { maxEntries: opts } : opts;
    this.maxEntries = o.maxEntries ?? Infinity;
    this.maxWeight = o.maxWeight ?? Infinity;
    this.weigh = o.weigh ?? (() => 1);
  }

  get(key: string): unknown {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  set(key: string, value: unknown): void {
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.weight -= old.weight;
    }
    const weight = this.weigh(key, value);
    if (weight > this.maxWeight) return;
    this.map.set(key, { value, weight });
    this.weight += weight;
    while (this.map.size > this.maxEntries || this.weight > this.maxWeight) {
      const [oldest, e] = this.map.entries().next().value as [string, { weight: number }];
      this.map.delete(oldest);
      this.weight -= e.weight;
    }
  }

  get entries(): number {
    return this.map.size;
  }

  /** Total weight held (characters of source, for the editor's cache). */
  get held(): number {
    return this.weight;
  }
}
