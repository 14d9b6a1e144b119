// The chunk trees of a document, as far as the fast parser builds them (type,
// offsets, value, url, depth, children: what the model reads), so the fast
// path's trees can be compared with remark's node for node, not only through
// the model built from them.
const { core } = require('./core');

/** A node cut down to the fields the fast parser gives (a code block's value and a definition's URL are never read). */
function slice(n) {
  const out = { type: n.type, start: n.position?.start.offset, end: n.position?.end.offset };
  if (n.value !== undefined && n.type !== 'code') out.value = n.value;
  if (n.url !== undefined && n.type !== 'definition') out.url = n.url;
  if (n.depth !== undefined) out.depth = n.depth;
  if (n.children) out.children = n.children.map(slice);
  return out;
}

/** Each chunk's tree, sliced: from the fast path (with its remark fallbacks) or from remark alone, each chunk whole. */
function chunkTrees(text, fast, stats) {
  return core.parseChunks(text, undefined, { fast, stats }).map((p) => slice(p.tree));
}

/** The first path where two sliced trees differ, or undefined. */
function firstDifference(a, b, at = 'root') {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'children') continue;
    if (a[k] !== b[k]) return `${at}.${k}: ${JSON.stringify(a[k])} ≠ ${JSON.stringify(b[k])}`;
  }
  const ak = a.children ?? [];
  const bk = b.children ?? [];
  for (let i = 0; i < Math.max(ak.length, bk.length); i++) {
    if (!ak[i] || !bk[i]) return `${at}[${i}]: ${ak[i]?.type ?? 'nothing'} ≠ ${bk[i]?.type ?? 'nothing'}`;
    const d = firstDifference(ak[i], bk[i], `${at}[${i}]${ak[i].type}`);
    if (d) return d;
  }
  return undefined;
}

module.exports = { slice, chunkTrees, firstDifference };
