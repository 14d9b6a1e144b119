// Duplicate map keys in a YAML document, found in one pass. The yaml library's
// own `uniqueKeys` check compares every key with every other (20,000 keys took
// 5 s), so front matter, configs and packs are parsed without it and checked
// here, with the same error at the same place.
import { YAMLParseError, isMap, isScalar, visit, type Document, type YAMLError } from 'yaml';

/** The errors `uniqueKeys: true` would add, in document order (at most a few: only the first is ever shown). */
const MAX_REPORTED = 10;

export function duplicateKeyErrors(doc: Document): YAMLError[] {
  const out: YAMLError[] = [];
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        // Only plain values compare by value; a collection as a key is never a duplicate here.
        if (k !== null && typeof k === 'object') continue;
        if (seen.has(k)) {
          const range = isScalar(pair.key) ? pair.key.range : undefined;
          out.push(new YAMLParseError(range ? [range[0], range[1]] : [0, 0], 'DUPLICATE_KEY', 'Map keys must be unique'));
          if (out.length >= MAX_REPORTED) return visit.BREAK;
        } else seen.add(k);
      }
    },
  });
  return out;
}
