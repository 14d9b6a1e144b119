// JSON Schema validation of packs and configs (ajv). Loaded lazily: the built-in
// packs are checked by the test suite, so a plain run never pays for ajv.
import type { Validate, ValidationError } from './yaml-source';
import policySchema from '../../../../policies/schema/policy.schema.json';
import configSchema from '../../../../policies/schema/config.schema.json';

type AjvError = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };
type Compiled = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const compiled = new Map<string, Compiled>();

function compile(name: string, schema: object): Compiled {
  let fn = compiled.get(name);
  if (!fn) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv').default as new (opts: object) => { compile(s: object): Compiled };
    fn = new Ajv({ allErrors: true, strict: false }).compile(schema);
    compiled.set(name, fn);
  }
  return fn;
}

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

function validator(name: string, schema: object): Validate {
  return (data: unknown): ValidationError[] => {
    const fn = compile(name, schema);
    if (fn(data)) return [];
    return (fn.errors ?? []).map((e) => ({
      // Point at the unknown key itself, not at the map holding it.
      instancePath: e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath,
      message: explain(e),
    }));
  };
}

export const validatePack = validator('policy', policySchema);
export const validateConfig = validator('config', configSchema);
