// esbuild bundles policy packs, schemas and docs as text (loader: text), so the
// pure core can embed the default packs without touching the file system.
declare module '*.yaml' {
  const text: string;
  export default text;
}

// A built-in pack parsed at build time (see esbuild.js): its plain data as a
// JSON string, so start-up does not pay for a YAML parse.
declare module '*.yaml?data' {
  const json: string;
  export default json;
}

// A Markdown file bundled as text (the language server's warm-up strategies).
declare module '*.md' {
  const text: string;
  export default text;
}
