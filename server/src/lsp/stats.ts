// A diagnostic request for benchmarks and bug reports: memory and cache sizes.
// Collects garbage first when node runs with --expose-gc, so heap is comparable.
import { safe } from './safe';
import { STATS_METHOD } from './protocol';
import type { ServerState } from './state';


export function registerStats(state: ServerState): void {
  state.connection.onRequest(
    STATS_METHOD,
    safe(state.log, 'stats', null, () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) gc();
      const m = process.memoryUsage();
      return { heapUsed: m.heapUsed, rss: m.rss, documents: state.documents.all().length, parseCacheEntries: state.service.cache.entries, parseCacheChars: state.service.cache.held };
    }),
  );
}
