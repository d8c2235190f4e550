import { Ajv } from 'ajv';
import { CILIUM_POLICY_V2_SCHEMA } from './schemas/cilium-policy-v2.js';
import { schemaProblem, type SchemaProblem } from './validate.js';

let compiled: ReturnType<Ajv['compile']> | undefined;

/**
 * Checks a CiliumNetworkPolicy's or CiliumClusterwideNetworkPolicy's shape against the CRD's
 * fields (schemas/cilium-policy-v2.ts); compiled on first use, so snapshots without Cilium
 * policies pay nothing. Each problem names its field.
 */
export function validateCiliumPolicyShape(value: unknown): SchemaProblem[] {
  compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(CILIUM_POLICY_V2_SCHEMA);
  if (compiled(value)) return [];
  // A list of errors for one field: the first (ajv reports both branches of a type union).
  const seen = new Set<string>();
  return (compiled.errors ?? []).map(schemaProblem).filter((p) => {
    const key = `${p.path.join('.')}|${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
