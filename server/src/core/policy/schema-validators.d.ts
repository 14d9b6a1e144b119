// The validators esbuild.js generates from policies/schema/*.json (ajv standalone code).
declare module 'virtual:schema-validators' {
  const validators: { pack: unknown; config: unknown };
  export default validators;
}
