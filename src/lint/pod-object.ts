import type { Pod } from '../model/snapshot.js';

/**
 * The object a finding about a pod is reported on: `Pod ns/name` for a Pod, and the workload
 * (`Deployment ns/web`, `StatefulSet ns/db`) for a pod that stands for a workload's template.
 * The ignore annotation of that object silences the finding (run-lint).
 */
export function podObject(pod: Pod): string {
  return pod.fromTemplate ? `${pod.owner.kind} ${pod.namespace}/${pod.owner.name}` : `Pod ${pod.id}`;
}
