// esbuild bundles policy packs, schemas and docs as text (loader: text), so the
// pure core can embed the default packs without touching the file system.
declare module '*.yaml' {
  const text: string;
  export default text;
}
