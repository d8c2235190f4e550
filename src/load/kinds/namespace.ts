import { ISOLATION_ANNOTATION_ALPHA, ISOLATION_ANNOTATION_BETA, type LegacyIsolation } from '../../model/semantics.js';
import type { Namespace } from '../../model/snapshot.js';
import type { ObjectReader } from '../object-reader.js';
import { prepareForCreate, validateNamespace } from '../validation/index.js';
import { reportApiValidation } from './network-policy.js';
import { typedObjectMeta } from './object-meta-typed.js';

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export function readNamespace(r: ObjectReader): Namespace | undefined {
  if (!r.name) {
    r.reportMissingName('; skipped');
    return undefined;
  }
  if (!r.checkName()) return undefined;
  const errorsBefore = r.errors;
  const labels = { ...r.labels(['metadata', 'labels']), [NAME_LABEL]: r.name };
  reportApiValidation(r, validateNamespace({ metadata: prepareForCreate(typedObjectMeta(r.raw.value.metadata), false) }).filter((e) => e.path[1] !== 'labels'));
  if (r.errors > errorsBefore) {
    r.report('error', [], 'object-not-applied', `${r.objectName} has errors and is left out of the analysis (the API server would reject it)`);
    return undefined;
  }
  const annotations = r.stringMap(['metadata', 'annotations']);
  const legacyIsolation = readLegacyIsolation(r, annotations);
  return { name: r.name, labels, annotations, implicit: false, source: r.at([]), ...(legacyIsolation ? { legacyIsolation } : {}) };
}

/**
 * The isolation annotations of Kubernetes 1.2–1.6:
 * - `net.beta.kubernetes.io/network-policy: {"ingress": {"isolation": "DefaultDeny"}}` (1.3–1.6);
 * - `net.alpha.kubernetes.io/network-isolation: on|off` (the 1.2 ThirdPartyResource).
 * An annotation that cannot be read is reported and read as "not isolated", which is what a
 * plugin that fails to parse it does.
 */
function readLegacyIsolation(r: ObjectReader, annotations: Record<string, string>): LegacyIsolation | undefined {
  const beta = annotations[ISOLATION_ANNOTATION_BETA];
  const alpha = annotations[ISOLATION_ANNOTATION_ALPHA];
  let isolation: LegacyIsolation | undefined;
  if (alpha !== undefined) {
    const path = ['metadata', 'annotations', ISOLATION_ANNOTATION_ALPHA];
    const value = alpha.trim().toLowerCase();
    if (value !== 'on' && value !== 'off') {
      r.report('warning', path, 'invalid-isolation-annotation', `${ISOLATION_ANNOTATION_ALPHA} must be "on" or "off", got "${alpha.slice(0, 40)}"; read as off`);
    }
    isolation = { annotation: ISOLATION_ANNOTATION_ALPHA, isolated: value === 'on', source: r.at(path) };
  }
  if (beta !== undefined) {
    const path = ['metadata', 'annotations', ISOLATION_ANNOTATION_BETA];
    let isolated = false;
    try {
      const parsed = JSON.parse(beta) as { ingress?: { isolation?: unknown } } | null;
      const setting = parsed?.ingress?.isolation;
      if (setting === 'DefaultDeny') isolated = true;
      else if (setting !== undefined) {
        r.report('warning', path, 'invalid-isolation-annotation', `ingress.isolation "${String(setting)}" is not DefaultDeny (the only isolation type); read as not isolated`);
      }
    } catch {
      r.report('warning', path, 'invalid-isolation-annotation', `${ISOLATION_ANNOTATION_BETA} is not JSON (expected {"ingress": {"isolation": "DefaultDeny"}}); read as not isolated`);
    }
    // Either annotation isolating is enough.
    if (!isolation || isolated) isolation = { annotation: ISOLATION_ANNOTATION_BETA, isolated, source: r.at(path) };
  }
  return isolation;
}
