import type { Labels, SourceRef } from '../../model/index.js';
import type { Path } from '../locate.js';
import type { ObjectReader } from '../object-reader.js';
import { readOwnerRefs, readPodSpec, type OwnerRef, type PodSpecFacts } from './pod-spec.js';

/** Where each workload kind keeps its pod template (no prototype: a kind named `constructor` is not one). */
export const TEMPLATE_PATHS: Readonly<Record<string, Path>> = Object.assign(Object.create(null) as Record<string, Path>, {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  DeploymentConfig: ['spec', 'template'],
});

export interface LoadedWorkload extends PodSpecFacts {
  kind: string;
  name: string;
  namespace: string;
  labels: Labels;
  annotations: Labels;
  replicas: number;
  ownerRefs: OwnerRef[];
  source: SourceRef;
}

export function readWorkload(r: ObjectReader): LoadedWorkload | undefined {
  const template = TEMPLATE_PATHS[r.raw.kind];
  if (!template) return undefined;
  if (!r.name) {
    r.reportMissingName('; skipped');
    return undefined;
  }
  if (!r.checkName()) return undefined;
  if (!r.has(template)) {
    r.report('warning', template, 'missing-template', `${r.raw.kind} has no pod template (${template.join('.')}); skipped`);
    return undefined;
  }
  const replicas = r.get(['spec', 'replicas']);
  const errorsBefore = r.errors;
  const labels = r.labels([...template, 'metadata', 'labels']);
  r.labels(['metadata', 'labels']);
  if (r.errors > errorsBefore) {
    r.report('error', [], 'object-not-applied', `${r.objectName} has errors and is left out of the analysis (the API server would reject it)`);
    return undefined;
  }
  return {
    kind: r.raw.kind,
    name: r.name,
    namespace: r.namespace,
    labels,
    annotations: { ...r.stringMap(['metadata', 'annotations']), ...r.stringMap([...template, 'metadata', 'annotations']) },
    ...readPodSpec(r, [...template, 'spec']),
    replicas: typeof replicas === 'number' && replicas >= 0 ? replicas : 1,
    ownerRefs: readOwnerRefs(r),
    source: r.at([]),
  };
}
