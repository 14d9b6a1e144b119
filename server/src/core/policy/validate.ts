// JSON Schema validation of packs and configs: ajv's validators for
// policies/schema/*.json, generated at build time (esbuild.js, the
// `virtual:schema-validators` module), so no run compiles a schema.
import type { Validate, ValidationError } from './yaml-source';
import generated from 'virtual:schema-validators';

type AjvError = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };
type Compiled = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

function explain(e: AjvError): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(e.params.additionalProperty)}"`;
    case 'enum':
      return `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
    case 'required':
      return `missing required property "${String(e.params.missingProperty)}"`;
    default:
      return e.message ?? 'is not valid';
  }
}

function validator(fn: Compiled, data: unknown): ValidationError[] {
  if (fn(data)) return [];
  return (fn.errors ?? []).map((e) => ({
    // Point at the unknown key itself, not at the map holding it.
    instancePath: e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath,
    message: explain(e),
  }));
}

/** The pack and config validators (generated; see the header). */
export class Validators {
  readonly pack: Validate = (data) => validator((generated as { pack: Compiled }).pack, data);
  readonly config: Validate = (data) => validator((generated as { config: Compiled }).config, data);
}
