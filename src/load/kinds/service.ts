import { PROTOCOLS, type Protocol } from '../../model/policy.js';
import type { Service, ServicePort } from '../../model/snapshot.js';
import type { ObjectReader } from '../object-reader.js';

export function readService(r: ObjectReader): Service | undefined {
  if (!r.name || !r.checkName()) return undefined;
  const ports: ServicePort[] = [];
  (r.list(['spec', 'ports']) ?? []).forEach((_, i) => {
    const p = ['spec', 'ports', i];
    const port = r.get([...p, 'port']);
    if (typeof port !== 'number') {
      r.report('warning', [...p, 'port'], 'invalid-port', 'Service port must be a number; port ignored');
      return;
    }
    const protocol = (r.string([...p, 'protocol']) ?? 'TCP') as Protocol;
    if (!PROTOCOLS.includes(protocol)) return;
    const target = r.get([...p, 'targetPort']);
    const targetPort = typeof target === 'number' || typeof target === 'string' ? target : port;
    const name = r.string([...p, 'name']);
    ports.push({ ...(name ? { name } : {}), port, protocol, targetPort });
  });
  const selector = r.has(['spec', 'selector']) ? r.stringMap(['spec', 'selector']) : undefined;
  const labels = r.stringMap(['metadata', 'labels']);
  return { name: r.name, namespace: r.namespace, ...(Object.keys(labels).length ? { labels } : {}), ...(selector ? { selector } : {}), ports, source: r.at([]) };
}
