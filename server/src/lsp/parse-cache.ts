// The language server's memo of chunk parses, bounded by the amount of source
// text it holds rather than by entry count: with hundreds of open strategies a
// count bound either thrashes (small) or holds far too many trees (large).
// Keys embed the chunk text, so key length measures what each entry holds.
import type { ParseCache } from '../core';

export class BudgetCache implements ParseCache {
  private readonly map = new Map<string, unknown>();
  private size = 0;

  constructor(private readonly budgetChars: number) {}

  get(key: string): unknown {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Refresh recency: Map iteration order is insertion order.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: unknown): void {
    if (this.map.has(key)) this.size -= key.length;
    this.map.delete(key);
    if (key.length > this.budgetChars) return;
    this.map.set(key, value);
    this.size += key.length;
    while (this.size > this.budgetChars) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.size -= oldest.length;
    }
  }

  get entries(): number {
    return this.map.size;
  }

  get chars(): number {
    return this.size;
  }
}
