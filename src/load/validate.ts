import type { ErrorObject } from 'ajv';
import { closest } from '../text/did-you-mean.js';
import type { Path } from './locate.js';
import { validate as precompiled } from './schemas/network-policy-v1.validator.js';

export interface SchemaProblem {
  path: Path;
  message: string;
  /** `unknown-field` or `schema` */
  code: string;
}

/** ajv's code for schemas/network-policy-v1.ts, generated ahead of time (no compile at start-up). */
const validator = precompiled as unknown as { (value: unknown): boolean; errors?: ErrorObject[] | null };

function segments(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** One ajv error as a problem on a field (unknown fields with the closest known names). */
export function schemaProblem(e: ErrorObject): SchemaProblem {
  const path = segments(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const near = closest(field, known.map((k) => ({ name: k, label: k })), 2);
    return { path: [...path, field], code: 'unknown-field', message: `unknown field ${JSON.stringify(field)}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ` (expected one of ${known.join(', ')})`}` };
  }
  if (e.keyword === 'required') {
    const field = (e.params as { missingProperty: string }).missingProperty;
    return { path, code: 'missing-field', message: `required field "${field}" is missing` };
  }
  return { path, code: 'schema', message: `${e.message ?? 'does not match the schema'}` };
}

/** Checks a NetworkPolicy's shape against the v1 schema; each problem names its field. */
export function validateNetworkPolicyShape(value: unknown): SchemaProblem[] {
  if (validator(value)) return [];
  return (validator.errors ?? []).map(schemaProblem);
}
