// A small bounded memo for chunk parses (Map keeps insertion order, so the
// oldest entry is the first key). Adapters create one per document or process.
import type { ParseCache } from './types';

export class LruCache implements ParseCache {
  private readonly map = new Map<string, unknown>();

  constructor(private readonly capacity = 2000) {}

  get(key: string): unknown {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: unknown): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
}
