// JSON Schema validation of packs and configs (ajv). Loaded lazily: the built-in
// packs are checked by the test suite, so a plain run never pays for ajv.
import type { Validate, ValidationError } from './yaml-source';
import policySchema from '../../../../policies/schema/policy.schema.json';
import configSchema from '../../../../policies/schema/config.schema.json';

type AjvError = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };
type Compiled = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

function compile(schema: object): Compiled {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv').default as new (opts: object) => { compile(s: object): Compiled };
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
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

function validator(fn: Compiled, data: unknown): ValidationError[] {
  if (fn(data)) return [];
  return (fn.errors ?? []).map((e) => ({
    // Point at the unknown key itself, not at the map holding it.
    instancePath: e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath,
    message: explain(e),
  }));
}

/** The pack and config validators, each compiled on first use and kept by its PolicyLoader. */
export class Validators {
  private packFn?: Compiled;
  private configFn?: Compiled;

  readonly pack: Validate = (data) => validator((this.packFn ??= compile(policySchema)), data);
  readonly config: Validate = (data) => validator((this.configFn ??= compile(configSchema)), data);
}
