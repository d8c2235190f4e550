import type { ContainerPort } from '../../model/snapshot.js';
import { PROTOCOLS, type Protocol } from '../../model/policy.js';
import type { Path } from '../locate.js';
import type { ObjectReader } from '../object-reader.js';

export interface PodSpecFacts {
  ports: ContainerPort[];
  hostNetwork: boolean;
}

/** Container ports (named ports resolve against these) and hostNetwork of a pod spec. */
export function readPodSpec(r: ObjectReader, spec: Path): PodSpecFacts {
  const ports: ContainerPort[] = [];
  (r.list([...spec, 'containers']) ?? []).forEach((_, c) => {
    (r.list([...spec, 'containers', c, 'ports']) ?? []).forEach((__, i) => {
      const p = [...spec, 'containers', c, 'ports', i];
      const number = r.get([...p, 'containerPort']);
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) {
        r.report('warning', [...p, 'containerPort'], 'invalid-port', `containerPort must be a number from 1 to 65535; port ignored`);
        return;
      }
      const protocol = (r.string([...p, 'protocol']) ?? 'TCP') as Protocol;
      if (!PROTOCOLS.includes(protocol)) {
        r.report('warning', [...p, 'protocol'], 'invalid-protocol', `protocol "${protocol}" is not TCP, UDP or SCTP; port ignored`);
        return;
      }
      const name = r.string([...p, 'name']);
      ports.push(name ? { name, port: number, protocol } : { port: number, protocol });
    });
  });
  const hostNetwork = r.get([...spec, 'hostNetwork']) === true;
  return { ports, hostNetwork };
}

export interface OwnerRef {
  kind?: string;
  name: string;
  controller: boolean;
}

export function readOwnerRefs(r: ObjectReader): OwnerRef[] {
  const out: OwnerRef[] = [];
  (r.list(['metadata', 'ownerReferences']) ?? []).forEach((_, i) => {
    const p = ['metadata', 'ownerReferences', i];
    const name = r.string([...p, 'name']);
    if (!name) return;
    const kind = r.string([...p, 'kind']);
    out.push({ ...(kind ? { kind } : {}), name, controller: r.get([...p, 'controller']) === true });
  });
  return out;
}

/** The controlling owner: the first `controller: true` reference that is not a Node. */
export function controllerOf(refs: readonly OwnerRef[]): OwnerRef | undefined {
  return refs.find((o) => o.controller && o.kind !== 'Node');
}
