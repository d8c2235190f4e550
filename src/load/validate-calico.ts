import { Ajv } from 'ajv';
import { CALICO_SCHEMAS } from './schemas/calico-v3.js';
import { schemaProblem, type SchemaProblem } from './validate.js';

type Kind = keyof typeof CALICO_SCHEMAS;
const compiled = new Map<Kind, ReturnType<Ajv['compile']>>();
let ajv: Ajv | undefined;

/**
 * Checks a Calico object's shape against its kind's fields (schemas/calico-v3.ts); compiled on
 * first use, so snapshots without Calico objects pay nothing. Each problem names its field.
 */
export function validateCalicoShape(kind: Kind, value: unknown): SchemaProblem[] {
  ajv ??= new Ajv({ allErrors: true, strict: false, verbose: true });
  let validate = compiled.get(kind);
  if (!validate) compiled.set(kind, (validate = ajv.compile(CALICO_SCHEMAS[kind])));
  if (validate(value)) return [];
  const seen = new Set<string>();
  return (validate.errors ?? []).map(schemaProblem).filter((p) => {
    const key = `${p.path.join('.')}|${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
