// Architecture invariant: no import cycles anywhere in the sources (type-only
// imports included: a cycle of types is still two modules that cannot be read
// one without the other).
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('../helpers/core');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Relative imports of each source file, resolved to files. */
function graph(files) {
  const known = new Set(files);
  const resolve = (from, spec) => {
    const base = path.resolve(path.dirname(from), spec);
    return [base, `${base}.ts`, path.join(base, 'index.ts')].find((p) => known.has(p));
  };
  const edges = new Map();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const specs = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"](\.[^'"]*)['"]/g)].map((m) => m[1]);
    edges.set(f, [...new Set(specs.map((s) => resolve(f, s)).filter(Boolean))]);
  }
  return edges;
}

/** Every cycle found by a depth-first search, as a list of files. */
function cycles(edges) {
  const out = [];
  const state = new Map();
  const stack = [];
  const visit = (f) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of edges.get(f) ?? []) {
      if (state.get(g) === 'open') out.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of edges.keys()) if (!state.has(f)) visit(f);
  return out;
}

describe('imports', () => {
  it('form no cycle', () => {
    const files = [...walk(path.join(ROOT, 'server', 'src')), ...walk(path.join(ROOT, 'client', 'src'))].filter((f) => f.endsWith('.ts'));
    const found = cycles(graph(files)).map((c) => c.map((f) => path.relative(ROOT, f)).join(' → '));
    assert.deepStrictEqual(found, []);
  });
});
