import { Ajv, type ErrorObject } from 'ajv';
import { closest } from '../query/did-you-mean.js';
import type { Path } from './locate.js';
import { NETWORK_POLICY_V1_SCHEMA } from './schemas/network-policy-v1.js';

export interface SchemaProblem {
  path: Path;
  message: string;
  /** `unknown-field` or `schema` */
  code: string;
}

let compiled: ReturnType<Ajv['compile']> | undefined;
/** Compiled on first use: snapshots without NetworkPolicies never pay for it. */
const validator = () => (compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(NETWORK_POLICY_V1_SCHEMA));

function segments(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function problem(e: ErrorObject): SchemaProblem {
  const path = segments(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const near = closest(field, known.map((k) => ({ name: k, label: k })), 2);
    return { path: [...path, field], code: 'unknown-field', message: `unknown field "${field}"${near.length ? ` (did you mean ${near.join(' or ')}?)` : ` (expected one of ${known.join(', ')})`}` };
  }
  if (e.keyword === 'required') {
    const field = (e.params as { missingProperty: string }).missingProperty;
    return { path, code: 'missing-field', message: `required field "${field}" is missing` };
  }
  return { path, code: 'schema', message: `${e.message ?? 'does not match the schema'}` };
}

/** Checks a NetworkPolicy's shape against the v1 schema; each problem names its field. */
export function validateNetworkPolicyShape(value: unknown): SchemaProblem[] {
  const validate = validator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(problem);
}
