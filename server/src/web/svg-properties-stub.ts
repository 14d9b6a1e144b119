// property-information's table of SVG attributes (10 KB of the browser bundle's 1 MB), which
// hast-util-from-html consults inside an <svg>: no strategy's EqIA is drawn in SVG, and an
// attribute without an entry keeps its own name. An empty schema merged with the others.
export const svg = { property: {}, normal: {}, space: 'svg' };
