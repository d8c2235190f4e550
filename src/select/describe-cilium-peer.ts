import type { CiliumPeer } from '../model/cilium-policy.js';
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
    case 'unmodelled':
      return `${peer.what} (not modelled)`;
  }
}
