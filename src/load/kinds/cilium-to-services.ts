import type { CiliumPeer } from '../../model/cilium-policy.js';
import type { Path } from '../locate.js';
import type { ObjectReader } from '../object-reader.js';
import { readCiliumSelector } from './cilium-selector.js';

/**
 * The items of an egress rule's `toServices` (pkg/policy/api/service.go): `k8sService`
 * (`serviceName`, `namespace`) or `k8sServiceSelector` (`selector` on the Services' labels,
 * `namespace`). An omitted `namespace` matches Services of every namespace (`serviceRefMatches`,
 * `serviceSelectorMatches`, pkg/policy/k8s/service.go). The peers come back with no Service yet:
 * `resolveCiliumServices` looks them up once every Service of the snapshot is read. What cannot be
 * read that way is `note`d and an unmodelled peer.
 */
export function readToServices(r: ObjectReader, path: Path, deny: boolean, note: (at: Path, what: string) => void): CiliumPeer[] {
  const items = r.list([...path, 'toServices']) ?? [];
  if (items.length === 0) return [];
  if (deny) {
    // Cilium resolves toServices in `egress` rules only (processRule walks rule.Egress).
    note([...path, 'toServices'], 'toServices in an egressDeny rule');
    return [{ kind: 'unmodelled', what: 'toServices in egressDeny', source: r.at([...path, 'toServices']) }];
  }
  return items.map((_, i) => readItem(r, [...path, 'toServices', i], note));
}

function readItem(r: ObjectReader, at: Path, note: (at: Path, what: string) => void): CiliumPeer {
  const unmodelled = (what: string): CiliumPeer => {
    note(at, what);
    return { kind: 'unmodelled', what, source: r.at(at) };
  };
  const byName = r.has([...at, 'k8sService']);
  const byLabels = r.has([...at, 'k8sServiceSelector']);
  if (byName === byLabels) return unmodelled(`a toServices item with ${byName ? 'both k8sService and k8sServiceSelector' : 'neither k8sService nor k8sServiceSelector'}`);
  if (byName) {
    const name = r.string([...at, 'k8sService', 'serviceName']);
    const namespace = r.string([...at, 'k8sService', 'namespace']) || undefined;
    if (!name) return unmodelled('a toServices k8sService without serviceName');
    return { kind: 'service', query: { by: 'name', name, ...(namespace ? { namespace } : {}) }, services: [], source: r.at(at) };
  }
  const selAt = [...at, 'k8sServiceSelector', 'selector'];
  const namespace = r.string([...at, 'k8sServiceSelector', 'namespace']) || undefined;
  // Service labels carry no source: a key with one (`k8s:app`) is left open.
  const rawKeys = [...Object.keys(r.stringMap([...selAt, 'matchLabels'])), ...(r.list([...selAt, 'matchExpressions']) ?? []).map((_, j) => r.string([...selAt, 'matchExpressions', j, 'key']) ?? '')];
  if (rawKeys.some((k) => k.includes(':'))) return unmodelled('a toServices k8sServiceSelector with source-prefixed keys');
  const read = readCiliumSelector(r, selAt);
  if (!read) return unmodelled('a toServices k8sServiceSelector without selector');
  return { kind: 'service', query: { by: 'labels', selector: read.selector, ...(namespace ? { namespace } : {}) }, services: [], source: r.at(at) };
}
