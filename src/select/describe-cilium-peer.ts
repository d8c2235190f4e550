import type { CiliumPeer, CiliumServiceQuery } from '../model/cilium-policy.js';
import { formatSelector } from './label-selector.js';

/** A Cilium peer in words: `pods app=web in namespace prod`, `entity world`, `CIDR 10.0.0.0/8 except 10.1.0.0/16`. */
export function describeCiliumPeer(peer: CiliumPeer): string {
  switch (peer.kind) {
    case 'endpoints':
    {
      const sel = formatSelector(peer.selector);
      return `${sel === '{}' ? 'all pods' : `pods ${sel}`}${peer.namespace !== undefined ? ` in namespace ${peer.namespace}` : sel === '{}' ? ' of the cluster' : ''}`;
    }
    case 'entity':
      return `entity ${peer.entity}`;
    case 'cidr':
      return `CIDR ${peer.cidr.text}${peer.except.length ? ` except ${peer.except.map((c) => c.text).join(', ')}` : ''}`;
    case 'service':
      if (peer.services.every((s) => 'selector' in s)) return peer.services.length === 1 ? `pods of Service ${peer.services[0]!.namespace}/${peer.services[0]!.name}` : `pods of Services ${peer.services.map((s) => `${s.namespace}/${s.name}`).join(', ')}`;
      return peer.services.map((s) => ('selector' in s ? `pods of Service ${s.namespace}/${s.name}` : `the EndpointSlice addresses of Service ${s.namespace}/${s.name} (${s.addresses.map((c) => c.text).join(', ')})`)).join(', ');
    case 'unmodelled':
      return `${peer.what} (not modelled)`;
  }
}

/** A `toServices` item in words: `k8sService db in namespace shop`, `k8sServiceSelector tier=db in any namespace`. */
export function describeServiceQuery(q: CiliumServiceQuery): string {
  const where = q.namespace !== undefined ? ` in namespace ${q.namespace}` : ' in any namespace';
  return q.by === 'name' ? `k8sService ${q.name}${where}` : `k8sServiceSelector ${formatSelector(q.selector)}${where}`;
}
