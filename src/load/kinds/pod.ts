import type { Labels, SourceRef } from '../../model/index.js';
import { isRecord, type ObjectReader } from '../object-reader.js';
import { readOwnerRefs, readPodSpec, type OwnerRef, type PodSpecFacts } from './pod-spec.js';

export interface LoadedPod extends PodSpecFacts {
  name: string;
  namespace: string;
  labels: Labels;
  annotations: Labels;
  ips: string[];
  ownerRefs: OwnerRef[];
  source: SourceRef;
}

export function readPod(r: ObjectReader): LoadedPod | undefined {
  if (!r.name) {
    r.report('error', ['metadata'], 'missing-name', 'Pod has no metadata.name; skipped');
    return undefined;
  }
  if (!r.checkName()) return undefined;
  const ips = new Set<string>();
  const podIp = r.string(['status', 'podIP']);
  if (podIp) ips.add(podIp);
  const list = r.list(['status', 'podIPs']) ?? [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const ip = isRecord(item) && typeof item.ip === 'string' ? item.ip : r.string(['status', 'podIPs', i, 'ip']);
    if (ip) ips.add(ip);
  }
  return {
    name: r.name,
    namespace: r.namespace,
    labels: r.labels(['metadata', 'labels']),
    annotations: r.stringMap(['metadata', 'annotations']),
    ...readPodSpec(r, ['spec']),
    ips: [...ips],
    ownerRefs: readOwnerRefs(r),
    source: r.at([]),
  };
}
