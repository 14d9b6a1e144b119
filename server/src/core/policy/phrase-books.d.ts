// The built-in packs' phrase books compiled at build time (esbuild.js), by pack id,
// as JSON of a FrozenMatcher (core/match): reading one back skips compiling it on
// a cold start. Empty where not built (the browser bundle, the build that makes them).
declare module 'virtual:phrase-books' {
  const books: Record<string, string | undefined>;
  export default books;
}
